import type { ReactNode } from "react";

import { Card } from "../../../components/Card";
import { useT } from "../../../lib/i18n";
import type { Me } from "../../../lib/me";
import { RoleBadges } from "./RoleBadges";

interface MyAccountCardProps {
  user: Me;
  actions?: ReactNode;
}

export function MyAccountCard({ user, actions }: MyAccountCardProps) {
  const t = useT();
  const agency = user.agency;
  return (
    <Card title={t("account.title")} actions={actions}>
      <dl className="facts">
        <dt>{t("account.fullName")}</dt>
        <dd>{user.full_name}</dd>
        <dt>{t("account.username")}</dt>
        <dd>{user.username}</dd>
        <dt>{t("account.email")}</dt>
        <dd>{user.email || t("account.none")}</dd>
        <dt>{t("account.agency")}</dt>
        <dd>
          {agency?.name ?? t("account.none")}
          {agency?.short_name && agency.short_name !== agency.name && (
            <span className="facts__aside"> ({agency.short_name})</span>
          )}
        </dd>
        {agency?.code && (
          <>
            <dt>{t("account.agencyCode")}</dt>
            <dd>
              <code>{agency.code}</code>
            </dd>
          </>
        )}
        <dt>{t("account.roles")}</dt>
        <dd>{user.roles.length > 0 ? <RoleBadges roles={user.roles} /> : t("account.none")}</dd>
      </dl>
    </Card>
  );
}
