using System.Diagnostics;

namespace ComplaintCloud.Api.Tests.Support;

/// <summary>Runs a command to its end within a time limit, for tests that drive tools (npm, dotnet) as a user would.</summary>
internal static class ChildProcess
{
    /// <summary>
    /// The exit code and everything written to stdout and stderr; -1 when killed at <paramref name="limit"/>. A null in
    /// <paramref name="environment"/> removes that variable.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string fileName, IEnumerable<string> arguments, string folder, TimeSpan limit, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        using var process = Process.Start(startInfo)!;
        using var timeout = new CancellationTokenSource(limit);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{fileName} did not finish within {limit.TotalSeconds} s");
        }

        return (process.ExitCode, await output + await error);
    }
}
