using System.Data.Common;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Infrastructure.Scheduling;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ComplaintCloud.Api.Tests.Clocks;

/// <summary>Issue 17, point 4: once a complaint is committed, its clocks do not depend on the client staying.</summary>
[Collection(ApiFixture.Collection)]
public sealed class ClientHangUpShould(ApiFixture api)
{
    [Fact]
    public async Task ArmTheTenantsTriggerForTheClockWhenTheClientHangsUpRightAfterTheCommit()
    {
        var tenant = await api.SignUpAsync();
        await using var variant = api.Variant("Testing");
        using var http = variant.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
        {
            services.AddHttpContextAccessor();
            // Ahead of the service's own interceptors: the request is gone before the clock's trigger is armed.
            services.Insert(0, ServiceDescriptor.Singleton<IInterceptor, HangUpOnCommit>());
        })).CreateClient();
        http.DefaultRequestHeaders.Authorization = tenant.Client.Http.DefaultRequestHeaders.Authorization;

        await Record.ExceptionAsync(() => new GraphQLClient(http).SendAsync(Operations.Submit, Operations.CalmMalfunction()));

        var list = await tenant.Client.SendAsync("{ complaints { nodes { clocks { kind warnAt } } } }");
        var complaint = Assert.Single(list.Data.GetProperty("complaints").GetProperty("nodes").EnumerateArray());
        // NORMAL: acknowledged within 1 hour, warned before; the trigger fires at that warning (the API shows whole seconds).
        var warnAt = complaint.GetProperty("clocks").EnumerateArray().Min(c => c.GetProperty("warnAt").GetDateTimeOffset());
        var scheduler = await api.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(SlaTriggers.TriggerKeyOf(Guid.Parse(tenant.TenantId)));
        Assert.NotNull(trigger);
        Assert.True(trigger.NextFireTimeUtc < warnAt.AddSeconds(1), $"Armed for {trigger.NextFireTimeUtc}, warning due {warnAt}.");
    }

    private sealed class HangUpOnCommit(IHttpContextAccessor request) : DbTransactionInterceptor
    {
        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            request.HttpContext?.Abort();
            return Task.CompletedTask;
        }
    }
}
