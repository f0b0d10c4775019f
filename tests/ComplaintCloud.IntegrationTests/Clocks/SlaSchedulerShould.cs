using ComplaintCloud.Infrastructure.Notifications;
using ComplaintCloud.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Quartz;

namespace ComplaintCloud.IntegrationTests.Clocks;

/// <summary>The real path: a Quartz trigger on the clustered job store fires the tenant's job, whose alerts reach live subscribers.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class SlaSchedulerShould(PostgresFixture postgres)
{
    [Fact]
    public async Task HandleDeadlinesThatPassedWhileDownRightAfterStart()
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        // Received three hours ago while the service was down: every clock of a minor winery complaint is overdue.
        var clock = new FakeClock(now - Duration.FromHours(3));
        await using var instance = await SlaInstance.CreateAsync(await postgres.CreateSecuredDatabaseAsync("sla_quartz"), clock, "sla-a");
        var winery = await instance.SignUpAsync("winery");
        var complaint = await instance.SubmitAsync(winery, 100);
        clock.Reset(now);
        var breached = new TaskCompletionSource<ClockAlertNotice>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = instance.Services.GetRequiredService<ClockAlertFeed>().Subscribe(new Observer(notice =>
        {
            if (notice.ComplaintId == complaint.Id)
            {
                breached.TrySetResult(notice);
            }
        }));

        await instance.StartAsync();
        // Well inside the minute after which lost triggers are recovered and Quartz scans for misfires: handled by
        // the start itself, on however busy a machine.
        var notice = await breached.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(winery.Tenant.Id, notice.TenantId);
    }

    [Fact]
    public async Task ArmATenantWhoseTriggerWasLostOnceItsAlertIsAMinuteOverdue()
    {
        var clock = new FakeClock(SystemClock.Instance.GetCurrentInstant());
        await using var instance = await SlaInstance.CreateAsync(await postgres.CreateSecuredDatabaseAsync("sla_recover"), clock, "sla-r");
        var winery = await instance.SignUpAsync("winery");
        var complaint = await instance.SubmitAsync(winery, 100);
        var scheduler = await instance.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var key = SlaTriggers.TriggerKeyOf(winery.Tenant.Id);
        // As if the arm after the commit had failed: the clock is saved, its tenant's trigger is not.
        await scheduler.UnscheduleJob(key);
        var recovery = instance.Services.GetRequiredService<LostTriggerRecovery>();

        clock.Reset(complaint.Clocks.Where(c => c.NextAlertAt is not null).Min(c => c.NextAlertAt!.Value) + LostTriggerRecovery.Grace + Duration.FromSeconds(1));
        await recovery.RecoverAsync(CancellationToken.None);

        Assert.NotNull(await scheduler.GetTrigger(key));
    }

    [Fact]
    public async Task AskQuartzNothingForAClockThatAlertsAfterTheTriggerItArmedIsDue()
    {
        var clock = new FakeClock(SystemClock.Instance.GetCurrentInstant());
        await using var instance = await SlaInstance.CreateAsync(await postgres.CreateSecuredDatabaseAsync("sla_armed"), clock, "sla-s");
        var winery = await instance.SignUpAsync("winery");
        await instance.SubmitAsync(winery, 100);
        var scheduler = await instance.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var key = SlaTriggers.TriggerKeyOf(winery.Tenant.Id);
        // Taken away behind the process's back, so that only a question to Quartz would arm it again.
        await scheduler.UnscheduleJob(key);

        clock.Advance(Duration.FromMinutes(1));
        await instance.SubmitAsync(winery, 100);

        Assert.Null(await scheduler.GetTrigger(key));
    }

    [Fact]
    public async Task ArmATriggerWhoseTimePassedWithoutFiringForNowNotForItsMisfireScan()
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var clock = new FakeClock(now - Duration.FromHours(3));
        await using var instance = await SlaInstance.CreateAsync(await postgres.CreateSecuredDatabaseAsync("sla_overdue"), clock, "sla-o");
        var winery = await instance.SignUpAsync("winery");
        var complaint = await instance.SubmitAsync(winery, 100);
        var firstAlert = complaint.Clocks.Where(c => c.NextAlertAt is not null).Min(c => c.NextAlertAt!.Value);
        clock.Reset(now);

        // As the start does for a tenant whose deadlines passed while no scheduler ran.
        await instance.Services.GetRequiredService<SlaTriggers>().ArmAsync(winery.Tenant.Id, firstAlert, CancellationToken.None);

        var scheduler = await instance.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(SlaTriggers.TriggerKeyOf(winery.Tenant.Id));
        Assert.Equal(now.ToDateTimeOffset(), trigger!.NextFireTimeUtc);
    }

    private sealed class Observer(Action<ClockAlertNotice> onNext) : IObserver<ClockAlertNotice>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(ClockAlertNotice value) => onNext(value);
    }
}
