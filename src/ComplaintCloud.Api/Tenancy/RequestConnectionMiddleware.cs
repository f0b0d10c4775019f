using ComplaintCloud.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Api.Tenancy;

/// <summary>
/// Gives a GraphQL request over HTTP one database connection from its first query to its end. Left to EF Core, each
/// query opens and closes its own, and each open costs a round trip that names the tenant (an intake made about four);
/// held, the tenant is named once. Opened before the tenant is known, so taking it costs nothing: a connection comes
/// out of the pool naming no tenant, and <see cref="Infrastructure.Tenancy.TenantSessionInterceptor"/> names it
/// before the first command. A WebSocket lives as long as its client, so it gets none.
/// </summary>
public sealed class RequestConnectionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Path != "/graphql" || context.WebSockets.IsWebSocketRequest)
        {
            await next(context);
            return;
        }

        var db = context.RequestServices.GetRequiredService<ComplaintCloudDbContext>();
        await db.Database.OpenConnectionAsync(context.RequestAborted);
        try
        {
            await next(context);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
