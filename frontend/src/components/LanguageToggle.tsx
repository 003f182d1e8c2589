import { useI18n } from "../lib/i18n";

export function LanguageToggle({ className }: { className?: string }) {
  const { lang, setLang, t } = useI18n();
  const next = lang === "vi" ? "en" : "vi";
  return (
    <button
      type="button"
      className={["btn btn--ghost lang-toggle", className].filter(Boolean).join(" ")}
      lang={next}
      title={t("lang.switchToLabel")}
      onClick={() => setLang(next)}
    >
      {t("lang.switchTo")}
    </button>
  );
}
