using ComplaintCloud.Api.Hosting;

namespace ComplaintCloud.Api.GraphQL.Transport;

/// <summary>
/// The GraphiQL IDE served to browsers at the GraphQL endpoint: the console's build (web/graphiql.html) with its
/// scripts and styles served by this service, so it needs no outside host; it posts to the page's own path.
/// </summary>
internal static class GraphiQLPage
{
    public const string FileName = "graphiql.html";

    public const string NotBuilt = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8" /><title>ComplaintCloud GraphiQL</title></head>
        <body>
          <p>GraphiQL is built with the web console, which is not built here: run <code>./run.sh</code>, or
          <code>npm ci &amp;&amp; npm run build</code> in <code>web/</code>. POST GraphQL requests to this address.</p>
        </body>
        </html>
        """;

    public static string Html(WebConsole console) => console.ReadPage(FileName) ?? NotBuilt;
}
