import { Breadcrumb, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";

import { usePageTitle } from "../lib/use-page-title";

interface Crumb {
  to?: string;
  label: string;
}

interface PageHeaderProps {
  title: string;
  subtitle?: ReactNode;
  crumbs?: readonly Crumb[];
  /** Buttons for the page's main actions; they wrap under the title on a phone. */
  actions?: ReactNode;
}

/** Every screen's heading: the only h1, the tab title, a way back, and the main actions. */
export function PageHeader({ title, subtitle, crumbs, actions }: PageHeaderProps) {
  usePageTitle(title);
  return (
    <header className="page-header">
      {crumbs && crumbs.length > 0 && (
        <Breadcrumb
          items={crumbs.map((crumb) => ({
            key: crumb.label,
            title: crumb.to ? <Link to={crumb.to}>{crumb.label}</Link> : crumb.label,
          }))}
        />
      )}
      <div className="page-header__row">
        <div className="page-header__text">
          <Typography.Title level={1} className="page-header__title">
            {title}
          </Typography.Title>
          {subtitle && <div className="page-header__subtitle">{subtitle}</div>}
        </div>
        {actions && <div className="page-header__actions">{actions}</div>}
      </div>
    </header>
  );
}
