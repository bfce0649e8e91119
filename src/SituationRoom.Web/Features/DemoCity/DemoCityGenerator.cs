using SituationRoom.Core;
using SituationRoom.Core.Complaints;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Wilayah;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Complaints;
using SituationRoom.Web.Features.Devices;
using SituationRoom.Web.Features.Scorecards;

namespace SituationRoom.Web.Features.DemoCity;

/// <summary>Everything the demo city starts with, ready to be written in one go.</summary>
public sealed record DemoCityData(
    IReadOnlyList<Kecamatan> Kecamatan,
    IReadOnlyList<Kelurahan> Kelurahan,
    IReadOnlyList<Opd> Opds,
    IReadOnlyList<Device> Devices,
    IReadOnlyList<DeviceStatusInterval> Intervals,
    IReadOnlyList<Complaint> Complaints,
    IReadOnlyList<TicketCounter> TicketCounters,
    IReadOnlyList<SmartIndicatorValue> ManualIndicators);

/// <summary>
/// Builds a Semarang-like city from a fixed seed: the same seed and the same "now" always give the same city.
/// The real wilayah and agency names are used; devices, complaints and their histories are invented.
/// </summary>
public static class DemoCityGenerator
{
    public const string TicketPrefix = "LH";

    private static readonly (string Category, double Weight)[] CategoryMix =
    [
        ("jalan", 18), ("sampah", 14), ("drainase", 14), ("pju", 9), ("lalu-lintas", 8), ("air-bersih", 8),
        ("ketertiban", 6), ("kesehatan", 4), ("pendidikan", 3), ("adminduk", 6), ("bencana", 3), ("taman", 2),
        ("perizinan", 2), ("sosial", 2), ("lainnya", 1),
    ];

    private static readonly (ComplaintChannel Channel, double Weight)[] ChannelMix =
    [
        (ComplaintChannel.Sms, 32), (ComplaintChannel.App, 24), (ComplaintChannel.Web, 14),
        (ComplaintChannel.WhatsApp, 14), (ComplaintChannel.SocialMedia, 10), (ComplaintChannel.CallCentre, 6),
    ];

    private static readonly (string Opd, double Weight, string NamePrefix)[] HotspotOwners =
    [
        ("DISKOMINFO", 72, "Wi-Fi Publik"), ("DISDIK", 10, "Wi-Fi Sekolah"), ("DINKES", 6, "Wi-Fi Puskesmas"),
        ("DISPERKIM", 6, "Wi-Fi Taman"), ("DISPORA", 3, "Wi-Fi GOR"), ("DISARPUS", 3, "Wi-Fi Perpustakaan"),
    ];

    private static readonly (string Opd, double Weight, string NamePrefix)[] CameraOwners =
    [
        ("DISKOMINFO", 44, "CCTV Kota"), ("DISHUB", 26, "CCTV ATCS"), ("SATPOLPP", 8, "CCTV Satpol PP"),
        ("BPBD", 6, "CCTV Pantau Banjir"), ("DPU", 6, "CCTV Rumah Pompa"), ("DISPERKIM", 5, "CCTV Taman"),
        ("DLH", 5, "CCTV TPS"),
    ];

    private static readonly string[] Places =
    [
        "Balai Kelurahan", "Simpang", "Jalan Raya", "Pasar", "Taman", "Masjid", "Halte BRT", "Lapangan",
        "Kantor Kecamatan", "Jembatan", "Gang", "Perempatan",
    ];

