using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SituationRoom.Core.Wilayah;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.Complaints;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.Property(c => c.Ticket).HasMaxLength(32);
        builder.HasIndex(c => c.Ticket).IsUnique();
        builder.Property(c => c.Text).HasMaxLength(4000);
        builder.Property(c => c.ReporterPhone).HasMaxLength(32);
        builder.Property(c => c.ReporterName).HasMaxLength(120);
        builder.Property(c => c.KecamatanCode).HasMaxLength(16);
        builder.Property(c => c.KelurahanCode).HasMaxLength(16);
        builder.Property(c => c.CategoryCode).HasMaxLength(32);
        builder.Property(c => c.OpdCode).HasMaxLength(24);

        builder.HasOne<Kecamatan>().WithMany().HasForeignKey(c => c.KecamatanCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Kelurahan>().WithMany().HasForeignKey(c => c.KelurahanCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Opd>().WithMany().HasForeignKey(c => c.OpdCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.History).WithOne().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Cascade);

        // The wall and the OPD queues ask "open, by owner" and "received in a period": both stay on indexes.
        builder.HasIndex(c => new { c.Status, c.OpdCode });
        builder.HasIndex(c => new { c.OpdCode, c.Status, c.DueAt });
        builder.HasIndex(c => c.ReceivedAt);
        builder.HasIndex(c => c.ClosedAt);
    }
}

internal sealed class ComplaintEventConfiguration : IEntityTypeConfiguration<ComplaintEvent>
{
    public void Configure(EntityTypeBuilder<ComplaintEvent> builder)
    {
        builder.Property(e => e.OpdCode).HasMaxLength(24);
        builder.Property(e => e.Actor).HasMaxLength(120);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.HasIndex(e => new { e.ComplaintId, e.At });
    }
}

internal sealed class TicketCounterConfiguration : IEntityTypeConfiguration<TicketCounter>
{
    public void Configure(EntityTypeBuilder<TicketCounter> builder)
    {
        builder.HasKey(t => new { t.Prefix, t.Year });
        builder.Property(t => t.Prefix).HasMaxLength(8);
    }
}
