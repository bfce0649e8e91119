using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Scorecards;

internal sealed class SmartIndicatorValueConfiguration : IEntityTypeConfiguration<SmartIndicatorValue>
{
    public void Configure(EntityTypeBuilder<SmartIndicatorValue> builder)
    {
        builder.Property(v => v.OpdCode).HasMaxLength(24);
        builder.Property(v => v.PeriodKind).HasMaxLength(8);
        builder.Property(v => v.IndicatorCode).HasMaxLength(48);
        builder.Property(v => v.RecordedBy).HasMaxLength(64);
        builder.Property(v => v.Reason).HasMaxLength(1000);
        builder.HasOne<Opd>().WithMany().HasForeignKey(v => v.OpdCode).OnDelete(DeleteBehavior.Restrict);

        // One value per OPD, period and indicator (automatic and manual kept apart): recomputation upserts, never duplicates.
        builder.HasIndex(v => new { v.OpdCode, v.PeriodKind, v.PeriodStart, v.IndicatorCode, v.IsManual }).IsUnique();
    }
}

internal sealed class SmartScoreConfiguration : IEntityTypeConfiguration<SmartScore>
{
    public void Configure(EntityTypeBuilder<SmartScore> builder)
    {
        builder.Property(s => s.OpdCode).HasMaxLength(24);
        builder.Property(s => s.PeriodKind).HasMaxLength(8);
        builder.Property(s => s.RuleSetVersion).HasMaxLength(32);
        builder.HasOne<Opd>().WithMany().HasForeignKey(s => s.OpdCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.OpdCode, s.PeriodKind, s.PeriodStart }).IsUnique();
        builder.HasIndex(s => new { s.PeriodKind, s.PeriodStart });
    }
}

internal sealed class SmartIndicatorChangeConfiguration : IEntityTypeConfiguration<SmartIndicatorChange>
{
    public void Configure(EntityTypeBuilder<SmartIndicatorChange> builder)
    {
        builder.Property(c => c.OpdCode).HasMaxLength(24);
        builder.Property(c => c.PeriodKind).HasMaxLength(8);
        builder.Property(c => c.IndicatorCode).HasMaxLength(48);
        builder.Property(c => c.Reason).HasMaxLength(1000);
        builder.Property(c => c.EvidenceUrl).HasMaxLength(500);
        builder.Property(c => c.EvidenceFile).HasMaxLength(260);
        builder.Property(c => c.EvidenceFileName).HasMaxLength(260);
        builder.Property(c => c.ChangedBy).HasMaxLength(64);
        builder.HasOne<Opd>().WithMany().HasForeignKey(c => c.OpdCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.OpdCode, c.PeriodKind, c.PeriodStart, c.IndicatorCode });
        builder.HasIndex(c => c.ChangedAt);
    }
}
