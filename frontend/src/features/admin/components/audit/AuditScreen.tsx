import { Button, Card, Grid, Select, Table, type TableColumnsType } from "antd";
import { useId } from "react";
import { useSearchParams } from "react-router-dom";

import { QueryState } from "../../../../components/QueryState";
import { useAgencyNames } from "../../../../lib/directory";
import { formatDateTime } from "../../../../lib/format";
import { useAudit } from "../../api/audit";
import { AGENCY_KINDS, type AgencyKind, type AuditEntry } from "../../api/types";
import { useMessages } from "../../i18n";
import { SectionHead } from "../AdminLayout";
import { useKindLabel, useRoleLabel, useScopeLabel } from "../labels";

const ENTITY_TYPES = ["agency", "user", "client"] as const;
const ACTIONS = [
  "agency.create",
  "agency.update",
  "agency.move",
  "agency.merge",
  "user.create",
  "user.update",
  "user.reset_password",
  "user.change_password",
  "client.create",
  "client.update",
  "client.rotate_secret",
] as const;
type Action = (typeof ACTIONS)[number];
const FIELDS = [
  "name",
  "short_name",
  "code",
  "kind",
  "parent_id",
  "aliases",
  "active",
  "merged_into_id",
  "moved_users",
  "full_name",
  "email",
  "agency_id",
  "roles",
  "scopes",
] as const;
type Field = (typeof FIELDS)[number];

/** A creation carries a snapshot `{field: value}`; other actions `{field: [old, new]}`: read as "field: old → new". */
function Changes({ changes, snapshot }: { changes: Record<string, unknown>; snapshot: boolean }) {
  const m = useMessages();
  const agencies = useAgencyNames();
  const roleLabel = useRoleLabel();
  const scopeLabel = useScopeLabel();
  const kindLabel = useKindLabel();
  const describe = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "∅";
    if (Array.isArray(value)) return value.map((item) => describe(field, item)).join(", ");
    if (typeof value === "boolean") return value ? m("yes") : m("no");
    if (typeof value !== "string") return typeof value === "object" ? JSON.stringify(value) : String(value);
    if (field === "roles") return roleLabel(value);
    if (field === "scopes") return scopeLabel(value);
    if (field === "kind" && (AGENCY_KINDS as readonly string[]).includes(value)) return kindLabel(value as AgencyKind);
    return agencies.get(value)?.name ?? value;
  };
  const line = (field: string, value: unknown): string => {
    if (field === "moved_users" && Array.isArray(value)) return String((value[1] as unknown[] | null)?.length ?? 0);
    if (!snapshot && Array.isArray(value) && value.length === 2) {
      return `${describe(field, value[0])} → ${describe(field, value[1])}`;
    }
    return describe(field, value);
  };
  const entries = Object.entries(changes);
  if (entries.length === 0) return null;
  return (
    <ul className="problem-reasons">
      {entries.map(([field, value]) => (
        <li key={field}>
          {(FIELDS as readonly string[]).includes(field) ? m(`audit.field.${field as Field}`) : field}: {line(field, value)}
        </li>
      ))}
    </ul>
  );
}

/** "Nhật ký": who changed agencies, accounts and integration clients, and when (admins only). */
export function AuditScreen() {
  const m = useMessages();
  const filterId = useId();
  const screens = Grid.useBreakpoint();
  const agencies = useAgencyNames();
  const [params, setParams] = useSearchParams();
  const entityType = params.get("entity_type") ?? undefined;
  const audit = useAudit(entityType);
  const rows = audit.data?.pages.flatMap((page) => page.items);

  const actionLabel = (action: string) => ((ACTIONS as readonly string[]).includes(action) ? m(`audit.${action as Action}`) : action);
  const entityLabel = (entry: AuditEntry) => {
    const type = (ENTITY_TYPES as readonly string[]).includes(entry.entity_type)
      ? m(`audit.entity.${entry.entity_type as (typeof ENTITY_TYPES)[number]}`)
      : entry.entity_type;
    const name = entry.entity_type === "agency" ? agencies.get(entry.entity_id)?.name : undefined;
    // Creations carry the record's name; later entries only what changed, so an id may be all there is.
    const named = entry.changes.full_name ?? entry.changes.name;
    const changedName = typeof named === "string" ? named : undefined;
    return `${type}: ${name ?? changedName ?? entry.entity_id}`;
  };
  const columns: TableColumnsType<AuditEntry> = [
    { key: "at", title: m("audit.at"), render: (_, entry) => formatDateTime(entry.at), width: 150 },
    { key: "actor", title: m("audit.actor"), dataIndex: "actor", width: 150 },
    { key: "action", title: m("audit.action"), render: (_, entry) => actionLabel(entry.action), width: 170 },
    { key: "entity", title: m("audit.entity"), render: (_, entry) => entityLabel(entry), width: 240 },
    { key: "changes", title: m("audit.changes"), render: (_, entry) => <Changes changes={entry.changes} snapshot={entry.action.endsWith(".create")} /> },
  ];

  return (
    <section aria-labelledby="admin-audit-title">
      <SectionHead title={m("tab.audit")} id="admin-audit-title" />
      <div className="admin-filters admin-filters--narrow">
        <div>
          <label htmlFor={filterId}>{m("audit.filter")}</label>
          <Select
            id={filterId}
            allowClear
            style={{ width: "100%" }}
            value={entityType}
            placeholder={m("audit.allEntities")}
            onChange={(value?: string) => setParams(value ? { entity_type: value } : {}, { replace: true })}
            options={ENTITY_TYPES.map((type) => ({ value: type, label: m(`audit.entity.${type}`) }))}
          />
        </div>
      </div>
      <Card size="small">
        <QueryState
          query={{ data: rows, error: audit.error, isPending: audit.isPending, refetch: audit.refetch }}
          skeletonRows={8}
          isEmpty={(data) => data.length === 0}
          empty={m("audit.empty")}
        >
          {(data) => (
            <>
              {screens.md ? (
                <Table<AuditEntry> rowKey="id" size="small" columns={columns} dataSource={data} pagination={false} scroll={{ x: true }} />
              ) : (
                <ul className="admin-cards" aria-label={m("tab.audit")}>
                  {data.map((entry) => (
                    <li key={entry.id} className="admin-card">
                      <span className="admin-card__title">{actionLabel(entry.action)}</span>
                      <span className="admin-card__meta">
                        {formatDateTime(entry.at)} · {entry.actor}
                      </span>
                      <span>{entityLabel(entry)}</span>
                      <Changes changes={entry.changes} snapshot={entry.action.endsWith(".create")} />
                    </li>
                  ))}
                </ul>
              )}
              {audit.hasNextPage && (
                <div className="admin-more">
                  <Button onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
                    {m("more")}
                  </Button>
                </div>
              )}
            </>
          )}
        </QueryState>
      </Card>
    </section>
  );
}
