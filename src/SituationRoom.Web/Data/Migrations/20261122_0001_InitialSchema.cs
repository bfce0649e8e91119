using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SituationRoom.Web.Data.Migrations;

/// <summary>
/// The first schema: wilayah, OPDs, users, complaints with history, devices with status intervals,
/// SMART indicator values and scores. Written by hand (dotnet-ef cannot be restored here);
/// MigrationsTests proves it builds exactly the schema the model describes.
/// </summary>
[DbContext(typeof(SituationDbContext))]
[Migration("20261122000001_InitialSchema")]
public sealed class InitialSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Kecamatan",
            columns: table => new
            {
                Code = table.Column<string>(maxLength: 16, nullable: false),
                Name = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Kecamatan", x => x.Code));

        migrationBuilder.CreateTable(
            name: "Opds",
            columns: table => new
            {
                Code = table.Column<string>(maxLength: 24, nullable: false),
                Name = table.Column<string>(maxLength: 160, nullable: false),
                ShortName = table.Column<string>(maxLength: 48, nullable: false),
                Kind = table.Column<string>(maxLength: 24, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Opds", x => x.Code));

        migrationBuilder.CreateTable(
            name: "TicketCounters",
            columns: table => new
            {
                Prefix = table.Column<string>(maxLength: 8, nullable: false),
                Year = table.Column<int>(nullable: false),
                Last = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_TicketCounters", x => new { x.Prefix, x.Year }));

        migrationBuilder.CreateTable(
            name: "Kelurahan",
            columns: table => new
            {
                Code = table.Column<string>(maxLength: 16, nullable: false),
                KecamatanCode = table.Column<string>(maxLength: 16, nullable: false),
                Name = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Kelurahan", x => x.Code);
                table.ForeignKey("FK_Kelurahan_Kecamatan_KecamatanCode", x => x.KecamatanCode, "Kecamatan", "Code", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "SmartIndicatorValues",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                OpdCode = table.Column<string>(maxLength: 24, nullable: false),
                PeriodKind = table.Column<string>(maxLength: 8, nullable: false),
                PeriodStart = table.Column<DateOnly>(nullable: false),
                IndicatorCode = table.Column<string>(maxLength: 48, nullable: false),
                Value = table.Column<double>(nullable: true),
                Weight = table.Column<double>(nullable: false),
                IsManual = table.Column<bool>(nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
                RecordedBy = table.Column<string>(maxLength: 64, nullable: true),
                Reason = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SmartIndicatorValues", x => x.Id);
                table.ForeignKey("FK_SmartIndicatorValues_Opds_OpdCode", x => x.OpdCode, "Opds", "Code", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "SmartScores",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                OpdCode = table.Column<string>(maxLength: 24, nullable: false),
                PeriodKind = table.Column<string>(maxLength: 8, nullable: false),
                PeriodStart = table.Column<DateOnly>(nullable: false),
                RuleSetVersion = table.Column<string>(maxLength: 32, nullable: false),
                Composite = table.Column<double>(nullable: true),
                Systemic = table.Column<double>(nullable: true),
                Monitorable = table.Column<double>(nullable: true),
                Accessible = table.Column<double>(nullable: true),
                Reliable = table.Column<double>(nullable: true),
                Timebound = table.Column<double>(nullable: true),
                ComputedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SmartScores", x => x.Id);
                table.ForeignKey("FK_SmartScores_Opds_OpdCode", x => x.OpdCode, "Opds", "Code", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Users",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                UserName = table.Column<string>(maxLength: 64, nullable: false),
                DisplayName = table.Column<string>(maxLength: 120, nullable: false),
                PasswordHash = table.Column<string>(nullable: false),
                Role = table.Column<string>(maxLength: 24, nullable: false),
                OpdCode = table.Column<string>(maxLength: 24, nullable: true),
                FailedSignIns = table.Column<int>(nullable: false),
                LockedUntil = table.Column<DateTime>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Users", x => x.Id);
                table.ForeignKey("FK_Users_Opds_OpdCode", x => x.OpdCode, "Opds", "Code", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Complaints",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                Ticket = table.Column<string>(maxLength: 32, nullable: false),
                Channel = table.Column<string>(maxLength: 24, nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                ReporterPhone = table.Column<string>(maxLength: 32, nullable: true),
                ReporterName = table.Column<string>(maxLength: 120, nullable: true),
                KecamatanCode = table.Column<string>(maxLength: 16, nullable: true),
                KelurahanCode = table.Column<string>(maxLength: 16, nullable: true),
                Latitude = table.Column<double>(nullable: true),
                Longitude = table.Column<double>(nullable: true),
                CategoryCode = table.Column<string>(maxLength: 32, nullable: true),
                OpdCode = table.Column<string>(maxLength: 24, nullable: true),
                Status = table.Column<string>(maxLength: 24, nullable: false),
                ReceivedAt = table.Column<DateTime>(nullable: false),
                DueAt = table.Column<DateTime>(nullable: false),
                ClosedAt = table.Column<DateTime>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                ReopenCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Complaints", x => x.Id);
                table.ForeignKey("FK_Complaints_Kecamatan_KecamatanCode", x => x.KecamatanCode, "Kecamatan", "Code", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Complaints_Kelurahan_KelurahanCode", x => x.KelurahanCode, "Kelurahan", "Code", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Complaints_Opds_OpdCode", x => x.OpdCode, "Opds", "Code", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Devices",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 32, nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                Name = table.Column<string>(maxLength: 160, nullable: false),
                KecamatanCode = table.Column<string>(maxLength: 16, nullable: false),
                KelurahanCode = table.Column<string>(maxLength: 16, nullable: true),
                OpdCode = table.Column<string>(maxLength: 24, nullable: false),
                Latitude = table.Column<double>(nullable: true),
                Longitude = table.Column<double>(nullable: true),
                Lifecycle = table.Column<string>(maxLength: 16, nullable: false),
                LifecycleReference = table.Column<string>(maxLength: 200, nullable: true),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                StatusSince = table.Column<DateTime>(nullable: false),
                LastReportAt = table.Column<DateTime>(nullable: true),
                ReportIntervalSeconds = table.Column<int>(nullable: false),
                RegisteredAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Devices", x => x.Id);
                table.ForeignKey("FK_Devices_Kecamatan_KecamatanCode", x => x.KecamatanCode, "Kecamatan", "Code", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Devices_Kelurahan_KelurahanCode", x => x.KelurahanCode, "Kelurahan", "Code", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Devices_Opds_OpdCode", x => x.OpdCode, "Opds", "Code", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ComplaintEvents",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                ComplaintId = table.Column<long>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                FromStatus = table.Column<string>(maxLength: 24, nullable: true),
                ToStatus = table.Column<string>(maxLength: 24, nullable: false),
                OpdCode = table.Column<string>(maxLength: 24, nullable: true),
                Actor = table.Column<string>(maxLength: 120, nullable: false),
                Note = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ComplaintEvents", x => x.Id);
                table.ForeignKey("FK_ComplaintEvents_Complaints_ComplaintId", x => x.ComplaintId, "Complaints", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DeviceStatusIntervals",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                DeviceId = table.Column<string>(maxLength: 32, nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                From = table.Column<DateTime>(nullable: false),
                To = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DeviceStatusIntervals", x => x.Id);
                table.ForeignKey("FK_DeviceStatusIntervals_Devices_DeviceId", x => x.DeviceId, "Devices", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_ComplaintEvents_ComplaintId_At", "ComplaintEvents", ["ComplaintId", "At"]);
        migrationBuilder.CreateIndex("IX_Complaints_ClosedAt", "Complaints", "ClosedAt");
        migrationBuilder.CreateIndex("IX_Complaints_KecamatanCode", "Complaints", "KecamatanCode");
        migrationBuilder.CreateIndex("IX_Complaints_KelurahanCode", "Complaints", "KelurahanCode");
        migrationBuilder.CreateIndex("IX_Complaints_OpdCode_Status_DueAt", "Complaints", ["OpdCode", "Status", "DueAt"]);
        migrationBuilder.CreateIndex("IX_Complaints_ReceivedAt", "Complaints", "ReceivedAt");
        migrationBuilder.CreateIndex("IX_Complaints_Status_OpdCode", "Complaints", ["Status", "OpdCode"]);
        migrationBuilder.CreateIndex("IX_Complaints_Ticket", "Complaints", "Ticket", unique: true);
        migrationBuilder.CreateIndex("IX_Devices_KecamatanCode", "Devices", "KecamatanCode");
        migrationBuilder.CreateIndex("IX_Devices_KelurahanCode", "Devices", "KelurahanCode");
        migrationBuilder.CreateIndex("IX_Devices_Kind_KecamatanCode", "Devices", ["Kind", "KecamatanCode"]);
        migrationBuilder.CreateIndex("IX_Devices_Kind_OpdCode", "Devices", ["Kind", "OpdCode"]);
        migrationBuilder.CreateIndex("IX_Devices_Kind_Status", "Devices", ["Kind", "Status"]);
        migrationBuilder.CreateIndex("IX_Devices_OpdCode", "Devices", "OpdCode");
        migrationBuilder.CreateIndex("IX_DeviceStatusIntervals_DeviceId_From", "DeviceStatusIntervals", ["DeviceId", "From"]);
        migrationBuilder.CreateIndex("IX_DeviceStatusIntervals_To", "DeviceStatusIntervals", "To");
        migrationBuilder.CreateIndex("IX_Kelurahan_KecamatanCode", "Kelurahan", "KecamatanCode");
        migrationBuilder.CreateIndex(
            "IX_SmartIndicatorValues_OpdCode_PeriodKind_PeriodStart_IndicatorCode_IsManual",
            "SmartIndicatorValues",
            ["OpdCode", "PeriodKind", "PeriodStart", "IndicatorCode", "IsManual"],
            unique: true);
        migrationBuilder.CreateIndex("IX_SmartScores_OpdCode_PeriodKind_PeriodStart", "SmartScores", ["OpdCode", "PeriodKind", "PeriodStart"], unique: true);
        migrationBuilder.CreateIndex("IX_SmartScores_PeriodKind_PeriodStart", "SmartScores", ["PeriodKind", "PeriodStart"]);
        migrationBuilder.CreateIndex("IX_Users_OpdCode", "Users", "OpdCode");
        migrationBuilder.CreateIndex("IX_Users_UserName", "Users", "UserName", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
                 {
                     "DeviceStatusIntervals", "ComplaintEvents", "Devices", "Complaints", "Users", "SmartScores",
                     "SmartIndicatorValues", "Kelurahan", "TicketCounters", "Opds", "Kecamatan",
                 })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
