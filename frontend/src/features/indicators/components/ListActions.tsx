import { AuditOutlined, DownloadOutlined } from "@ant-design/icons";
import { App, Badge, Button } from "antd";
import { Link } from "react-router-dom";

import { paths } from "../../../config/paths";
import { ApiError } from "../../../lib/api";
import { hasRole, useMe } from "../../../lib/me";
import { useExportPlan } from "../api/export";
import { useReviewQueue } from "../api/review";
import { useMessages } from "../i18n";

/** "Hàng chờ thẩm định" for those who review (the API refuses the queue to everyone else), with how many wait. */
export function ReviewQueueLink() {
  const t = useMessages();
  const me = useMe();
  const mayReview = hasRole(me.data, "admin", "coordinator", "agency_manager");
  const queue = useReviewQueue({ enabled: mayReview });
  if (!mayReview) return null;
  const first = queue.data?.pages[0];
  const count = first?.items.length ?? 0;
  const more = !!first?.next_cursor;
  const label = count > 0 ? t("list.reviewQueueCount", { count: more ? `${count}+` : count }) : t("list.reviewQueue");
  return (
    <Link to={paths.indicatorReview} className="indicator-link-button" aria-label={label} data-testid="review-queue-link">
      <AuditOutlined aria-hidden="true" />
      <span>{t("list.reviewQueue")}</span>
      {count > 0 && <Badge count={more ? `${count}+` : count} aria-hidden="true" />}
    </Link>
  );
}

export function ExportButton({ planKey }: { planKey: string }) {
  const t = useMessages();
  const { message } = App.useApp();
  const exportPlan = useExportPlan();
  return (
    <Button
      icon={<DownloadOutlined aria-hidden="true" />}
      loading={exportPlan.isPending}
      onClick={() =>
        exportPlan.mutate(planKey, {
          onError: (error) =>
            void message.error(
              error instanceof ApiError && error.problem ? `${t("list.exportFailed")}: ${error.problem.title}` : t("list.exportFailed"),
            ),
        })
      }
    >
      {t("list.export")}
    </Button>
  );
}
