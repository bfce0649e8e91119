using SituationRoom.Core.Complaints;

namespace SituationRoom.Web.Features.Complaints;

/// <summary>The port to the operator's SMS gateway: the one seam where the city talks back to a citizen's phone.</summary>
public interface ISmsGateway
{
    /// <summary>Hands one message to the gateway; throws when it was not accepted (the outbox retries).</summary>
    Task SendAsync(string to, string text, CancellationToken cancellationToken);
}

/// <summary>For development and the demo: writes what would be sent to the log, with the number masked.</summary>
public sealed class LoggingSmsGateway(ILogger<LoggingSmsGateway> logger) : ISmsGateway
{
    public Task SendAsync(string to, string text, CancellationToken cancellationToken)
    {
        logger.LogInformation("SMS to {To}: {Text}", PhoneMask.Mask(to), text);
        return Task.CompletedTask;
    }
}
