import type { IndicatorDetail, IndicatorRead, Series, ValueRead } from "../api/types";

export const SYT = { id: "a69e17e8-358e-49d4-9a47-a4433d890e3f", name: "Sở Y tế" };
export const INDICATOR_ID = "4f8fdc84-5ce3-4af5-88f5-c0095712f7a6";

export function indicatorRead(overrides: Partial<IndicatorRead> = {}): IndicatorRead {
  return {
    id: INDICATOR_ID,
    plan_key: "7316-KH-UBND",
    parent_id: null,
    tt: "3.1",
    text: "100% các cơ sở y tế đảm bảo hạ tầng Công nghệ thông tin hiện đại",
    part_label: "Chỉ tiêu các nhiệm vụ có tính trọng tâm",
    part_kind: "trong_tam",
    milestone_year: 2030,
    milestone_label: "Đến hết năm 2030",
    sector: "y_te",
    sector_label: "Y tế",
    metric_key: null,
    comparator: "gte",
    target_value: "100",
    target_low: null,
    target_high: null,
    target_text: "100%",
    unit: "percent",
    unit_label: "%",
    monitoring_agency: SYT,
    monitoring_text: "Sở Y tế",
    aggregation: "manual",
    periodicity: "year",
    needs_review: false,
    review_reasons: [],
    status: "on_track",
    status_label: "Đúng tiến độ",
    attainment: "0.6615",
    current_value: "66.15",
    current_period: "2025",
    projected_value: "100.0000",
    composite: false,
    ...overrides,
  };
}

export function indicatorDetail(overrides: Partial<IndicatorDetail> = {}): IndicatorDetail {
  return {
    ...indicatorRead(),
    plan_symbol: "7316/KH-UBND",
    baseline_value: null,
    baseline_year: null,
    baseline_source: null,
    data_source: null,
    note: "",
    per_year: false,
    manual_status: null,
    assessment: { reason: "Theo xu hướng hiện tại, dự kiến cuối năm 2030 ở mức 100%." },
    assessed_at: "2026-11-23T23:20:59Z",
    contributors: [{ agency: SYT, written: "Sở Y tế", split_target: null, split_unit_label: null, weight: null }],
    parts: [],
    linked: [],
    can_define: false,
    can_report_for: [SYT.id],
    version: 1,
    ...overrides,
  };
}

export function valueRead(overrides: Partial<ValueRead> = {}): ValueRead {
  return {
    id: "0c3dd2d1-ebb9-4cd7-bac1-3f8b8e402a04",
    indicator_id: INDICATOR_ID,
    indicator_text: "100% các cơ sở y tế đảm bảo hạ tầng Công nghệ thông tin hiện đại",
    indicator_tt: "3.1",
    agency_id: SYT.id,
    agency_name: SYT.name,
    period: "2026",
    period_label: "Năm 2026",
    due_on: "2026-12-14",
    value: "75",
    numerator: null,
    denominator: null,
    claimed_status: null,
    note: "Đã rà soát 40 cơ sở",
    source: "Báo cáo Sở Y tế",
    evidence: [{ title: "Báo cáo số 12/BC-SYT", url: "https://syt.phutho.gov.vn/bc-12" }],
    state: "submitted",
    state_label: "Chờ thẩm định",
    return_reason: null,
    late: false,
    author: "syt.canbo",
    submitted_at: "2026-11-20T02:30:00Z",
    submitted_by: "syt.canbo",
    reviewed_at: null,
    reviewed_by: null,
    demo: false,
    version: 3,
    revisions: [],
    ...overrides,
  };
}

export function series(overrides: Partial<Series> = {}): Series {
  return {
    indicator_id: INDICATOR_ID,
    unit: "percent",
    unit_label: "%",
    province: [
      { period: "2024", period_label: "Năm 2024", end: "2024-12-31", value: "58.58", reported: 1, expected: 1, demo: true },
      { period: "2025", period_label: "Năm 2025", end: "2025-12-31", value: "66.15", reported: 1, expected: 1, demo: true },
    ],
    agencies: [{ agency: SYT, period: "2026", value: "99", state: "submitted", late: false }],
    targets: [{ year: 2030, indicator_id: INDICATOR_ID, comparator: "gte", value: "100", low: null, high: null }],
    projection: [
      { year: 2025, value: "66.15" },
      { year: 2030, value: "100.0000" },
    ],
    status: "on_track",
    assessment: {},
    ...overrides,
  };
}
