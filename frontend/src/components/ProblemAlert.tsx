import { Alert, Button } from "antd";

import { ApiError } from "../lib/api";
import { useT } from "../lib/i18n";

interface ProblemAlertProps {
  error: unknown;
  onRetry?: () => void;
  className?: string;
}

/** The API's own words for a failure (problem+json title, detail and field reasons), in the reader's language. */
export function ProblemAlert({ error, onRetry, className }: ProblemAlertProps) {
  const t = useT();
  const { title, detail, reasons } = describeError(error, t("error.network"), t("error.unexpected"));
  return (
    <Alert
      className={className}
      type="error"
      showIcon
      role="alert"
      title={title}
      description={
        (detail || reasons.length > 0) && (
          <>
            {detail && <p>{detail}</p>}
            {reasons.length > 0 && (
              <ul className="problem-reasons">
                {reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            )}
          </>
        )
      }
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t("app.retry")}
          </Button>
        )
      }
    />
  );
}

export function describeError(error: unknown, networkText: string, unexpectedText: string) {
  if (error instanceof ApiError && error.problem) {
    const { title, detail, errors } = error.problem;
    const reasons = (errors ?? []).map(({ message }) => message);
    return { title, detail: detail && detail !== title ? detail : null, reasons };
  }
  const title = error instanceof TypeError ? networkText : unexpectedText;
  return { title, detail: null, reasons: [] as string[] };
}
