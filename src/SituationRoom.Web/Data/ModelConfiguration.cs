using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SituationRoom.Core.Wilayah;

namespace SituationRoom.Web.Data;

internal sealed class KecamatanConfiguration : IEntityTypeConfiguration<Kecamatan>
{
    public void Configure(EntityTypeBuilder<Kecamatan> builder)
    {
        builder.HasKey(k => k.Code);
        builder.Property(k => k.Code).HasMaxLength(16);
        builder.Property(k => k.Name).HasMaxLength(64);
    }
}

internal sealed class KelurahanConfiguration : IEntityTypeConfiguration<Kelurahan>
{
    public void Configure(EntityTypeBuilder<Kelurahan> builder)
    {
        builder.HasKey(k => k.Code);
        builder.Property(k => k.Code).HasMaxLength(16);
        builder.Property(k => k.KecamatanCode).HasMaxLength(16);
        builder.Property(k => k.Name).HasMaxLength(64);
        builder.HasOne<Kecamatan>().WithMany().HasForeignKey(k => k.KecamatanCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OpdConfiguration : IEntityTypeConfiguration<Opd>
{
    public void Configure(EntityTypeBuilder<Opd> builder)
    {
        builder.HasKey(o => o.Code);
        builder.Property(o => o.Code).HasMaxLength(24);
        builder.Property(o => o.Name).HasMaxLength(160);
        builder.Property(o => o.ShortName).HasMaxLength(48);
        builder.Property(o => o.Kind).HasMaxLength(24);
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.UserName).HasMaxLength(64);
        builder.HasIndex(u => u.UserName).IsUnique();
        builder.Property(u => u.DisplayName).HasMaxLength(120);
        builder.Property(u => u.Role).HasMaxLength(24);
        builder.Property(u => u.OpdCode).HasMaxLength(24);
        builder.HasOne<Opd>().WithMany().HasForeignKey(u => u.OpdCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(u => u.SecurityStamp).HasMaxLength(64);
    }
}
