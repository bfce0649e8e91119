using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SituationRoom.Web.Data.Migrations;

/// <summary>
/// Access: users get a security stamp, a disabled mark and their last sign-in; ingestion clients and their hashed
/// keys; wall display devices with hashed tokens; and the append-only audit trail. Written by hand; MigrationsTests
/// checks it against the model.
/// </summary>
[DbContext(typeof(SituationDbContext))]
[Migration("20261202000400_Access")]
public sealed class Access : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // No one could sign in before this migration, so existing rows (if any) simply get a stamp that no cookie carries.
        migrationBuilder.AddColumn<string>("SecurityStamp", "Users", maxLength: 64, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<DateTime>("DisabledAt", "Users", nullable: true);
        migrationBuilder.AddColumn<DateTime>("LastSignInAt", "Users", nullable: true);

        migrationBuilder.CreateTable(
            name: "IngestionClients",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                Name = table.Column<string>(maxLength: 64, nullable: false),
                Kind = table.Column<string>(maxLength: 24, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                RevokedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_IngestionClients", x => x.Id));

        migrationBuilder.CreateTable(
            name: "IngestionCredentials",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                ClientId = table.Column<int>(nullable: false),
                KeyHash = table.Column<string>(maxLength: 64, nullable: false),
                KeyPrefix = table.Column<string>(maxLength: 16, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                RevokedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IngestionCredentials", x => x.Id);
                table.ForeignKey("FK_IngestionCredentials_IngestionClients_ClientId", x => x.ClientId, "IngestionClients", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "WallDevices",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                Name = table.Column<string>(maxLength: 120, nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 64, nullable: false),
                RevokedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_WallDevices", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                At = table.Column<DateTime>(nullable: false),
                Actor = table.Column<string>(maxLength: 120, nullable: false),
                Action = table.Column<string>(maxLength: 48, nullable: false),
                Subject = table.Column<string>(maxLength: 200, nullable: false),
                OpdCode = table.Column<string>(maxLength: 24, nullable: true),
                Detail = table.Column<string>(maxLength: 2000, nullable: true),
                Address = table.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AuditEntries", x => x.Id));

        migrationBuilder.CreateIndex("IX_IngestionClients_Name", "IngestionClients", "Name", unique: true);
        migrationBuilder.CreateIndex("IX_IngestionCredentials_ClientId", "IngestionCredentials", "ClientId");
        migrationBuilder.CreateIndex("IX_IngestionCredentials_KeyHash", "IngestionCredentials", "KeyHash", unique: true);
        migrationBuilder.CreateIndex("IX_WallDevices_TokenHash", "WallDevices", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_AuditEntries_At", "AuditEntries", "At");
        migrationBuilder.CreateIndex("IX_AuditEntries_Action_At", "AuditEntries", ["Action", "At"]);

        // Nobody edits the audit trail, not even the app: the database refuses it.
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql(
                "CREATE TRIGGER \"AuditEntries_NoUpdate\" BEFORE UPDATE ON \"AuditEntries\" "
                + "BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only'); END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER \"AuditEntries_NoDelete\" BEFORE DELETE ON \"AuditEntries\" "
                + "BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only'); END;");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "AuditEntries", "WallDevices", "IngestionCredentials", "IngestionClients" })
        {
            migrationBuilder.DropTable(table);
        }

        migrationBuilder.DropColumn("LastSignInAt", "Users");
        migrationBuilder.DropColumn("DisabledAt", "Users");
        migrationBuilder.DropColumn("SecurityStamp", "Users");
    }
}
