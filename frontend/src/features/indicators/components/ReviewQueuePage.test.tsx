import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { json, stubFetch } from "../../../test/fetch";
import { renderWithProviders } from "../../../test/render";
import { INDICATOR_ID, indicatorDetail, valueRead } from "../testing/fixtures";
import { ReviewQueuePage } from "./ReviewQueuePage";

configure({ asyncUtilTimeout: 20_000 });

const VALUE = valueRead();
const REVIEW = `POST /api/v1/indicators/values/${VALUE.id}/review`;

function stub() {
  let waiting = [VALUE];
  return stubFetch({
    "GET /api/v1/indicators/review-queue": () => json({ items: waiting, next_cursor: null }),
    [`GET /api/v1/indicators/${INDICATOR_ID}`]: () => json(indicatorDetail()),
    [REVIEW]: () => {
      waiting = [];
      return json(valueRead({ state: "returned", version: 4 }));
    },
  });
}

describe("ReviewQueuePage", { timeout: 240_000 }, () => {
  it("shows what waits, with the value against its target", async () => {
    stub();
    renderWithProviders(<ReviewQueuePage />);

    const item = await screen.findByRole("article", { name: /hạ tầng Công nghệ thông tin/ });
    expect(within(item).getByText("Năm 2026")).toBeInTheDocument();
    expect(within(item).getByText("Sở Y tế")).toBeInTheDocument();
    expect(await within(item).findByText("75 % so với chỉ tiêu ≥ 100 %")).toBeInTheDocument();
    expect(within(item).getByRole("link", { name: "Báo cáo số 12/BC-SYT" })).toHaveAttribute("href", "https://syt.phutho.gov.vn/bc-12");
  });

  it("returns a value only with a reason, then drops it from the queue", async () => {
    const user = userEvent.setup({ delay: null });
    const { calls } = stub();
    renderWithProviders(<ReviewQueuePage />);

    const item = await screen.findByRole("article", { name: /hạ tầng Công nghệ thông tin/ });
    await user.click(within(item).getByText("Trả lại"));
    const dialog = await screen.findByRole("dialog");
    await user.click(within(dialog).getByText("Xác nhận trả lại"));

    expect(await within(dialog).findByText("Vui lòng nêu lý do trả lại.")).toBeInTheDocument();
    expect(calls.some((c) => c.method === "POST")).toBe(false);

    await user.type(within(dialog).getByLabelText("Lý do trả lại"), "Thiếu minh chứng số liệu");
    await user.click(within(dialog).getByText("Xác nhận trả lại"));

    await waitFor(() => expect(calls.filter((c) => c.method === "POST")).toHaveLength(1));
    const post = calls.find((c) => c.method === "POST");
    expect(post?.body).toEqual({ decision: "return", reason: "Thiếu minh chứng số liệu" });
    expect(post?.headers.get("if-match")).toBe('"3"');
    expect(post?.headers.get("idempotency-key")).toBeTruthy();
    expect(await screen.findByText("Không có số liệu chờ thẩm định")).toBeInTheDocument();
  });

  it("accepts a value with the version it was shown at", async () => {
    const user = userEvent.setup({ delay: null });
    const { calls } = stub();
    renderWithProviders(<ReviewQueuePage />);

    const item = await screen.findByRole("article", { name: /hạ tầng Công nghệ thông tin/ });
    await user.click(within(item).getByText("Chấp nhận"));

    await waitFor(() => expect(calls.filter((c) => c.method === "POST")).toHaveLength(1));
    const post = calls.find((c) => c.method === "POST");
    expect(post?.path).toBe(`/api/v1/indicators/values/${VALUE.id}/review`);
    expect(post?.body).toEqual({ decision: "accept", reason: "" });
    expect(post?.headers.get("if-match")).toBe('"3"');
    expect(await screen.findByText("Không có số liệu chờ thẩm định")).toBeInTheDocument();
  });

  it("says so when nothing waits", async () => {
    stubFetch({ "GET /api/v1/indicators/review-queue": () => json({ items: [], next_cursor: null }) });
    renderWithProviders(<ReviewQueuePage />);
    expect(await screen.findByText("Không có số liệu chờ thẩm định")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "Thẩm định số liệu chỉ tiêu" })).toBeInTheDocument();
  });
});
