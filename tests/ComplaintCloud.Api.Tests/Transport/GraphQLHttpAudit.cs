using ComplaintCloud.Api.Tests.Support;
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
            var install = await ChildProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], folder, Limit);
            if (install.ExitCode != 0)
            {
                return install;
            }
        }

        return await ChildProcess.RunAsync("node", ["audit.mjs", url.ToString()], folder, Limit);
    }
}
