import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Typography } from "antd";
import { useState, type ChangeEvent } from "react";

import { describeError } from "../../../../components/ProblemAlert";
import { useT } from "../../../../lib/i18n";
import { newIdempotencyKey } from "../../../../lib/idempotency";
import { useUploadEvidence } from "../../api/writes";
import type { Evidence } from "../../api/types";
import { useMessages } from "../../i18n";

interface EvidenceUploadProps {
  id?: string;
  taskId: string;
  agencyId?: string;
  value?: Evidence[];
  onChange?: (value: Evidence[]) => void;
  onBusyChange?: (busy: boolean) => void;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean | "true" | "false";
}

interface Failure {
  name: string;
  reason: string;
}

/**
 * Files go up the moment they are picked (POST …/evidence) and come back as evidence ids; the report then
 * names those ids. Removing one here only leaves it out of the report.
 */
export function EvidenceUpload({ id, taskId, agencyId, value = [], onChange, onBusyChange, ...aria }: EvidenceUploadProps) {
  const t = useMessages();
  const common = useT();
  const upload = useUploadEvidence(taskId);
  const [pending, setPending] = useState<string[]>([]);
  const [failures, setFailures] = useState<Failure[]>([]);

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.target.files ?? []);
    event.target.value = ""; // picking the same file again still fires a change
    if (files.length === 0) return;
    setFailures([]);
    setPending(files.map((file) => file.name));
    onBusyChange?.(true);
    const uploaded: Evidence[] = [];
    const failed: Failure[] = [];
    for (const file of files) {
      try {
        uploaded.push(await upload.mutateAsync({ file, agencyId, idempotencyKey: newIdempotencyKey() }));
      } catch (error) {
        const { title, detail, reasons } = describeError(error, common("error.network"), common("error.unexpected"));
        failed.push({ name: file.name, reason: [detail ?? title, ...reasons].join(" ") });
      }
    }
    setPending([]);
    setFailures(failed);
    onBusyChange?.(false);
    if (uploaded.length > 0) onChange?.([...value, ...uploaded]);
  }

  return (
    <div>
      <span className="task-file-picker">
        <input
          id={id}
          className="task-file-picker__input"
          type="file"
          multiple
          onChange={(event) => void pick(event)}
          aria-describedby={aria["aria-describedby"]}
          aria-invalid={aria["aria-invalid"]}
          disabled={pending.length > 0}
        />
        <label htmlFor={id} className="task-file-picker__button">
          <UploadOutlined aria-hidden /> {t("progress.chooseFiles")}
        </label>
      </span>
      {(value.length > 0 || pending.length > 0) && (
        <ul className="task-evidence-files" aria-live="polite" data-testid="uploaded-evidence">
          {value.map((file) => (
            <li key={file.id}>
              <PaperClipOutlined aria-hidden />
              <span>{file.filename ?? file.title}</span>
              <Typography.Text type="success">{t("progress.uploaded")}</Typography.Text>
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined aria-hidden />}
                aria-label={t("progress.removeFile", { name: file.filename ?? file.title })}
                onClick={() => onChange?.(value.filter((item) => item.id !== file.id))}
              />
            </li>
          ))}
          {pending.map((name) => (
            <li key={`pending-${name}`} className="task-muted">
              {t("progress.uploading", { name })}
            </li>
          ))}
        </ul>
      )}
      {failures.length > 0 && (
        <ul className="task-evidence-files" role="alert">
          {failures.map((failure) => (
            <li key={failure.name}>
              <Typography.Text type="danger">
                {t("progress.uploadFailed", { name: failure.name })}: {failure.reason}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
