using System.Net;
using System.Text;
using System.Text.Json;

namespace SituationRoom.Web.Tests.Features.Access;

/// <summary>
/// A SignalR conversation with the JSON hub protocol over long polling, spoken directly over HTTP because the feed has
/// no .NET SignalR client: negotiate, handshake, invocations, polls. The client's cookies are the caller's identity.
/// </summary>
public sealed class HubConversation
{
    public const char Separator = '\u001e';

    private readonly HttpClient client;
    private readonly string connection;
    private readonly StringBuilder received = new();
    private Task<HttpResponseMessage>? poll;

    private HubConversation(HttpClient client, string connection)
    {
        this.client = client;
        this.connection = connection;
    }

    /// <summary>Negotiates and shakes hands; null with the negotiate status when the caller is refused.</summary>
    /// <param name="accessToken">Sent as <c>access_token</c> in every request's query, as browsers' WebSocket clients must.</param>
    public static async Task<(HubConversation? Conversation, HttpStatusCode Status)> OpenAsync(HttpClient client, string path, string? accessToken = null)
    {
        var query = accessToken is null ? "" : "&access_token=" + Uri.EscapeDataString(accessToken);
        using var negotiate = await client.PostAsync($"{path}/negotiate?negotiateVersion=1{query}", null);
        if (negotiate.StatusCode != HttpStatusCode.OK)
        {
            return (null, negotiate.StatusCode);
        }

        var token = (await negotiate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectionToken").GetString();
        var conversation = new HubConversation(client, $"{path}?id={Uri.EscapeDataString(token!)}{query}");
        conversation.poll = client.GetAsync(conversation.connection);
        await conversation.SendAsync("{\"protocol\":\"json\",\"version\":1}");
        return (conversation, negotiate.StatusCode);
    }

    /// <summary>Sends one message; the status says whether the server still had the connection.</summary>
    public async Task<HttpStatusCode> SendAsync(string message)
    {
        using var response = await client.PostAsync(connection, new StringContent(message + Separator));
        return response.StatusCode;
    }

    public Task<HttpStatusCode> InvokeAsync(string invocationId, string target, object[] arguments) =>
        SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId, target, arguments }));

    /// <summary>Polls until a message matches (or the server ends the connection, or 20 polls pass); every message so far.</summary>
    public async Task<IReadOnlyList<JsonElement>> PollUntilAsync(Func<JsonElement, bool> match)
    {
        for (var polls = 0; polls < 20 && !Messages().Any(match); polls++)
        {
            using var response = await (poll ?? client.GetAsync(connection));
            poll = null;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                break;
            }

            received.Append(await response.Content.ReadAsStringAsync());
        }

        return Messages().ToList();
    }

    public Task CloseAsync() => client.DeleteAsync(connection);

    /// <summary>One more poll, as a client does after each answer: 200 while the server still serves this connection.</summary>
    public async Task<HttpStatusCode> PollAsync()
    {
        using var response = await (poll ?? client.GetAsync(connection));
        poll = null;
        if (response.StatusCode == HttpStatusCode.OK)
        {
            received.Append(await response.Content.ReadAsStringAsync());
        }

        return response.StatusCode;
    }

    public static bool IsSnapshot(JsonElement message) =>
        message.TryGetProperty("type", out var type) && type.GetInt32() == 1 && message.GetProperty("target").GetString() == "snapshot";

    private IEnumerable<JsonElement> Messages() => received.ToString().Split(Separator, StringSplitOptions.RemoveEmptyEntries).Select(m => JsonDocument.Parse(m).RootElement);

    public static bool IsCompletion(JsonElement message, string invocationId) =>
        message.TryGetProperty("type", out var type) && type.GetInt32() == 3 && message.GetProperty("invocationId").GetString() == invocationId;

    public static bool IsClose(JsonElement message) => message.TryGetProperty("type", out var type) && type.GetInt32() == 7;
}
