using System.Text.Json;
using ComplaintCloud.Api.Tests.Lifecycle;
using ComplaintCloud.Api.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ComplaintCloud.Api.Tests.PreventiveMeasures;

/// <summary>
/// A fresh general-enterprise tenant (Asia/Shanghai) served by an instance of the service whose clock the test sets, so
/// complaints come in and measures are signed off on known days without waiting for them.
/// </summary>
public sealed class MeasureDesk : IAsyncDisposable
{
    public const string Fields = """
        id problemKind problemKey raisedFrom raisedTo measure ownerId dueOn status signedOffById signedOffAs doneAt
        followUps { byId note status } history { type actorId data }
        """;

    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private readonly SettableClock _clock = new();
    private readonly WebApplicationFactory<Program> _variant;
    private readonly WebApplicationFactory<Program> _clocked;
    private readonly Desk _desk;

    private MeasureDesk(ApiFixture api, SignedInTenant tenant)
    {
        _variant = api.Variant("Testing");
        _clocked = _variant.WithWebHostBuilder(host => host.ConfigureTestServices(services => services.AddSingleton<IClock>(_clock)));
        _desk = new Desk(api, tenant);
        Admin = On(tenant.Client);
        TenantId = tenant.TenantId;
    }

    public string TenantId { get; }

    /// <summary>The tenant's admin, on the clocked instance.</summary>
    public GraphQLClient Admin { get; }

    public static async Task<MeasureDesk> OpenAsync(ApiFixture api) => new(api, await api.SignUpAsync("general-enterprise"));

    /// <summary>Sets the service's clock to 10:00 in Shanghai on the day.</summary>
    public void Today(int year, int month, int day) =>
        _clock.Now = new LocalDateTime(year, month, day, 10, 0).InZoneStrictly(Shanghai).ToInstant();

    /// <summary>A user with the roles, signed in on the clocked instance, and their id.</summary>
    public async Task<(GraphQLClient Client, string Id)> UserAsync(params string[] roles)
    {
        var (client, id) = await _desk.UserAsync(roles);
        return (On(client), id);
    }

    /// <summary>Complaints of the category received today.</summary>
    public async Task SubmitAsync(string category, int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            var input = Operations.CalmMalfunctionInput();
            input["category"] = category;
            (await Admin.SendAsync(Operations.Submit, new { input })).AssertNoErrors();
        }
    }

    /// <summary>A complaint received today whose investigation found the whys, the last being its root cause.</summary>
    public async Task SubmitInvestigatedAsync(params string[] whys)
    {
        var submitted = await Admin.SendAsync(Operations.Submit, Operations.CalmMalfunction());
        submitted.AssertNoErrors();
        var id = submitted.Data.GetProperty("submitComplaint").GetProperty("id").GetString()!;
        await DoTryingAgainOnConflictAsync("assignComplaint", id);
        await DoTryingAgainOnConflictAsync("recordInvestigation", id, new { rootCause = whys });
    }

    // The complaints are received days before the real today, so the service's SLA sweep, on the real clock, breaches
    // their clocks at once and may race a step, which is then refused with CONFLICT, to be tried again, as a desk would.
    private async Task DoTryingAgainOnConflictAsync(string mutation, string id, object? input = null)
    {
        var result = await Desk.TryAsync(Admin, mutation, id, input);
        if (result.FirstErrorCode == "CONFLICT")
        {
            result = await Desk.TryAsync(Admin, mutation, id, input);
        }

        result.AssertNoErrors();
    }

    public static Task<GraphQLResult> TryRecordAsync(GraphQLClient by, object input) =>
        by.SendAsync($"mutation($i: RecordPreventiveMeasureInput!) {{ recordPreventiveMeasure(input: $i) {{ {Fields} }} }}", new { i = input });

    public static Task<GraphQLResult> TrySignOffAsync(GraphQLClient by, string measureId) =>
        by.SendAsync($"mutation($i: SignOffPreventiveMeasureInput!) {{ signOffPreventiveMeasure(input: $i) {{ {Fields} }} }}", new { i = new { measureId } });

    public static Task<GraphQLResult> TryFollowUpAsync(GraphQLClient by, string measureId, string note, bool done = false) =>
        by.SendAsync($"mutation($i: FollowUpPreventiveMeasureInput!) {{ followUpPreventiveMeasure(input: $i) {{ {Fields} }} }}", new { i = new { measureId, note, done } });

    /// <summary>Records a measure against an October category, due at the end of November, and returns it.</summary>
    public async Task<JsonElement> RecordAsync(string category, string ownerId)
    {
        var result = await TryRecordAsync(Admin, Input(category, ownerId));
        result.AssertNoErrors();
        return result.Data.GetProperty("recordPreventiveMeasure");
    }

    public static Dictionary<string, object?> Input(string category, string ownerId) => new()
    {
        ["problemKind"] = "CATEGORY",
        ["problemKey"] = category,
        ["period"] = new { month = "2026-10" },
        ["measure"] = "Test every batch before it ships.",
        ["ownerId"] = ownerId,
        ["dueOn"] = "2026-11-30",
    };

    public async ValueTask DisposeAsync() => await _variant.DisposeAsync();

    private GraphQLClient On(GraphQLClient signedIn)
    {
        var http = _clocked.CreateClient();
        http.DefaultRequestHeaders.Authorization = signedIn.Http.DefaultRequestHeaders.Authorization;
        return new GraphQLClient(http);
    }
}
