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
        builder.Property(c => c.Address).HasMaxLength(400);
        builder.Property(c => c.MediaUrl).HasMaxLength(1000);
        builder.Property(c => c.CategoryCode).HasMaxLength(32);
        builder.Property(c => c.OpdCode).HasMaxLength(24);

        // Two officers acting on the same complaint at once: the second save finds the status or owner changed and is refused.
        builder.Property(c => c.Status).IsConcurrencyToken();
        builder.Property(c => c.OpdCode).IsConcurrencyToken();

        builder.HasOne<Kecamatan>().WithMany().HasForeignKey(c => c.KecamatanCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Kelurahan>().WithMany().HasForeignKey(c => c.KelurahanCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Opd>().WithMany().HasForeignKey(c => c.OpdCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.History).WithOne().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Cascade);

        // The wall and the OPD queues ask "open, by owner" and "received in a period": both stay on indexes.
        builder.HasIndex(c => new { c.Status, c.OpdCode });
        builder.HasIndex(c => new { c.OpdCode, c.Status, c.DueAt });
        builder.HasIndex(c => c.ReceivedAt);
        builder.HasIndex(c => c.ClosedAt);

        // EscalatesAt is cleared on closing, so the leadership queue reads a small range of this index.
        builder.HasIndex(c => c.EscalatesAt);
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
        builder.HasMany(e => e.Evidence).WithOne().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComplaintEvidenceConfiguration : IEntityTypeConfiguration<ComplaintEvidence>
{
    public void Configure(EntityTypeBuilder<ComplaintEvidence> builder)
    {
        builder.Property(e => e.Url).HasMaxLength(1000);
        builder.HasOne<Complaint>().WithMany().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Cascade);
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

internal sealed class SmsInboxMessageConfiguration : IEntityTypeConfiguration<SmsInboxMessage>
{
    public void Configure(EntityTypeBuilder<SmsInboxMessage> builder)
    {
        builder.ToTable("SmsInbox");
        builder.Property(m => m.Client).HasMaxLength(64);
        builder.Property(m => m.MessageId).HasMaxLength(100);
        builder.Property(m => m.From).HasMaxLength(32);
        builder.Property(m => m.To).HasMaxLength(32);
        builder.Property(m => m.Text).HasMaxLength(4000);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Reason).HasMaxLength(32);
        builder.Property(m => m.HandledBy).HasMaxLength(120);
        builder.Property(m => m.HandledNote).HasMaxLength(1000);

        // The guarantee behind "a repeat never makes a second complaint", also across processes and concurrent retries.
        builder.HasIndex(m => new { m.Client, m.MessageId }).IsUnique();
        builder.HasIndex(m => new { m.State, m.ReceivedAt });
        builder.HasOne<Complaint>().WithMany().HasForeignKey(m => m.ComplaintId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SmsOutboxMessageConfiguration : IEntityTypeConfiguration<SmsOutboxMessage>
{
    public void Configure(EntityTypeBuilder<SmsOutboxMessage> builder)
    {
        builder.ToTable("SmsOutbox");
        builder.Property(m => m.To).HasMaxLength(32);
        builder.Property(m => m.Text).HasMaxLength(1000);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasIndex(m => new { m.State, m.NextAttemptAt });
        builder.HasOne<Complaint>().WithMany().HasForeignKey(m => m.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}
