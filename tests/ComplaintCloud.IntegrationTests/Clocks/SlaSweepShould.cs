using ComplaintCloud.Infrastructure.Scheduling;

namespace ComplaintCloud.IntegrationTests.Clocks;

/// <summary>One sweep per process; the fires it stands in for are re-armed when it ends, never lost between.</summary>
public sealed class SlaSweepShould
{
    private readonly SlaSweep _sweep = new();
    private readonly Guid _sweeper = Guid.NewGuid();
    private readonly Guid _other = Guid.NewGuid();

    [Fact]
    public void DeferAFireDuringASweepToItAndHandItBackWhenItEnds()
    {
        Assert.True(_sweep.TryStart(_sweeper, everyTenant: false));

        Assert.False(_sweep.TryStart(_other, everyTenant: false));

        Assert.Equal([_other], _sweep.End());
    }

    [Fact]
    public void LetTheFirstFireAfterASweepEndsStartTheNext()
    {
        _sweep.TryStart(_sweeper, everyTenant: false);
        _sweep.End();

        Assert.True(_sweep.TryStart(_other, everyTenant: false));
        Assert.Empty(_sweep.End()!);
    }

    [Fact]
    public void ReArmEveryTenantAfterASweepAJobRecoveredFromADeadNodeTookPartIn()
    {
        _sweep.TryStart(_sweeper, everyTenant: false);
        _sweep.TryStart(_other, everyTenant: true);

        Assert.Null(_sweep.End());
        _sweep.TryStart(_sweeper, everyTenant: false);
        Assert.NotNull(_sweep.End());
    }
}
