// The GraphiQL IDE the service shows browsers at GET /graphql, built with the console so that it needs no CDN.
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';

async function fetcher(request: unknown) {
  const response = await fetch(window.location.pathname, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(request),
  });
  return response.json();
}

createRoot(document.getElementById('graphiql')!).render(<GraphiQL fetcher={fetcher} defaultEditorToolsVisibility />);
