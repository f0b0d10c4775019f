using System.Diagnostics;
using System.Text.Json;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Infrastructure.Plugins;
using ComplaintCloud.Tests;

namespace ComplaintCloud.Api.Tests.Plugins;

/// <summary>
/// Issue 16, point 20: plugins/README.md's steps, as written, take a plugin made from the template to a graded
/// complaint. Slow (it restores and builds a solution), so it is one test.
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class PluginTemplateShould(ApiFixture api) : IDisposable
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(10);

    private readonly string _work = Directory.CreateTempSubdirectory("complaintcloud-template-").FullName;

    [Fact]
    public async Task TakeAPluginFromTheTemplateToAGradedComplaint_ByThePluginReadmesSteps()
    {
        var root = Checkout.Root();
        var hive = Path.Combine(_work, "hive");

        // 1. Start from the template: installed into a hive of our own, so the machine's templates stay as they are.
        await DotnetAsync(root, "new", "install", "templates/policy-plugin", "--debug:custom-hive", hive);
        await DotnetAsync(_work, "new", "complaintcloud-policy", "-n", "Acme.Policies.CarDealer", "--policyId", "car-dealer", "--complaintCloudRoot", root, "--debug:custom-hive", hive);
        var plugin = Path.Combine(_work, "Acme.Policies.CarDealer");
        Assert.True(File.Exists(Path.Combine(plugin, "Acme.Policies.CarDealer.sln")));

        // 3. Build and test: `dotnet test` at the plugin's root runs the conformance kit and leaves the plugin folder.
        var tested = await DotnetAsync(plugin, "test");
        Assert.Contains("Passed!", tested, StringComparison.Ordinal);
        var built = Path.Combine(plugin, "artifacts", "plugins", "car-dealer", "1.0.0");

        // 4. Drop it into a running service's plugin folder, plugin.json last.
        var pluginsPath = Directory.CreateDirectory(Path.Combine(_work, "plugins")).FullName;
        CopyFolder(Path.Combine(root, "artifacts", "plugins", "general-enterprise", "1.0.0"), Path.Combine(pluginsPath, "general-enterprise", "1.0.0"));
        await using var service = api.Variant("Testing", ("Plugins:Path", pluginsPath));
        var tenant = await SignUpAsync(new GraphQLClient(service.CreateClient()));
        CopyFolder(built, Path.Combine(pluginsPath, "car-dealer", "1.0.0"));

        // 5. It is loaded: it shows in `policies`, a tenant selects it, and it grades the tenant's complaints.
        await WaitUntilLoadedAsync(tenant, "car-dealer");
        (await tenant.SendAsync(
            "mutation($i: SelectPolicyInput!) { selectPolicy(input: $i) { policy { policyId } } }", new { i = new { policyId = "car-dealer" } })).AssertNoErrors();
        var input = Operations.CalmMalfunctionInput();
        input["category"] = "product/defect";
        var submitted = await tenant.SendAsync(Operations.Submit, new { input });
        submitted.AssertNoErrors();
        var complaint = submitted.Data.GetProperty("submitComplaint");
        Assert.Equal(("car-dealer", "STANDARD"), (complaint.GetProperty("policyId").GetString(), complaint.GetProperty("grade").GetProperty("code").GetString()));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static async Task<string> DotnetAsync(string folder, params string[] arguments)
    {
        // A child of `dotnet test` inherits MSBuild's settings for this run; the user's command would not have them.
        var clean = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name == "DOTNET_HOST_PATH")
            .ToDictionary(name => name, string? (_) => null);
        clean["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        clean["DOTNET_NOLOGO"] = "1";
        var (exitCode, output) = await ChildProcess.RunAsync("dotnet", arguments, folder, CommandLimit, clean);
        Assert.True(exitCode == 0, $"dotnet {string.Join(' ', arguments)} in {folder} exited with {exitCode}:\n{output}");
        return output;
    }

    private static async Task<GraphQLClient> SignUpAsync(GraphQLClient anonymous)
    {
        var slug = "t-" + Guid.NewGuid().ToString("N")[..12];
        var signedUp = await anonymous.SendAsync(
            "mutation($input: SignUpInput!) { signUp(input: $input) { token } }",
            new { input = new { companyName = "Car dealer " + slug, slug, adminEmail = $"admin@{slug}.example", adminPassword = "a-long-password", policyId = "general-enterprise" } });
        signedUp.AssertNoErrors();
        anonymous.Http.DefaultRequestHeaders.Authorization = new("Bearer", signedUp.Data.GetProperty("signUp").GetProperty("token").GetString());
        return anonymous;
    }

    // The service's watcher loads the drop on its own thread: poll, with a bound, rather than sleep a guessed time.
    private static async Task WaitUntilLoadedAsync(GraphQLClient client, string policyId)
    {
        var waited = Stopwatch.StartNew();
        JsonElement found = default;
        while (!IsLoaded(found) && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
            var policies = await client.SendAsync("{ policies { id status rejection } }");
            policies.AssertNoErrors();
            found = policies.Data.GetProperty("policies").EnumerateArray().FirstOrDefault(p => p.GetProperty("id").GetString() == policyId);
        }

        Assert.True(IsLoaded(found), $"{policyId} is not loaded: {found}");

        static bool IsLoaded(JsonElement policy) => policy.ValueKind == JsonValueKind.Object && policy.GetProperty("status").GetString() == "LOADED";
    }

    // The manifest last, and whole: a watching service never sees the folder half copied.
    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source).Where(f => Path.GetFileName(f) != PluginManifest.FileName))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        var staged = Path.Combine(target, PluginManifest.FileName + ".tmp");
        File.Copy(Path.Combine(source, PluginManifest.FileName), staged);
        File.Move(staged, Path.Combine(target, PluginManifest.FileName));
    }
}
