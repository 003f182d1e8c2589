import { Tag } from "antd";

import { formatDateTime } from "../../../../lib/format";
import type { User } from "../../api/types";
import { useMessages } from "../../i18n";

/** Locked by an admin, temporarily locked after failed sign-ins, or active; plus a first-sign-in reminder. */
export function UserStatus({ user, now = Date.now() }: { user: User; now?: number }) {
  const m = useMessages();
  const lockedUntil = user.locked_until ? new Date(user.locked_until).getTime() : 0;
  return (
    <span className="agency-node">
      {!user.active ? (
        <Tag color="red">{m("user.locked")}</Tag>
      ) : lockedUntil > now ? (
        <Tag color="orange">{m("user.lockedUntil", { at: formatDateTime(user.locked_until) })}</Tag>
      ) : (
        <Tag color="green">{m("user.active")}</Tag>
      )}
      {user.must_change_password && <Tag>{m("user.mustChangePassword")}</Tag>}
    </span>
  );
}
