import { DownloadOutlined } from "@ant-design/icons";
import { App, Button } from "antd";

import { useExportTasks } from "../../api/list";
import type { TaskFilters } from "../../api/types";
import { useMessages } from "../../i18n";

/** "Xuất Excel" of exactly the filtered list; a refusal is shown by the page (`onError`). */
export function ExportButton({ filters, onError }: { filters: TaskFilters; onError: (error: unknown) => void }) {
  const t = useMessages();
  const { message } = App.useApp();
  const exporter = useExportTasks();
  return (
    <Button
      icon={<DownloadOutlined aria-hidden />}
      loading={exporter.isPending}
      onClick={() => {
        onError(null);
        exporter.mutate(filters, {
          onSuccess: (name) => void message.success(t("export.done", { name })),
          onError,
        });
      }}
    >
      {t("export.button")}
    </Button>
  );
}
