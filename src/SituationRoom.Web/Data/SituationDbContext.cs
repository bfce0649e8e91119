using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SituationRoom.Core.Complaints;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Wilayah;
using SituationRoom.Web.Features.Complaints;
using SituationRoom.Web.Features.Devices;
using SituationRoom.Web.Features.Scorecards;
using SituationRoom.Web.Features.Trends;

namespace SituationRoom.Web.Data;

public sealed class SituationDbContext(DbContextOptions<SituationDbContext> options) : DbContext(options)
{
    public DbSet<Kecamatan> Kecamatan => Set<Kecamatan>();

    public DbSet<Kelurahan> Kelurahan => Set<Kelurahan>();

    public DbSet<Opd> Opds => Set<Opd>();

    public DbSet<User> Users => Set<User>();

    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<ComplaintEvent> ComplaintEvents => Set<ComplaintEvent>();

    public DbSet<TicketCounter> TicketCounters => Set<TicketCounter>();

    public DbSet<Device> Devices => Set<Device>();

    public DbSet<DeviceStatusInterval> DeviceStatusIntervals => Set<DeviceStatusInterval>();

    public DbSet<SmartIndicatorValue> SmartIndicatorValues => Set<SmartIndicatorValue>();

    public DbSet<SmartScore> SmartScores => Set<SmartScore>();

    public DbSet<SmartIndicatorChange> SmartIndicatorChanges => Set<SmartIndicatorChange>();
    public DbSet<ComplaintEvidence> ComplaintEvidence => Set<ComplaintEvidence>();

    public DbSet<SmsInboxMessage> SmsInbox => Set<SmsInboxMessage>();

    public DbSet<SmsOutboxMessage> SmsOutbox => Set<SmsOutboxMessage>();
    public DbSet<ComplaintRollupCell> ComplaintRollupCells => Set<ComplaintRollupCell>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as text: the database stays readable and reordering an enum cannot silently remap rows.
        configurationBuilder.Properties<ComplaintStatus>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<ComplaintChannel>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<DeviceKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<DeviceStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<DeviceLifecycle>().HaveConversion<string>().HaveMaxLength(16);

        // Every instant is stored in UTC; SQLite hands DateTime back unspecified, so say what it is on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SituationDbContext).Assembly);

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public DbSet<DeviceHourlyRollup> DeviceHourlyRollups => Set<DeviceHourlyRollup>();

    public DbSet<DeviceLifecyclePeriod> DeviceLifecyclePeriods => Set<DeviceLifecyclePeriod>();

    public DbSet<DeviceMaintenanceWindow> DeviceMaintenanceWindows => Set<DeviceMaintenanceWindow>();

    public DbSet<AreaIncidentRecord> AreaIncidents => Set<AreaIncidentRecord>();

    public DbSet<DeviceMonitorRun> DeviceMonitorRuns => Set<DeviceMonitorRun>();

    public DbSet<Features.Access.IngestionClient> IngestionClients => Set<Features.Access.IngestionClient>();

    public DbSet<Features.Access.IngestionCredential> IngestionCredentials => Set<Features.Access.IngestionCredential>();

    public DbSet<Features.Access.WallDevice> WallDevices => Set<Features.Access.WallDevice>();

    public DbSet<Features.Access.AuditEntry> AuditEntries => Set<Features.Access.AuditEntry>();
}
