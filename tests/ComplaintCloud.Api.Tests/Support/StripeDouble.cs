using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ComplaintCloud.Api.Tests.Support;

/// <summary>One request the service sent to Stripe, with its form fields and Idempotency-Key.</summary>
public sealed record StripeRequest(string Method, string Path, IReadOnlyDictionary<string, string> Form, string? IdempotencyKey);

/// <summary>
/// The few Stripe endpoints billing calls, on a loopback port: customers, checkout sessions, billing portal sessions
/// and subscription retrieval. It records every request; tests say what each subscription looks like "in Stripe".
/// </summary>
public sealed class StripeDouble : IAsyncDisposable
{
    public const string ApiVersion = "2026-10-28.endive";

    private readonly ConcurrentQueue<StripeRequest> _requests = new();
    private readonly ConcurrentDictionary<string, JsonObject> _subscriptions = new();
    private WebApplication _app = null!;
    private int _sequence;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyCollection<StripeRequest> Requests => _requests;

    public static async Task<StripeDouble> StartAsync()
    {
        var stripe = new StripeDouble();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v1/customers", context => stripe.CreateAsync(context, "cus", "customer", null));
        app.MapPost("/v1/checkout/sessions", context => stripe.CreateAsync(context, "cs", "checkout.session", "https://checkout.stripe.test/c/"));
        app.MapPost("/v1/billing_portal/sessions", context => stripe.CreateAsync(context, "bps", "billing_portal.session", "https://billing.stripe.test/p/"));
        app.MapGet("/v1/subscriptions/{id}", stripe.RetrieveSubscriptionAsync);
        await app.StartAsync();
        stripe._app = app;
        stripe.BaseAddress = new Uri(app.Urls.Single());
        return stripe;
    }

    /// <summary>Makes Stripe hold this subscription, as a later retrieve will return it.</summary>
    public JsonObject SetSubscription(string id, string tenantId, string status, string priceId, string customerId = "cus_test")
    {
        var periodEnd = DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeSeconds();
        var subscription = new JsonObject
        {
            ["id"] = id,
            ["object"] = "subscription",
            ["customer"] = customerId,
            ["status"] = status,
            ["metadata"] = new JsonObject { ["tenant_id"] = tenantId },
            ["trial_end"] = status == "trialing" ? periodEnd : null,
            ["items"] = new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray(new JsonObject
                {
                    ["id"] = "si_" + id,
                    ["object"] = "subscription_item",
                    ["current_period_end"] = periodEnd,
                    ["price"] = new JsonObject { ["id"] = priceId, ["object"] = "price" },
                }),
            },
        };
        _subscriptions[id] = subscription;
        return (JsonObject)subscription.DeepClone();
    }

    public IReadOnlyList<StripeRequest> RequestsTo(string path) => _requests.Where(r => r.Path == path).ToList();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task CreateAsync(HttpContext context, string prefix, string type, string? urlBase)
    {
        var form = await context.Request.ReadFormAsync();
        Record(context, form.ToDictionary(f => f.Key, f => f.Value.ToString()));
        var id = $"{prefix}_{Interlocked.Increment(ref _sequence)}";
        await context.Response.WriteAsJsonAsync(new Dictionary<string, object?> { ["id"] = id, ["object"] = type, ["url"] = urlBase + id });
    }

    private async Task RetrieveSubscriptionAsync(HttpContext context, string id)
    {
        Record(context, new Dictionary<string, string>());
        context.Response.ContentType = "application/json";
        if (_subscriptions.TryGetValue(id, out var subscription))
        {
            await context.Response.WriteAsync(subscription.ToJsonString());
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { type = "invalid_request_error", message = $"No such subscription: '{id}'" } }));
    }

    private void Record(HttpContext context, IReadOnlyDictionary<string, string> form) =>
        _requests.Enqueue(new StripeRequest(
            context.Request.Method, context.Request.Path, form, context.Request.Headers["Idempotency-Key"].FirstOrDefault()));
}
