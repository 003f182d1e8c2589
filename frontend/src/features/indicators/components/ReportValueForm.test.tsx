import { configure, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { json, problem, stubFetch, type Call } from "../../../test/fetch";
import { renderWithProviders } from "../../../test/render";
import { INDICATOR_ID, SYT, indicatorDetail, valueRead } from "../testing/fixtures";
import { ReportValueForm } from "./ReportValueForm";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const POST = `POST /api/v1/indicators/${INDICATOR_ID}/values`;

function stub(answer: (call: Call) => Response) {
  return stubFetch({
    "GET /api/v1/agencies": () => json({ items: [], next_cursor: null }),
    [POST]: answer,
  });
}

// getByRole walks the whole antd tree for accessible names; text is as precise here and far cheaper in jsdom
function button(text: string): HTMLElement {
  const found = screen.getByText(text, { selector: "button > span" }).closest("button");
  if (!found) throw new Error(`no button ${text}`);
  return found;
}

// one input event per field instead of one per character: each keystroke re-renders the whole antd form
async function fill(user: ReturnType<typeof userEvent.setup>, label: string, text: string) {
  await user.click(screen.getByLabelText(label));
  await user.paste(text);
}

function renderForm() {
  return renderWithProviders(
    <ReportValueForm
      indicator={indicatorDetail()}
      values={[valueRead({ period: "2025", period_label: "Năm 2025", state: "accepted" })]}
      editing={null}
      onDone={vi.fn()}
      today="2026-11-20"
    />,
  );
}

// antd forms are heavy in jsdom; on a busy machine a render alone can take seconds
configure({ asyncUtilTimeout: 20_000 });

describe("ReportValueForm", { timeout: 240_000 }, () => {
  it("saves a draft, then sends the next report for review, each with its own idempotency key", async () => {
    const user = userEvent.setup({ delay: null });
    const { calls } = stub((call) =>
      json(valueRead({ state: (call.body as { submit: boolean }).submit ? "submitted" : "draft" }), 201),
    );
    renderForm();

    await fill(user, "Giá trị", "75.5");
    await fill(user, "Nguồn số liệu", "Báo cáo Sở Y tế");
    await user.click(button("Thêm minh chứng"));
    await fill(user, "Tên minh chứng", "Báo cáo số 12/BC-SYT");
    await fill(user, "Đường dẫn", "https://syt.phutho.gov.vn/bc-12");
    await user.click(button("Lưu nháp"));

    await waitFor(() => expect(calls.filter((c) => c.method === "POST")).toHaveLength(1));
    const draft = calls.find((c) => c.method === "POST");
    expect(draft?.body).toEqual({
      period: "2026",
      agency_id: SYT.id,
      value: 75.5,
      note: "",
      source: "Báo cáo Sở Y tế",
      evidence: [{ title: "Báo cáo số 12/BC-SYT", document_number: null, document_date: null, url: "https://syt.phutho.gov.vn/bc-12" }],
      submit: false,
    });
    const firstKey = draft?.headers.get("idempotency-key");
    expect(firstKey).toMatch(UUID);
    expect(await screen.findByText("Đã lưu nháp số liệu Năm 2026.")).toBeInTheDocument();

    await waitFor(() => expect(screen.getByLabelText("Giá trị")).toHaveValue(""));
    await fill(user, "Giá trị", "80");
    await user.click(button("Gửi thẩm định"));

    await waitFor(() => expect(calls.filter((c) => c.method === "POST")).toHaveLength(2));
    const sent = calls.filter((c) => c.method === "POST")[1];
    expect(sent?.body).toMatchObject({ period: "2026", agency_id: SYT.id, value: 80, submit: true, evidence: [] });
    expect(sent?.headers.get("idempotency-key")).toMatch(UUID);
    expect(sent?.headers.get("idempotency-key")).not.toBe(firstKey);
  });

  it("does not offer a period the agency already reported", async () => {
    const user = userEvent.setup({ delay: null });
    stub(() => json({}, 201));
    renderForm();

    await user.click(screen.getByLabelText("Kỳ báo cáo"));
    const taken = await screen.findByRole("option", { name: "Năm 2025 (đã có số liệu)" });
    expect(taken).toHaveAttribute("aria-disabled", "true");
  });

  it("puts the server's reason beside “Giá trị”", async () => {
    const user = userEvent.setup({ delay: null });
    stub(() =>
      problem(422, "Dữ liệu không hợp lệ", "value: Giá trị theo tỷ lệ phần trăm phải từ 0 đến 100", [
        { field: "value", message: "Giá trị theo tỷ lệ phần trăm phải từ 0 đến 100" },
      ]),
    );
    renderForm();

    await fill(user, "Giá trị", "150");
    await user.click(button("Gửi thẩm định"));

    const field = screen.getByLabelText("Giá trị");
    await waitFor(() => expect(field).toHaveAccessibleDescription("Giá trị theo tỷ lệ phần trăm phải từ 0 đến 100"));
    expect(screen.getByRole("alert")).toHaveTextContent("Dữ liệu không hợp lệ");
  });

  it("asks for the value before calling the server", async () => {
    const user = userEvent.setup({ delay: null });
    const { calls } = stub(() => json({}, 201));
    renderForm();

    await user.click(button("Lưu nháp"));

    expect(await screen.findByText("Vui lòng nhập giá trị.")).toBeInTheDocument();
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(0);
  });
});
