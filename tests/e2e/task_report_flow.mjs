// Flow 1: a commune officer finds a task by typing without accents and reports 50 % with an evidence file; the
// standing agency sees the update on the overview and returns it with a reason; the officer's bell and inbox
// show it live. Flow 3 rides on the same task: an officer of another agency cannot open it by its address.
//   GATEWAY_URL=http://127.0.0.1:8000 SCREENSHOT_DIR=/tmp/shots node tests/e2e/task_report_flow.mjs
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { apiAs, check, GATEWAY_URL, logIn, runFlow, screenshots, settled, step } from "./harness.mjs";

const RUN = Date.now().toString(36).slice(-5).toUpperCase();
const TITLE = `Phường Việt Trì hỗ trợ hộ kinh doanh chuyển đổi số, đợt ${RUN}`;
const TYPED = `ho kinh doanh chuyen doi so, dot ${RUN.toLowerCase()}`;
const REASON = "Ảnh minh chứng bị mờ, đề nghị chụp lại";

async function bellCount(page) {
  const label = await page.getByTestId("notification-bell").getAttribute("aria-label");
  const match = /(\d+)/.exec(label ?? "");
  return match ? Number(match[1]) : 0;
}

/**
 * The standing agency breaks one of its own tasks down for Phường Việt Trì. A child is seen by whoever sees its
 * parent, so the parent is one Sở Y tế has no part in: the child is then the ward's, not Sở Y tế's.
 */
async function giveTaskToTheWard() {
  const coordinator = await apiAs("coordinator");
  const health = await apiAs("syt.canbo");
  const me = await coordinator.get("/api/v1/auth/me");
  const agencies = await coordinator.get("/api/v1/agencies?q=Viet%20Tri&kind=commune");
  const ward = agencies.items.find((a) => a.code === "PHUONG_VIET_TRI");
  check(ward, "Phường Việt Trì is not in the directory");
  const own = await coordinator.get(`/api/v1/tasks?agency_id=${me.agency.id}&role=lead&top_level=true&limit=100`);
  let parent = null;
  for (const candidate of own.items) {
    if ((await health.status(`/api/v1/tasks/${candidate.id}`)) === 404) {
      parent = candidate;
      break;
    }
  }
  check(parent, "every task the standing agency leads is also Sở Y tế's: no private parent to cascade from");
  return coordinator.post(
    `/api/v1/tasks/${parent.id}/children`,
    { title: TITLE, result: "Báo cáo kết quả hỗ trợ", lead_agency_ids: [ward.id], deadline_text: "Quý IV/2026" },
    { "Idempotency-Key": `e2e-${RUN}` },
  );
}

await runFlow("task report flow", async (open) => {
  const task = await step("the standing agency gives Phường Việt Trì a task (API)", giveTaskToTheWard);
  const evidence = path.join(os.tmpdir(), `bien-ban-${RUN}.pdf`);
  await writeFile(evidence, "%PDF-1.4\n% biên bản kiểm tra\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

  const officer = await open("vietri.canbo");
  await step("the ward's officer finds the task by typing without accents", async () => {
    await logIn(officer, "vietri.canbo");
    await officer.getByRole("navigation").getByRole("link", { name: "Việc của đơn vị" }).click();
    await officer.getByRole("heading", { level: 1, name: "Việc của đơn vị" }).waitFor();
    await officer.getByLabel("Tìm kiếm").fill(TYPED);
    await officer.waitForURL((url) => url.searchParams.get("q") === TYPED); // kept in the address
    await officer.getByRole("link", { name: TITLE }).first().waitFor();
    await officer.getByRole("link", { name: TITLE }).first().click();
    await officer.getByRole("heading", { level: 1, name: new RegExp(TITLE) }).waitFor();
  });

  await step("reports 50 % with an evidence file", async () => {
    await officer.getByLabel("Phần trăm hoàn thành").fill("50");
    await officer.getByLabel("Nội dung", { exact: true }).fill("Đã hỗ trợ 12 hộ kinh doanh mở tài khoản thanh toán số");
    await officer.getByLabel("Tệp minh chứng").setInputFiles(evidence);
    await officer.getByText("Đã tải lên").first().waitFor();
    await officer.getByRole("button", { name: "Gửi báo cáo" }).click();
    await officer.getByText("Đã gửi báo cáo tiến độ.").first().waitFor();
    await officer.getByTestId("task-timeline").getByText(path.basename(evidence)).first().waitFor();
    await settled(officer);
  });

  const unreadBefore = await bellCount(officer);

  const coordinator = await open("coordinator");
  await step("the standing agency sees the update on the overview", async () => {
    await logIn(coordinator, "coordinator");
    await coordinator.getByRole("heading", { level: 1, name: "Tổng quan" }).waitFor();
    const recent = coordinator.getByTestId("dashboard-recent");
    const row = recent.getByTestId("recent-task").filter({ has: coordinator.getByRole("link", { name: TITLE }) });
    await row.getByTestId("recent-task-percent").filter({ hasText: "50%" }).waitFor();
    await screenshots(coordinator, "tong-quan");
    await row.getByRole("link", { name: TITLE }).click();
  });

  await step("and returns it with a reason", async () => {
    await coordinator.getByRole("heading", { level: 1, name: new RegExp(TITLE) }).waitFor();
    const review = coordinator.getByTestId("task-review");
    await review.getByRole("button", { name: /Trả lại/ }).first().click();
    await coordinator.getByRole("dialog").getByLabel("Lý do trả lại").fill(REASON);
    await coordinator.getByRole("dialog").getByRole("button", { name: "Xác nhận trả lại" }).click();
    await coordinator.getByTestId("task-shares").getByText("Bị trả lại").first().waitFor();
  });

  await step("the officer's bell and inbox show it live, without reloading", async () => {
    await officer.waitForFunction(
      (before) => {
        const label = document.querySelector('[data-testid="notification-bell"]')?.getAttribute("aria-label") ?? "";
        return Number((/(\d+)/.exec(label) ?? [0, 0])[1]) > before;
      },
      unreadBefore,
      { timeout: 30_000 },
    );
    await officer.getByTestId("notification-toast").waitFor();
    await officer.getByTestId("notification-bell").click();
    await officer.getByRole("heading", { level: 1, name: "Thông báo" }).waitFor();
    const item = officer.locator('[data-testid^="inbox-item-"][data-unread="true"]').filter({ hasText: TITLE });
    await item.first().waitFor();
    check(await bellCount(officer) > unreadBefore, "the bell did not count the new notice");
    await screenshots(officer, "thong-bao");
  });

  const stranger = await open("syt.canbo");
  await step("an officer of Sở Y tế cannot open the ward's task by its address", async () => {
    await logIn(stranger, "syt.canbo");
    await stranger.goto(`${GATEWAY_URL}/tasks/${task.id}`, { waitUntil: "domcontentloaded" });
    await stranger.getByText("Không tìm thấy nhiệm vụ hoặc bạn không có quyền xem").first().waitFor();
    check(!(await stranger.getByText(TITLE).count()), "Sở Y tế's officer sees the ward's task title");
    await stranger.goto(`${GATEWAY_URL}/tasks?q=${encodeURIComponent(TYPED)}`, { waitUntil: "domcontentloaded" });
    await stranger.getByRole("heading", { level: 1, name: "Việc của đơn vị" }).waitFor();
    await settled(stranger);
    check(!(await stranger.getByText(TITLE).count()), "Sở Y tế's officer finds the ward's task in the list");
  });
});
