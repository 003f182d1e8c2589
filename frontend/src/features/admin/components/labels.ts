import { useCallback } from "react";

import { useT, type MessageKey } from "../../../lib/i18n";
import { ROLES, type AgencyKind, type Role, type Scope } from "../api/types";
import { useMessages } from "../i18n";

/** Role names come from the app's shared dictionary, the same words the header and account page use. */
export function useRoleLabel(): (role: string) => string {
  const t = useT();
  return useCallback(
    (role: string) => ((ROLES as readonly string[]).includes(role) ? t(`role.${role as Role}` as MessageKey) : role),
    [t],
  );
}

export function useKindLabel(): (kind: AgencyKind) => string {
  const m = useMessages();
  return useCallback((kind: AgencyKind) => m(`kind.${kind}`), [m]);
}

export function useScopeLabel(): (scope: string) => string {
  const m = useMessages();
  return useCallback(
    (scope: string) =>
      ["tasks.read", "indicators.read", "events.read", "identity.read"].includes(scope)
        ? m(`scope.${scope as Scope}`)
        : scope,
    [m],
  );
}
