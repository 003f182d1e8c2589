import { Link } from "react-router-dom";

import { MessagePage } from "../../components/MessagePage";
import { useT } from "../../lib/i18n";
import { paths } from "../../config/paths";

export function NotFoundRoute() {
  const t = useT();
  return (
    <MessagePage title={t("notFound.title")}>
      <p>{t("notFound.body")}</p>
      <p>
        <Link className="link" to={paths.overview}>
          {t("notFound.home")}
        </Link>
      </p>
    </MessagePage>
  );
}
