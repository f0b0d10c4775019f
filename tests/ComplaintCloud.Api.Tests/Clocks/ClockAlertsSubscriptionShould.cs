using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Infrastructure.Notifications;
using NodaTime;
using Npgsql;

namespace ComplaintCloud.Api.Tests.Clocks;

/// <summary>Clock alerts over WebSocket with the graphql-transport-ws protocol, on the real service.</summary>
[Collection(ApiFixture.Collection)]
public sealed class ClockAlertsSubscriptionShould(ApiFixture api)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task DeliverTheTenantsOwnAlertsAsTheyCommit()
    {
        var tenant = await api.SignUpAsync("winery");
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri(api.BaseAddress, "/graphql").ToWebSocket(), CancellationToken.None);
        Assert.Equal("graphql-transport-ws", socket.SubProtocol);

        await SendAsync(socket, new { type = "connection_init", payload = new { Authorization = $"Bearer {tenant.Client.Http.DefaultRequestHeaders.Authorization!.Parameter}" } });
        Assert.Equal("connection_ack", (await ReceiveAsync(socket)).GetProperty("type").GetString());
        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query = "subscription { clockAlerts { complaintId kind occasion } }" } });
        // Messages are handled in order: the pong means the subscription is in place.
        await SendAsync(socket, new { type = "ping" });
        Assert.Equal("pong", (await ReceiveAsync(socket)).GetProperty("type").GetString());

        var ours = Guid.NewGuid();
        await AnnounceAsync(Guid.NewGuid(), Guid.NewGuid());
        await AnnounceAsync(Guid.Parse(tenant.TenantId), ours);

        var next = await ReceiveAsync(socket);
        Assert.Equal(("next", "1"), (next.GetProperty("type").GetString(), next.GetProperty("id").GetString()));
        var alert = next.GetProperty("payload").GetProperty("data").GetProperty("clockAlerts");
        Assert.Equal(ours.ToString(), alert.GetProperty("complaintId").GetString());
        Assert.Equal("BREACHED", alert.GetProperty("occasion").GetString());

        await SendAsync(socket, new { id = "1", type = "complete" });
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    [Fact]
    public async Task RefuseASubscriptionBeforeTheConnectionIsAcknowledged()
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri(api.BaseAddress, "/graphql").ToWebSocket(), CancellationToken.None);

        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query = "subscription { clockAlerts { kind } }" } });
        var received = await socket.ReceiveAsync(new byte[1024], new CancellationTokenSource(Patience).Token);

        Assert.Equal(WebSocketMessageType.Close, received.MessageType);
        Assert.Equal(4401, (int)socket.CloseStatus!.Value);
    }

    // As a handler in any process announces a committed alert.
    private async Task AnnounceAsync(Guid tenantId, Guid complaintId)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var notice = new ClockAlertNotice(tenantId, complaintId, Guid.NewGuid(), "RESOLVE", ClockOccasion.Breached, now, now);
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
        notify.Parameters.AddWithValue("channel", ClockAlertFeed.Channel);
        notify.Parameters.AddWithValue("payload", ClockAlertFeed.Serialize(notice));
        await notify.ExecuteNonQueryAsync();
    }

    private static Task SendAsync(ClientWebSocket socket, object message) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        var length = 0;
        WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), timeout.Token);
            length += received.Count;
        }
        while (!received.EndOfMessage);

        Assert.Equal(WebSocketMessageType.Text, received.MessageType);
        return JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, length)).RootElement;
    }
}

internal static class WebSocketUris
{
    public static Uri ToWebSocket(this Uri http) => new UriBuilder(http) { Scheme = http.Scheme == "https" ? "wss" : "ws" }.Uri;
}
