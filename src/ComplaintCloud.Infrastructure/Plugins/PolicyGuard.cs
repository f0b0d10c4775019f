using ComplaintCloud.Domain;
using ComplaintCloud.Infrastructure.Telemetry;
using Microsoft.Extensions.Logging;

namespace ComplaintCloud.Infrastructure.Plugins;

/// <summary>
/// Runs a call into plugin code so that a plugin that throws or hangs fails only the one operation, with POLICY_FAILED.
/// </summary>
public sealed class PolicyGuard(ILogger<PolicyGuard> logger)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

    public async Task<T> RunAsync<T>(PolicyPlugin plugin, Func<T> call)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        // A thread of its own: the 200 ms measure the plugin, not a busy thread pool's queue, and a hung plugin can
        // be abandoned there (.NET cannot abort it, so it is logged for the operator).
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var task = Task.Factory.StartNew(
            () =>
            {
                started.SetResult();
                return call();
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        await started.Task.ConfigureAwait(false);
        try
        {
            return await task.WaitAsync(Timeout).ConfigureAwait(false);
        }
        catch (DomainException)
        {
            throw;
        }
        catch (TimeoutException)
        {
            ComplaintCloudTelemetry.PluginCallFailed(plugin.Id, timedOut: true);
            logger.LogError("Policy plugin {PolicyId} {Version} ran past {Timeout} ms.", plugin.Id, plugin.Version, Timeout.TotalMilliseconds);
            throw new DomainException(ErrorCode.PolicyFailed, $"The policy {plugin.Id} {plugin.Version} did not answer in time; the operation was not carried out.");
        }
#pragma warning disable CA1031 // Whatever a plugin throws fails the one operation, never the service.
        catch (Exception e)
#pragma warning restore CA1031
        {
            ComplaintCloudTelemetry.PluginCallFailed(plugin.Id, timedOut: false);
            logger.LogError(e, "Policy plugin {PolicyId} {Version} threw.", plugin.Id, plugin.Version);
            throw new DomainException(ErrorCode.PolicyFailed, $"The policy {plugin.Id} {plugin.Version} failed; the operation was not carried out.");
        }
    }
}
