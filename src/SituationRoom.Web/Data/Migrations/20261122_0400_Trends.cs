using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SituationRoom.Web.Data.Migrations;

/// <summary>
/// The complaint cube, by day and by month, that the trends read instead of raw history (see Features/Trends/ComplaintRollup).
/// It starts empty: the app fills it from the complaints on start, so no data is moved here.
/// </summary>
[DbContext(typeof(SituationDbContext))]
[Migration("20261122000400_Trends")]
public sealed class Trends : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ComplaintRollupCells",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                Grain = table.Column<string>(maxLength: 8, nullable: false),
                Start = table.Column<DateOnly>(nullable: false),
                OpdCode = table.Column<string>(maxLength: 24, nullable: false),
                KecamatanCode = table.Column<string>(maxLength: 16, nullable: false),
                CategoryCode = table.Column<string>(maxLength: 32, nullable: false),
                Channel = table.Column<string>(maxLength: 24, nullable: false),
                Received = table.Column<int>(nullable: false),
                Closed = table.Column<int>(nullable: false),
                ClosedWithinSla = table.Column<int>(nullable: false),
                Resolved = table.Column<int>(nullable: false),
                ResolvedWithin6h = table.Column<int>(nullable: false),
                ResolvedWithin12h = table.Column<int>(nullable: false),
                ResolvedWithin1d = table.Column<int>(nullable: false),
                ResolvedWithin2d = table.Column<int>(nullable: false),
                ResolvedWithin3d = table.Column<int>(nullable: false),
                ResolvedWithin4d = table.Column<int>(nullable: false),
                ResolvedWithin5d = table.Column<int>(nullable: false),
                ResolvedWithin6d = table.Column<int>(nullable: false),
                ResolvedWithin7d = table.Column<int>(nullable: false),
                ResolvedWithin8d = table.Column<int>(nullable: false),
                ResolvedWithin9d = table.Column<int>(nullable: false),
                ResolvedWithin10d = table.Column<int>(nullable: false),
                ResolvedWithin14d = table.Column<int>(nullable: false),
                ResolvedWithin21d = table.Column<int>(nullable: false),
                ResolvedWithin30d = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ComplaintRollupCells", x => x.Id));

        migrationBuilder.CreateIndex("IX_ComplaintRollupCells_Grain_Start", "ComplaintRollupCells", ["Grain", "Start"]);
        migrationBuilder.CreateIndex("IX_ComplaintRollupCells_Grain_KecamatanCode_Start", "ComplaintRollupCells", ["Grain", "KecamatanCode", "Start"]);
        migrationBuilder.CreateIndex("IX_ComplaintRollupCells_Grain_OpdCode_Start", "ComplaintRollupCells", ["Grain", "OpdCode", "Start"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ComplaintRollupCells");
}