    public static DemoCityData Generate(DemoCityOptions options, DateTimeOffset now)
    {
        var random = new Random(options.RandomSeed);
        var nowUtc = now.UtcDateTime;
        var kecamatan = SemarangReference.Kecamatan;
        var kelurahan = SemarangReference.Kelurahan;
        var kelurahanByKecamatan = kelurahan.GroupBy(k => k.KecamatanCode).ToDictionary(g => g.Key, g => g.ToArray());
        var geography = SemarangReference.Geography.ToDictionary(g => g.Code);
        var opds = SemarangOpds.All;

        // Each OPD gets a fixed temperament: how fast it works and how well it keeps its devices up.
        var quality = opds.ToDictionary(o => o.Code, _ => 0.45 + (random.NextDouble() * 0.53));
        var populationWeights = SemarangReference.Geography.Select(g => (g.Code, (double)g.Population)).ToArray();

        var devices = new List<Device>(options.Hotspots + options.Cameras);
        var intervals = new List<DeviceStatusInterval>();
        AddDevices(DeviceKind.Hotspot, options.Hotspots, "WIFI-{0:0000}", HotspotOwners);
        AddDevices(DeviceKind.Camera, options.Cameras, "CCTV-{0:00000}", CameraOwners);

        var (complaints, counters) = GenerateComplaints(random, options, nowUtc, populationWeights, kelurahanByKecamatan, quality, opds);
        var manual = ManualIndicators(random, opds, quality, nowUtc);
        return new DemoCityData(kecamatan, kelurahan, opds, devices, intervals, complaints, counters, manual);

        void AddDevices(DeviceKind kind, int count, string idFormat, (string Opd, double Weight, string NamePrefix)[] owners)
        {
            var ownerWeights = owners.Select(o => (o, o.Weight)).ToArray();
            for (var i = 1; i <= count; i++)
            {
                var kecCode = Pick(random, populationWeights);
                var kel = kelurahanByKecamatan[kecCode][random.Next(kelurahanByKecamatan[kecCode].Length)];
                var owner = Pick(random, ownerWeights);
                var geo = geography[kecCode];
                var device = new Device
                {
                    Id = string.Format(System.Globalization.CultureInfo.InvariantCulture, idFormat, i),
                    Kind = kind,
                    Name = $"{owner.NamePrefix} {Places[random.Next(Places.Length)]} {kel.Name}",
                    KecamatanCode = kecCode,
                    KelurahanCode = kel.Code,
                    OpdCode = owner.Opd,
                    Latitude = Math.Round(geo.Latitude + ((random.NextDouble() - 0.5) * 0.024), 6),
                    Longitude = Math.Round(geo.Longitude + ((random.NextDouble() - 0.5) * 0.024), 6),
                    Lifecycle = DeviceLifecycle.Active,
                    ReportIntervalSeconds = 60,
                    RegisteredAt = nowUtc.AddDays(-400 + random.Next(0, 380)),
                };
                AssignLifecycle(device, random);
                AddHistory(device, quality[owner.Opd]);
                devices.Add(device);
            }
        }

        void AddHistory(Device device, double ownerQuality)
        {
            var start = Max(device.RegisteredAt, nowUtc.AddDays(-options.DeviceHistoryDays));
            if (device.Lifecycle != DeviceLifecycle.Active)
            {
                device.Status = DeviceStatus.Offline;
                device.StatusSince = start;
                return;
            }

            // Outages arrive as a Poisson process; weaker owners fail more often and recover more slowly.
            var failuresPerDay = (device.Kind == DeviceKind.Hotspot ? 0.35 : 0.25) * (1.6 - ownerQuality);
            var medianOutageMinutes = 25 + (90 * (1 - ownerQuality));
            var chronicDark = random.NextDouble() < (device.Kind == DeviceKind.Camera ? 0.02 : 0.01) * (1.6 - ownerQuality);
            var at = start;
            var status = DeviceStatus.Online;
            while (true)
            {
                var holdMinutes = status.IsUp()
                    ? Exponential(random, 24 * 60 / failuresPerDay)
                    : LogNormal(random, medianOutageMinutes, 0.9);
                var until = at.AddMinutes(Math.Max(1, holdMinutes));
                if (until >= nowUtc || (chronicDark && !status.IsUp() && until > nowUtc.AddDays(-3)))
                {
                    intervals.Add(new DeviceStatusInterval { Id = intervals.Count + 1, DeviceId = device.Id, Status = status, From = at });
                    break;
                }

                intervals.Add(new DeviceStatusInterval { Id = intervals.Count + 1, DeviceId = device.Id, Status = status, From = at, To = until });
                at = until;
                status = status.IsUp() ? DownStatus(device.Kind, random) : DeviceStatus.Online;
            }

            device.Status = status;
            device.StatusSince = at;
            device.LastReportAt = status.IsUp() ? nowUtc.AddSeconds(-random.Next(1, 60)) : at;
        }
    }

