// The main screens the flows do not already photograph (Tổng quan, Thông báo, the indicator chart and its
// review queue come from task_report_flow and indicator_flow), at 1366 and 360 px with the seed plans' data,
// as the README shows them; each is opened by the user who works there and checked for sideways scrolling.
//   GATEWAY_URL=http://127.0.0.1:8000 SCREENSHOT_DIR=docs/screenshots node tests/e2e/screens.mjs
import { apiAs, check, GATEWAY_URL, logIn, runFlow, screenshots, step } from "./harness.mjs";

async function screen(page, name, address, heading) {
  await step(`${name}: ${address}`, async () => {
    await page.goto(`${GATEWAY_URL}${address}`, { waitUntil: "domcontentloaded" });
    await page.getByRole("heading", { level: 1, name: heading }).waitFor();
    await screenshots(page, name);
  });
}

await runFlow("main screens", async (open) => {
  const coordinator = await open("coordinator");
  await logIn(coordinator, "coordinator");
  await screen(coordinator, "ke-hoach", "/plans", "Kế hoạch");
  const plans = await (await apiAs("coordinator")).get("/api/v1/tasks/plans");
  const plan = plans.items.find((p) => p.symbol === "7316/KH-UBND") ?? plans.items[0];
  check(plan, "no plan in the seed data");
  await screen(coordinator, "ke-hoach-chi-tiet", `/plans/${plan.id}`, /./);
  await screen(coordinator, "chi-tieu", "/indicators", "Chỉ tiêu");
  const officer = await open("vietri.canbo");
  await logIn(officer, "vietri.canbo");
  await screen(officer, "viec-cua-don-vi", "/tasks", "Việc của đơn vị");
  const mine = await (await apiAs("vietri.canbo")).get("/api/v1/tasks?mine=true&limit=1&sort=due");
  await screen(officer, "nhiem-vu", `/tasks/${mine.items[0].id}`, /./);
  await screen(officer, "tuy-chon-thong-bao", "/notifications/preferences", "Tuỳ chọn nhận thông báo");

  const admin = await open("admin");
  await logIn(admin, "admin");
  await screen(admin, "quan-tri-don-vi", "/admin/agencies", "Quản trị");
  await screen(admin, "quan-tri-nguoi-dung", "/admin/users", "Quản trị");
  await screen(admin, "quan-tri-ung-dung", "/admin/clients", "Quản trị");
  await screen(admin, "quan-tri-nhap-du-lieu", "/admin/imports", "Quản trị");
});
