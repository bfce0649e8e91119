using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SituationRoom.Core.Scorecards;
using SituationRoom.Web.Features.Scorecards;
using SituationRoom.Web.Tests.Infrastructure;

namespace SituationRoom.Web.Tests.Features.Scorecards;

/// <summary>A city's own rule-set catalogue, loaded from configuration and checked when the app starts.</summary>
public sealed class RuleSetFilesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("situationroom-rules-").FullName;

    [Fact]
    public void Load_ValidFile_AddsItsRuleSetBesideTheShippedOne()
    {
        var path = Write("smart-2027.json", DefaultRuleSets.Smart2026Json
            .Replace("\"version\": \"smart-2026.1\"", "\"version\": \"semarang-2027.1\"", StringComparison.Ordinal)
            .Replace("\"effectiveFrom\": \"2026-01-01\"", "\"effectiveFrom\": \"2027-01-01\"", StringComparison.Ordinal));

        var rules = ScorecardRules.Load(new ScorecardsOptions { RuleSetFiles = [path] }, folder);

        Assert.Equal(["smart-2026.1", "semarang-2027.1"], rules.Catalogue.RuleSets.Select(r => r.Version));
        Assert.Equal("semarang-2027.1", rules.Catalogue.For(new DateOnly(2027, 3, 1))!.Version);
    }

    [Fact]
    public void Load_InvalidFile_NamesTheSettingTheFileAndTheField()
    {
        var path = Write("bad.json", DefaultRuleSets.Smart2026Json
            .Replace("\"version\": \"smart-2026.1\"", "\"version\": \"bad-1\"", StringComparison.Ordinal)
            .Replace("\"floor\": 90", "\"floor\": 120", StringComparison.Ordinal));

        var error = Assert.Throws<RuleSetValidationException>(() => ScorecardRules.Load(new ScorecardsOptions { RuleSetFiles = ["bad.json"] }, folder));

        Assert.Contains(error.Errors, e => e.StartsWith($"Scorecards:RuleSetFiles:0 ({path}): indicators[4] (A.hotspot_uptime).rubric.floor:", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissingFile_SaysItCannotBeRead()
    {
        var error = Assert.Throws<RuleSetValidationException>(() => ScorecardRules.Load(new ScorecardsOptions { RuleSetFiles = ["nowhere.json"] }, folder));

        Assert.Contains("nowhere.json", error.Errors.Single(), StringComparison.Ordinal);
        Assert.Contains("cannot be read", error.Errors.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SameVersionAsTheShippedSet_IsRefused()
    {
        Write("copy.json", DefaultRuleSets.Smart2026Json);

        var error = Assert.Throws<RuleSetValidationException>(() => ScorecardRules.Load(new ScorecardsOptions { RuleSetFiles = ["copy.json"] }, folder));

        Assert.Contains(error.Errors, e => e.Contains("smart-2026.1: version appears more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void App_WithAnInvalidRuleSetFile_DoesNotStartAndSaysWhy()
    {
        var path = Write("broken.json", "{ \"version\": \"x\" ");
        using var app = new AppWithRuleSetFile(path);

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Scorecards:RuleSetFiles:0", error.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    private sealed class AppWithRuleSetFile(string path) : SituationAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["Scorecards:RuleSetFiles:0"] = path,
        };
    }
}
