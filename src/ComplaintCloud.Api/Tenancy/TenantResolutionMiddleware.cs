using ComplaintCloud.Infrastructure.Auth;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace ComplaintCloud.Api.Tenancy;

/// <summary>
/// Carries the signed token's tenant, user and roles into the request's <see cref="TenantContext"/>. A request that
/// presents a token which does not verify (forged, expired) is refused outright rather than served as anonymous.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TenantContext tenant)
    {
        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (result.Failure is not null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsJsonAsync(
                new { errors = new[] { new { message = "The token is invalid or has expired; log in again.", extensions = new { code = "UNAUTHENTICATED" } } } },
                context.RequestAborted);
            return;
        }

        if (result.Succeeded && result.Principal is { } user)
        {
            context.User = user;
            tenant.SignIn(
                Guid.Parse(user.FindFirst(TokenService.TenantIdClaim)!.Value),
                Guid.Parse(user.FindFirst("sub")!.Value),
                user.FindAll(TokenService.RoleClaim).Select(c => c.Value).ToList());
        }

        await next(context);
    }
}
