namespace SituationRoom.Web.Tests.Browser;

/// <summary>
/// Browser tests run one class at a time: each starts the real app as a process of its own and a Chromium, and on a
/// two-core machine several of those at once starve each other into timeouts that say nothing about the app.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
