// One colour per status, the same on every chart; the accessible lists repeat it as a swatch beside the name.
export const TASK_STATUS_COLORS: Record<string, string> = {
  not_started: "#8595a8",
  in_progress: "#1677ff",
  awaiting_condition: "#6941c6",
  submitted: "#0e7c86",
  returned: "#d46b08",
  completed_on_time: "#1e6b3a",
  completed_after_extension: "#52a86b",
  completed_late: "#a0b83a",
  cancelled: "#4a5868",
};

export const INDICATOR_STATUS_COLORS: Record<string, string> = {
  achieved: "#1e6b3a",
  on_track: "#1677ff",
  needs_acceleration: "#d4a106",
  at_risk: "#b42318",
  no_data: "#a9b4c2",
};

export const SHARE_COLORS = { completed: "#1e6b3a", overdue: "#b42318", open: "#7fa7d1" } as const;
