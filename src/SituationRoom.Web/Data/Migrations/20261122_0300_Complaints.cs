using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SituationRoom.Web.Data.Migrations;

/// <summary>
/// Complaints web side: the SMS inbox (every message as delivered, unique per gateway and message id), the SMS
/// outbox (replies to citizens), evidence photos per step, and on complaints the citizen's address and photo and
/// the instant the complaint escalates. Written by hand; MigrationsTests checks it against the model.
/// </summary>
[DbContext(typeof(SituationDbContext))]
[Migration("20261122000300_Complaints")]
public sealed class Complaints : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // New nullable columns only: rows written before this migration (and the demo loader) need no value.
        migrationBuilder.AddColumn<string>("Address", "Complaints", maxLength: 400, nullable: true);
        migrationBuilder.AddColumn<string>("MediaUrl", "Complaints", maxLength: 1000, nullable: true);
        migrationBuilder.AddColumn<DateTime>("EscalatesAt", "Complaints", nullable: true);

        migrationBuilder.CreateTable(
            name: "ComplaintEvidence",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                ComplaintId = table.Column<long>(nullable: false),
                EventId = table.Column<long>(nullable: false),
                Url = table.Column<string>(maxLength: 1000, nullable: false),
                TakenAt = table.Column<DateTime>(nullable: false),
                Latitude = table.Column<double>(nullable: true),
                Longitude = table.Column<double>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ComplaintEvidence", x => x.Id);
                table.ForeignKey("FK_ComplaintEvidence_Complaints_ComplaintId", x => x.ComplaintId, "Complaints", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ComplaintEvidence_ComplaintEvents_EventId", x => x.EventId, "ComplaintEvents", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "SmsInbox",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                Client = table.Column<string>(maxLength: 64, nullable: false),
                MessageId = table.Column<string>(maxLength: 100, nullable: false),
                From = table.Column<string>(maxLength: 32, nullable: false),
                To = table.Column<string>(maxLength: 32, nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                ReceivedAt = table.Column<DateTime>(nullable: false),
                StoredAt = table.Column<DateTime>(nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                Reason = table.Column<string>(maxLength: 32, nullable: true),
                ComplaintId = table.Column<long>(nullable: true),
                HandledBy = table.Column<string>(maxLength: 120, nullable: true),
                HandledAt = table.Column<DateTime>(nullable: true),
                HandledNote = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SmsInbox", x => x.Id);
                table.ForeignKey("FK_SmsInbox_Complaints_ComplaintId", x => x.ComplaintId, "Complaints", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "SmsOutbox",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                ComplaintId = table.Column<long>(nullable: true),
                To = table.Column<string>(maxLength: 32, nullable: false),
                Text = table.Column<string>(maxLength: 1000, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAt = table.Column<DateTime>(nullable: false),
                SentAt = table.Column<DateTime>(nullable: true),
                LastError = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SmsOutbox", x => x.Id);
                table.ForeignKey("FK_SmsOutbox_Complaints_ComplaintId", x => x.ComplaintId, "Complaints", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Complaints_EscalatesAt", "Complaints", "EscalatesAt");
        migrationBuilder.CreateIndex("IX_ComplaintEvidence_ComplaintId", "ComplaintEvidence", "ComplaintId");
        migrationBuilder.CreateIndex("IX_ComplaintEvidence_EventId", "ComplaintEvidence", "EventId");
        migrationBuilder.CreateIndex("IX_SmsInbox_Client_MessageId", "SmsInbox", ["Client", "MessageId"], unique: true);
        migrationBuilder.CreateIndex("IX_SmsInbox_ComplaintId", "SmsInbox", "ComplaintId");
        migrationBuilder.CreateIndex("IX_SmsInbox_State_ReceivedAt", "SmsInbox", ["State", "ReceivedAt"]);
        migrationBuilder.CreateIndex("IX_SmsOutbox_ComplaintId", "SmsOutbox", "ComplaintId");
        migrationBuilder.CreateIndex("IX_SmsOutbox_State_NextAttemptAt", "SmsOutbox", ["State", "NextAttemptAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SmsOutbox");
        migrationBuilder.DropTable("SmsInbox");
        migrationBuilder.DropTable("ComplaintEvidence");
        migrationBuilder.DropIndex("IX_Complaints_EscalatesAt", "Complaints");
        migrationBuilder.DropColumn("EscalatesAt", "Complaints");
        migrationBuilder.DropColumn("MediaUrl", "Complaints");
        migrationBuilder.DropColumn("Address", "Complaints");
    }
}
