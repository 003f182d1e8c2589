import "../../test-timing";

import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { tokenStore } from "../../../../lib/api";
import { json, problem, stubFetch, type Call } from "../../../../test/fetch";
import { renderWithProviders } from "../../../../test/render";
import { share, SYT, TASK_ID, taskDetail } from "../../test-fixtures";
import { ProgressForm } from "./ProgressForm";

const EVIDENCE_ID = "1d2492d6-72dd-4b25-81b7-30ac6a68e95b";

const uploaded = {
  id: EVIDENCE_ID,
  kind: "file",
  title: "bao-cao.pdf",
  document_number: null,
  document_date: null,
  url: null,
  filename: "bao-cao.pdf",
  content_type: "application/pdf",
  size: 5,
  sha256: null,
  agency_id: SYT,
  author: "syt.canbo",
  created_at: "2026-11-23T23:25:25Z",
};

function fieldOf(label: string): HTMLElement {
  const item = screen.getByLabelText(label).closest(".ant-form-item");
  if (!(item instanceof HTMLElement)) throw new Error(`no form item for ${label}`);
  return item;
}

describe("ProgressForm", () => {
  it("uploads the file, then reports percent with its evidence id, and puts the API's reason beside the percent", async () => {
    tokenStore.setSession({ accessToken: "access", refreshToken: "refresh" });
    let attempts = 0;
    const { calls } = stubFetch({
      "POST /api/v1/tasks/233c0dc1-46eb-443c-bbb4-f9e2f5a78b8c/evidence": () => json(uploaded, 201),
      "POST /api/v1/tasks/233c0dc1-46eb-443c-bbb4-f9e2f5a78b8c/progress": () =>
        ++attempts === 1
          ? problem(422, "Dữ liệu không hợp lệ", "percent: Báo cáo hoàn thành phải là 100%.", [
              { field: "percent", message: "Báo cáo hoàn thành phải là 100%." },
            ])
          : json(taskDetail(), 201),
      "GET /api/v1/tasks/233c0dc1-46eb-443c-bbb4-f9e2f5a78b8c": () => json(taskDetail()),
    });
    renderWithProviders(<ProgressForm taskId={TASK_ID} shares={[share()]} />);
    const user = userEvent.setup();

    await user.upload(
      screen.getByLabelText(/Tệp minh chứng/),
      new File(["%PDF-"], "bao-cao.pdf", { type: "application/pdf" }),
    );
    expect(await screen.findByText("bao-cao.pdf")).toBeInTheDocument();
    const upload = calls.find((call) => call.path.endsWith("/evidence"));
    expect(String(upload?.body)).toContain('filename="bao-cao.pdf"');
    expect(upload?.headers.get("idempotency-key")).toBeTruthy();

    const percent = screen.getByLabelText("Phần trăm hoàn thành");
    await user.clear(percent);
    await user.type(percent, "80");
    await user.click(screen.getByLabelText("Nội dung"));
    await user.paste("Đã triển khai tại 3 bệnh viện");
    await user.click(screen.getByRole("checkbox", { name: "Báo cáo hoàn thành" }));
    await user.click(screen.getByRole("button", { name: "Gửi báo cáo" }));

    expect(await within(fieldOf("Phần trăm hoàn thành")).findByText("Báo cáo hoàn thành phải là 100%.")).toBeInTheDocument();
    const reports = () => calls.filter((call: Call) => call.path.endsWith("/progress"));
    expect(reports()[0]?.body).toEqual({
      agency_id: SYT,
      percent: 80,
      narrative: "Đã triển khai tại 3 bệnh viện",
      submit: true,
      evidence_ids: [EVIDENCE_ID],
      evidence: [],
    });
    const key = reports()[0]?.headers.get("idempotency-key");
    expect(key).toBeTruthy();

    await user.clear(percent);
    await user.type(percent, "100");
    await user.click(screen.getByRole("button", { name: "Gửi báo cáo" }));

    expect(await screen.findByText("Đã gửi báo cáo hoàn thành; đang chờ thẩm định.")).toBeInTheDocument();
    expect(reports()[1]?.body).toMatchObject({ percent: 100, submit: true, evidence_ids: [EVIDENCE_ID] });
    // the same intent, retried after a refusal, keeps its key; the next report gets a new one
    expect(reports()[1]?.headers.get("idempotency-key")).toBe(key);
  });

  it("lets the user drop an uploaded file before sending", async () => {
    tokenStore.setSession({ accessToken: "access", refreshToken: "refresh" });
    const { calls } = stubFetch({
      "POST /api/v1/tasks/233c0dc1-46eb-443c-bbb4-f9e2f5a78b8c/evidence": () => json(uploaded, 201),
      "POST /api/v1/tasks/233c0dc1-46eb-443c-bbb4-f9e2f5a78b8c/progress": () => json(taskDetail(), 201),
      "GET /api/v1/tasks/233c0dc1-46eb-443c-bbb4-f9e2f5a78b8c": () => json(taskDetail()),
    });
    renderWithProviders(<ProgressForm taskId={TASK_ID} shares={[share({ role: "coordinator" })]} />);
    const user = userEvent.setup();

    await user.upload(screen.getByLabelText(/Tệp minh chứng/), new File(["x"], "bao-cao.pdf"));
    await user.click(await screen.findByRole("button", { name: "Bỏ tệp bao-cao.pdf" }));
    expect(screen.queryByRole("checkbox", { name: "Báo cáo hoàn thành" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Gửi báo cáo" }));

    await waitFor(() => expect(calls.some((call) => call.path.endsWith("/progress"))).toBe(true));
    expect(calls.find((call) => call.path.endsWith("/progress"))?.body).toMatchObject({ evidence_ids: [], submit: false });
  });

  it("asks which agency reports when the caller belongs to several assigned ones", async () => {
    tokenStore.setSession({ accessToken: "access", refreshToken: "refresh" });
    const hospital = "11eed718-8615-4dc6-8cb7-0bdbef060ea7";
    const { calls } = stubFetch({
      "POST /api/v1/tasks/233c0dc1-46eb-443c-bbb4-f9e2f5a78b8c/progress": () => json(taskDetail(), 201),
      "GET /api/v1/tasks/233c0dc1-46eb-443c-bbb4-f9e2f5a78b8c": () => json(taskDetail()),
    });
    renderWithProviders(
      <ProgressForm
        taskId={TASK_ID}
        shares={[share({ role: "coordinator" }), share({ id: "s2", agency_id: hospital, agency_name: "BVĐK tỉnh" })]}
      />,
    );
    const user = userEvent.setup();

    await user.click(screen.getByLabelText("Đơn vị báo cáo"));
    await user.click(await screen.findByText("BVĐK tỉnh — Chủ trì"));
    await user.click(screen.getByRole("button", { name: "Gửi báo cáo" }));

    await waitFor(() => expect(calls.some((call) => call.path.endsWith("/progress"))).toBe(true));
    expect(calls.find((call) => call.path.endsWith("/progress"))?.body).toMatchObject({ agency_id: hospital });
  });
});
