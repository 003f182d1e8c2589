import { Menu } from "antd";
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router-dom";

import { useT } from "../../../lib/i18n";

export interface NavItem {
  to: string;
  label: string;
  icon?: ReactNode;
  /** Match only this exact path (for "/"), not its children. */
  end?: boolean;
}

function activeKey(items: readonly NavItem[], pathname: string): string | undefined {
  const matches = items.filter((item) =>
    item.end ? pathname === item.to : pathname === item.to || pathname.startsWith(`${item.to}/`),
  );
  return matches.sort((a, b) => b.to.length - a.to.length)[0]?.to;
}

/** The app's sections; the current one is marked for sight and for screen readers (aria-current). */
export function MainNav({ items, onNavigate }: { items: readonly NavItem[]; onNavigate?: () => void }) {
  const t = useT();
  const { pathname } = useLocation();
  const current = activeKey(items, pathname);
  return (
    <nav aria-label={t("nav.label")} className="main-nav">
      <Menu
        mode="inline"
        selectedKeys={current ? [current] : []}
        onClick={onNavigate}
        items={items.map((item) => ({
          key: item.to,
          icon: item.icon,
          label: (
            <Link to={item.to} aria-current={item.to === current ? "page" : undefined}>
              {item.label}
            </Link>
          ),
        }))}
      />
    </nav>
  );
}
