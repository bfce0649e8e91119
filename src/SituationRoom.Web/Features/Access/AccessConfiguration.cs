using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SituationRoom.Web.Features.Access;

internal sealed class IngestionClientConfiguration : IEntityTypeConfiguration<IngestionClient>
{
    public void Configure(EntityTypeBuilder<IngestionClient> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(64);
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.Kind).HasMaxLength(24);
        builder.HasMany(c => c.Credentials).WithOne().HasForeignKey(k => k.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IngestionCredentialConfiguration : IEntityTypeConfiguration<IngestionCredential>
{
    public void Configure(EntityTypeBuilder<IngestionCredential> builder)
    {
        builder.Property(k => k.KeyHash).HasMaxLength(64);
        builder.HasIndex(k => k.KeyHash).IsUnique();
        builder.Property(k => k.KeyPrefix).HasMaxLength(16);
    }
}

internal sealed class WallDeviceConfiguration : IEntityTypeConfiguration<WallDevice>
{
    public void Configure(EntityTypeBuilder<WallDevice> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(120);
        builder.Property(d => d.TokenHash).HasMaxLength(64);
        builder.HasIndex(d => d.TokenHash).IsUnique();
        builder.Property(d => d.CreatedBy).HasMaxLength(64);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Actor).HasMaxLength(120);
        builder.Property(a => a.Action).HasMaxLength(48);
        builder.Property(a => a.Subject).HasMaxLength(200);
        builder.Property(a => a.OpdCode).HasMaxLength(24);
        builder.Property(a => a.Detail).HasMaxLength(2000);
        builder.Property(a => a.Address).HasMaxLength(64);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.Action, a.At });
    }
}
