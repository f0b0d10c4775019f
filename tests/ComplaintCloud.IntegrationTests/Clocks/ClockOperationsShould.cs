using ComplaintCloud.Application.Clocks;
using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Plugins.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Duration = NodaTime.Duration;

namespace ComplaintCloud.IntegrationTests.Clocks;

/// <summary>The clock operations the lifecycle calls, on a normal general-enterprise complaint (SPEC §3a: acknowledge
/// within 1 hour, resolve within 3 working days, tell the customer the approved plan within 1 working day).</summary>
[Collection(PostgresFixture.Collection)]
public sealed class ClockOperationsShould(PostgresFixture postgres)
{
    // Monday 23 November 2026, 10:00 in Shanghai.
    private static readonly Instant MondayTen = Instant.FromUtc(2026, 11, 23, 2, 0);

    [Fact]
    public async Task PauseResumeMeetAndStartClocksWithAnAuditEventEach()
    {
        var clock = new FakeClock(MondayTen);
        await using var instance = await SlaInstance.CreateAsync(await postgres.CreateSecuredDatabaseAsync("sla_operations"), clock, "sla-a");
        var tenant = await instance.SignUpAsync("general-enterprise");
        var submitted = await instance.SubmitAsync(tenant);
        await using var scope = instance.ScopeFor(tenant.Tenant.Id);
        var db = scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();
        var operations = scope.ServiceProvider.GetRequiredService<ClockOperations>();
        var complaint = await db.Complaints.Include(c => c.Clocks).SingleAsync(c => c.Id == submitted.Id);
        var resolve = complaint.Clocks.Single(c => c.Kind == "RESOLVE");
        var resolveDue = resolve.DueAt;

        clock.Reset(MondayTen + Duration.FromMinutes(20));
        Assert.Equal("ACKNOWLEDGE", (await operations.MeetClockAsync(complaint, "ACKNOWLEDGE", clock.GetCurrentInstant(), CancellationToken.None)).Kind);
        Assert.Equal([resolve], await operations.PauseClocksAsync(complaint, CancellationToken.None));
        clock.Reset(MondayTen + Duration.FromDays(1));
        Assert.Equal([resolve], await operations.ResumeClocksAsync(complaint, CancellationToken.None));
        var started = await operations.StartClocksAsync(complaint, ClockStart.PlanApproved, clock.GetCurrentInstant(), CancellationToken.None);
        await db.SaveChangesAsync();

        Assert.Equal("NOTIFY", Assert.Single(started).Kind);
        Assert.Equal(ClockState.Running, resolve.State);
        // Paused for a whole working day (Monday 10:20 to Tuesday 10:00 is 7 h 40 min of working time), due that much later.
        Assert.Equal(Duration.FromMinutes(7 * 60 + 40), tenant.Tenant.Calendar().BusinessTimeBetween(resolveDue, resolve.DueAt));
        var events = await db.ComplaintEvents.Where(e => e.ComplaintId == complaint.Id).Select(e => e.Type).ToListAsync();
        Assert.Equal(["RECEIVED", "CLOCK_MET", "CLOCK_PAUSED", "CLOCK_RESUMED", "CLOCK_STARTED"], events);
        Assert.Equal(["ACKNOWLEDGE", "NOTIFY", "RESOLVE"], await db.SlaClocks.Where(c => c.ComplaintId == complaint.Id).Select(c => c.Kind).OrderBy(k => k).ToListAsync());
    }
}
