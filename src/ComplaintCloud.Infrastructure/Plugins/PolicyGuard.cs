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

    private readonly GuardThreads _threads = new();

    public async Task<T> RunAsync<T>(PolicyPlugin plugin, Func<T> call)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        // A thread of the guard's own: the 200 ms measure the plugin, not a busy thread pool's queue, and a hung plugin
        // can be abandoned there (.NET cannot abort it, so it is logged for the operator).
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _threads.Run(() =>
        {
            started.SetResult();
            try
            {
                answer.SetResult(call());
            }
#pragma warning disable CA1031 // Handed to the caller, which turns it into POLICY_FAILED.
            catch (Exception e)
#pragma warning restore CA1031
            {
                answer.SetException(e);
            }
        });
        await started.Task.ConfigureAwait(false);
        try
        {
            return await answer.Task.WaitAsync(Timeout).ConfigureAwait(false);
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

/// <summary>
/// The threads plugin calls run on, kept from one call to the next: starting a thread for each call cost intake more
/// than the call itself. A call never waits for a busy thread: when none is idle, one more is started, so a hung
/// plugin holds only its own thread; a thread idle for a minute ends.
/// </summary>
internal sealed class GuardThreads
{
    private static readonly TimeSpan KeepIdleFor = TimeSpan.FromMinutes(1);

    private readonly object _gate = new();
    private readonly Queue<Action> _calls = new();

    // Threads waiting for a call, less the calls already promised to one of them.
    private int _idle;

    public void Run(Action call)
    {
        lock (_gate)
        {
            if (_idle > 0)
            {
                _idle--;
                _calls.Enqueue(call);
                Monitor.Pulse(_gate);
                return;
            }
        }

        new Thread(() => Serve(call)) { IsBackground = true, Name = "policy-guard" }.Start();
    }

    private void Serve(Action first)
    {
        for (var call = first; ; )
        {
            call();
            lock (_gate)
            {
                _idle++;
                while (_calls.Count == 0)
                {
                    if (!Monitor.Wait(_gate, KeepIdleFor) && _calls.Count == 0)
                    {
                        _idle--;
                        return;
                    }
                }

                call = _calls.Dequeue();
            }
        }
    }
}
