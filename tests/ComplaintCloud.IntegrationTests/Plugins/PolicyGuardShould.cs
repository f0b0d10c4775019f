using ComplaintCloud.Domain;
using ComplaintCloud.Infrastructure.Plugins;
using ComplaintCloud.Tests;
using Microsoft.Extensions.Logging.Abstractions;

namespace ComplaintCloud.IntegrationTests.Plugins;

/// <summary>A plugin call that throws or runs past 200 ms fails its operation with POLICY_FAILED and is counted.</summary>
public sealed class PolicyGuardShould
{
    private readonly PolicyGuard _guard = new(NullLogger<PolicyGuard>.Instance);

    // Only its id and version are read.
    private static PolicyPlugin Plugin(string id) => PolicyPlugin.Rejected(id, "1.0.0", "/nowhere", "not loaded: a stand-in");

    [Fact]
    public async Task CountACallThatThrowsAsFailed()
    {
        using var telemetry = new TelemetryCapture();

        var error = await Assert.ThrowsAsync<DomainException>(() => _guard.RunAsync<int>(Plugin("throws-for-telemetry"), () => throw new InvalidOperationException("boom")));

        Assert.Equal(ErrorCode.PolicyFailed, error.Code);
        Assert.Equal(1, telemetry.Count("complaintcloud.plugin.calls.failed", ("policy", "throws-for-telemetry"), ("outcome", "threw")));
    }

    [Fact]
    public async Task CountACallPast200MillisecondsAsTimedOut()
    {
        using var telemetry = new TelemetryCapture();
        using var release = new ManualResetEventSlim();

        var error = await Assert.ThrowsAsync<DomainException>(() => _guard.RunAsync(Plugin("hangs-for-telemetry"), () => release.Wait(TimeSpan.FromSeconds(30))));
        release.Set();

        Assert.Equal(ErrorCode.PolicyFailed, error.Code);
        Assert.Equal(1, telemetry.Count("complaintcloud.plugin.calls.failed", ("policy", "hangs-for-telemetry"), ("outcome", "timed_out")));
    }

    [Fact]
    public async Task RunAPluginCallOnAThreadItKeepsForTheNext()
    {
        var first = await _guard.RunAsync(Plugin("answers"), () => Thread.CurrentThread);
        var second = await _guard.RunAsync(Plugin("answers"), () => Thread.CurrentThread);

        Assert.Same(first, second);
    }

    [Fact]
    public async Task AnswerTheNextCallWhileAnEarlierOneHangs()
    {
        using var release = new ManualResetEventSlim();
        await Assert.ThrowsAsync<DomainException>(() => _guard.RunAsync(Plugin("hangs"), () => release.Wait(TimeSpan.FromSeconds(30))));

        var answer = await _guard.RunAsync(Plugin("answers"), () => 42).WaitAsync(TimeSpan.FromSeconds(5));
        release.Set();

        Assert.Equal(42, answer);
    }
}
