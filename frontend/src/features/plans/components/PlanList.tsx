import { Grid, Table } from "antd";
import { Link } from "react-router-dom";

import { paths } from "../../../config/paths";
import { formatDate } from "../../../lib/format";
import type { Plan } from "../api/plans";
import { useMessages } from "../i18n";
import { planName } from "../utils/graph";

function issued(plan: Plan): string {
  return plan.issued_on ? formatDate(plan.issued_on) : (plan.issued_text ?? "");
}

/** Every plan: a table on a wide screen, a list of cards on a phone. */
export function PlanList({ plans }: { plans: Plan[] }) {
  const m = useMessages();
  const screens = Grid.useBreakpoint();
  const sorted = [...plans].sort((a, b) => (a.issued_on ?? "9999").localeCompare(b.issued_on ?? "9999"));
  if (!screens.md) {
    return (
      <ul className="plan-cards" data-testid="plan-list">
        {sorted.map((plan) => (
          <li key={plan.id} className="plan-card">
            <Link to={paths.plan(plan.id)} className="plan-card__name">
              {planName(plan)}
            </Link>
            {plan.title !== plan.symbol && <div className="plan-card__title">{plan.title}</div>}
            <div className="plan-card__meta">
              <span>{plan.issuer}</span>
              {issued(plan) && <span>{issued(plan)}</span>}
              <span>{m("graph.tasks", { count: plan.task_count })}</span>
            </div>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table<Plan>
      data-testid="plan-list"
      rowKey="id"
      dataSource={sorted}
      pagination={false}
      size="middle"
      scroll={{ x: true }}
      columns={[
        {
          key: "symbol",
          title: m("col.symbol"),
          width: 190,
          render: (_, plan) => <Link to={paths.plan(plan.id)}>{planName(plan)}</Link>,
        },
        { key: "title", title: m("col.title"), dataIndex: "title" },
        { key: "issuer", title: m("col.issuer"), dataIndex: "issuer", width: 200 },
        { key: "issued", title: m("col.issued"), width: 130, render: (_, plan) => issued(plan) },
        { key: "tasks", title: m("col.tasks"), dataIndex: "task_count", width: 110, align: "right" },
      ]}
    />
  );
}
