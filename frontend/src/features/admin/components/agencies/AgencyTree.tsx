import { SearchOutlined } from "@ant-design/icons";
import { Empty, Input, Tag, Tree, type TreeDataNode } from "antd";
import { useId, useMemo, useState } from "react";

import { buildAgencyTree, type Agency, type AgencyNode } from "../../../../lib/directory";
import { foldAccents } from "../../../../lib/format";
import { useMessages } from "../../i18n";
import { useKindLabel } from "../labels";
import { allKeys, filterTree, searchTextOf } from "./tree";

interface AgencyTreeProps {
  agencies: readonly Agency[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

function AgencyTitle({ agency }: { agency: Agency }) {
  const m = useMessages();
  const kindLabel = useKindLabel();
  return (
    <span className={agency.active ? "agency-node" : "agency-node agency-node--inactive"}>
      <span>{agency.name}</span>
      <span className="agency-node__meta">
        {agency.short_name} · {agency.code} · {kindLabel(agency.kind)}
      </span>
      {!agency.active && <Tag>{agency.merged_into_id ? m("agency.merged") : m("agency.inactive")}</Tag>}
    </span>
  );
}

function toTreeData(nodes: readonly AgencyNode[]): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.id,
    title: <AgencyTitle agency={node} />,
    children: toTreeData(node.children),
  }));
}

/** The directory as a tree; the search box ignores accents, so "so tai chinh" finds "Sở Tài chính". */
export function AgencyTree({ agencies, selectedId, onSelect }: AgencyTreeProps) {
  const m = useMessages();
  const searchId = useId();
  const [query, setQuery] = useState("");
  const forest = useMemo(() => buildAgencyTree(agencies), [agencies]);
  const [expanded, setExpanded] = useState<string[]>(() => forest.map((node) => node.id));
  const visible = useMemo(() => filterTree(forest, query), [forest, query]);
  const searching = query.trim() !== "";
  const treeData = useMemo(() => toTreeData(visible), [visible]);
  const visibleKeys = useMemo(() => allKeys(visible), [visible]);
  const matches = useMemo(() => {
    const folded = foldAccents(query.trim());
    return agencies.filter((agency) => searchTextOf(agency).includes(folded)).length;
  }, [agencies, query]);

  return (
    <div className="stack agency-tree">
      <div>
        <label htmlFor={searchId}>{m("agency.search")}</label>
        <Input
          id={searchId}
          type="search"
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          placeholder={m("agency.searchPlaceholder")}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <p className="visually-hidden" aria-live="polite">
          {searching ? m("agency.found", { count: matches }) : ""}
        </p>
      </div>
      {visible.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m("agency.noMatch")} />
      ) : (
        <Tree
          blockNode
          aria-label={m("agency.treeLabel")}
          treeData={treeData}
          // While searching every branch that holds a match is open; otherwise the reader decides.
          expandedKeys={searching ? visibleKeys : expanded}
          onExpand={(keys) => {
            if (!searching) setExpanded(keys.map(String));
          }}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => {
            const key = keys[0];
            if (key !== undefined) onSelect(String(key));
          }}
        />
      )}
    </div>
  );
}
