import { useCallback, useSyncExternalStore } from "react";

import { ApiError, tokenStore } from "../../../lib/api";
import { useMe, type Me } from "../../../lib/me";
import { useLogout } from "../api/logout";

export type AuthState =
  | { status: "anonymous" }
  | { status: "loading" }
  | { status: "error"; error: unknown; retry: () => void }
  | { status: "authenticated"; user: Me; mustChangePassword: boolean };

export type Auth = AuthState & { logout: () => Promise<void>; loggingOut: boolean };

function useHasSession(): boolean {
  return useSyncExternalStore(tokenStore.subscribe, tokenStore.hasSession, tokenStore.hasSession);
}

/** Who is signed in, derived from the stored tokens and /auth/me; the single source for guards and header. */
export function useAuth(): Auth {
  const hasSession = useHasSession();
  const me = useMe({ enabled: hasSession });
  const logoutMutation = useLogout();
  const { mutateAsync } = logoutMutation;
  const logout = useCallback(async () => {
    await mutateAsync();
  }, [mutateAsync]);
  const extra = { logout, loggingOut: logoutMutation.isPending };

  if (!hasSession) return { status: "anonymous", ...extra };
  if (me.data) {
    return { status: "authenticated", user: me.data, mustChangePassword: me.data.must_change_password, ...extra };
  }
  if (me.isError) {
    // a 401 that survived the refresh has already ended the session; anything else is worth a retry
    if (me.error instanceof ApiError && me.error.status === 401) return { status: "anonymous", ...extra };
    return { status: "error", error: me.error, retry: () => void me.refetch(), ...extra };
  }
  return { status: "loading", ...extra };
}
