using System.Security.Cryptography;
using System.Text;
using ComplaintCloud.Application.Tenants.ApiKeys;
using ComplaintCloud.Application.Users;
using ComplaintCloud.Infrastructure.Auth;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace ComplaintCloud.Api.Tenancy;

/// <summary>
/// Settles whom a request acts for, in the request's <see cref="TenantContext"/>: the signed token's tenant, user and
/// roles; or an integration's X-Api-Key, which names its tenant; or the platform operator's X-Platform-Key
/// (Platform:AdminKey), which names none; or, for anonymous operations (sign-up, log-in, public intake), the tenant named by the X-Tenant header or
/// the sub-domain (<c>&lt;slug&gt;.&lt;Tenants:BaseDomain&gt;</c>). A token that does not verify (forged, expired) is
/// refused rather than served as anonymous, and so is a header or sub-domain naming another tenant than the token, and
/// a token whose user was deactivated or has changed credentials since (<see cref="SignedInUserCheck"/>).
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, IConfiguration configuration)
{
    public const string TenantHeader = "X-Tenant";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string PlatformKeyHeader = "X-Platform-Key";

    // Sub-domains of this host name tenants; "localhost" lets acme.localhost work on a developer's machine.
    // Without Platform:AdminKey there is no platform operator.
    private readonly byte[]? _platformKey = configuration["Platform:AdminKey"] is { Length: > 0 } key ? Encoding.UTF8.GetBytes(key) : null;

    private readonly string _baseDomain = "." + (configuration["Tenants:BaseDomain"] ?? "localhost").Trim('.').ToLowerInvariant();

    public async Task InvokeAsync(
        HttpContext context, TenantContext tenant, TenantDirectory directory, AuthenticateApiKeyHandler apiKeys, SignedInUserCheck users)
    {
        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (result.Failure is not null)
        {
            await PipelineErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", "The token is invalid or has expired; log in again.");
            return;
        }

        var named = NamedTenant(context.Request);
        var apiKey = context.Request.Headers[ApiKeyHeader].FirstOrDefault();
        if (context.Request.Headers[PlatformKeyHeader].FirstOrDefault() is { } platformKey)
        {
            if (result.Succeeded || apiKey is not null || named is not null || !IsPlatformKey(platformKey))
            {
                await PipelineErrors.WriteAsync(
                    context, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", "The platform key is wrong, or came with a tenant's credentials.");
                return;
            }

            tenant.SignInAsPlatformOperator();
        }
        else if (apiKey is not null)
        {
            if (result.Succeeded || !await apiKeys.HandleAsync(apiKey, context.RequestAborted))
            {
                await PipelineErrors.WriteAsync(
                    context, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", "The API key is invalid or revoked, or came with a token as well.");
                return;
            }

            if (named is not null && await directory.FindIdAsync(named, context.RequestAborted) != tenant.TenantId)
            {
                await PipelineErrors.WriteAsync(context, StatusCodes.Status403Forbidden, "FORBIDDEN", "The request names another tenant than your API key.");
                return;
            }
        }
        else if (result.Succeeded && result.Principal is { } user)
        {
            if (named is not null && named != user.FindFirst(TokenService.TenantSlugClaim)?.Value)
            {
                await PipelineErrors.WriteAsync(context, StatusCodes.Status403Forbidden, "FORBIDDEN", "The request names another tenant than your token.");
                return;
            }

            context.User = user;
            var userId = Guid.Parse(user.FindFirst("sub")!.Value);
            tenant.SignIn(
                Guid.Parse(user.FindFirst(TokenService.TenantIdClaim)!.Value),
                userId,
                user.FindAll(TokenService.RoleClaim).Select(c => c.Value).ToList());
            if (!await users.IsCurrentAsync(userId, user.FindFirst(TokenService.SecurityStampClaim)?.Value, context.RequestAborted))
            {
                await PipelineErrors.WriteAsync(
                    context, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", "This token's user was deactivated or signed out everywhere; log in again.");
                return;
            }
        }
        else if (named is not null)
        {
            if (await directory.FindIdAsync(named, context.RequestAborted) is not { } tenantId)
            {
                await PipelineErrors.WriteAsync(context, StatusCodes.Status404NotFound, "NOT_FOUND", $"There is no tenant '{named}'.");
                return;
            }

            tenant.UseTenant(tenantId);
        }

        await next(context);
    }

    private bool IsPlatformKey(string presented) =>
        _platformKey is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _platformKey);

    private string? NamedTenant(HttpRequest request)
    {
        if (request.Headers[TenantHeader].FirstOrDefault() is { Length: > 0 } header)
        {
            return header.Trim().ToLowerInvariant();
        }

        var host = request.Host.Host.ToLowerInvariant();
        return host.EndsWith(_baseDomain, StringComparison.Ordinal) && host[..^_baseDomain.Length] is { Length: > 0 } label && !label.Contains('.', StringComparison.Ordinal)
            ? label
            : null;
    }
}
