import { useSyncExternalStore, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { currentSession, onSessionChange } from './session';

export function useSession() {
  return useSyncExternalStore(onSessionChange, currentSession);
}

/** Without a session (never logged in, logged out, or a 401 ended it) the user logs in, then comes back here. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const from = location.pathname + location.search;
    return <Navigate to={from === '/' ? '/login' : `/login?from=${encodeURIComponent(from)}`} replace />;
  }
  return children;
}
