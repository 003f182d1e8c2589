import { useT } from "../lib/i18n";
import { usePageTitle } from "../lib/use-page-title";

interface ComingSoonProps {
  title: string;
  description: string;
}

/** An honest placeholder: names what the page will do and says it is not there yet. */
export function ComingSoon({ title, description }: ComingSoonProps) {
  const t = useT();
  usePageTitle(title);
  return (
    <div className="page">
      <h1 className="page__title">{title}</h1>
      <div className="coming-soon">
        <span className="badge badge--muted">{t("comingSoon.badge")}</span>
        <p className="coming-soon__what">{description}</p>
        <p className="coming-soon__note">{t("comingSoon.body")}</p>
      </div>
    </div>
  );
}
