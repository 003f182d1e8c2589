import { DownOutlined, MenuOutlined, UserOutlined } from "@ant-design/icons";
import { Button, Dropdown, Layout } from "antd";
import type { ReactNode } from "react";
import { Link, useNavigate } from "react-router-dom";

import { BrandMark } from "../../../components/BrandMark";
import { paths } from "../../../config/paths";
import { useI18n } from "../../../lib/i18n";

export interface Account {
  fullName: string;
  agencyName: string | null;
  roleLabels: readonly string[];
}

interface HeaderProps {
  account: Account;
  /** Shown on narrow screens, where the navigation sits in a drawer. */
  onOpenMenu?: () => void;
  menuOpen?: boolean;
  /** Things the app puts beside the account menu, such as the notification bell. */
  extra?: ReactNode;
  onLogout: () => void;
}

export function Header({ account, onOpenMenu, menuOpen, extra, onLogout }: HeaderProps) {
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const items = [
    {
      key: "who",
      disabled: true,
      label: (
        <div className="account-menu__who">
          <strong>{account.fullName}</strong>
          {account.agencyName && <span>{account.agencyName}</span>}
          {account.roleLabels.length > 0 && <span>{account.roleLabels.join(", ")}</span>}
        </div>
      ),
    },
    { type: "divider" as const },
    { key: "account", label: t("account.title") },
    { key: "password", label: t("account.changePassword") },
    { key: "lang", label: <span lang={lang === "vi" ? "en" : "vi"}>{t("lang.switchTo")}</span> },
    { type: "divider" as const },
    { key: "logout", label: t("auth.logout"), danger: true },
  ];
  const onMenu = ({ key }: { key: string }) => {
    if (key === "account") navigate(paths.account);
    else if (key === "password") navigate(paths.changePassword);
    else if (key === "lang") setLang(lang === "vi" ? "en" : "vi");
    else if (key === "logout") onLogout();
  };
  return (
    <Layout.Header className="topbar">
      {onOpenMenu && (
        <Button
          type="text"
          className="topbar__menu"
          icon={<MenuOutlined />}
          aria-label={t("nav.menu")}
          aria-expanded={menuOpen}
          onClick={onOpenMenu}
        />
      )}
      <Link to={paths.overview} className="brand">
        <BrandMark />
        <span className="brand__name">{t("app.name")}</span>
      </Link>
      <div className="topbar__spacer" />
      {extra}
      <Dropdown menu={{ items, onClick: onMenu }} trigger={["click"]} placement="bottomRight">
        <Button type="text" className="topbar__account" aria-label={`${t("header.signedInAs")}: ${account.fullName}`}>
          <UserOutlined aria-hidden="true" />
          <span className="topbar__name">{account.fullName}</span>
          <DownOutlined aria-hidden="true" className="topbar__caret" />
        </Button>
      </Dropdown>
    </Layout.Header>
  );
}
