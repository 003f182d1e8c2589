import { Alert, Typography } from "antd";
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router-dom";

import { PageHeader } from "../../../components/PageHeader";
import { usePageTitle } from "../../../lib/use-page-title";
import { TAB_PATHS, type AdminTab } from "../access";
import { useMessages } from "../i18n";
import "./admin.css";

function currentTab(tabs: readonly AdminTab[], pathname: string): AdminTab | undefined {
  return tabs.find((tab) => pathname === TAB_PATHS[tab] || pathname.startsWith(`${TAB_PATHS[tab]}/`));
}

/** "Quản trị": the page's heading, then the tabs the caller may use, as links (the current one marked). */
export function AdminLayout({ tabs, children }: { tabs: readonly AdminTab[]; children: ReactNode }) {
  const m = useMessages();
  const { pathname } = useLocation();
  const current = currentTab(tabs, pathname);
  // Runs after PageHeader's own title effect, so the browser tab names the open tab too.
  usePageTitle(current ? `${m(`tab.${current}`)} · ${m("title")}` : m("title"));
  return (
    <div className="page admin">
      <PageHeader title={m("title")} />
      <nav aria-label={m("tabs.label")} className="admin-tabs">
        <ul>
          {tabs.map((tab) => (
            <li key={tab}>
              <Link to={TAB_PATHS[tab]} aria-current={tab === current ? "page" : undefined}>
                {m(`tab.${tab}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div>{children}</div>
    </div>
  );
}

/** The section's refusal for roles it is not for. */
export function AdminForbidden() {
  const m = useMessages();
  usePageTitle(m("forbidden.title"));
  return (
    <div className="page">
      <h1 className="page__title">{m("forbidden.title")}</h1>
      <div className="page__message">
        <p>{m("forbidden.body")}</p>
      </div>
    </div>
  );
}

/** Section heading (h2) with the section's actions beside it. */
export function SectionHead({ title, id, actions }: { title: string; id?: string; actions?: ReactNode }) {
  return (
    <div className="admin-section__head">
      <Typography.Title level={2} id={id}>
        {title}
      </Typography.Title>
      {actions && <div className="page-header__actions">{actions}</div>}
    </div>
  );
}

/** A tab the caller's role does not open (reached by a typed or shared address). */
export function TabForbidden() {
  const m = useMessages();
  return <Alert type="warning" showIcon title={m("forbidden.title")} description={m("forbidden.tab")} />;
}
