import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card } from "antd";
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router-dom";

import { ProblemAlert } from "../../../../components/ProblemAlert";
import { QueryState } from "../../../../components/QueryState";
import { useAgencies, useAgencyNames, type Agency } from "../../../../lib/directory";
import { PROVINCE_WIDE_ROLES, hasRole, useMe } from "../../../../lib/me";
import type { UserFilters as Filters } from "../../api/keys";
import { useUpdateUser, useUsers } from "../../api/users";
import type { User } from "../../api/types";
import { useMessages } from "../../i18n";
import { SectionHead } from "../AdminLayout";
import { subtreeIds } from "../agencies/tree";
import { ShownOnceModal } from "../OneTimeSecret";
import { ResetPasswordModal } from "./ResetPasswordModal";
import { UserFilters } from "./UserFilters";
import { UserFormModal } from "./UserFormModal";
import { UserList } from "./UserList";

type Dialog = { kind: "create" } | { kind: "edit"; user: User } | { kind: "reset"; user: User } | null;
interface Shown {
  title: string;
  username: string;
  password: string;
}

function readFilters(params: URLSearchParams): Filters {
  return {
    q: params.get("q") ?? undefined,
    agency_id: params.get("agency_id") ?? undefined,
    role: params.get("role") ?? undefined,
  };
}

/** An agency leader reads only its own subtree: the agency filter offers just that (the API enforces it). */
function useVisibleAgencies(): ((agency: Agency) => boolean) | undefined {
  const me = useMe();
  const directory = useAgencies();
  return useMemo(() => {
    const own = me.data?.agency?.id;
    if (!own || hasRole(me.data, ...PROVINCE_WIDE_ROLES)) return undefined;
    const ids = subtreeIds(directory.data ?? [], own);
    return (agency: Agency) => ids.has(agency.id);
  }, [me.data, directory.data]);
}

/** "Người dùng": accounts the caller may read; admins create, edit, lock and reset passwords. */
export function UsersScreen({ canManage }: { canManage: boolean }) {
  const m = useMessages();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const users = useUsers(filters);
  const agencies = useAgencyNames();
  const visibleAgencies = useVisibleAgencies();
  const update = useUpdateUser();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [toggleError, setToggleError] = useState<unknown>(null);

  const setFilters = (next: Filters) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) search.set(key, value);
    setParams(search, { replace: true });
  };

  const toggleActive = async (user: User) => {
    setToggleError(null);
    try {
      await update.mutateAsync({ id: user.id, version: user.version, body: { active: !user.active } });
      void message.success(user.active ? m("user.lockedDone", { username: user.username }) : m("user.unlockedDone", { username: user.username }));
    } catch (error) {
      setToggleError(error);
    }
  };

  const rows = users.data?.pages.flatMap((page) => page.items);
  return (
    <section aria-labelledby="admin-users-title">
      <SectionHead
        title={m("tab.users")}
        id="admin-users-title"
        actions={
          canManage && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: "create" })}>
              {m("user.create")}
            </Button>
          )
        }
      />
      {!canManage && <p className="admin-note">{m("user.readOnly")}</p>}
      <UserFilters value={filters} onChange={setFilters} only={visibleAgencies} />
      {toggleError !== null && <ProblemAlert error={toggleError} />}
      <Card size="small">
        <QueryState
          query={{ data: rows, error: users.error, isPending: users.isPending, refetch: users.refetch }}
          skeletonRows={8}
          isEmpty={(data) => data.length === 0}
          empty={filters.q || filters.agency_id || filters.role ? m("user.noMatch") : m("user.empty")}
        >
          {(data) => (
            <>
              <UserList
                users={data}
                agencies={agencies}
                actions={
                  canManage
                    ? {
                        onEdit: (user) => setDialog({ kind: "edit", user }),
                        onResetPassword: (user) => setDialog({ kind: "reset", user }),
                        onToggleActive: (user) => void toggleActive(user),
                      }
                    : undefined
                }
              />
              {users.hasNextPage && (
                <div className="admin-more">
                  <Button onClick={() => void users.fetchNextPage()} loading={users.isFetchingNextPage}>
                    {m("more")}
                  </Button>
                </div>
              )}
            </>
          )}
        </QueryState>
      </Card>
      {(dialog?.kind === "create" || dialog?.kind === "edit") && (
        <UserFormModal
          user={dialog.kind === "edit" ? dialog.user : undefined}
          defaultAgencyId={filters.agency_id}
          onClose={() => setDialog(null)}
          onSaved={(saved, password) => {
            setDialog(null);
            if (password) setShown({ title: m("user.createdTitle", { username: saved.username }), username: saved.username, password });
            else void message.success(m("user.saved"));
          }}
        />
      )}
      {dialog?.kind === "reset" && (
        <ResetPasswordModal
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={(password) => {
            setShown({ title: m("reset.doneTitle", { username: dialog.user.username }), username: dialog.user.username, password });
            setDialog(null);
          }}
        />
      )}
      {shown && (
        <ShownOnceModal
          title={shown.title}
          warning={m("password.shownOnce")}
          lines={[
            { label: m("user.username"), value: shown.username },
            { label: m("password.temporary"), value: shown.password },
          ]}
          onClose={() => setShown(null)}
        />
      )}
    </section>
  );
}
