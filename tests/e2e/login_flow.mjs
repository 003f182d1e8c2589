// Signing in and out, the header and the phone menu, in Debian's headless Chromium against a running gateway.
//   GATEWAY_URL=http://127.0.0.1:8000 SCREENSHOT_DIR=/tmp/shots node tests/e2e/login_flow.mjs
import path from "node:path";

import {
  check,
  GATEWAY_URL,
  logIn,
  loginForm,
  noHorizontalScroll,
  PHONE,
  runFlow,
  SCREENSHOT_DIR,
  step,
  VIETNAMESE_LETTER,
} from "./harness.mjs";

const USERNAME = "coordinator";

async function expectLoginForm(page) {
  const form = loginForm(page);
  await form.submit.waitFor({ state: "visible" });
  check(await form.username.isVisible(), "the login form has no visible 'Tên đăng nhập' field");
  check(new URL(page.url()).pathname === "/login", `expected to be on /login, got ${page.url()}`);
}

async function openAccountMenu(page) {
  await page.getByRole("button", { name: /Tài khoản đang đăng nhập/ }).click();
  await page.getByRole("menuitem", { name: "Đăng xuất" }).waitFor();
  await page.waitForTimeout(400); // the menu zooms in: a click during the animation can land on its neighbour
}

await runFlow("login flow", async (open) => {
  const page = await open("coordinator");

  await step(`open ${GATEWAY_URL}: the login form, in Vietnamese`, async () => {
    const response = await page.goto(GATEWAY_URL, { waitUntil: "domcontentloaded" });
    check(response?.ok(), `GET ${GATEWAY_URL} answered ${response?.status()}`);
    check((await page.getAttribute("html", "lang")) === "vi", "<html lang> is not 'vi'");
    await expectLoginForm(page);
  });

  await step(`log in as ${USERNAME}: the overview, the account menu names the agency and role`, async () => {
    await logIn(page, USERNAME);
    await page.getByRole("heading", { level: 1, name: "Tổng quan" }).waitFor();
    await openAccountMenu(page);
    const menu = page.getByRole("menu");
    await menu.getByText("Sở Khoa học và Công nghệ", { exact: false }).waitFor();
    await menu.getByText("Cơ quan thường trực", { exact: false }).waitFor();
    await page.keyboard.press("Escape");
  });

  await step("at 360 px the navigation is a drawer behind the menu button", async () => {
    await page.setViewportSize(PHONE);
    const menu = page.getByRole("button", { name: "Menu" });
    await menu.waitFor();
    await noHorizontalScroll(page);
    await menu.click();
    await page.getByRole("navigation").getByRole("link", { name: "Việc của đơn vị" }).waitFor();
    check((await menu.getAttribute("aria-expanded")) === "true", "the menu button does not report aria-expanded");
    await page.waitForTimeout(500); // the drawer slides in
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "menu-360.png") });
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "hidden" });
  });

  await step("log out from the account menu", async () => {
    await openAccountMenu(page);
    await page.getByRole("menuitem", { name: "Đăng xuất" }).click();
    await expectLoginForm(page);
  });

  await step("a wrong password shows a Vietnamese error", async () => {
    const form = loginForm(page);
    await form.username.fill(USERNAME);
    await form.password.fill("mat-khau-sai-123");
    await form.submit.click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    const text = (await alert.innerText()).trim();
    check(VIETNAMESE_LETTER.test(text), `the error is not in Vietnamese: "${text}"`);
    await expectLoginForm(page);
  });
});
