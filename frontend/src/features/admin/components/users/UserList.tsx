import { Button, Grid, Popconfirm, Table, Tag, type TableColumnsType } from "antd";

import type { Agency } from "../../../../lib/directory";
import type { User } from "../../api/types";
import { useMessages } from "../../i18n";
import { useRoleLabel } from "../labels";
import { UserStatus } from "./UserStatus";

export interface UserActions {
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
  onToggleActive: (user: User) => void;
}

interface UserListProps {
  users: readonly User[];
  agencies: ReadonlyMap<string, Agency>;
  /** Row actions for admins; absent for read-only callers. */
  actions?: UserActions;
}

function Roles({ roles }: { roles: readonly string[] }) {
  const roleLabel = useRoleLabel();
  return (
    <span className="agency-node">
      {roles.map((role) => (
        <Tag key={role}>{roleLabel(role)}</Tag>
      ))}
    </span>
  );
}

function RowActions({ user, actions, inTable }: { user: User; actions: UserActions; inTable?: boolean }) {
  const m = useMessages();
  return (
    <span className={inTable ? "admin-card__actions admin-row-actions" : "admin-card__actions"}>
      <Button size="small" onClick={() => actions.onEdit(user)} aria-label={m("user.editFor", { username: user.username })}>
        {m("edit")}
      </Button>
      <Button
        size="small"
        onClick={() => actions.onResetPassword(user)}
        aria-label={m("user.resetFor", { username: user.username })}
      >
        {m("user.reset")}
      </Button>
      <Popconfirm
        title={user.active ? m("user.lockConfirm", { username: user.username }) : m("user.unlockConfirm", { username: user.username })}
        okText={user.active ? m("user.lock") : m("user.unlock")}
        cancelText={m("cancel")}
        onConfirm={() => actions.onToggleActive(user)}
      >
        <Button
          size="small"
          danger={user.active}
          aria-label={m(user.active ? "user.lockFor" : "user.unlockFor", { username: user.username })}
        >
          {user.active ? m("user.lock") : m("user.unlock")}
        </Button>
      </Popconfirm>
    </span>
  );
}

/** Accounts as a table on wide screens and as cards on a phone (no sideways scrolling at 360 px). */
export function UserList({ users, agencies, actions }: UserListProps) {
  const m = useMessages();
  const screens = Grid.useBreakpoint();
  const agencyName = (id: string) => agencies.get(id)?.name ?? "";

  if (!screens.md) {
    return (
      <ul className="admin-cards" aria-label={m("tab.users")}>
        {users.map((user) => (
          <li key={user.id} className="admin-card">
            <span className="admin-card__title">{user.full_name}</span>
            <span className="admin-card__meta">
              {user.username} · {user.email}
            </span>
            <span>{agencyName(user.agency_id)}</span>
            <Roles roles={user.roles} />
            <UserStatus user={user} />
            {actions && <RowActions user={user} actions={actions} />}
          </li>
        ))}
      </ul>
    );
  }

  const columns: TableColumnsType<User> = [
    { key: "name", title: m("user.fullName"), dataIndex: "full_name" },
    { key: "username", title: m("user.username"), dataIndex: "username" },
    { key: "email", title: m("user.email"), dataIndex: "email" },
    { key: "agency", title: m("user.agency"), render: (_, user) => agencyName(user.agency_id) },
    { key: "roles", title: m("user.roles"), render: (_, user) => <Roles roles={user.roles} /> },
    { key: "status", title: m("user.status"), render: (_, user) => <UserStatus user={user} /> },
  ];
  if (actions) {
    columns.push({ key: "actions", title: m("actions"), render: (_, user) => <RowActions user={user} actions={actions} inTable /> });
  }
  return <Table<User> rowKey="id" columns={columns} dataSource={[...users]} pagination={false} scroll={{ x: true }} size="middle" />;
}
