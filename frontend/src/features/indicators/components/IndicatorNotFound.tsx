import { Link } from "react-router-dom";

import { MessagePage } from "../../../components/MessagePage";
import { paths } from "../../../config/paths";
import { useMessages } from "../i18n";

/** What a link to a removed, mistyped or hidden indicator opens. */
export function IndicatorNotFound() {
  const t = useMessages();
  return (
    <MessagePage title={t("notFound.title")}>
      <p>{t("notFound.body")}</p>
      <p>
        <Link className="link" to={paths.indicators}>
          {t("notFound.back")}
        </Link>
      </p>
    </MessagePage>
  );
}
