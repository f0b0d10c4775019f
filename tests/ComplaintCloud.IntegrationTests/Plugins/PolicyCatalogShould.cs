using System.Collections.Concurrent;
using System.Diagnostics;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Plugins;
using ComplaintCloud.Plugins.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace ComplaintCloud.IntegrationTests.Plugins;

public sealed class PolicyCatalogShould : IDisposable
{
    private const string Versioned = "test-versioned";
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 2, 0);

    private static readonly ComplaintFacts Facts = new(
        FeedbackKind.Complaint, Channel.Phone, "product/other", null, 1, false, false, false,
        CustomerTier.Normal, CustomerEmotion.Calm, new Dictionary<string, string>());

    private readonly PluginDrop _drop = new();

    [Fact]
    public void RejectAPluginBuiltForAnotherContractVersion_SayingWhy()
    {
        PluginDrop.EditManifest(_drop.Add(Versioned), "contract", "[2.0,3.0)");

        using var catalog = Catalog();

        var plugin = Assert.Single(catalog.Plugins);
        Assert.False(plugin.IsLoaded);
        Assert.Contains("contract [2.0,3.0)", plugin.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectAnAssemblyChangedAfterItsHashWasTaken()
    {
        var folder = _drop.Add(Versioned);
        using (var assembly = File.OpenWrite(Path.Combine(folder, "ComplaintCloud.TestPlugins.Versioned.dll")))
        {
            assembly.Seek(0, SeekOrigin.End);
            assembly.WriteByte(0);
        }

        using var catalog = Catalog();

        var plugin = Assert.Single(catalog.Plugins);
        Assert.False(plugin.IsLoaded);
        Assert.Contains("SHA-256", plugin.Rejection, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("test-throwing")]
    [InlineData("test-hanging")]
    [InlineData("test-unknown-grade")]
    public async Task FailOnlyTheOperationOnAFaultyPolicy_WhileAnotherTenantKeepsGrading(string faultyId)
    {
        _drop.Add(faultyId);
        _drop.Add(Versioned);
        using var catalog = Catalog();
        var policies = new TenantPolicies(catalog, new PolicyGuard(NullLogger<PolicyGuard>.Instance));

        var faulty = policies.GradeAsync(TenantOn(faultyId, "1.0.0"), Facts, Now);
        var healthy = policies.GradeAsync(TenantOn(Versioned, "1.0.0"), Facts, Now);

        var failure = await Assert.ThrowsAsync<DomainException>(() => faulty);
        Assert.Equal(ErrorCode.PolicyFailed, failure.Code);
        Assert.Equal("LOW", (await healthy).Grade.Code);
    }

    [Fact]
    public void LoadTwoVersionsOfOnePluginSideBySide_EachInItsOwnLoadContext()
    {
        _drop.Add(Versioned, "1.0.0");
        _drop.Add(Versioned, "2.0.0");

        using var catalog = Catalog();

        var first = catalog.Find(Versioned, "1.0.0")!.Policy!;
        var second = catalog.Find(Versioned, "2.0.0")!.Policy!;
        Assert.Equal("1.0.0", first.Descriptor.Version);
        Assert.Equal("2.0.0", second.Descriptor.Version);
        Assert.NotSame(first.GetType().Assembly, second.GetType().Assembly);
    }

    [Fact]
    public async Task KeepEachTenantOnTheVersionItSelected()
    {
        _drop.Add(Versioned, "1.0.0");
        _drop.Add(Versioned, "2.0.0");
        using var catalog = Catalog();
        var policies = new TenantPolicies(catalog, new PolicyGuard(NullLogger<PolicyGuard>.Instance));

        var onFirst = await policies.GradeAsync(TenantOn(Versioned, "1.0.0"), Facts, Now);
        var onSecond = await policies.GradeAsync(TenantOn(Versioned, "2.0.0"), Facts, Now);

        Assert.Equal(("1.0.0", "2.0.0"), (onFirst.PolicyVersion, onSecond.PolicyVersion));
        Assert.Equal("graded by test-versioned 1.0.0", onFirst.Grade.Reason);
        Assert.Equal("2.0.0", catalog.Find(Versioned)!.Version);
    }

    [Fact]
    public async Task PickUpANewVersionDroppedIntoTheFolderWithoutARestart()
    {
        _drop.Add(Versioned, "1.0.0");
        using var catalog = Catalog();

        _drop.Add(Versioned, "2.0.0");

        // The watcher reacts on its own thread: poll, with a bound, rather than sleep a guessed time.
        var waited = Stopwatch.StartNew();
        while (catalog.Find(Versioned, "2.0.0") is null && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(20);
        }

        Assert.Equal(["1.0.0", "2.0.0"], catalog.Plugins.Where(p => p.IsLoaded).Select(p => p.Version));
    }

    [Fact]
    public async Task RejectALoadedVersionWhoseAssemblyChanged_WhileTenantsOnItKeepRunningTheLoadedCode()
    {
        var folder = _drop.Add(Versioned);
        var log = new WarningLog();
        using var catalog = new PolicyCatalog(_drop.Path, log);
        var policies = new TenantPolicies(catalog, new PolicyGuard(NullLogger<PolicyGuard>.Instance));
        var tenant = TenantOn(Versioned, "1.0.0");

        PluginDrop.FlipAByte(Path.Combine(folder, "ComplaintCloud.TestPlugins.Versioned.dll"));
        catalog.Rescan(verifyAll: true);

        var plugin = Assert.Single(catalog.Plugins);
        Assert.False(plugin.IsLoaded);
        Assert.Contains("SHA-256 of ComplaintCloud.TestPlugins.Versioned.dll", plugin.Rejection, StringComparison.Ordinal);
        Assert.Contains("keep running", plugin.Rejection, StringComparison.Ordinal);
        Assert.Contains(log.Warnings, w => w.Contains("Rejected the loaded policy plugin test-versioned 1.0.0", StringComparison.Ordinal));
        Assert.Null(catalog.Find(Versioned));
        Assert.Throws<DomainException>(() => policies.Selectable(tenant, Versioned));
        Assert.Equal("graded by test-versioned 1.0.0", (await policies.GradeAsync(tenant, Facts, Now)).Grade.Reason);
    }

    [Fact]
    public async Task NoticeAnEditedManifestOfALoadedVersionWithoutARestart()
    {
        var folder = _drop.Add(Versioned);
        using var catalog = Catalog();

        PluginDrop.EditManifest(folder, "author", "Someone else");

        // The watcher reacts on its own thread: poll, with a bound, rather than sleep a guessed time.
        var waited = Stopwatch.StartNew();
        while (catalog.Plugins[0].IsLoaded && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(20);
        }

        var plugin = Assert.Single(catalog.Plugins);
        Assert.Equal(("REJECTED", true), (plugin.IsLoaded ? "LOADED" : "REJECTED", plugin.Policy is not null));
        Assert.Contains("plugin.json was edited", plugin.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectAFolderWhoseNameDisagreesWithItsManifestsVersion()
    {
        _drop.Add(Versioned, "1.0.0");
        _drop.Add(Versioned, "1.0.0", folder: Path.Combine(Versioned, "7.0.0"));

        using var catalog = Catalog();

        Assert.Equal(
            ["test-versioned/1.0.0 LOADED", "test-versioned/7.0.0 REJECTED"],
            catalog.Plugins.Select(p => $"{p.Folder} {(p.IsLoaded ? "LOADED" : "REJECTED")}"));
        Assert.Contains("The folder test-versioned/7.0.0 holds test-versioned 1.0.0", catalog.Plugins[1].Rejection, StringComparison.Ordinal);
    }

    public void Dispose() => _drop.Dispose();

    private PolicyCatalog Catalog() => new(_drop.Path, NullLogger<PolicyCatalog>.Instance);

    /// <summary>The catalog's warnings, as written.</summary>
    private sealed class WarningLog : ILogger<PolicyCatalog>
    {
        public ConcurrentQueue<string> Warnings { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Enqueue(formatter(state, exception));
            }
        }
    }

    private static Tenant TenantOn(string policyId, string version) =>
        Tenant.SignUp("Test", "t-" + Guid.NewGuid().ToString("N")[..12], new TenantPolicy(policyId, version, new Dictionary<string, string>()), Tenant.DefaultTimeZone, Now);
}
