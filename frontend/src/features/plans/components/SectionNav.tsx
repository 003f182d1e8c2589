import { useMessages } from "../i18n";
import { sectionTitle, type SectionNode } from "../utils/sections";

interface SectionNavProps {
  nodes: SectionNode[];
  total: number;
  selected: string | null;
  onSelect: (sectionId: string | null) => void;
}

/** The plan's sections as nested buttons; the chosen one is marked for screen readers with aria-current. */
export function SectionNav({ nodes, total, selected, onSelect }: SectionNavProps) {
  const m = useMessages();
  return (
    <nav aria-label={m("sections.nav")}>
      <ul className="section-nav" data-testid="section-nav">
        <li>
          <SectionButton
            label={m("sections.all")}
            count={total}
            current={selected === null}
            onClick={() => onSelect(null)}
          />
        </li>
        {nodes.map((node) => (
          <SectionItem key={node.section.id} node={node} selected={selected} onSelect={onSelect} />
        ))}
      </ul>
    </nav>
  );
}

type ItemProps = { node: SectionNode } & Pick<SectionNavProps, "selected" | "onSelect">;

function SectionItem({ node, selected, onSelect }: ItemProps) {
  return (
    <li>
      <SectionButton
        label={sectionTitle(node.section)}
        count={node.total}
        current={selected === node.section.id}
        onClick={() => onSelect(node.section.id)}
      />
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child) => (
            <SectionItem key={child.section.id} node={child} selected={selected} onSelect={onSelect} />
          ))}
        </ul>
      )}
    </li>
  );
}

interface ButtonProps {
  label: string;
  count: number;
  current: boolean;
  onClick: () => void;
}

function SectionButton({ label, count, current, onClick }: ButtonProps) {
  const m = useMessages();
  return (
    <button type="button" className="section-nav__button" aria-current={current ? "true" : undefined} onClick={onClick}>
      <span className="section-nav__label">{label}</span>
      <span className="visually-hidden">, </span>
      <span className="section-nav__count">{m("sections.count", { count })}</span>
    </button>
  );
}
