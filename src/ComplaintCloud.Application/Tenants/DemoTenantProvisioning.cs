using System.Text.Json;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplaintCloud.Application.Tenants;

/// <summary>A tenant declared as data in tenants/*.json: company, policy, settings, calendar and first admin.</summary>
public sealed record TenantManifest(
    string Slug,
    string CompanyName,
    string PolicyId,
    Dictionary<string, string?>? Settings,
    string? TimeZone,
    TenantManifestAdmin Admin);

public sealed record TenantManifestAdmin(string Email, string Password);

/// <summary>Signs up every tenant declared in the manifest folder that does not exist yet.</summary>
public sealed class DemoTenantProvisioning(IServiceScopeFactory scopes, ILogger<DemoTenantProvisioning> logger)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { RespectNullableAnnotations = true };

    public async Task ProvisionAsync(string manifestFolder, CancellationToken cancellationToken)
    {
        foreach (var path in Directory.EnumerateFiles(manifestFolder, "*.json").Order(StringComparer.Ordinal))
        {
            var manifest = JsonSerializer.Deserialize<TenantManifest>(await File.ReadAllTextAsync(path, cancellationToken), Options)
                ?? throw new InvalidOperationException($"{path} is empty.");
            // Each tenant in its own scope: a scope's tenant context never changes tenants.
            await using var scope = scopes.CreateAsyncScope();
            var directory = scope.ServiceProvider.GetRequiredService<TenantDirectory>();
            if (await directory.FindIdAsync(manifest.Slug, cancellationToken) is null)
            {
                await scope.ServiceProvider.GetRequiredService<SignUpHandler>().HandleAsync(
                    new SignUpCommand(manifest.CompanyName, manifest.Slug, manifest.Admin.Email, manifest.Admin.Password, manifest.PolicyId, manifest.Settings, manifest.TimeZone),
                    cancellationToken);
            }

            logger.LogInformation(
                "Demo tenant {Slug} ({PolicyId}): log in with tenantSlug \"{Slug}\", email \"{Email}\", password \"{Password}\".",
                manifest.Slug, manifest.PolicyId, manifest.Slug, manifest.Admin.Email, manifest.Admin.Password);
        }
    }
}
