using Microsoft.Extensions.FileProviders;

namespace ComplaintCloud.Api.Hosting;

/// <summary>
/// The web console built from web/ (Vite's web/dist, or <c>Console:Path</c>): its files from <c>/</c>, any other path
/// that is not the service's own answered with its index.html so the console's router shows the page, and GraphiQL's
/// page for <c>GET /graphql</c>. A service without a built console still runs and says so.
/// </summary>
public sealed class WebConsole
{
    // Paths the service answers itself: a miss there is the service's 404, never the console.
    private static readonly PathString[] ServicePaths = ["/graphql", "/reports", "/stripe", "/schemas", "/healthz", "/readyz", "/metrics", "/inbound"];

    // The console's reports screen; only the exports below it (/reports/complaints.csv) are the service's.
    private static readonly PathString ReportsScreen = "/reports";

    private WebConsole(string? root) => Root = root;

    /// <summary>The built console's folder, or null when it is not built.</summary>
    public string? Root { get; }

    public static WebConsole Find(IConfiguration configuration)
    {
        var root = RepositoryLayout.Resolve(configuration["Console:Path"], "web", "dist");
        return new WebConsole(root is not null && File.Exists(Path.Combine(root, "index.html")) ? root : null);
    }

    /// <summary>A page of the built console (e.g. graphiql.html), or null when the console is not built.</summary>
    public string? ReadPage(string fileName) =>
        Root is null || !File.Exists(Path.Combine(Root, fileName)) ? null : File.ReadAllText(Path.Combine(Root, fileName));

    /// <summary>Serves the console's files; call before the middleware that needs a tenant.</summary>
    public void UseFiles(WebApplication app)
    {
        if (Root is null)
        {
            app.Logger.LogWarning(
                "The web console is not built, so / shows only a note: run ./run.sh, or `npm ci && npm run build` in web/ (or set Console:Path).");
            app.MapGet("/", () => Results.Text(
                "ComplaintCloud is running; its web console is not built (./run.sh builds it). The GraphQL API is at /graphql.\n"));
            return;
        }

        var files = new PhysicalFileProvider(Root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // Vite names every asset by its content hash: a changed file is a new name.
            OnPrepareResponse = file =>
            {
                if (file.Context.Request.Path.StartsWithSegments("/assets"))
                {
                    file.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                }
            },
        });
        var index = files.GetFileInfo("index.html");
        app.MapFallback(async context =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                || context.Request.Path != ReportsScreen && ServicePaths.Any(path => context.Request.Path.StartsWithSegments(path)))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            // The page names the current assets, so it is asked for again each time.
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.SendFileAsync(index, context.RequestAborted);
        });
    }
}
