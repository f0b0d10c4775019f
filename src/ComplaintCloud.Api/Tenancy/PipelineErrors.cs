namespace ComplaintCloud.Api.Tenancy;

/// <summary>
/// Refusals made before GraphQL runs (bad token, wrong tenant, rate limit), shaped like a GraphQL response so that
/// clients read every error the same way: <c>errors[0].extensions.code</c>.
/// </summary>
public static class PipelineErrors
{
    public static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new { errors = new[] { new { message, extensions = new { code } } } }, context.RequestAborted);
    }
}
