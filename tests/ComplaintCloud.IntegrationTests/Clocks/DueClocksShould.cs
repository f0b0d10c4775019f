using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Plugins.Abstractions;
using ComplaintCloud.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using Duration = NodaTime.Duration;

namespace ComplaintCloud.IntegrationTests.Clocks;

/// <summary>
/// Warnings, breaches, escalations and penalties of due clocks, exactly once, on a winery tenant (SPEC §3b): a minor
/// complaint must be reported and attended on site within 10 minutes and resolved within 2 hours; a missed time
/// limit costs the department 10 points.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class DueClocksShould(PostgresFixture postgres)
{
    private const int MinorAmount = 100;
    private static readonly Instant Received = Instant.FromUtc(2026, 11, 23, 2, 0);

    [Fact]
    public async Task WarnAtEightyPercentThenBreachWithTheWineryPenaltyAndEscalation()
    {
        var clock = new FakeClock(Received);
        await using var instance = await SlaInstance.CreateAsync(await postgres.CreateSecuredDatabaseAsync("sla_warn_breach"), clock, "sla-a");
        var winery = await instance.SignUpAsync("winery");
        var complaint = await instance.SubmitAsync(winery, MinorAmount);
        Assert.Equal(Received + Duration.FromMinutes(8), complaint.Clocks.Min(c => c.WarnAt));

        clock.Reset(Received + Duration.FromMinutes(8));
        var next = await instance.ProcessDueAsync(winery.Tenant.Id);
        Assert.Equal(Received + Duration.FromMinutes(10), next);

        clock.Reset(Received + Duration.FromHours(3));
        Assert.Null(await instance.ProcessDueAsync(winery.Tenant.Id));
        Assert.Null(await instance.ProcessDueAsync(winery.Tenant.Id));

        await using var scope = instance.ScopeFor(winery.Tenant.Id);
        var db = scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();
        var clocks = await db.SlaClocks.Where(c => c.ComplaintId == complaint.Id).ToListAsync();
        Assert.All(clocks, c => Assert.Equal(ClockState.Breached, c.State));
        var alerts = await db.ClockAlerts.ToListAsync();
        Assert.Equal(clocks.Count(c => c.WarnedAt is not null), alerts.Count(a => a.Occasion == ClockOccasion.Warning));
        Assert.Equal(clocks.Count, alerts.Count(a => a.Occasion == ClockOccasion.Breached));
        var penalties = await db.PenaltyEntries.ToListAsync();
        Assert.Equal(clocks.Count, penalties.Count);
        Assert.All(penalties, p => Assert.Equal((PenaltyTarget.Department, 10, PenaltyOccasion.DeadlineMissed), (p.Target, p.Points, p.Occasion)));
        var events = await db.ComplaintEvents.Where(e => e.ComplaintId == complaint.Id).Select(e => e.Type).ToListAsync();
        Assert.Equal(clocks.Count, events.Count(t => t == "CLOCK_BREACHED"));
        Assert.Equal(clocks.Count, events.Count(t => t == "PENALTY_BOOKED"));
        Assert.Contains("ESCALATED", events);
        // Each escalation step tells its role, those asked for at intake (ESCALATION) as those of the clocks.
        Assert.Equal(events.Count(t => t == "ESCALATED"), await db.OutboxMessages.CountAsync(m => m.Topic == "CLOCK_BREACHED" || m.Topic == "CLOCK_WARNING" || m.Topic == "ESCALATION"));
    }

    // The lifecycle stops a withdrawn complaint's clocks; one left running (marked withdrawn here in SQL) is stopped by
    // the handler rather than breached, and the complaint's stored nearest deadline, which the board orders by, goes too.
    [Fact]
    public async Task StopAClockLeftRunningOnAWithdrawnComplaintAndForgetItsNearestDeadline()
    {
        var clock = new FakeClock(Received);
        await using var instance = await SlaInstance.CreateAsync(await postgres.CreateSecuredDatabaseAsync("sla_withdrawn_left"), clock, "sla-a");
        var winery = await instance.SignUpAsync("winery");
        var complaint = await instance.SubmitAsync(winery, MinorAmount);
        await using (var scope = instance.ScopeFor(winery.Tenant.Id))
        {
            var db = scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();
            Assert.Equal(complaint.Clocks.Min(c => c.DueAt), (await db.Complaints.SingleAsync(c => c.Id == complaint.Id)).NearestDueAt);
            await db.Database.ExecuteSqlAsync($"UPDATE complaints SET status = 'Withdrawn' WHERE id = {complaint.Id}");
        }

        clock.Reset(Received + Duration.FromHours(3));
        Assert.Null(await instance.ProcessDueAsync(winery.Tenant.Id));

        await using var after = instance.ScopeFor(winery.Tenant.Id);
        var saved = after.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();
        Assert.All(await saved.SlaClocks.Where(c => c.ComplaintId == complaint.Id).ToListAsync(), c => Assert.Equal(ClockState.Stopped, c.State));
        Assert.Null((await saved.Complaints.SingleAsync(c => c.Id == complaint.Id)).NearestDueAt);
    }

    // A lifecycle step holding a complaint writes its clocks next. A handler that waited for that complaint (to record
    // an escalation) while holding one of those clocks would deadlock with the step, so it leaves them for its next round.
    [Fact]
    public async Task LeaveTheClocksOfAComplaintALifecycleStepHoldsForTheNextRound()
    {
        var clock = new FakeClock(Received);
        await using var instance = await SlaInstance.CreateAsync(await postgres.CreateSecuredDatabaseAsync("sla_complaint_held"), clock, "sla-a");
        var winery = await instance.SignUpAsync("winery");
        var complaint = await instance.SubmitAsync(winery, MinorAmount);
        clock.Reset(Received + Duration.FromHours(3));

        await using (var step = instance.ScopeFor(winery.Tenant.Id))
        {
            var db = step.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM complaints WHERE id = {complaint.Id} FOR NO KEY UPDATE");

            // Bounded only so that a handler blocked on the complaint fails the test instead of hanging it.
            Assert.Equal(0, await instance.SweepAsync([winery.Tenant.Id]).WaitAsync(TimeSpan.FromSeconds(30)));
            await transaction.CommitAsync();
        }

        await instance.ProcessDueAsync(winery.Tenant.Id);
        await AssertEveryClockBreachedOnceAsync(instance, winery.Tenant.Id);
    }

    [Fact]
    public async Task CountEachWarningAndBreachWithItsLagFromDueToHandled()
    {
        var clock = new FakeClock(Received);
        await using var instance = await SlaInstance.CreateAsync(await postgres.CreateSecuredDatabaseAsync("sla_telemetry"), clock, "sla-a");
        var winery = await instance.SignUpAsync("winery");
        var complaint = await instance.SubmitAsync(winery, MinorAmount);
        using var telemetry = new TelemetryCapture();

        var warnedAt = Received + Duration.FromMinutes(8);
        clock.Reset(warnedAt);
        await instance.ProcessDueAsync(winery.Tenant.Id);
        var handledLate = Received + Duration.FromHours(3);
        clock.Reset(handledLate);
        await instance.ProcessDueAsync(winery.Tenant.Id);

        Assert.Equal(complaint.Clocks.Count(c => c.WarnAt <= warnedAt), telemetry.Count("complaintcloud.clock.alerts", ("occasion", "Warning")));
        Assert.Equal(complaint.Clocks.Count, telemetry.Count("complaintcloud.clock.alerts", ("occasion", "Breached")));
        Assert.Equal(0, telemetry.Sum("complaintcloud.clock.lag", ("occasion", "Warning")), precision: 3);
        Assert.Equal(
            complaint.Clocks.Sum(c => (handledLate - c.DueAt).TotalSeconds),
            telemetry.Sum("complaintcloud.clock.lag", ("occasion", "Breached")),
            precision: 3);
    }

    [Fact]
    public async Task HandleEachBreachOnceWhenTwoInstancesRace()
    {
        var clock = new FakeClock(Received);
        var database = await postgres.CreateSecuredDatabaseAsync("sla_race");
        await using var a = await SlaInstance.CreateAsync(database, clock, "sla-a", batchSize: 4);
        await using var b = await SlaInstance.CreateAsync(database, clock, "sla-b", batchSize: 4);
        var winery = await a.SignUpAsync("winery");
        for (var i = 0; i < 12; i++)
        {
            await (i % 2 == 0 ? a : b).SubmitAsync(winery, MinorAmount);
        }

        clock.Reset(Received + Duration.FromHours(3));
        await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => new[] { a.ProcessDueAsync(winery.Tenant.Id), b.ProcessDueAsync(winery.Tenant.Id) }));

        await AssertEveryClockBreachedOnceAsync(a, winery.Tenant.Id);
    }

    [Fact]
    public async Task HandleEachBreachOnceWhenASweepOfSeveralTenantsRacesTheirOwnRuns()
    {
        var clock = new FakeClock(Received);
        var database = await postgres.CreateSecuredDatabaseAsync("sla_sweep");
        await using var a = await SlaInstance.CreateAsync(database, clock, "sla-a", batchSize: 4);
        await using var b = await SlaInstance.CreateAsync(database, clock, "sla-b", batchSize: 4);
        var wineries = new[] { await a.SignUpAsync("winery"), await a.SignUpAsync("winery") };
        foreach (var winery in wineries)
        {
            for (var i = 0; i < 6; i++)
            {
                await a.SubmitAsync(winery, MinorAmount);
            }
        }

        clock.Reset(Received + Duration.FromHours(3));
        var tenantIds = wineries.Select(w => w.Tenant.Id).ToArray();
        var sweeps = Enumerable.Range(0, 4).Select(_ => a.SweepAsync(tenantIds));
        var ownRuns = tenantIds.Select(b.ProcessDueAsync);
        await Task.WhenAll([.. sweeps, .. ownRuns]);
        while (await a.SweepAsync(tenantIds) > 0)
        {
        }

        foreach (var tenantId in tenantIds)
        {
            await AssertEveryClockBreachedOnceAsync(a, tenantId);
        }
    }

    [Fact]
    public async Task LoseAndDoubleNothingWhenAnInstanceIsKilledMidBatch()
    {
        var clock = new FakeClock(Received);
        var database = await postgres.CreateSecuredDatabaseAsync("sla_kill");
        await using var doomed = await SlaInstance.CreateAsync(database, clock, "sla-doomed");
        await using var survivor = await SlaInstance.CreateAsync(database, clock, "sla-survivor");
        var winery = await survivor.SignUpAsync("winery");
        for (var i = 0; i < 5; i++)
        {
            await survivor.SubmitAsync(winery, MinorAmount);
        }

        clock.Reset(Received + Duration.FromHours(3));
        // Holding the tenant row stops the doomed batch at its first write (the ledger's foreign key), after it has
        // locked and handled its clocks in memory: that is where it gets killed.
        // The test's own hands on the database: the superuser, beyond row-level security and able to end any backend.
        var superuser = new NpgsqlConnectionStringBuilder(database.Migrations) { Username = "postgres" }.ConnectionString;
        await using var blocker = new NpgsqlConnection(superuser);
        await blocker.OpenAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var lockTenant = new NpgsqlCommand("SELECT 1 FROM tenants WHERE id = @id FOR UPDATE", blocker, hold))
        {
            lockTenant.Parameters.AddWithValue("id", winery.Tenant.Id);
            await lockTenant.ExecuteNonQueryAsync();
        }

        var doomedRun = doomed.ProcessDueAsync(winery.Tenant.Id);
        // Watched from outside the blocking transaction, which would see one snapshot of pg_stat_activity throughout.
        await using var observer = new NpgsqlConnection(superuser);
        await observer.OpenAsync();
        var pid = await WaitForBlockedBackendAsync(observer, doomed.Name);
        await using (var kill = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", blocker, hold))
        {
            kill.Parameters.AddWithValue("pid", pid);
            await kill.ExecuteNonQueryAsync();
        }

        await Assert.ThrowsAnyAsync<Exception>(() => doomedRun);
        // The client hears of its death before the server has released the dead backend's row locks.
        await WaitForBackendGoneAsync(observer, pid);
        await hold.RollbackAsync();

        Assert.Null(await survivor.ProcessDueAsync(winery.Tenant.Id));
        await AssertEveryClockBreachedOnceAsync(survivor, winery.Tenant.Id);
    }

    [Fact]
    public async Task RefuseAtTheDatabaseASecondRecordOfTheSameBreach()
    {
        var clock = new FakeClock(Received);
        await using var instance = await SlaInstance.CreateAsync(await postgres.CreateSecuredDatabaseAsync("sla_twice"), clock, "sla-a");
        var winery = await instance.SignUpAsync("winery");
        var complaint = await instance.SubmitAsync(winery, MinorAmount);
        clock.Reset(Received + Duration.FromHours(3));
        await using var stale = instance.ScopeFor(winery.Tenant.Id);
        var staleDb = stale.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();
        // A handler that read the clock before another handled it, and acts on what it read.
        var staleClock = await staleDb.SlaClocks.FirstAsync(c => c.ComplaintId == complaint.Id);

        await instance.ProcessDueAsync(winery.Tenant.Id);
        staleDb.ClockAlerts.Add(ClockAlert.Raise(staleClock, clock.GetCurrentInstant()));

        var refusal = await Assert.ThrowsAsync<DbUpdateException>(() => staleDb.SaveChangesAsync());
        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(refusal.InnerException).SqlState);
    }

    private static async Task AssertEveryClockBreachedOnceAsync(SlaInstance instance, Guid tenantId)
    {
        await using var scope = instance.ScopeFor(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();
        var clocks = await db.SlaClocks.CountAsync();
        Assert.True(clocks > 0);
        Assert.Equal(clocks, await db.SlaClocks.CountAsync(c => c.State == ClockState.Breached));
        Assert.Equal(clocks, await db.ClockAlerts.CountAsync(a => a.Occasion == ClockOccasion.Breached));
        Assert.Equal(clocks, await db.ComplaintEvents.CountAsync(e => e.Type == "CLOCK_BREACHED"));
        Assert.Equal(clocks, await db.PenaltyEntries.CountAsync());
        Assert.Equal(clocks, await db.ComplaintEvents.CountAsync(e => e.Type == "PENALTY_BOOKED"));
    }

    // These poll the server's own view, with a deadline: they wait for a state, not for time to pass.
    private static async Task<int> WaitForBlockedBackendAsync(NpgsqlConnection connection, string applicationName) =>
        (int)(await PollAsync(connection, "SELECT pid FROM pg_stat_activity WHERE application_name = @p AND wait_event_type = 'Lock'", applicationName, found => found is int))!;

    private static Task<object?> WaitForBackendGoneAsync(NpgsqlConnection connection, int pid) =>
        PollAsync(connection, "SELECT count(*) FROM pg_stat_activity WHERE pid = @p", pid, found => found is 0L);

    private static async Task<object?> PollAsync(NpgsqlConnection connection, string sql, object parameter, Func<object?, bool> done)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            await using var query = new NpgsqlCommand(sql, connection);
            query.Parameters.AddWithValue("p", parameter);
            var found = await query.ExecuteScalarAsync(deadline.Token);
            if (done(found))
            {
                return found;
            }

            await Task.Delay(20, deadline.Token);
        }
    }
}
