import { Result } from "antd";
import { Link } from "react-router-dom";

import { paths } from "../../../../config/paths";
import { usePageTitle } from "../../../../lib/use-page-title";
import { useMessages } from "../../i18n";

/** 404 from the API: no such task, or another agency's. Never a blank page. */
export function TaskNotFound() {
  const t = useMessages();
  usePageTitle(t("notFound.title"));
  return (
    <div className="page">
      <Result
        status="404"
        title={<h1 className="page__title">{t("notFound.title")}</h1>}
        subTitle={t("notFound.body")}
        extra={
          <Link className="link" to={paths.agencyTasks}>
            {t("notFound.back")}
          </Link>
        }
      />
    </div>
  );
}
