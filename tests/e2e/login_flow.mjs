// End-to-end check of the login flow against a running gateway, in Debian's headless Chromium.
//   GATEWAY_URL=http://127.0.0.1:8000 SCREENSHOT_DIR=/tmp/shots node tests/e2e/login_flow.mjs
// Needs `npm ci` in frontend/ (playwright-core comes from there); exits non-zero with a reason on failure.
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const frontendDir = path.resolve(here, "../../frontend");
const { chromium } = createRequire(path.join(frontendDir, "package.json"))("playwright-core");

const GATEWAY_URL = (process.env.GATEWAY_URL ?? "http://127.0.0.1:8000").replace(/\/+$/, "");
const SCREENSHOT_DIR = path.resolve(process.env.SCREENSHOT_DIR ?? "e2e-screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TIMEOUT_MS = 15_000;

const USERNAME = "coordinator";
const PASSWORD = "tiendo-demo";
const AGENCY = "Sở Khoa học và Công nghệ";
const ROLE_LABEL = "Cơ quan thường trực";
// Letters only Vietnamese uses: proof that an error was written for a Vietnamese reader.
const VIETNAMESE_LETTER = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

class CheckFailed extends Error {}

function check(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

async function step(name, action) {
  process.stdout.write(`- ${name} … `);
  const started = Date.now();
  await action();
  process.stdout.write(`ok (${Date.now() - started} ms)\n`);
}

function loginForm(page) {
  return {
    username: page.getByLabel("Tên đăng nhập", { exact: true }),
    password: page.getByLabel("Mật khẩu", { exact: true }),
    submit: page.getByRole("button", { name: "Đăng nhập", exact: true }),
  };
}

async function logIn(page, username, password) {
  const form = loginForm(page);
  await form.username.fill(username);
  await form.password.fill(password);
  await form.submit.click();
}

async function expectLoginForm(page) {
  const form = loginForm(page);
  await form.submit.waitFor({ state: "visible" });
  check(await form.username.isVisible(), "the login form has no visible 'Tên đăng nhập' field");
  check(await form.password.isVisible(), "the login form has no visible 'Mật khẩu' field");
  check(new URL(page.url()).pathname === "/login", `expected to be on /login, got ${page.url()}`);
}

async function noHorizontalScroll(page, width) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  check(scrollWidth <= width, `the page is ${scrollWidth}px wide at a ${width}px viewport (horizontal scrolling)`);
}

async function run(page) {
  await step(`open ${GATEWAY_URL}`, async () => {
    const response = await page.goto(GATEWAY_URL, { waitUntil: "domcontentloaded" });
    check(response?.ok(), `GET ${GATEWAY_URL} answered ${response?.status()}`);
    check((await page.getAttribute("html", "lang")) === "vi", "<html lang> is not 'vi'");
    await expectLoginForm(page);
  });

  await step(`log in as ${USERNAME}`, async () => {
    await logIn(page, USERNAME, PASSWORD);
    const account = page.getByRole("heading", { name: "Tài khoản của tôi" });
    const changePassword = page.getByRole("heading", { name: "Đổi mật khẩu" });
    const refused = page.getByRole("alert");
    await account.or(changePassword).or(refused).first().waitFor();
    if (await refused.isVisible()) {
      throw new CheckFailed(`the gateway refused ${USERNAME}: "${(await refused.innerText()).trim()}"`);
    }
    check(
      !(await changePassword.isVisible()),
      `${USERNAME} is asked to change the password: the demo seed must set must_change_password=false`,
    );
    const header = page.getByRole("banner");
    await header.getByText(AGENCY, { exact: true }).waitFor();
    await header.getByText(ROLE_LABEL, { exact: true }).waitFor();
    await account.waitFor();
  });

  await step("screenshot at 1280x800", async () => {
    await noHorizontalScroll(page, 1280);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "overview-1280x800.png") });
  });

  await step("screenshot at 360x740", async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    const menu = page.getByRole("button", { name: "Menu" });
    await menu.waitFor();
    await noHorizontalScroll(page, 360);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "overview-360x740.png") });
    await menu.click();
    await page.getByRole("navigation").getByRole("link", { name: "Việc của đơn vị" }).waitFor();
    check((await menu.getAttribute("aria-expanded")) === "true", "the menu button does not report aria-expanded");
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "menu-360x740.png") });
    await menu.click();
  });

  await step("log out", async () => {
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expectLoginForm(page);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await step("a wrong password shows a Vietnamese error", async () => {
    await logIn(page, USERNAME, "mat-khau-sai-123");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    const text = (await alert.innerText()).trim();
    check(text.length > 0, "the error alert is empty");
    check(VIETNAMESE_LETTER.test(text), `the error is not in Vietnamese: "${text}"`);
    await expectLoginForm(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "login-error-1280x800.png") });
  });
}

async function main() {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--headless=new",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const pageErrors = [];
  const failedResponses = [];
  let page;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "vi-VN" });
    context.setDefaultTimeout(TIMEOUT_MS);
    page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("response", (response) => {
      if (response.status() >= 500) failedResponses.push(`${response.status()} ${response.url()}`);
    });
    await run(page);
    check(pageErrors.length === 0, `the page threw: ${pageErrors.join(" | ")}`);
    console.log(`login flow passed; screenshots in ${SCREENSHOT_DIR}`);
  } catch (error) {
    console.log("failed");
    if (page) await page.screenshot({ path: path.join(SCREENSHOT_DIR, "failure.png") }).catch(() => {});
    const reason = error instanceof CheckFailed ? error.message : (error?.stack ?? String(error));
    console.error(`E2E login flow FAILED: ${reason}`);
    if (page) console.error(`  at ${page.url()}`);
    if (pageErrors.length) console.error(`  page errors: ${pageErrors.join(" | ")}`);
    if (failedResponses.length) console.error(`  server errors: ${failedResponses.join(", ")}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

await main();
