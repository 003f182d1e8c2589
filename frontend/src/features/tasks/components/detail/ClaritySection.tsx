import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";

import { CLARITY_KEYS, type TaskDetail } from "../../api/types";
import { useMessages } from "../../i18n";
import { Section } from "./Section";

/** "6 rõ": the six criteria as a checklist; the API says which are missing and why. */
export function ClaritySection({ task }: { task: TaskDetail }) {
  const t = useMessages();
  const missing = new Set(task.unclear);
  return (
    <Section title={t("clarity.title")} testId="task-clarity">
      <p>
        {missing.size === 0 ? t("clarity.summaryOk") : t("clarity.summaryMissing", { count: missing.size })}
      </p>
      <ul className="task-checklist">
        {CLARITY_KEYS.map((key) => {
          const lacks = missing.has(key);
          // the API explains a gap as "Rõ người — có người phụ trách cụ thể"; the name is already shown
          const why = task.clarity[key]?.split(" — ")[1] ?? task.clarity[key];
          return (
            <li key={key}>
              {lacks ? (
                <CloseCircleFilled className="task-checklist__missing" aria-hidden />
              ) : (
                <CheckCircleFilled className="task-checklist__ok" aria-hidden />
              )}
              <span>
                <strong>{t(`clarity.${key}`)}</strong>
                {" — "}
                <span className={lacks ? "task-checklist__missing" : undefined}>
                  {lacks ? t("clarity.missing") : t("clarity.met")}
                </span>
                {lacks && why && <span className="task-muted"> ({why})</span>}
              </span>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
