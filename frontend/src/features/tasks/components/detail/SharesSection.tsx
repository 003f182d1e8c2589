import { Grid, Progress, Table, Tag } from "antd";

import { formatDateTime } from "../../../../lib/format";
import type { Share } from "../../api/types";
import { useMessages } from "../../i18n";
import { PlainList } from "../PlainList";
import { RoleTag, StatusTag } from "../StatusTag";
import { Section } from "./Section";

interface SharesSectionProps {
  shares: Share[];
  mine: Set<string>;
}

/** "Phần việc của các đơn vị": each assigned agency's role, status, percent and last report. */
export function SharesSection({ shares, mine }: SharesSectionProps) {
  const t = useMessages();
  const narrow = !(Grid.useBreakpoint().md ?? true);
  const agency = (share: Share) => (
    <span className="task-cell">
      <span>
        {share.agency_name}
        {mine.has(share.id) && (
          <Tag color="geekblue" style={{ marginInlineStart: 6 }}>
            {t("shares.mine")}
          </Tag>
        )}
      </span>
      {share.via_group && <span className="task-muted">{t("shares.via", { group: share.via_group })}</span>}
    </span>
  );
  const updated = (share: Share) =>
    share.last_update_at ? formatDateTime(share.last_update_at) : <span className="task-muted">{t("shares.never")}</span>;

  return (
    <Section title={t("shares.title")} testId="task-shares">
      {narrow ? (
        <PlainList
          items={shares}
          keyOf={(share) => share.id}
          pageSize={10}
          render={(share) => (
            <div className="task-cell" style={{ width: "100%" }}>
              {agency(share)}
              <span className="task-card__meta">
                <RoleTag role={share.role} />
                <StatusTag status={share.status} label={share.status_label} />
              </span>
              <Progress percent={share.percent} size="small" aria-label={t("row.percent", { percent: share.percent })} />
              <span className="task-muted">
                {t("shares.lastUpdate")}: {updated(share)}
              </span>
            </div>
          )}
        />
      ) : (
        <Table<Share>
          rowKey="id"
          size="small"
          dataSource={shares}
          pagination={shares.length > 20 ? { pageSize: 20, hideOnSinglePage: true } : false}
          scroll={{ x: 720 }}
          columns={[
            { key: "agency", title: t("shares.agency"), render: (_, share) => agency(share) },
            { key: "role", title: t("shares.role"), width: 110, render: (_, share) => <RoleTag role={share.role} /> },
            {
              key: "status",
              title: t("shares.status"),
              width: 190,
              render: (_, share) => <StatusTag status={share.status} label={share.status_label} />,
            },
            {
              key: "percent",
              title: t("shares.percent"),
              width: 130,
              render: (_, share) => (
                <Progress percent={share.percent} size="small" aria-label={t("row.percent", { percent: share.percent })} />
              ),
            },
            { key: "updated", title: t("shares.lastUpdate"), width: 160, render: (_, share) => updated(share) },
          ]}
        />
      )}
    </Section>
  );
}
