import type { ReactNode } from "react";

import { useT } from "../lib/i18n";
import { BrandMark } from "./BrandMark";
import { LanguageToggle } from "./LanguageToggle";

/** The centred frame around screens shown before the app itself: login, a forced password change. */
export function AuthFrame({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  const t = useT();
  return (
    <div className="auth-frame">
      <header className="auth-frame__header">
        <div className="brand brand--on-light">
          <BrandMark />
          <span className="brand__name">{t("app.name")}</span>
        </div>
        <LanguageToggle />
      </header>
      <main className="auth-frame__panel" id="main-content">
        <p className="auth-frame__tagline">{t("app.tagline")}</p>
        {children}
      </main>
      {footer && <footer className="auth-frame__footer">{footer}</footer>}
    </div>
  );
}
