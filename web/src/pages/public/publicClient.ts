import { ApolloClient, HttpLink, InMemoryCache, type NormalizedCacheObject } from '@apollo/client';

const clients = new Map<string, ApolloClient<NormalizedCacheObject>>();

/**
 * The client of a tenant's public pages: anonymous, the tenant named by X-Tenant. It never sends a staff member's
 * token, which would name the staff member's tenant (the API refuses a header naming another) and is not the
 * customer's to use.
 */
export function publicClient(slug: string): ApolloClient<NormalizedCacheObject> {
  let client = clients.get(slug);
  if (!client) {
    client = new ApolloClient({ link: new HttpLink({ uri: '/graphql', headers: { 'X-Tenant': slug } }), cache: new InMemoryCache() });
    clients.set(slug, client);
  }
  return client;
}
