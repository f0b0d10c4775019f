namespace ComplaintCloud.Api.GraphQL.Transport;

/// <summary>The GraphiQL IDE served to browsers at the GraphQL endpoint; it posts to the page's own path.</summary>
internal static class GraphiQLPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>ComplaintCloud GraphiQL</title>
          <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
          <link rel="stylesheet" href="https://unpkg.com/graphiql@3.9.0/graphiql.min.css" crossorigin="anonymous" />
        </head>
        <body>
          <div id="graphiql">Loading GraphiQL…</div>
          <script src="https://unpkg.com/react@18.3.1/umd/react.production.min.js" crossorigin="anonymous"></script>
          <script src="https://unpkg.com/react-dom@18.3.1/umd/react-dom.production.min.js" crossorigin="anonymous"></script>
          <script src="https://unpkg.com/graphiql@3.9.0/graphiql.min.js" crossorigin="anonymous"></script>
          <script>
            const fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
            ReactDOM.createRoot(document.getElementById('graphiql'))
              .render(React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true }));
          </script>
        </body>
        </html>
        """;
}
