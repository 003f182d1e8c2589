import { Link } from "react-router-dom";

import { paths } from "../../../config/paths";
import { useMessages } from "../i18n";
import type { PlanTreeNode } from "../utils/graph";
import { planName } from "../utils/graph";

/** The plan graph as nested lists of links: the accessible twin of the diagram. */
export function PlanTree({ nodes }: { nodes: PlanTreeNode[] }) {
  const m = useMessages();
  return (
    <ul className="plan-tree" aria-label={m("graph.tree")} data-testid="plan-tree">
      {nodes.map((node) => (
        <PlanTreeItem key={node.key} node={node} />
      ))}
    </ul>
  );
}

function PlanTreeItem({ node }: { node: PlanTreeNode }) {
  const m = useMessages();
  const { plan } = node;
  return (
    <li>
      <div className="plan-tree__item">
        <Link to={paths.plan(plan.id)} className="plan-tree__link">
          {planName(plan)}
        </Link>
        {plan.task_count > 0 && (
          <span className="plan-tree__count">{m("graph.tasks", { count: plan.task_count })}</span>
        )}
        {plan.title !== plan.symbol && <div className="plan-tree__title">{plan.title}</div>}
        {node.repeated && <div className="plan-tree__note">{m("graph.repeated")}</div>}
      </div>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child) => (
            <PlanTreeItem key={child.key} node={child} />
          ))}
        </ul>
      )}
    </li>
  );
}
