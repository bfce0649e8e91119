using SituationRoom.Web.Components;
using SituationRoom.Web.Data;
using SituationRoom.Web.Features.Access;
using SituationRoom.Web.Features.Complaints;
using SituationRoom.Web.Features.DemoCity;
using SituationRoom.Web.Features.Devices;
using SituationRoom.Web.Features.Scorecards;
using SituationRoom.Web.Features.Situation;
using SituationRoom.Web.Features.Trends;
using SituationRoom.Web.Features.Wall;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSituationData(builder.Configuration);
builder.Services.AddSituationLocalization();
builder.Services.AddSituation(builder.Configuration);
builder.Services.AddSituationHub();
builder.Services.AddWall(builder.Configuration);
builder.Services.AddComplaints(builder.Configuration);
builder.Services.AddDevices(builder.Configuration);
builder.Services.AddScorecards(builder.Configuration);
builder.Services.AddDemoCity(builder.Configuration);
builder.Services.AddTrends(builder.Configuration);
builder.AddAccess();
builder.Services.AddRazorComponents().AddInteractiveServerComponents().AddAccessLimits(builder.Configuration);

var app = builder.Build();

await app.PrepareDatabaseAsync();
await app.PrepareAccessAsync();
await app.LoadSituationAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseRequestLocalization();
app.MapStaticAssets().AllowAnonymous();
app.UseAccess();
app.UseAntiforgery();

app.MapHealth();
app.MapCultureSwitch();
app.MapSituationApi();
app.MapSituationHub();
app.MapScorecardsApi();
app.MapTrendsApi();
app.MapComplaintsApi();
app.MapOpen311Api();
app.MapDevicesApi();
app.MapAccessApi();
// Compression off: a circuit's frames mix citizens' text with officers' data, and on a LAN the bytes saved are few (docs/access.md).
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.DisableWebSocketCompression = true);

app.Run();

/// <summary>The web host; public so integration tests can start it with WebApplicationFactory.</summary>
public partial class Program;
