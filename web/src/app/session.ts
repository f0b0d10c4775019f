/** The signed-in user as the console keeps it between page loads. */
export interface Session {
  token: string;
  tenant: { id: string; slug: string; name: string };
  user: { id: string; email: string; roles: string[] };
}

const storageKey = 'complaintcloud.session';
const listeners = new Set<() => void>();

let session: Session | null | undefined;

/** The same object until the session changes, so React can compare it. */
export function currentSession(): Session | null {
  if (session === undefined) {
    const stored = localStorage.getItem(storageKey);
    session = stored ? (JSON.parse(stored) as Session) : null;
  }
  return session;
}

export function startSession(started: Session): void {
  localStorage.setItem(storageKey, JSON.stringify(started));
  session = started;
  listeners.forEach((listener) => listener());
}

export function endSession(): void {
  localStorage.removeItem(storageKey);
  session = null;
  listeners.forEach((listener) => listener());
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** When the bearer token (a JWT) expires, from its `exp` claim; null when it cannot be read. */
export function tokenExpiry(token: string): Date | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null;
  } catch {
    return null;
  }
}

/**
 * How long to wait before swapping the token for a fresh one: at 80 % of its remaining life, at most a minute before
 * it expires, and at once when it is about to.
 */
export function refreshDelayMs(expiry: Date, now: Date): number {
  const remaining = expiry.getTime() - now.getTime();
  return Math.max(0, Math.min(remaining * 0.8, remaining - 60_000));
}
