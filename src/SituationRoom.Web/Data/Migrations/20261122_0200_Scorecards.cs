using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SituationRoom.Web.Data.Migrations;

/// <summary>
/// Scorecards: each score keeps its automatic-data coverage and the coverage rule's verdict, and manual indicator
/// entries get an append-only audit trail with evidence. Written by hand; MigrationsTests checks it against the model.
/// </summary>
[DbContext(typeof(SituationDbContext))]
[Migration("20261122000200_Scorecards")]
public sealed class Scorecards : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Existing scores get 0 / false until the scorer's next full run rewrites them (it runs at every start).
        migrationBuilder.AddColumn<double>("AutomaticCoverage", "SmartScores", nullable: false, defaultValue: 0.0);
        migrationBuilder.AddColumn<bool>("Rankable", "SmartScores", nullable: false, defaultValue: false);

        migrationBuilder.CreateTable(
            name: "SmartIndicatorChanges",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                OpdCode = table.Column<string>(maxLength: 24, nullable: false),
                PeriodKind = table.Column<string>(maxLength: 8, nullable: false),
                PeriodStart = table.Column<DateOnly>(nullable: false),
                IndicatorCode = table.Column<string>(maxLength: 48, nullable: false),
                PreviousValue = table.Column<double>(nullable: true),
                Value = table.Column<double>(nullable: false),
                Reason = table.Column<string>(maxLength: 1000, nullable: false),
                EvidenceUrl = table.Column<string>(maxLength: 500, nullable: true),
                EvidenceFile = table.Column<string>(maxLength: 260, nullable: true),
                EvidenceFileName = table.Column<string>(maxLength: 260, nullable: true),
                ChangedBy = table.Column<string>(maxLength: 64, nullable: false),
                ChangedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SmartIndicatorChanges", x => x.Id);
                table.ForeignKey("FK_SmartIndicatorChanges_Opds_OpdCode", x => x.OpdCode, "Opds", "Code", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_SmartIndicatorChanges_ChangedAt", "SmartIndicatorChanges", "ChangedAt");
        migrationBuilder.CreateIndex(
            "IX_SmartIndicatorChanges_OpdCode_PeriodKind_PeriodStart_IndicatorCode",
            "SmartIndicatorChanges",
            ["OpdCode", "PeriodKind", "PeriodStart", "IndicatorCode"]);

        // The audit trail is append-only in the database too, not just by the app's manners.
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql(
                "CREATE TRIGGER \"SmartIndicatorChanges_NoUpdate\" BEFORE UPDATE ON \"SmartIndicatorChanges\" "
                + "BEGIN SELECT RAISE(ABORT, 'SmartIndicatorChanges is append-only'); END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER \"SmartIndicatorChanges_NoDelete\" BEFORE DELETE ON \"SmartIndicatorChanges\" "
                + "BEGIN SELECT RAISE(ABORT, 'SmartIndicatorChanges is append-only'); END;");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SmartIndicatorChanges");
        migrationBuilder.DropColumn("Rankable", "SmartScores");
        migrationBuilder.DropColumn("AutomaticCoverage", "SmartScores");
    }
}
