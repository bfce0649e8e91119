using Microsoft.AspNetCore.WebUtilities;
using SituationRoom.Core.Complaints;
using SituationRoom.Core.Devices;
using SituationRoom.Core.Trends;
using SituationRoom.Web.Features.Trends;

namespace SituationRoom.Web.Tests.Features.Trends;

public class TrendFilterTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    [Fact]
    public void ToQuery_Default_IsEmpty() => Assert.Equal("", TrendFilter.Default.ToQuery());

    [Fact]
    public void ToQuery_EverythingSet_KeysInAFixedOrder()
    {
        var filter = new TrendFilter
        {
            Period = TrendPeriod.Custom,
            From = new DateOnly(2026, 10, 1),
            To = new DateOnly(2026, 10, 31),
            Opd = "DPU",
            Kecamatan = "33.74.01",
            Category = "lalu-lintas",
            Channel = ComplaintChannel.WhatsApp,
            Compare = Comparison.YearEarlier,
            By = TrendDimension.Kecamatan,
            Grain = Grain.Week,
        };

        Assert.Equal(
            "period=custom&from=2026-10-01&to=2026-10-31&opd=DPU&kec=33.74.01&cat=lalu-lintas&channel=whatsapp&compare=year&by=kecamatan&grain=week",
            filter.ToQuery());
    }

    [Fact]
    public void Parse_OfToQuery_GivesTheSameFilterBack_ForManyFilters()
    {
        var random = new Random(1708);
        string?[] opds = [null, "DPU", "DLH", TrendFilter.None, "A&B=C ?"];
        string?[] kecamatan = [null, "33.74.01", TrendFilter.None];
        string?[] categories = [null, "jalan", "air-bersih", TrendFilter.None];
        for (var i = 0; i < 500; i++)
        {
            var period = Pick(Enum.GetValues<TrendPeriod>());
            var from = Today.AddDays(-random.Next(0, 800));
            var filter = new TrendFilter
            {
                Period = period,
                From = period == TrendPeriod.Custom ? from : null,
                To = period == TrendPeriod.Custom ? from.AddDays(random.Next(0, 400)) : null,
                Opd = Pick(opds),
                Kecamatan = Pick(kecamatan),
                Category = Pick(categories),
                Channel = random.Next(3) == 0 ? null : Pick(Enum.GetValues<ComplaintChannel>()),
                Compare = Pick(Enum.GetValues<Comparison>()),
                By = Pick(Enum.GetValues<TrendDimension>()),
                Grain = random.Next(3) == 0 ? null : Pick(Enum.GetValues<Grain>()),
            };

            var errors = new Dictionary<string, string[]>();
            var parsed = TrendFilter.Parse(Reader(filter.ToQuery()), errors);

            Assert.Empty(errors);
            Assert.Equal(filter, parsed);
        }

        T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
    }

    [Fact]
    public void Parse_PresetWithStrayDates_DropsTheDates()
    {
        var filter = TrendFilter.Parse(Reader("period=7d&from=2026-01-01&to=2026-01-31"), new Dictionary<string, string[]>());

        Assert.Equal(TrendFilter.Default with { Period = TrendPeriod.Days7 }, filter);
    }

    [Theory]
    [InlineData("period=fortnight", "period")]
    [InlineData("period=custom&from=2026-11-02&to=2026-11-01", "from")]
    [InlineData("period=custom&from=kemarin", "from")]
    [InlineData("channel=pigeon", "channel")]
    [InlineData("compare=tomorrow", "compare")]
    [InlineData("by=weather", "by")]
    [InlineData("grain=hour", "grain")]
    public void Parse_UnreadableValue_NamesTheKeyAndKeepsTheDefault(string query, string key)
    {
        var errors = new Dictionary<string, string[]>();

        var filter = TrendFilter.Parse(Reader(query), errors);

        Assert.Contains(key, errors.Keys);
        Assert.Equal(TrendFilter.Default.Period, filter.Period);
    }

    [Fact]
    public void Range_Presets_EndTodayWithTheirLength()
    {
        Assert.Equal(1, (TrendFilter.Default with { Period = TrendPeriod.Today }).Range(Today).Days);
        Assert.Equal(7, (TrendFilter.Default with { Period = TrendPeriod.Days7 }).Range(Today).Days);
        Assert.Equal(30, TrendFilter.Default.Range(Today).Days);
        Assert.Equal(90, (TrendFilter.Default with { Period = TrendPeriod.Days90 }).Range(Today).Days);
        Assert.Equal(new DayRange(new DateOnly(2025, 12, 1), Today), (TrendFilter.Default with { Period = TrendPeriod.Months12 }).Range(Today));
    }

    [Fact]
    public void EffectiveGrain_ByLength_DaysThenWeeksThenMonths()
    {
        Assert.Equal(Grain.Day, TrendFilter.Default.EffectiveGrain(TrendFilter.Default.Range(Today)));
        Assert.Equal(Grain.Week, TrendFilter.Default.EffectiveGrain(DayRange.Last(90, Today)));
        Assert.Equal(Grain.Month, TrendFilter.Default.EffectiveGrain(DayRange.Last(355, Today)));
        Assert.Equal(Grain.Day, (TrendFilter.Default with { Grain = Grain.Day }).EffectiveGrain(DayRange.Last(355, Today)));
    }

    [Fact]
    public void ComplaintListQuery_RoundTripsThroughItsUrl()
    {
        foreach (var measure in Enum.GetValues<ComplaintMeasure>())
        {
            var query = new ComplaintListQuery(TrendFilter.Default with { Opd = "DPU", Category = "jalan", Period = TrendPeriod.Days90 }, measure);

            var parsed = ComplaintListQuery.Parse(Reader(new Uri("http://x" + query.Url).Query), new Dictionary<string, string[]>());

            Assert.Equal(query, parsed);
            Assert.StartsWith(ComplaintListQuery.Path, query.Url);
        }
    }

    [Fact]
    public void DeviceListQuery_RoundTripsThroughItsUrl()
    {
        var query = new DeviceListQuery(DeviceKind.Camera, DeviceMeasure.Uptime, TrendFilter.Default.Within(new DayRange(Today, Today)) with { Kecamatan = "33.74.05" });

        var parsed = DeviceListQuery.Parse(Reader(new Uri("http://x" + query.Url).Query), new Dictionary<string, string[]>());

        Assert.Equal(query, parsed);
    }

    [Fact]
    public void DrillDown_WallTargets_ParseToTheMeasuresTheWallCounts()
    {
        Assert.Equal(new ComplaintListQuery(TrendFilter.Default, ComplaintMeasure.Open), List(DrillDown.OpenComplaints()));
        Assert.Equal(new ComplaintListQuery(TrendFilter.Default with { Opd = "DPU" }, ComplaintMeasure.Overdue), List(DrillDown.OverdueComplaints("DPU")));
        Assert.Equal(new ComplaintListQuery(TrendFilter.Default with { Opd = TrendFilter.None }, ComplaintMeasure.Open), List(DrillDown.InTriage()));
        Assert.Equal(new ComplaintListQuery(TrendFilter.Default with { Period = TrendPeriod.Today }, ComplaintMeasure.Received), List(DrillDown.NewToday()));
        Assert.Equal("/trends/devices?kind=camera&measure=darklong", DrillDown.DarkLongDevices(DeviceKind.Camera));
        Assert.Equal("/trends/devices?kind=hotspot&measure=down&kec=33.74.01", DrillDown.DarkDevices(DeviceKind.Hotspot, kecamatan: "33.74.01"));
        Assert.Equal("/trends/rapor/DPU?period=2026-Q4", DrillDown.ReportCard("DPU", SituationRoom.Core.Scorecards.Period.ParseKey("2026-Q4")));

        static ComplaintListQuery List(string url)
        {
            var errors = new Dictionary<string, string[]>();
            var query = ComplaintListQuery.Parse(Reader(new Uri("http://x" + url).Query), errors);
            Assert.Empty(errors);
            return query;
        }
    }

    private static Func<string, string?> Reader(string query)
    {
        var values = QueryHelpers.ParseQuery(query);
        return key => values.TryGetValue(key, out var v) ? v.FirstOrDefault() : null;
    }
}
