import { Button, Card, Descriptions, Tag } from "antd";

import type { Agency } from "../../../../lib/directory";
import { formatDateTime } from "../../../../lib/format";
import { useMessages } from "../../i18n";
import { useKindLabel } from "../labels";

interface AgencyDetailsProps {
  agency: Agency;
  byId: ReadonlyMap<string, Agency>;
  canManage: boolean;
  onEdit: () => void;
  onMerge: () => void;
}

export function AgencyDetails({ agency, byId, canManage, onEdit, onMerge }: AgencyDetailsProps) {
  const m = useMessages();
  const kindLabel = useKindLabel();
  const parent = agency.parent_id ? byId.get(agency.parent_id) : undefined;
  const mergedInto = agency.merged_into_id ? byId.get(agency.merged_into_id) : undefined;
  const items = [
    { key: "name", label: m("agency.name"), children: agency.name },
    { key: "short", label: m("agency.shortName"), children: agency.short_name },
    { key: "code", label: m("agency.code"), children: agency.code },
    { key: "kind", label: m("agency.kind"), children: kindLabel(agency.kind) },
    { key: "parent", label: m("agency.parent"), children: parent?.name ?? m("agency.noParent") },
    {
      key: "aliases",
      label: m("agency.aliases"),
      children:
        agency.aliases.length > 0 ? (
          <span className="agency-node">
            {agency.aliases.map((alias) => (
              <Tag key={alias}>{alias}</Tag>
            ))}
          </span>
        ) : (
          m("none")
        ),
    },
    {
      key: "status",
      label: m("agency.status"),
      children: agency.active ? <Tag color="green">{m("agency.active")}</Tag> : <Tag>{m("agency.inactive")}</Tag>,
    },
  ];
  if (agency.merged_into_id) {
    items.push({
      key: "merged",
      label: m("agency.mergedInto"),
      children: m("agency.mergedIntoValue", {
        name: mergedInto?.name ?? agency.merged_into_id,
        at: formatDateTime(agency.merged_at),
      }),
    });
  }
  return (
    <Card
      title={<span role="heading" aria-level={3}>{agency.name}</span>}
      actions={
        canManage
          ? [
              <Button key="edit" type="link" onClick={onEdit}>
                {m("agency.edit")}
              </Button>,
              <Button key="merge" type="link" danger onClick={onMerge} disabled={!agency.active}>
                {m("agency.merge")}
              </Button>,
            ]
          : undefined
      }
    >
      <Descriptions column={1} size="small" items={items} />
    </Card>
  );
}
