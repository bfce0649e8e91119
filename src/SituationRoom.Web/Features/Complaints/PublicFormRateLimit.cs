using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>
/// The public forms (/lapor and the citizen's reopen on /complaints/{ticket}) need no login, so each client address
/// may post only a few times per window; reading the pages is never limited, and neither are signed-in people (an
/// officer revealing reporters' numbers on /complaints/{ticket} from a shared office address is not a flood, and every
/// one of those posts is audited under their name). Behind a reverse proxy the integrator must enable forwarded
/// headers, or every citizen shares the proxy's address.
/// </summary>
public sealed class PublicFormRateLimit(IOptions<ComplaintsOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "complaints-public-form";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, cancellationToken) =>
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(
            "Terlalu banyak kiriman dari alamat ini. Silakan coba lagi beberapa menit lagi, atau SMS ke 1708.\n" +
            "Too many submissions from this address. Please try again in a few minutes, or text 1708.",
            cancellationToken);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (!HttpMethods.IsPost(httpContext.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("read");
        }

        if (Access.Sessions.IsPerson(httpContext.User))
        {
            return RateLimitPartition.GetNoLimiter("person");
        }

        var form = options.Value.PublicForm;
        return RateLimitPartition.GetFixedWindowLimiter(
            httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = form.PermitLimit, Window = form.Window, QueueLimit = 0 });
    }
}
