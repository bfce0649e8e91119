using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SituationRoom.Web.Data;

namespace SituationRoom.Web.Features.DemoCity;

/// <summary>
/// Writes a generated city with prepared ADO.NET commands (<see cref="PreparedBatch"/>) in one transaction.
/// </summary>
public static class DemoCityLoader
{
    public static async Task LoadAsync(SituationDbContext db, DemoCityData city, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            Insert(connection, transaction, "Kecamatan", ["Code", "Name"], city.Kecamatan, k => [k.Code, k.Name]);
            Insert(connection, transaction, "Kelurahan", ["Code", "KecamatanCode", "Name"], city.Kelurahan, k => [k.Code, k.KecamatanCode, k.Name]);
            Insert(connection, transaction, "Opds", ["Code", "Name", "ShortName", "Kind"], city.Opds, o => [o.Code, o.Name, o.ShortName, o.Kind]);
            Insert(
                connection,
                transaction,
                "Devices",
                ["Id", "Kind", "Name", "KecamatanCode", "KelurahanCode", "OpdCode", "Latitude", "Longitude", "Lifecycle", "LifecycleReference", "Status", "StatusSince", "LastReportAt", "ReportIntervalSeconds", "RegisteredAt"],
                city.Devices,
                d => [d.Id, d.Kind.ToString(), d.Name, d.KecamatanCode, d.KelurahanCode, d.OpdCode, d.Latitude, d.Longitude, d.Lifecycle.ToString(), d.LifecycleReference, d.Status.ToString(), d.StatusSince, d.LastReportAt, d.ReportIntervalSeconds, d.RegisteredAt]);
            Insert(
                connection,
                transaction,
                "DeviceStatusIntervals",
                ["Id", "DeviceId", "Status", "From", "To"],
                city.Intervals,
                i => [i.Id, i.DeviceId, i.Status.ToString(), i.From, i.To]);
            Insert(
                connection,
                transaction,
                "Complaints",
                ["Id", "Ticket", "Channel", "Text", "ReporterPhone", "ReporterName", "KecamatanCode", "KelurahanCode", "Latitude", "Longitude", "CategoryCode", "OpdCode", "Status", "ReceivedAt", "DueAt", "ClosedAt", "UpdatedAt", "ReopenCount"],
                city.Complaints,
                c => [c.Id, c.Ticket, c.Channel.ToString(), c.Text, c.ReporterPhone, c.ReporterName, c.KecamatanCode, c.KelurahanCode, c.Latitude, c.Longitude, c.CategoryCode, c.OpdCode, c.Status.ToString(), c.ReceivedAt, c.DueAt, c.ClosedAt, c.UpdatedAt, c.ReopenCount]);
            Insert(
                connection,
                transaction,
                "ComplaintEvents",
                ["Id", "ComplaintId", "At", "FromStatus", "ToStatus", "OpdCode", "Actor", "Note"],
                city.Complaints.SelectMany(c => c.History),
                e => [e.Id, e.ComplaintId, e.At, e.FromStatus?.ToString(), e.ToStatus.ToString(), e.OpdCode, e.Actor, e.Note]);
            Insert(
                connection,
                transaction,
                "SmartIndicatorValues",
                ["OpdCode", "PeriodKind", "PeriodStart", "IndicatorCode", "Value", "Weight", "IsManual", "RecordedAt", "RecordedBy", "Reason"],
                city.ManualIndicators,
                v => [v.OpdCode, v.PeriodKind, v.PeriodStart, v.IndicatorCode, v.Value, v.Weight, v.IsManual, v.RecordedAt, v.RecordedBy, v.Reason]);
            Insert(connection, transaction, "TicketCounters", ["Prefix", "Year", "Last"], city.TicketCounters, t => [t.Prefix, t.Year, t.Last]);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Insert<T>(
        DbConnection connection,
        DbTransaction transaction,
        string table,
        string[] columns,
        IEnumerable<T> rows,
        Func<T, object?[]> values) =>
        PreparedBatch.Execute(connection, transaction, PreparedBatch.InsertSql(table, columns), rows, values);
}
