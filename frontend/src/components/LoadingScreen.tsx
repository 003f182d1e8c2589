import { useT } from "../lib/i18n";

export function LoadingScreen() {
  const t = useT();
  return (
    <div className="loading-screen" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{t("app.loading")}</span>
    </div>
  );
}