    /// <summary>What administrators enter each month where no feed exists: integration maturity, online services, satisfaction.</summary>
    private static List<SmartIndicatorValue> ManualIndicators(Random random, IReadOnlyList<Opd> opds, Dictionary<string, double> quality, DateTime nowUtc)
    {
        var values = new List<SmartIndicatorValue>();
        var month = new DateOnly(Wib.ToWib(nowUtc).Year, Wib.ToWib(nowUtc).Month, 1);
        for (var m = 0; m <= 12; m++)
        {
            var start = month.AddMonths(-m);
            foreach (var opd in opds)
            {
                var q = quality[opd.Code];
                Add(opd.Code, start, "S.systems_integrated", Math.Clamp(Math.Round(1 + (4 * q) + ((random.NextDouble() - 0.5) * 1.2)), 1, 5));
                Add(opd.Code, start, "A.online_services", Math.Round(Math.Clamp(60 + (40 * q) + ((random.NextDouble() - 0.5) * 10), 0, 100), 1));
                Add(opd.Code, start, "R.satisfaction", Math.Round(Math.Clamp(2.5 + (2.4 * q) + ((random.NextDouble() - 0.5) * 0.6), 1, 5), 2));
            }
        }

        return values;

        void Add(string opd, DateOnly start, string code, double value) => values.Add(new SmartIndicatorValue
        {
            OpdCode = opd,
            PeriodKind = "Month",
            PeriodStart = start,
            IndicatorCode = code,
            Value = value,
            Weight = 1,
            IsManual = true,
            RecordedAt = Wib.StartOfDayUtc(start.AddMonths(1) > Wib.DateOf(nowUtc) ? Wib.DateOf(nowUtc) : start.AddMonths(1)),
            RecordedBy = "admin (data demo)",
            Reason = "Isian bulanan (data demo)",
        });
    }

    private static void AssignLifecycle(Device device, Random random)
    {
        var roll = random.NextDouble();
        if (device.Kind == DeviceKind.Camera && roll < 0.035)
        {
            device.Lifecycle = DeviceLifecycle.SwitchedOff;
            device.LifecycleReference = "Efisiensi anggaran 2025: tautan dimatikan sementara (data demo)";
        }
        else if (roll < 0.045)
        {
            device.Lifecycle = DeviceLifecycle.Decommissioned;
            device.LifecycleReference = "Perangkat rusak, diganti unit baru (data demo)";
        }
        else if (roll < 0.052)
        {
            device.Lifecycle = DeviceLifecycle.Maintenance;
            device.LifecycleReference = "Pemeliharaan terjadwal (data demo)";
        }
    }

    private static DeviceStatus DownStatus(DeviceKind kind, Random random)
    {
        if (kind == DeviceKind.Hotspot)
        {
            return DeviceStatus.Offline;
        }

        var roll = random.NextDouble();
        return roll < 0.6 ? DeviceStatus.Offline : roll < 0.8 ? DeviceStatus.NoFrames : DeviceStatus.Frozen;
    }

