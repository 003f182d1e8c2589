import { Link } from "react-router-dom";

import { Button } from "../../../components/Button";
import { LanguageToggle } from "../../../components/LanguageToggle";
import { useT } from "../../../lib/i18n";
import { BrandMark } from "../../../components/BrandMark";

export interface Account {
  fullName: string;
  agencyName: string | null;
  roleLabels: readonly string[];
}

interface HeaderProps {
  account: Account;
  navId: string;
  menuOpen: boolean;
  onToggleMenu: () => void;
  onLogout: () => void;
  loggingOut?: boolean;
}

export function Header({ account, navId, menuOpen, onToggleMenu, onLogout, loggingOut }: HeaderProps) {
  const t = useT();
  return (
    <header className="topbar">
      <button
        type="button"
        className="btn btn--ghost topbar__menu"
        aria-expanded={menuOpen}
        aria-controls={navId}
        onClick={onToggleMenu}
      >
        <MenuIcon open={menuOpen} />
        <span className="topbar__menu-text">{t("nav.menu")}</span>
      </button>
      <Link to="/" className="brand">
        <BrandMark />
        <span className="brand__name">{t("app.name")}</span>
      </Link>
      <section className="topbar__account" aria-label={t("header.signedInAs")}>
        <span className="topbar__name">{account.fullName}</span>
        {account.agencyName && <span className="topbar__agency">{account.agencyName}</span>}
        {account.roleLabels.length > 0 && (
          <ul className="badges badges--compact">
            {account.roleLabels.map((label) => (
              <li key={label} className="badge badge--on-dark">
                {label}
              </li>
            ))}
          </ul>
        )}
      </section>
      <LanguageToggle className="topbar__lang" />
      <Button variant="secondary" className="topbar__logout" onClick={onLogout} busy={loggingOut}>
        {t("auth.logout")}
      </Button>
    </header>
  );
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      {open ? (
        <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      ) : (
        <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      )}
    </svg>
  );
}
