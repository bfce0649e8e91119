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
