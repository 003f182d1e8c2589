// The access token lives only in memory; the refresh token survives a reload of this tab, not the browser.
const REFRESH_KEY = "tiendo.refresh_token";

type Listener = () => void;

let accessToken: string | null = null;
const listeners = new Set<Listener>();

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // storage can be disabled by browser policy
  }
}

function notify(): void {
  for (const listener of listeners) listener();
}

export const tokenStore = {
  getAccessToken(): string | null {
    return accessToken;
  },

  getRefreshToken(): string | null {
    return storage()?.getItem(REFRESH_KEY) ?? null;
  },

  hasSession(): boolean {
    return accessToken !== null || tokenStore.getRefreshToken() !== null;
  },

  setSession(tokens: { accessToken: string; refreshToken: string }): void {
    const wasSignedIn = tokenStore.hasSession();
    accessToken = tokens.accessToken;
    storage()?.setItem(REFRESH_KEY, tokens.refreshToken);
    if (!wasSignedIn) notify();
  },

  clear(): void {
    const wasSignedIn = tokenStore.hasSession();
    accessToken = null;
    storage()?.removeItem(REFRESH_KEY);
    if (wasSignedIn) notify();
  },

  /** Called when the session starts or ends (not on every token rotation). */
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
