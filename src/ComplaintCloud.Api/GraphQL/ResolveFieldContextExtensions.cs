using GraphQL;

namespace ComplaintCloud.Api.GraphQL;

internal static class ResolveFieldContextExtensions
{
    /// <summary>A service from the request's scope: handlers, the DbContext and the tenant context are scoped per request.</summary>
    public static T Service<T>(this IResolveFieldContext context) where T : notnull =>
        (context.RequestServices ?? throw new InvalidOperationException("The executer was given no RequestServices.")).GetRequiredService<T>();
}
