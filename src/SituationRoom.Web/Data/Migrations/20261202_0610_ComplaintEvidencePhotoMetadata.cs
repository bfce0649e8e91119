using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SituationRoom.Web.Data.Migrations;

/// <summary>
/// Evidence photos say whether their time and place came from the photo's EXIF or were typed by the officer. Earlier
/// rows were all typed. Written by hand; MigrationsTests checks it against the model.
/// </summary>
[DbContext(typeof(SituationDbContext))]
[Migration("20261202000610_ComplaintEvidencePhotoMetadata")]
public sealed class ComplaintEvidencePhotoMetadata : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>("TakenAtFromPhoto", "ComplaintEvidence", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<bool>("PlaceFromPhoto", "ComplaintEvidence", nullable: false, defaultValue: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("PlaceFromPhoto", "ComplaintEvidence");
        migrationBuilder.DropColumn("TakenAtFromPhoto", "ComplaintEvidence");
    }
}
