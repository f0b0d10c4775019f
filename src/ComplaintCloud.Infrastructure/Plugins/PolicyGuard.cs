using ComplaintCloud.Domain;
using Microsoft.Extensions.Logging;

namespace ComplaintCloud.Infrastructure.Plugins;

/// <summary>
/// Runs a call into plugin code so that a plugin that throws or hangs fails only the one operation, with POLICY_FAILED.
/// </summary>
public sealed class PolicyGuard(ILogger<PolicyGuard> logger)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

    public T Run<T>(PolicyPlugin plugin, Func<T> call)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        // On a pool thread so a hung plugin can be abandoned; .NET cannot abort it, so it is logged for the operator.
        var task = Task.Run(call);
        try
        {
            if (task.Wait(Timeout))
            {
                return task.Result;
            }
        }
        catch (AggregateException e) when (e.InnerException is DomainException domain)
        {
            throw domain;
        }
        catch (AggregateException e)
        {
            logger.LogError(e.InnerException, "Policy plugin {PolicyId} {Version} threw.", plugin.Id, plugin.Version);
            throw new DomainException(ErrorCode.PolicyFailed, $"The policy {plugin.Id} {plugin.Version} failed; the operation was not carried out.");
        }

        logger.LogError("Policy plugin {PolicyId} {Version} ran past {Timeout} ms.", plugin.Id, plugin.Version, Timeout.TotalMilliseconds);
        throw new DomainException(ErrorCode.PolicyFailed, $"The policy {plugin.Id} {plugin.Version} did not answer in time; the operation was not carried out.");
    }
}
