using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SituationRoom.Web.Data.Migrations;

/// <summary>
/// Devices: hourly uptime rollups per kind, kecamatan and OPD; lifecycle history; announced maintenance; area
/// incidents; the server's own monitoring runs; and each device's last clock reading and metrics. Written by
/// hand; MigrationsTests checks it against the model.
/// </summary>
[DbContext(typeof(SituationDbContext))]
[Migration("20261122000500_Devices")]
public sealed class Devices : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>("LastReportedAt", "Devices", nullable: true);
        migrationBuilder.AddColumn<int>("LastClients", "Devices", nullable: true);
        migrationBuilder.AddColumn<double>("LastBitrateKbps", "Devices", nullable: true);

        migrationBuilder.CreateTable(
            name: "DeviceHourlyRollups",
            columns: table => new
            {
                HourStart = table.Column<DateTime>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                KecamatanCode = table.Column<string>(maxLength: 16, nullable: false),
                OpdCode = table.Column<string>(maxLength: 24, nullable: false),
                UpSeconds = table.Column<double>(nullable: false),
                MonitoredSeconds = table.Column<double>(nullable: false),
                Devices = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DeviceHourlyRollups", x => new { x.HourStart, x.Kind, x.KecamatanCode, x.OpdCode }));

        migrationBuilder.CreateTable(
            name: "DeviceLifecyclePeriods",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                DeviceId = table.Column<string>(maxLength: 32, nullable: false),
                Lifecycle = table.Column<string>(maxLength: 16, nullable: false),
                Reference = table.Column<string>(maxLength: 200, nullable: true),
                From = table.Column<DateTime>(nullable: false),
                To = table.Column<DateTime>(nullable: true),
                ChangedBy = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DeviceLifecyclePeriods", x => x.Id);
                table.ForeignKey("FK_DeviceLifecyclePeriods_Devices_DeviceId", x => x.DeviceId, "Devices", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DeviceMaintenanceWindows",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                Scope = table.Column<string>(maxLength: 16, nullable: false),
                ScopeCode = table.Column<string>(maxLength: 32, nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: true),
                Start = table.Column<DateTime>(nullable: false),
                End = table.Column<DateTime>(nullable: false),
                Reason = table.Column<string>(maxLength: 500, nullable: false),
                DeclaredBy = table.Column<string>(maxLength: 64, nullable: false),
                DeclaredAt = table.Column<DateTime>(nullable: false),
                CancelledAt = table.Column<DateTime>(nullable: true),
                CancelledBy = table.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_DeviceMaintenanceWindows", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AreaIncidents",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 48, nullable: false),
                Level = table.Column<string>(maxLength: 16, nullable: false),
                AreaCode = table.Column<string>(maxLength: 16, nullable: false),
                KecamatanCode = table.Column<string>(maxLength: 16, nullable: false),
                OpenedAt = table.Column<DateTime>(nullable: false),
                ClosedAt = table.Column<DateTime>(nullable: true),
                DevicesDark = table.Column<int>(nullable: false),
                DevicesAffected = table.Column<int>(nullable: false),
                DevicesInArea = table.Column<int>(nullable: false),
                MergedInto = table.Column<string>(maxLength: 48, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AreaIncidents", x => x.Id));

        migrationBuilder.CreateTable(
            name: "DeviceMonitorRuns",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                StartedAt = table.Column<DateTime>(nullable: false),
                AliveAt = table.Column<DateTime>(nullable: false),
                StoppedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_DeviceMonitorRuns", x => x.Id));

        migrationBuilder.CreateIndex("IX_DeviceLifecyclePeriods_DeviceId_From", "DeviceLifecyclePeriods", ["DeviceId", "From"]);
        migrationBuilder.CreateIndex("IX_DeviceMaintenanceWindows_End", "DeviceMaintenanceWindows", "End");
        migrationBuilder.CreateIndex("IX_DeviceMaintenanceWindows_Scope_ScopeCode", "DeviceMaintenanceWindows", ["Scope", "ScopeCode"]);
        migrationBuilder.CreateIndex("IX_AreaIncidents_ClosedAt", "AreaIncidents", "ClosedAt");
        migrationBuilder.CreateIndex("IX_AreaIncidents_OpenedAt", "AreaIncidents", "OpenedAt");
        migrationBuilder.CreateIndex("IX_DeviceMonitorRuns_AliveAt", "DeviceMonitorRuns", "AliveAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "DeviceMonitorRuns", "AreaIncidents", "DeviceMaintenanceWindows", "DeviceLifecyclePeriods", "DeviceHourlyRollups" })
        {
            migrationBuilder.DropTable(table);
        }

        migrationBuilder.DropColumn("LastBitrateKbps", "Devices");
        migrationBuilder.DropColumn("LastClients", "Devices");
        migrationBuilder.DropColumn("LastReportedAt", "Devices");
    }
}
