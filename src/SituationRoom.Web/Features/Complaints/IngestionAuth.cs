using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SituationRoom.Web.Features.Access;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>
/// Who may push complaints in (the SMS gateway, the call-centre system, app back ends, Open311 clients): an ingestion
/// client with a valid key (Features/Access: one client per system, keys stored hashed, rotatable, revocable).
/// Outside Development plain HTTP to these endpoints is refused, and their bodies are limited.
/// </summary>
public static class IngestionAuth
{
    public const string HeaderName = "X-Api-Key";

    /// <summary>Open311 clients send their key as the api_key parameter.</summary>
    public const string Open311Parameter = "api_key";

    /// <param name="kinds">The kinds of client allowed (<see cref="IngestionClientKinds"/>); none means any.</param>
    public static RouteGroupBuilder RequireIngestionClient(this RouteGroupBuilder group, params string[] kinds)
    {
        var limits = ((IEndpointRouteBuilder)group).ServiceProvider.GetRequiredService<IOptions<AccessOptions>>().Value.Limits;
        group.WithMetadata(new IngestionEndpoint(kinds), new RequestSizeLimitAttribute(limits.MaxIngestionBodyBytes));
        if (kinds.Length == 0)
        {
            group.RequireAuthorization(AccessPolicies.Ingest);
        }
        else
        {
            group.RequireAuthorization(AccessPolicies.IngestFrom(kinds));
        }

        return group;
    }

    /// <summary>The authenticated ingestion client's name; message ids are unique per client.</summary>
    public static string ClientName(HttpContext http) => http.User.Identity?.Name ?? "unknown";
}
