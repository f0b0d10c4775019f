import { ApolloClient, HttpLink, InMemoryCache, from, split } from '@apollo/client';
import { setContext } from '@apollo/client/link/context';
import { onError } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { currentSession, endSession, onSessionChange } from './session';

const bearer = () => {
  const token = currentSession()?.token;
  return token ? `Bearer ${token}` : undefined;
};

const withToken = setContext((_, { headers }: { headers?: Record<string, string> }) => {
  const authorization = bearer();
  return { headers: authorization ? { ...headers, Authorization: authorization } : headers };
});

// A 401, or UNAUTHENTICATED in the body, means the token is gone or expired: end the session, and the shell sends
// the user to log-in, keeping the page they were on.
const endSessionWhenUnauthenticated = onError(({ graphQLErrors, networkError }) => {
  const unauthorised = networkError && 'statusCode' in networkError && networkError.statusCode === 401;
  if (unauthorised || graphQLErrors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED')) {
    if (currentSession()) endSession();
  }
});

const sockets = createClient({
  url: () => `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`,
  connectionParams: () => ({ Authorization: bearer() }),
  lazy: true,
  retryAttempts: Infinity,
  shouldRetry: () => true,
});
// A new token (log-in, refresh, log-out) reconnects, since the socket authenticates once when it opens.
onSessionChange(() => sockets.terminate());

const isSubscription = ({ query }: { query: Parameters<typeof getMainDefinition>[0] }) => {
  const definition = getMainDefinition(query);
  return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
};

export const apolloClient = new ApolloClient({
  link: split(
    isSubscription,
    new GraphQLWsLink(sockets),
    from([endSessionWhenUnauthenticated, withToken, new HttpLink({ uri: '/graphql' })]),
  ),
  cache: new InMemoryCache({
    // A plugin's id names all its versions (a tenant keeps several versions of "custom"): one cache entry per version.
    typePolicies: { PolicyPlugin: { keyFields: ['id', 'version'] } },
  }),
});

onSessionChange(() => {
  if (!currentSession()) void apolloClient.clearStore();
});
