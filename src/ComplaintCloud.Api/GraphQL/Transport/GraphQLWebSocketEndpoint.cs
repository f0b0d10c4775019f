using System.Buffers;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using ComplaintCloud.Application.Users;
using ComplaintCloud.Infrastructure.Auth;
using ComplaintCloud.Infrastructure.Tenancy;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ComplaintCloud.Api.GraphQL.Transport;

/// <summary>
/// GraphQL over WebSocket with the graphql-transport-ws protocol (github.com/enisdenjo/graphql-ws, PROTOCOL.md), in
/// front of graphql-dotnet's executer like the HTTP endpoint: connection_init/ack (a bearer token in the init
/// payload's <c>Authorization</c>, or on the upgrade request), subscribe, next, error, complete, ping/pong, and the
/// protocol's close codes. One connection per socket; messages to the client go through one writer.
/// </summary>
public sealed class GraphQLWebSocketEndpoint(RequestDelegate next, IDocumentExecuter executer, IGraphQLTextSerializer serializer)
{
    public const string SubProtocol = "graphql-transport-ws";
    public const int MaxMessageBytes = 1024 * 1024;
    public static readonly TimeSpan InitialisationTimeout = TimeSpan.FromSeconds(10);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || context.Request.Path != "/graphql")
        {
            await next(context);
            return;
        }

        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"Request the {SubProtocol} subprotocol.", context.RequestAborted);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(SubProtocol);
        await new Connection(context, socket, executer, serializer).RunAsync();
    }

    private sealed class Connection(HttpContext context, WebSocket socket, IDocumentExecuter executer, IGraphQLTextSerializer serializer)
    {
        private readonly Channel<string> _outgoing = Channel.CreateUnbounded<string>(new() { SingleReader = true });
        private readonly Dictionary<string, IDisposable> _subscriptions = [];
        private readonly Lock _gate = new();
        private readonly CancellationTokenSource _closing = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        private bool _initialised;
        private bool _acknowledged;

        public async Task RunAsync()
        {
            var writer = WriteAsync();
            var timeout = CloseUnlessInitialisedAsync();
            try
            {
                await ReadAsync();
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The client went away.
            }
            finally
            {
                lock (_gate)
                {
                    foreach (var subscription in _subscriptions.Values)
                    {
                        subscription.Dispose();
                    }

                    _subscriptions.Clear();
                }

                // Deliver what is queued, answer (or start) the close handshake, then stop the timeout.
                _outgoing.Writer.TryComplete();
                await writer;
                await CloseAsync((int)WebSocketCloseStatus.NormalClosure, "Bye.");
                await _closing.CancelAsync();
                await timeout;
                _closing.Dispose();
            }
        }

        private async Task ReadAsync()
        {
            var buffer = new ArrayBufferWriter<byte>();
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer.GetMemory(), _closing.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                buffer.Advance(received.Count);
                if (buffer.WrittenCount > MaxMessageBytes)
                {
                    await CloseAsync((int)WebSocketCloseStatus.MessageTooBig, "Message too big.");
                    return;
                }

                if (!received.EndOfMessage)
                {
                    continue;
                }

                var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
                buffer.Clear();
                if (!await HandleAsync(text))
                {
                    return;
                }
            }
        }

        // False when the connection was closed because of the message.
        private async Task<bool> HandleAsync(string text)
        {
            OperationMessage? message;
            try
            {
                message = serializer.Deserialize<OperationMessage>(text);
            }
            catch (JsonException)
            {
                message = null;
            }

            switch (message?.Type)
            {
                case "connection_init":
                    return await InitialiseAsync(message.Payload);
                case "ping":
                    Send(new OperationMessage { Type = "pong" });
                    return true;
                case "pong":
                    return true;
                case "subscribe" when message.Id is { Length: > 0 } id:
                    return await SubscribeAsync(id, message.Payload);
                case "complete" when message.Id is { Length: > 0 } id:
                    Unsubscribe(id);
                    return true;
                default:
                    return await CloseAsync(4400, "Invalid message.");
            }
        }

        private async Task<bool> InitialiseAsync(object? payload)
        {
            if (_initialised)
            {
                return await CloseAsync(4429, "Too many initialisation requests.");
            }

            _initialised = true;
            if (!await SignInAsync(payload))
            {
                return await CloseAsync(4403, "Forbidden: the token is invalid or has expired.");
            }

            _acknowledged = true;
            Send(new OperationMessage { Type = "connection_ack" });
            return true;
        }

        // A browser cannot set headers on a WebSocket, so the token may come in the init payload instead.
        private async Task<bool> SignInAsync(object? payload)
        {
            var tenant = context.RequestServices.GetRequiredService<TenantContext>();
            var authorization = payload is JsonElement { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("Authorization", out var value)
                ? value.GetString()
                : null;
            if (authorization is null)
            {
                return true;
            }

            if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var parameters = context.RequestServices.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>()
                .Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters;
            var result = await new JsonWebTokenHandler().ValidateTokenAsync(authorization["Bearer ".Length..].Trim(), parameters);
            if (!result.IsValid || result.ClaimsIdentity.FindFirst(TokenService.TenantIdClaim) is not { } tenantClaim)
            {
                return false;
            }

            var tenantId = Guid.Parse(tenantClaim.Value);
            if (tenant.TenantId is { } current && current != tenantId)
            {
                return false;
            }

            context.User = new ClaimsPrincipal(result.ClaimsIdentity);
            var userId = Guid.Parse(result.ClaimsIdentity.FindFirst("sub")!.Value);
            tenant.SignIn(tenantId, userId, result.ClaimsIdentity.FindAll(TokenService.RoleClaim).Select(c => c.Value).ToList());
            return await context.RequestServices.GetRequiredService<SignedInUserCheck>()
                .IsCurrentAsync(userId, result.ClaimsIdentity.FindFirst(TokenService.SecurityStampClaim)?.Value, context.RequestAborted);
        }

        private async Task<bool> SubscribeAsync(string id, object? payload)
        {
            if (!_acknowledged)
            {
                return await CloseAsync(4401, "Unauthorized: send connection_init first.");
            }

            bool duplicate;
            lock (_gate)
            {
                duplicate = !_subscriptions.TryAdd(id, Placeholder.Instance);
            }

            if (duplicate)
            {
                return await CloseAsync(4409, $"Subscriber for {id} already exists.");
            }

            var request = payload is null ? null : serializer.ReadNode<GraphQLRequest>(payload);
            if (request?.Query is null)
            {
                return await CloseAsync(4400, "A subscribe message needs a payload with a query.");
            }

            var result = await executer.ExecuteAsync(GraphQLExecution.OptionsFor(context, request, _closing.Token));

            if (result.Streams is { Count: > 0 } streams)
            {
                var subscription = streams.Values.First().Subscribe(new StreamObserver(this, id));
                lock (_gate)
                {
                    if (_subscriptions.ContainsKey(id))
                    {
                        _subscriptions[id] = subscription;
                        return true;
                    }
                }

                subscription.Dispose(); // Completed by the client while it was being set up.
                return true;
            }

            // A query or mutation (one result), or a subscription refused before it started (errors only).
            Send(result.Executed || result.Data is not null
                ? new OperationMessage { Id = id, Type = "next", Payload = result }
                : new OperationMessage { Id = id, Type = "error", Payload = result.Errors });
            if (result.Executed || result.Data is not null)
            {
                Send(new OperationMessage { Id = id, Type = "complete" });
            }

            Forget(id);
            return true;
        }

        private void Unsubscribe(string id)
        {
            lock (_gate)
            {
                if (_subscriptions.Remove(id, out var subscription))
                {
                    subscription.Dispose();
                }
            }
        }

        private void Forget(string id)
        {
            lock (_gate)
            {
                _subscriptions.Remove(id);
            }
        }

        private void Send(OperationMessage message) => _outgoing.Writer.TryWrite(serializer.Serialize(message));

        private async Task WriteAsync()
        {
            try
            {
                await foreach (var text in _outgoing.Reader.ReadAllAsync(_closing.Token))
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, _closing.Token);
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The connection is closing.
            }
        }

        private async Task CloseUnlessInitialisedAsync()
        {
            try
            {
                await Task.Delay(InitialisationTimeout, _closing.Token);
                if (!_initialised)
                {
                    await CloseAsync(4408, "Connection initialisation timeout.");
                }
            }
            catch (OperationCanceledException)
            {
                // Closed before the timeout.
            }
        }

        private async Task<bool> CloseAsync(int code, string reason)
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                try
                {
                    await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
                }
                catch (WebSocketException)
                {
                    // The client is already gone.
                }
            }

            return false;
        }

        private sealed class StreamObserver(Connection connection, string id) : IObserver<ExecutionResult>
        {
            public void OnNext(ExecutionResult value) => connection.Send(new OperationMessage { Id = id, Type = "next", Payload = value });

            public void OnError(Exception error)
            {
                connection.Send(new OperationMessage { Id = id, Type = "error", Payload = new[] { new { message = error.Message } } });
                connection.Forget(id);
            }

            public void OnCompleted()
            {
                connection.Send(new OperationMessage { Id = id, Type = "complete" });
                connection.Forget(id);
            }
        }

        // Holds a subscription's id while it is being executed, so a duplicate id is refused at once.
        private sealed class Placeholder : IDisposable
        {
            public static readonly Placeholder Instance = new();

            public void Dispose()
            {
            }
        }
    }
}
