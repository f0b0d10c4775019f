using System.Collections.Concurrent;
using NodaTime;
using Quartz;

namespace ComplaintCloud.Infrastructure.Scheduling;

/// <summary>
/// Arms each tenant's one Quartz trigger to the tenant's next warning or deadline. Arming only ever brings a trigger
/// forward: a later instant than the one armed changes nothing, because the job re-arms itself from the database
/// after every run. Two arms racing can at worst leave the later of two instants armed, which delays (never loses)
/// the earlier clock until that run, since a run handles everything due.
/// A clock saved while the trigger this process armed is still ahead and no later than the clock's alert needs no
/// Quartz round trip at all (nearly every intake): that run comes after the save, reads the clock and re-arms for it.
/// Only another node bringing the trigger forward, its run coming before the save and the clock that set the trigger
/// being stopped meanwhile could leave the clock late; <see cref="LostTriggerRecovery"/> arms it then.
/// </summary>
public sealed class SlaTriggers(ISchedulerFactory schedulerFactory, IClock clock)
{
    public const string Group = "sla";

    // The instant this process last left each tenant's trigger armed for.
    private readonly ConcurrentDictionary<Guid, Instant> _armed = new();

    public static TriggerKey TriggerKeyOf(Guid tenantId) => new(tenantId.ToString(), Group);

    public static JobKey JobKeyOf(Guid tenantId) => new(tenantId.ToString(), Group);

    public async Task ArmAsync(Guid tenantId, Instant at, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        if (_armed.TryGetValue(tenantId, out var ahead) && ahead <= at && ahead > now)
        {
            return;
        }

        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var key = TriggerKeyOf(tenantId);
        // An instant already past is armed for now: Quartz leaves a trigger more than its misfire threshold late to its
        // misfire scan, up to a minute away. For the same reason a trigger whose time passed without firing (no
        // scheduler ran) does not count as armed.
        at = Instant.Max(at, now);
        var fireAt = at.ToDateTimeOffset();
        var armed = await scheduler.GetTrigger(key, cancellationToken);
        if (armed?.NextFireTimeUtc is { } next && next <= fireAt && next > now.ToDateTimeOffset())
        {
            _armed[tenantId] = Instant.FromDateTimeOffset(next);
            return;
        }

        var trigger = TriggerBuilder.Create()
            .WithIdentity(key)
            .ForJob(JobKeyOf(tenantId))
            .StartAt(fireAt)
            // A deadline that passed while no scheduler ran is handled at once, not skipped.
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        if (armed is null || await scheduler.RescheduleJob(key, trigger, cancellationToken) is null)
        {
            var job = JobBuilder.Create<TenantClockJob>()
                .WithIdentity(JobKeyOf(tenantId))
                .UsingJobData(TenantClockJob.TenantIdKey, tenantId.ToString())
                // A node that dies mid-run has the run redone by another: batches it committed are not due any more.
                .RequestRecovery()
                .Build();
            await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
        }

        _armed[tenantId] = at;
    }
}
