import { Drawer, Grid, Layout } from "antd";
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
  headerExtra?: ReactNode;
  children: ReactNode;
}

/** Header, navigation (a side bar on desktop, a drawer on a phone) and the page. */
export function AppLayout({ account, navItems, onLogout, headerExtra, children }: AppLayoutProps) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg ?? false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { pathname } = useLocation();

  // a phone's menu covers the page: close it once the user has picked where to go
  useEffect(() => setDrawerOpen(false), [pathname]);

  return (
    <Layout className="app">
      <a className="skip-link" href="#main-content">
        {t("app.skipToContent")}
      </a>
      <Header
        account={account}
        extra={headerExtra}
        onLogout={onLogout}
        onOpenMenu={wide ? undefined : () => setDrawerOpen(true)}
        menuOpen={drawerOpen}
      />
      <Layout>
        {wide && (
          <Layout.Sider width={232} className="sider" theme="light">
            <MainNav items={navItems} />
          </Layout.Sider>
        )}
        <Layout.Content id="main-content" className="content" tabIndex={-1}>
          {children}
        </Layout.Content>
      </Layout>
      {!wide && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={272}
          title={t("app.name")}
          className="nav-drawer"
        >
          <MainNav items={navItems} onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
