using System.Security.Cryptography;
using System.Text;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>
/// Who may push complaints in (the SMS gateway, the call-centre system, app back ends, Open311 clients).
/// REVIEW: a stand-in until the access feature's per-client hashed credentials and "Ingest" policy land: the
/// integrator replaces the body of <see cref="RequireIngestionClient"/> with that policy and keeps its callers.
/// Until then the keys are read from configuration "Ingestion:DevelopmentKeys" (client name to key), which only
/// appsettings.Development.json fills: without keys, every request is refused.
/// </summary>
public static class IngestionAuth
{
    public const string HeaderName = "X-Api-Key";

    /// <summary>Open311 clients send their key as the api_key parameter.</summary>
    public const string Open311Parameter = "api_key";

    private const string ClientItem = "SituationRoom.IngestionClient";

    public static RouteGroupBuilder RequireIngestionClient(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var presented = await PresentedKeyAsync(http.Request);
            var keys = http.RequestServices.GetRequiredService<IConfiguration>().GetSection("Ingestion:DevelopmentKeys").GetChildren();
            var client = presented is null ? null : keys.FirstOrDefault(k => k.Value is { Length: > 0 } key && SameKey(presented, key))?.Key;
            if (client is null)
            {
                http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{HeaderName}\"";
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: "Kunci klien tidak dikenal / Unknown client key",
                    detail: $"Kirim kunci klien Anda di header {HeaderName}. / Send your client key in the {HeaderName} header.");
            }

            http.Items[ClientItem] = client;
            return await next(context);
        });
        return group;
    }

    /// <summary>The authenticated ingestion client's name; message ids are unique per client.</summary>
    public static string ClientName(HttpContext http) =>
        http.Items[ClientItem] as string ?? http.User.Identity?.Name ?? "unknown";

    private static async Task<string?> PresentedKeyAsync(HttpRequest request)
    {
        if (request.Headers[HeaderName].ToString() is { Length: > 0 } header)
        {
            return header;
        }

        if (request.Query[Open311Parameter].ToString() is { Length: > 0 } query)
        {
            return query;
        }

        return request.HasFormContentType && (await request.ReadFormAsync())[Open311Parameter].ToString() is { Length: > 0 } form ? form : null;
    }

    // Hashing first gives equal lengths, so the comparison takes the same time whatever the key.
    private static bool SameKey(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
