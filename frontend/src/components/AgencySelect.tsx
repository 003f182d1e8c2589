import { TreeSelect } from "antd";
import { useMemo } from "react";

import { buildAgencyTree, useAgencies, type Agency, type AgencyNode } from "../lib/directory";
import { foldAccents } from "../lib/format";
import { useT } from "../lib/i18n";

interface AgencySelectProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  /** Offer only these agencies (and the tree above them, greyed out). */
  only?: (agency: Agency) => boolean;
  allowClear?: boolean;
  disabled?: boolean;
  "aria-label"?: string;
}

interface TreeOption {
  value: string;
  title: string;
  search: string;
  disabled: boolean;
  children: TreeOption[];
}

function toOptions(nodes: AgencyNode[], only?: (agency: Agency) => boolean): TreeOption[] {
  return nodes.map((node) => ({
    value: node.id,
    title: node.name,
    search: foldAccents(`${node.name} ${node.short_name} ${node.code} ${node.aliases.join(" ")}`),
    disabled: only ? !only(node) : false,
    children: toOptions(node.children, only),
  }));
}

/** Picks an agency from the province's tree; typing without accents finds "Sở Tài chính" as "so tai chinh". */
export function AgencySelect({ id, value, onChange, placeholder, only, allowClear = true, disabled, ...aria }: AgencySelectProps) {
  const t = useT();
  const agencies = useAgencies();
  const options = useMemo(() => toOptions(buildAgencyTree(agencies.data ?? []), only), [agencies.data, only]);
  return (
    <TreeSelect
      id={id}
      aria-label={aria["aria-label"]}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? undefined)}
      treeData={options}
      loading={agencies.isPending}
      disabled={disabled}
      allowClear={allowClear}
      placeholder={placeholder ?? t("agency.pick")}
      showSearch={{
        filterTreeNode: (input, node) => (node as unknown as TreeOption).search.includes(foldAccents(input)),
      }}
      treeDefaultExpandAll={false}
      popupMatchSelectWidth={false}
      style={{ width: "100%", minWidth: 0 }}
      notFoundContent={t("agency.none")}
    />
  );
}
