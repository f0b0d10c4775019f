using System.Diagnostics;
using ComplaintCloud.Tests;

namespace ComplaintCloud.Api.Tests.Transport;

/// <summary>Runs infra/graphql-http-audit (npm graphql-http) against a URL, installing its pinned packages first if needed.</summary>
internal static class GraphQLHttpAudit
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(50);

    public static async Task<(int ExitCode, string Output)> RunAsync(Uri url)
    {
        var folder = Path.Combine(Checkout.Root(), "infra", "graphql-http-audit");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "graphql-http")))
        {
            var install = await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], folder);
            if (install.ExitCode != 0)
            {
                return install;
            }
        }

        return await RunProcessAsync("node", ["audit.mjs", url.ToString()], folder);
    }

    private static async Task<(int ExitCode, string Output)> RunProcessAsync(string fileName, string[] arguments, string folder)
    {
        var startInfo = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(startInfo)!;
        using var timeout = new CancellationTokenSource(Limit);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{fileName} did not finish within {Limit.TotalSeconds} s");
        }

        return (process.ExitCode, await output + await error);
    }
}
