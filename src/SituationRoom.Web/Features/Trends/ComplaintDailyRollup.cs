using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SituationRoom.Core.Trends;

namespace SituationRoom.Web.Features.Trends;

/// <summary>
/// One cell of the daily complaint cube (see <see cref="ComplaintCube"/>): a WIB day, an owner, a kecamatan, a category
/// and a channel, with the counts of what happened there. Charts sum these instead of scanning raw complaints.
/// Unknown codes (a complaint in triage, without a place or category) are stored as the empty string.
/// </summary>
public sealed class ComplaintDailyRollup
{
    public long Id { get; set; }

    public DateOnly Day { get; set; }

    public string OpdCode { get; set; } = "";

    public string KecamatanCode { get; set; } = "";

    public string CategoryCode { get; set; } = "";

    public string Channel { get; set; } = "";

    public int Received { get; set; }

    public int Closed { get; set; }

    public int ClosedWithinSla { get; set; }

    public int Resolved { get; set; }

    // The cumulative histogram of ResolutionTimes.Thresholds, one column per threshold so any sum stays in SQL.
    public int ResolvedWithin6h { get; set; }

    public int ResolvedWithin12h { get; set; }

    public int ResolvedWithin1d { get; set; }

    public int ResolvedWithin2d { get; set; }

    public int ResolvedWithin3d { get; set; }

    public int ResolvedWithin4d { get; set; }

    public int ResolvedWithin5d { get; set; }

    public int ResolvedWithin6d { get; set; }

    public int ResolvedWithin7d { get; set; }

    public int ResolvedWithin8d { get; set; }

    public int ResolvedWithin9d { get; set; }

    public int ResolvedWithin10d { get; set; }

    public int ResolvedWithin14d { get; set; }

    public int ResolvedWithin21d { get; set; }

    public int ResolvedWithin30d { get; set; }

    public static ComplaintDailyRollup From(CubeKey key, ComplaintTally tally)
    {
        var w = tally.ResolvedWithin;
        return new ComplaintDailyRollup
        {
            Day = key.Day,
            OpdCode = key.Opd,
            KecamatanCode = key.Kecamatan,
            CategoryCode = key.Category,
            Channel = key.Channel,
            Received = tally.Received,
            Closed = tally.Closed,
            ClosedWithinSla = tally.ClosedWithinSla,
            Resolved = tally.Resolved,
            ResolvedWithin6h = w[0],
            ResolvedWithin12h = w[1],
            ResolvedWithin1d = w[2],
            ResolvedWithin2d = w[3],
            ResolvedWithin3d = w[4],
            ResolvedWithin4d = w[5],
            ResolvedWithin5d = w[6],
            ResolvedWithin6d = w[7],
            ResolvedWithin7d = w[8],
            ResolvedWithin8d = w[9],
            ResolvedWithin9d = w[10],
            ResolvedWithin10d = w[11],
            ResolvedWithin14d = w[12],
            ResolvedWithin21d = w[13],
            ResolvedWithin30d = w[14],
        };
    }
}

internal sealed class ComplaintDailyRollupConfiguration : IEntityTypeConfiguration<ComplaintDailyRollup>
{
    public void Configure(EntityTypeBuilder<ComplaintDailyRollup> builder)
    {
        builder.Property(r => r.OpdCode).HasMaxLength(24);
        builder.Property(r => r.KecamatanCode).HasMaxLength(16);
        builder.Property(r => r.CategoryCode).HasMaxLength(32);
        builder.Property(r => r.Channel).HasMaxLength(24);

        // A chart reads a range of days, often for one OPD or one kecamatan; both stay on an index.
        builder.HasIndex(r => r.Day);
        builder.HasIndex(r => new { r.OpdCode, r.Day });
        builder.HasIndex(r => new { r.KecamatanCode, r.Day });
    }
}
