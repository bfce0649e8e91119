namespace SituationRoom.Core.Scorecards;

/// <summary>The rule sets shipped with the room, embedded as JSON in the same format a city loads its own catalogue in.
/// smart-2026.1 weights (percent): every dimension 20. S: feeds_connected 60, systems_integrated 40.
/// M: assets_reporting 60, complaints_updated 40. A: hotspot_uptime 35, camera_uptime 35, online_services 30.
/// R: not_reopened 40, rejections_upheld 30, satisfaction 30. T: sla_met 70, mean_days_late 30.
/// Bands: Sangat Baik ≥ 85, Baik ≥ 70, Cukup ≥ 55, Kurang ≥ 40, Buruk below.</summary>
public static class DefaultRuleSets
{
    public const string Smart2026Version = "smart-2026.1";

    private static readonly Lazy<RuleSet> Smart2026Set = new(() => RuleSetJson.Parse(Smart2026Json));

    private static readonly Lazy<RuleSetCatalogue> DefaultCatalogue = new(() => new RuleSetCatalogue([Smart2026]));

    public static RuleSet Smart2026 => Smart2026Set.Value;

    public static RuleSetCatalogue Catalogue => DefaultCatalogue.Value;

    /// <summary>The shipped JSON text, as a template for a city's own catalogue.</summary>
    public static string Smart2026Json => ReadResource(Smart2026Version + ".json");

    private static string ReadResource(string fileName)
    {
        var name = "SituationRoom.Core.Scorecards.RuleSets." + fileName;
        using var stream = typeof(DefaultRuleSets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded rule set {name} is missing from {typeof(DefaultRuleSets).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
