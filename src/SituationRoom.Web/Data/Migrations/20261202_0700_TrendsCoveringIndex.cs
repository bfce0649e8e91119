using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SituationRoom.Web.Data.Migrations;

/// <summary>
/// The complaint cube's index on grain and day becomes a covering index (every column a chart sums), so a range of
/// cells with no place filter is read from the index alone (see ComplaintRollupCellConfiguration). The cube itself
/// is derived and rebuilt on start; only the index changes.
/// </summary>
[DbContext(typeof(SituationDbContext))]
[Migration("20261202000700_TrendsCoveringIndex")]
public sealed class TrendsCoveringIndex : Migration
{
    private static readonly string[] Covered =
    [
        "Grain", "Start", "OpdCode", "KecamatanCode", "CategoryCode", "Channel", "Received", "Closed", "ClosedWithinSla", "Resolved",
        "ResolvedWithin6h", "ResolvedWithin12h", "ResolvedWithin1d", "ResolvedWithin2d", "ResolvedWithin3d", "ResolvedWithin4d",
        "ResolvedWithin5d", "ResolvedWithin6d", "ResolvedWithin7d", "ResolvedWithin8d", "ResolvedWithin9d", "ResolvedWithin10d",
        "ResolvedWithin14d", "ResolvedWithin21d", "ResolvedWithin30d",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ComplaintRollupCells_Grain_Start", "ComplaintRollupCells");
        migrationBuilder.CreateIndex("IX_ComplaintRollupCells_Grain_Start_Covering", "ComplaintRollupCells", Covered);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ComplaintRollupCells_Grain_Start_Covering", "ComplaintRollupCells");
        migrationBuilder.CreateIndex("IX_ComplaintRollupCells_Grain_Start", "ComplaintRollupCells", ["Grain", "Start"]);
    }
}
