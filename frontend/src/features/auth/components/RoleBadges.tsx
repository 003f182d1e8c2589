import { useT, type MessageKey } from "../../../lib/i18n";
import { ROLES } from "../../../lib/me";

const KNOWN_ROLES = new Set<string>(ROLES);

/** The Vietnamese (or English) label of a role code; an unknown code is shown as it is. */
export function useRoleLabel(): (role: string) => string {
  const t = useT();
  return (role) => (KNOWN_ROLES.has(role) ? t(`role.${role}` as MessageKey) : role);
}

export function RoleBadges({ roles }: { roles: readonly string[] }) {
  const label = useRoleLabel();
  return (
    <ul className="badges">
      {roles.map((role) => (
        <li key={role} className="badge">
          {label(role)}
        </li>
      ))}
    </ul>
  );
}
