import { useEffect, useState, type ReactNode } from "react";
import { useLocation } from "react-router-dom";

import { useT } from "../../../lib/i18n";
import "./layout.css";
import { Header, type Account } from "./Header";
import { MainNav, type NavItem } from "./MainNav";

interface AppLayoutProps {
  account: Account;
  navItems: readonly NavItem[];
  onLogout: () => void;
  loggingOut?: boolean;
  children: ReactNode;
}

const NAV_ID = "main-nav";

export function AppLayout({ account, navItems, onLogout, loggingOut, children }: AppLayoutProps) {
  const t = useT();
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();

  // a narrow screen's menu covers the page: close it once the user has picked where to go
  useEffect(() => setMenuOpen(false), [pathname]);

  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setMenuOpen(false);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [menuOpen]);

  return (
    <div className="app">
      <a className="skip-link" href="#main-content">
        {t("app.skipToContent")}
      </a>
      <Header
        account={account}
        navId={NAV_ID}
        menuOpen={menuOpen}
        onToggleMenu={() => setMenuOpen((open) => !open)}
        onLogout={onLogout}
        loggingOut={loggingOut}
      />
      <div className="shell">
        <MainNav id={NAV_ID} items={navItems} open={menuOpen} />
        <main id="main-content" className="shell__main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
