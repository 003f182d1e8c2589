import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Empty, Switch } from "antd";
import { useMemo, useRef, useState } from "react";

import { QueryState } from "../../../../components/QueryState";
import { useAgencies, type Agency } from "../../../../lib/directory";
import { useMessages } from "../../i18n";
import { SectionHead } from "../AdminLayout";
import { AgencyDetails } from "./AgencyDetails";
import { AgencyFormModal } from "./AgencyFormModal";
import { AgencyTree } from "./AgencyTree";
import { MergeAgencyModal } from "./MergeAgencyModal";

type Dialog = { kind: "create" } | { kind: "edit"; agency: Agency } | { kind: "merge"; agency: Agency } | null;

/** "Cơ quan, đơn vị": the directory tree, one agency's details, and (for admins) add, edit, merge. */
export function AgenciesScreen({ canManage }: { canManage: boolean }) {
  const m = useMessages();
  const { message } = App.useApp();
  const [includeInactive, setIncludeInactive] = useState(false);
  const agencies = useAgencies({ includeInactive });
  const [selectedId, setSelectedId] = useState<string>();
  const [dialog, setDialog] = useState<Dialog>(null);
  const detailsRef = useRef<HTMLDivElement>(null);
  const list = useMemo(() => agencies.data ?? [], [agencies.data]);
  const byId = useMemo(() => new Map(list.map((agency) => [agency.id, agency])), [list]);
  const selected = selectedId ? byId.get(selectedId) : undefined;
  // The directory has a single root (UBND tỉnh): a new agency goes under the open one, or under the root.
  const rootId = useMemo(() => list.find((agency) => !agency.parent_id)?.id, [list]);

  const select = (id: string) => {
    setSelectedId(id);
    // On a phone the details sit under the tree: bring them into view.
    requestAnimationFrame(() => detailsRef.current?.scrollIntoView?.({ block: "nearest", behavior: "smooth" }));
  };

  return (
    <section aria-labelledby="admin-agencies-title">
      <SectionHead
        title={m("tab.agencies")}
        id="admin-agencies-title"
        actions={
          canManage && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: "create" })}>
              {m("agency.create")}
            </Button>
          )
        }
      />
      <label className="admin-switch">
        <Switch size="small" checked={includeInactive} onChange={setIncludeInactive} />{" "}
        {m("agency.includeInactive")}
      </label>
      <div className="admin-split" style={{ marginTop: 12 }}>
        <Card size="small">
          <QueryState query={agencies} skeletonRows={12} isEmpty={(data) => data.length === 0} empty={m("agency.empty")}>
            {(data) => <AgencyTree agencies={data} selectedId={selectedId} onSelect={select} />}
          </QueryState>
        </Card>
        <div ref={detailsRef}>
          {selected ? (
            <AgencyDetails
              agency={selected}
              byId={byId}
              canManage={canManage}
              onEdit={() => setDialog({ kind: "edit", agency: selected })}
              onMerge={() => setDialog({ kind: "merge", agency: selected })}
            />
          ) : (
            <Card size="small">
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m("agency.pickHint")} />
            </Card>
          )}
        </div>
      </div>
      {(dialog?.kind === "create" || dialog?.kind === "edit") && (
        <AgencyFormModal
          agency={dialog.kind === "edit" ? dialog.agency : undefined}
          agencies={list}
          defaultParentId={dialog.kind === "create" ? (selected?.active ? selected.id : rootId) : undefined}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null);
            setSelectedId(saved.id);
            void message.success(dialog.kind === "edit" ? m("agency.saved") : m("agency.created", { name: saved.name }));
          }}
        />
      )}
      {dialog?.kind === "merge" && (
        <MergeAgencyModal
          agency={dialog.agency}
          agencies={list}
          onClose={() => setDialog(null)}
          onMerged={(intoId) => {
            setDialog(null);
            setSelectedId(intoId);
            void message.success(m("merge.done"));
          }}
        />
      )}
    </section>
  );
}
