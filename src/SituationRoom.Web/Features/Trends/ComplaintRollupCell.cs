using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SituationRoom.Core.Trends;

namespace SituationRoom.Web.Features.Trends;

/// <summary>
/// One cell of the complaint cube (see <see cref="ComplaintCube"/>): a WIB day or a calendar month, an owner, a
/// kecamatan, a category and a channel, with the counts of what happened there. Charts sum these instead of scanning
/// raw complaints. Month cells are the sums of their day cells: a year of months is a tenth of the rows of its days,
/// which is what keeps a 12-month chart quick at a million complaints. Unknown codes are stored as the empty string.
/// </summary>
public sealed class ComplaintRollupCell
{
    public const string DayGrain = "Day";

    public const string MonthGrain = "Month";

    public long Id { get; set; }

    /// <summary><see cref="DayGrain"/> or <see cref="MonthGrain"/>.</summary>
    public string Grain { get; set; } = DayGrain;

    /// <summary>The day, or the first day of the month.</summary>
    public DateOnly Start { get; set; }

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

    public static ComplaintRollupCell From(CubeKey key, ComplaintTally tally)
    {
        var w = tally.ResolvedWithin;
        return new ComplaintRollupCell
        {
            Start = key.Day,
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

internal sealed class ComplaintRollupCellConfiguration : IEntityTypeConfiguration<ComplaintRollupCell>
{
    // Named, because the trends' reads name the index they use (see TrendQueries).
    public const string CoveringIndex = "IX_ComplaintRollupCells_Grain_Start_Covering";

    public const string OpdIndex = "IX_ComplaintRollupCells_Grain_OpdCode_Start";

    public const string KecamatanIndex = "IX_ComplaintRollupCells_Grain_KecamatanCode_Start";

    public void Configure(EntityTypeBuilder<ComplaintRollupCell> builder)
    {
        builder.Property(r => r.Grain).HasMaxLength(8);
        builder.Property(r => r.OpdCode).HasMaxLength(24);
        builder.Property(r => r.KecamatanCode).HasMaxLength(16);
        builder.Property(r => r.CategoryCode).HasMaxLength(32);
        builder.Property(r => r.Channel).HasMaxLength(24);

        // A chart reads a range of days or months, often for one OPD or one kecamatan; each stays on an index.
        // The range without a place filter reads every cell of its days (a year of days is about 300,000 cells at a
        // million complaints): that index holds every column a chart sums, so SQLite reads it alone, in order of
        // day and then OPD, and never looks the rows up (half the time of an index plus row lookups).
        builder.HasIndex(r => new
            {
                r.Grain, r.Start, r.OpdCode, r.KecamatanCode, r.CategoryCode, r.Channel, r.Received, r.Closed, r.ClosedWithinSla, r.Resolved,
                r.ResolvedWithin6h, r.ResolvedWithin12h, r.ResolvedWithin1d, r.ResolvedWithin2d, r.ResolvedWithin3d, r.ResolvedWithin4d,
                r.ResolvedWithin5d, r.ResolvedWithin6d, r.ResolvedWithin7d, r.ResolvedWithin8d, r.ResolvedWithin9d, r.ResolvedWithin10d,
                r.ResolvedWithin14d, r.ResolvedWithin21d, r.ResolvedWithin30d,
            })
            .HasDatabaseName(CoveringIndex);
        builder.HasIndex(r => new { r.Grain, r.OpdCode, r.Start }).HasDatabaseName(OpdIndex);
        builder.HasIndex(r => new { r.Grain, r.KecamatanCode, r.Start }).HasDatabaseName(KecamatanIndex);
    }
}
