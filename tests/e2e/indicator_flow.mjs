// Flow 2: an agency reports an indicator's value for this year and sends it for review; the monitoring agency
// accepts it from its review queue; the indicator's chart (and the table beside it) shows the value.
//   GATEWAY_URL=http://127.0.0.1:8000 SCREENSHOT_DIR=/tmp/shots node tests/e2e/indicator_flow.mjs
import { apiAs, check, GATEWAY_URL, logIn, runFlow, screenshots, step } from "./harness.mjs";

const YEAR = new Date().getFullYear();
const VALUE = "72.25";
const SHOWN = "72,25 %"; // Vietnamese decimal comma

/** Plan 7316/KH-UBND, item 3.1: Sở Y tế reports it and monitors it (Phụ lục I). */
async function findIndicator() {
  const health = await apiAs("syt.canbo");
  const found = await health.get(
    `/api/v1/indicators?plan=7316-KH-UBND&q=${encodeURIComponent("co so y te dam bao ha tang cong nghe thong tin")}`,
  );
  const indicator = found.items.find((item) => item.tt === "3.1");
  check(indicator, "item 3.1 of 7316/KH-UBND is not in the seed indicators");
  return indicator;
}

await runFlow("indicator flow", async (open) => {
  const indicator = await step("find the hospital IT indicator (API)", findIndicator);
  const address = `${GATEWAY_URL}/indicators/${indicator.id}`;

  const officer = await open("syt.canbo");
  await step(`Sở Y tế's officer reports ${VALUE} % for ${YEAR} and sends it for review`, async () => {
    await logIn(officer, "syt.canbo");
    await officer.goto(address, { waitUntil: "domcontentloaded" });
    const form = officer.getByRole("region", { name: "Báo cáo số liệu" });
    await form.getByLabel("Giá trị").fill(VALUE);
    await form.getByRole("button", { name: "Gửi thẩm định", exact: true }).click();
    await officer.getByText(`Đã gửi số liệu Năm ${YEAR} để thẩm định.`).waitFor();
    const row = officer.getByTestId("indicator-values-table").getByRole("row").filter({ hasText: `Năm ${YEAR}` });
    await row.getByText("Chờ thẩm định").first().waitFor();
  });

  const manager = await open("syt.lanhdao");
  await step("the monitoring agency accepts it from its review queue", async () => {
    await logIn(manager, "syt.lanhdao");
    await manager.getByRole("navigation").getByRole("link", { name: "Chỉ tiêu" }).click();
    await manager.getByTestId("review-queue-link").click();
    await manager.getByRole("heading", { level: 1, name: "Thẩm định số liệu chỉ tiêu" }).waitFor();
    const item = manager
      .getByRole("article")
      .filter({ has: manager.locator(`a[href="/indicators/${indicator.id}"]`) })
      .first();
    await item.getByText(SHOWN).first().waitFor();
    await screenshots(manager, "tham-dinh-chi-tieu");
    await item.getByRole("button", { name: "Chấp nhận" }).click();
    await manager.getByText(new RegExp(`Đã chấp nhận số liệu Năm ${YEAR}`)).first().waitFor();
  });

  await step("the indicator's chart shows the accepted value", async () => {
    await officer.goto(address, { waitUntil: "domcontentloaded" });
    await officer.getByTestId("indicator-chart").waitFor();
    const point = officer.getByTestId("indicator-series-table").locator(`tr[data-period="${YEAR}"]`);
    await point.getByText(SHOWN).first().waitFor();
    check((await point.innerText()).includes("Đã chấp nhận"), `the ${YEAR} point is not marked accepted`);
    const svgText = await officer.getByTestId("indicator-chart").innerText().catch(() => "");
    check(!svgText || !svgText.includes("NaN"), "the chart draws NaN");
    await screenshots(officer, "chi-tieu-chi-tiet");
  });
});
