using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SituationRoom.Core.Wilayah;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Devices;

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.Property(d => d.Id).HasMaxLength(32);
        builder.Property(d => d.Name).HasMaxLength(160);
        builder.Property(d => d.KecamatanCode).HasMaxLength(16);
        builder.Property(d => d.KelurahanCode).HasMaxLength(16);
        builder.Property(d => d.OpdCode).HasMaxLength(24);
        builder.Property(d => d.LifecycleReference).HasMaxLength(200);

        builder.HasOne<Kecamatan>().WithMany().HasForeignKey(d => d.KecamatanCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Kelurahan>().WithMany().HasForeignKey(d => d.KelurahanCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Opd>().WithMany().HasForeignKey(d => d.OpdCode).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(d => new { d.Kind, d.Status });
        builder.HasIndex(d => new { d.Kind, d.KecamatanCode });
        builder.HasIndex(d => new { d.Kind, d.OpdCode });
    }
}

internal sealed class DeviceStatusIntervalConfiguration : IEntityTypeConfiguration<DeviceStatusInterval>
{
    public void Configure(EntityTypeBuilder<DeviceStatusInterval> builder)
    {
        builder.Property(i => i.DeviceId).HasMaxLength(32);
        builder.HasOne<Device>().WithMany().HasForeignKey(i => i.DeviceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.DeviceId, i.From });
        builder.HasIndex(i => i.To);
    }
}

internal sealed class DeviceHourlyRollupConfiguration : IEntityTypeConfiguration<DeviceHourlyRollup>
{
    public void Configure(EntityTypeBuilder<DeviceHourlyRollup> builder)
    {
        // Hour first: recomputing a range of hours and retention both delete by hour.
        builder.HasKey(r => new { r.HourStart, r.Kind, r.KecamatanCode, r.OpdCode });
        builder.Property(r => r.KecamatanCode).HasMaxLength(16);
        builder.Property(r => r.OpdCode).HasMaxLength(24);
    }
}

internal sealed class DeviceLifecyclePeriodConfiguration : IEntityTypeConfiguration<DeviceLifecyclePeriod>
{
    public void Configure(EntityTypeBuilder<DeviceLifecyclePeriod> builder)
    {
        builder.Property(p => p.DeviceId).HasMaxLength(32);
        builder.Property(p => p.Reference).HasMaxLength(200);
        builder.Property(p => p.ChangedBy).HasMaxLength(64);
        builder.HasOne<Device>().WithMany().HasForeignKey(p => p.DeviceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.DeviceId, p.From });
    }
}

internal sealed class DeviceMaintenanceWindowConfiguration : IEntityTypeConfiguration<DeviceMaintenanceWindow>
{
    public void Configure(EntityTypeBuilder<DeviceMaintenanceWindow> builder)
    {
        builder.Property(w => w.Scope).HasConversion<string>().HasMaxLength(16);
        builder.Property(w => w.ScopeCode).HasMaxLength(32);
        builder.Property(w => w.Reason).HasMaxLength(500);
        builder.Property(w => w.DeclaredBy).HasMaxLength(64);
        builder.Property(w => w.CancelledBy).HasMaxLength(64);
        builder.HasIndex(w => w.End);
        builder.HasIndex(w => new { w.Scope, w.ScopeCode });
    }
}

internal sealed class AreaIncidentRecordConfiguration : IEntityTypeConfiguration<AreaIncidentRecord>
{
    public void Configure(EntityTypeBuilder<AreaIncidentRecord> builder)
    {
        builder.Property(i => i.Id).HasMaxLength(48);
        builder.Property(i => i.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.AreaCode).HasMaxLength(16);
        builder.Property(i => i.KecamatanCode).HasMaxLength(16);
        builder.Property(i => i.MergedInto).HasMaxLength(48);
        builder.HasIndex(i => i.ClosedAt);
        builder.HasIndex(i => i.OpenedAt);
    }
}

internal sealed class DeviceMonitorRunConfiguration : IEntityTypeConfiguration<DeviceMonitorRun>
{
    public void Configure(EntityTypeBuilder<DeviceMonitorRun> builder) => builder.HasIndex(r => r.AliveAt);
}