    private static (List<Complaint>, List<TicketCounter>) GenerateComplaints(
        Random random,
        DemoCityOptions options,
        DateTime nowUtc,
        (string Code, double Weight)[] populationWeights,
        Dictionary<string, Kelurahan[]> kelurahanByKecamatan,
        Dictionary<string, double> quality,
        IReadOnlyList<Opd> opds)
    {
        var categoryOpd = ComplaintCategories.Default.ToDictionary(c => c.Code, c => c.OpdCode);
        var categoryWeights = CategoryMix.Select(c => (c.Category, c.Weight)).ToArray();
        var channelWeights = ChannelMix.Select(c => (c.Channel, c.Weight)).ToArray();
        var bigOpds = new[] { "DPU", "DLH", "DISHUB", "SATPOLPP", "DISPERKIM" };
        var complaints = new List<Complaint>();
        var counters = new Dictionary<int, long>();
        long eventId = 0;

        var firstDay = Wib.DateOf(nowUtc).AddDays(-options.ComplaintDays);
        for (var day = firstDay; day <= Wib.DateOf(nowUtc); day = day.AddDays(1))
        {
            var dayStart = Wib.StartOfDayUtc(day);
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.7 : 1.0;
            var rainy = day.Month is 11 or 12 or 1 or 2 or 3 ? 1.2 : 0.9;
            var count = Poisson(random, options.ComplaintsPerDay * weekend * rainy);
            for (var n = 0; n < count; n++)
            {
                var receivedAt = dayStart.AddHours(DiurnalHour(random)).AddSeconds(random.Next(3600));
                if (receivedAt > nowUtc)
                {
                    continue;
                }

                var category = Pick(random, categoryWeights);
                if (rainy > 1 && category != "drainase" && random.NextDouble() < 0.08)
                {
                    category = "drainase";
                }

                var kecCode = Pick(random, populationWeights);
                var kel = kelurahanByKecamatan[kecCode][random.Next(kelurahanByKecamatan[kecCode].Length)];
                var templates = DemoComplaintTexts.ByCategory[category];
                var year = Wib.ToWib(receivedAt).Year;
                counters[year] = counters.GetValueOrDefault(year) + 1;
                var complaint = new Complaint
                {
                    Id = complaints.Count + 1,
                    Ticket = TicketNumber.Format(TicketPrefix, year, counters[year]),
                    Channel = Pick(random, channelWeights),
                    Text = templates[random.Next(templates.Length)].Replace("{kel}", kel.Name, StringComparison.Ordinal),
                    ReporterPhone = $"08{random.Next(11, 99)}{random.Next(10_000_000, 99_999_999)}",
                    KecamatanCode = kecCode,
                    KelurahanCode = kel.Code,
                    CategoryCode = category,
                    ReceivedAt = receivedAt,
                    DueAt = receivedAt.AddDays(10),
                    UpdatedAt = receivedAt,
                };
                var owner = categoryOpd.GetValueOrDefault(category) ?? bigOpds[random.Next(bigOpds.Length)];
                Narrate(complaint, owner, random, nowUtc, quality, opds, ref eventId);
                complaints.Add(complaint);
            }
        }

        var ticketCounters = counters
            .Select(c => new TicketCounter { Prefix = TicketPrefix, Year = c.Key, Last = c.Value })
            .ToList();
        return (complaints, ticketCounters);
    }

