using ComplaintCloud.Plugins.Abstractions;
using ComplaintCloud.Tests;
using PublicApiGenerator;

namespace ComplaintCloud.Policies.Tests;

public sealed class PluginContractShould
{
    private const string ApprovedName = "ComplaintCloud.Plugins.Abstractions.approved.txt";

    // Plugins are built against the contract and loaded into hosts of later versions: any change to its public
    // surface must be a deliberate, reviewed diff of the approved file, never an accident.
    [Fact]
    public void KeepItsPublicApi()
    {
        var folder = Path.Combine(Checkout.Root(), "tests", "ComplaintCloud.Policies.Tests", "PublicApi");
        var approvedPath = Path.Combine(folder, ApprovedName);
        var receivedPath = Path.Combine(folder, ApprovedName.Replace(".approved.", ".received.", StringComparison.Ordinal));
        var received = Normalise(typeof(IComplaintPolicy).Assembly.GeneratePublicApi());
        var approved = File.Exists(approvedPath) ? Normalise(File.ReadAllText(approvedPath)) : null;

        if (received == approved)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail(
            $"The plugin contract's public API differs from {approvedPath}.{Environment.NewLine}" +
            $"Compare it with {receivedPath}. If the change is intended, and compatible with plugins built against " +
            "contract 1.x (or the contract's major version is raised), copy the received file over the approved one.");
    }

    private static string Normalise(string text) => text.ReplaceLineEndings("\n").TrimEnd() + "\n";
}
