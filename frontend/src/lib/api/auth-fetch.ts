import type { paths } from "./schema";
import { tokenStore } from "./tokens";

type TokenPair =
  paths["/api/v1/auth/refresh"]["post"]["responses"][200]["content"]["application/json"];

// Calls that carry their own credentials in the body and must never trigger a refresh.
const CREDENTIAL_PATHS = new Set(["/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout"]);

let refreshing: Promise<boolean> | null = null;

/** Exchanges the stored refresh token for a new pair; concurrent callers share one request. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= exchangeRefreshToken().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function exchangeRefreshToken(): Promise<boolean> {
  const refreshToken = tokenStore.getRefreshToken();
  if (!refreshToken) return false;
  let response: Response;
  try {
    response = await globalThis.fetch(new URL("/api/v1/auth/refresh", globalThis.location.origin), {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ refresh_token: refreshToken }),
    });
  } catch {
    return false; // offline: keep the session, the caller sees its original failure
  }
  if (!response.ok) {
    if (response.status < 500) tokenStore.clear();
    return false;
  }
  const pair = (await response.json()) as TokenPair;
  tokenStore.setSession({ accessToken: pair.access_token, refreshToken: pair.refresh_token });
  return true;
}

function withBearer(request: Request): Request {
  const token = tokenStore.getAccessToken();
  if (token) request.headers.set("Authorization", `Bearer ${token}`);
  return request;
}

/**
 * The fetch the typed client uses: adds the bearer token, and on a 401 refreshes once and retries.
 * A second 401 ends the session, which sends the user back to the login page.
 */
export async function authFetch(request: Request): Promise<Response> {
  if (CREDENTIAL_PATHS.has(new URL(request.url).pathname)) return globalThis.fetch(request);

  if (!tokenStore.getAccessToken() && tokenStore.getRefreshToken()) await refreshSession();
  const retry = request.clone(); // the first attempt consumes the body
  const response = await globalThis.fetch(withBearer(request));
  if (response.status !== 401) return response;

  if (!(await refreshSession())) {
    if (!tokenStore.getRefreshToken()) tokenStore.clear();
    return response;
  }
  const retried = await globalThis.fetch(withBearer(retry));
  if (retried.status === 401) tokenStore.clear();
  return retried;
}
