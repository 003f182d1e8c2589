import { Tag } from "antd";

import type { IndicatorStatus } from "../api/types";
import { useVocabulary } from "../i18n";

const COLORS: Record<IndicatorStatus, string> = {
  achieved: "success",
  on_track: "processing",
  needs_acceleration: "warning",
  at_risk: "error",
  no_data: "default",
};

export function StatusTag({ status }: { status: IndicatorStatus }) {
  const vocabulary = useVocabulary();
  return (
    <Tag color={COLORS[status]} data-status={status}>
      {vocabulary.status(status)}
    </Tag>
  );
}

const STATE_COLORS: Record<string, string> = {
  draft: "default",
  submitted: "processing",
  accepted: "success",
  returned: "error",
};

/** A reported value's state, in the API's own words (`state_label`). */
export function ValueStateTag({ state, label }: { state: string; label: string }) {
  return (
    <Tag color={STATE_COLORS[state] ?? "default"} data-state={state}>
      {label}
    </Tag>
  );
}