    /// <summary>Writes the complaint's life up to now: each step happens only if its time has come.</summary>
    private static void Narrate(
        Complaint complaint,
        string owner,
        Random random,
        DateTime nowUtc,
        Dictionary<string, double> quality,
        IReadOnlyList<Opd> opds,
        ref long eventId)
    {
        var steps = new List<(double DaysAfterPrevious, ComplaintStatus Status, string? Opd, string Actor, string? Note)>
        {
            (0, ComplaintStatus.Received, null, "sistem", null),
        };
        var q = quality[owner];
        steps.Add((Exponential(random, 0.6 * (1.6 - q)), ComplaintStatus.Verified, null, "verifikator", null));
        if (random.NextDouble() < 0.06 || (complaint.CategoryCode == "lainnya" && random.NextDouble() < 0.5))
        {
            steps.Add((Exponential(random, 0.2), ComplaintStatus.Rejected, null, "verifikator", "Di luar kewenangan / bukan pengaduan"));
        }
        else
        {
            steps.Add((Exponential(random, 0.3), ComplaintStatus.Dispatched, owner, "verifikator", null));
            if (random.NextDouble() < 0.04)
            {
                var receiver = opds[random.Next(opds.Count)].Code;
                if (receiver != owner)
                {
                    steps.Add((Exponential(random, 1), ComplaintStatus.HandedOver, receiver, $"petugas {owner}", "Bukan kewenangan kami"));
                    steps.Add((Exponential(random, 0.3), ComplaintStatus.Dispatched, receiver, "verifikator", null));
                    owner = receiver;
                    q = quality[owner];
                }
            }

            // A few complaints stall with their OPD; most stalled ones are closed late, a handful never are.
            var stalled = random.NextDouble() < 0.10 * (1.2 - q);
            var abandoned = stalled && random.NextDouble() < 0.08;
            steps.Add((Exponential(random, 1.2 * (1.6 - q)), ComplaintStatus.InProgress, owner, $"petugas {owner}", null));
            if (!abandoned)
            {
                var days = stalled ? 12 + Exponential(random, 25) : LogNormal(random, 2 + (11 * (1 - q)), 0.7);
                steps.Add((days, ComplaintStatus.Resolved, owner, $"petugas {owner}", "Sudah ditangani, foto terlampir"));
                if (random.NextDouble() < 0.06 * (1.5 - q))
                {
                    steps.Add((Exponential(random, 4), ComplaintStatus.InProgress, owner, "warga", "Dibuka kembali oleh pelapor"));
                    steps.Add((LogNormal(random, 3, 0.6), ComplaintStatus.Resolved, owner, $"petugas {owner}", "Perbaikan ulang selesai"));
                }
            }
        }

        var at = complaint.ReceivedAt;
        ComplaintStatus? previous = null;
        foreach (var step in steps)
        {
            at = at.AddDays(step.DaysAfterPrevious);
            if (at > nowUtc)
            {
                break;
            }

            complaint.History.Add(new ComplaintEvent
            {
                Id = ++eventId,
                ComplaintId = complaint.Id,
                At = at,
                FromStatus = previous,
                ToStatus = step.Status,
                OpdCode = step.Opd ?? complaint.OpdCode,
                Actor = step.Actor,
                Note = step.Note,
            });
            if (previous == ComplaintStatus.Resolved && step.Status == ComplaintStatus.InProgress)
            {
                complaint.ReopenCount++;
            }

            previous = step.Status;
            complaint.Status = step.Status;
            complaint.OpdCode = step.Opd ?? complaint.OpdCode;
            complaint.UpdatedAt = at;
            complaint.ClosedAt = step.Status.IsOpen() ? null : at;
        }
    }

    private static double DiurnalHour(Random random)
    {
        // Citizens write mostly in the morning and after evening prayers; few at night.
        var roll = random.NextDouble();
        return roll < 0.45 ? 7 + (random.NextDouble() * 5) : roll < 0.8 ? 12 + (random.NextDouble() * 10) : random.NextDouble() * 7;
    }

    private static T Pick<T>(Random random, (T Item, double Weight)[] weighted)
    {
        var total = 0.0;
        foreach (var (_, w) in weighted)
        {
            total += w;
        }

        var roll = random.NextDouble() * total;
        foreach (var (item, w) in weighted)
        {
            roll -= w;
            if (roll < 0)
            {
                return item;
            }
        }

        return weighted[^1].Item;
    }

    private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());

    private static double LogNormal(Random random, double median, double sigma)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return median * Math.Exp(sigma * normal);
    }

    private static int Poisson(Random random, double mean)
    {
        // Normal approximation is plenty for a mean around a hundred.
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * normal)));
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
