import type { ApolloClient } from '@apollo/client';
import { BoardDocument } from '../gql/graphql';
import { boardVariables, readFilters } from '../pages/Board/boardFilter';

// The signed-in shell and the board, the first screen after log-in: the router loads them when first shown, and the
// log-in page fetches them while the user types, so clicking "Log in" waits for the log-in alone.
export const loadShell = () => import('./Shell');
export const loadBoard = () => import('../pages/Board/BoardPage');

export function prefetchDesk(): void {
  void loadShell();
  void loadBoard();
}

/**
 * Sends the board's query the moment there is a session, when the user is going to the board: its page is then on its
 * way while the shell and the board render, and the board's own identical query joins it rather than starting after.
 */
export function prefetchBoardPage(client: ApolloClient<unknown>, destination: string): void {
  const [path, search] = destination.split('?');
  if (path !== '/') return;
  // A failure is the board's to show when it asks itself.
  client.query({ query: BoardDocument, variables: boardVariables(readFilters(new URLSearchParams(search)), null) }).catch(() => undefined);
}
