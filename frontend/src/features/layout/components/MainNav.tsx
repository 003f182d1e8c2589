import { NavLink } from "react-router-dom";

import { useT } from "../../../lib/i18n";

export interface NavItem {
  to: string;
  label: string;
  /** Match only this exact path (for "/"), not its children. */
  end?: boolean;
}

interface MainNavProps {
  id: string;
  items: readonly NavItem[];
  open: boolean;
}

export function MainNav({ id, items, open }: MainNavProps) {
  const t = useT();
  return (
    <nav id={id} className={open ? "sidenav is-open" : "sidenav"} aria-label={t("nav.label")}>
      <ul className="sidenav__list">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="sidenav__link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
