// What every browser flow shares: Debian's Chromium through playwright-core (never a downloaded browser),
// steps that print their timing, checks that fail with a reason, screenshots at desktop and phone width.
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const frontendDir = path.resolve(here, "../../frontend");
const { chromium } = createRequire(path.join(frontendDir, "package.json"))("playwright-core");

export const GATEWAY_URL = (process.env.GATEWAY_URL ?? "http://127.0.0.1:8000").replace(/\/+$/, "");
export const SCREENSHOT_DIR = path.resolve(process.env.SCREENSHOT_DIR ?? "e2e-screenshots");
const FAILURE_DIR = path.resolve(process.env.FAILURE_DIR ?? SCREENSHOT_DIR);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const PASSWORD = "tiendo-demo";
export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 360, height: 740 };
// Letters only Vietnamese uses: proof that a message was written for a Vietnamese reader.
export const VIETNAMESE_LETTER = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

export class CheckFailed extends Error {}

export function check(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

export async function step(name, action) {
  process.stdout.write(`- ${name} … `);
  const started = Date.now();
  const result = await action();
  process.stdout.write(`ok (${Date.now() - started} ms)\n`);
  return result;
}

export function loginForm(page) {
  return {
    username: page.getByLabel("Tên đăng nhập", { exact: true }),
    password: page.getByLabel("Mật khẩu", { exact: true }),
    submit: page.getByRole("button", { name: "Đăng nhập", exact: true }),
  };
}

/** Signs in through the form and waits for the app's header. */
export async function logIn(page, username, password = PASSWORD) {
  await page.goto(`${GATEWAY_URL}/login`, { waitUntil: "domcontentloaded" });
  const form = loginForm(page);
  await form.username.fill(username);
  await form.password.fill(password);
  await form.submit.click();
  await page.waitForURL((url) => url.pathname !== "/login");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).first().waitFor({ state: "attached" });
}

export async function noHorizontalScroll(page) {
  const { width } = page.viewportSize();
  const [scrollWidth, culprits] = await page.evaluate((limit) => {
    const wide = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > limit + 1 && el.getBoundingClientRect().width > 0)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join(".")}`);
    return [document.documentElement.scrollWidth, wide];
  }, width);
  check(
    scrollWidth <= width,
    `the page is ${scrollWidth}px wide at a ${width}px viewport (horizontal scrolling): ${culprits.join(", ")}`,
  );
}

/** Waits until nothing is loading (no skeleton, no spinner), so a screenshot shows the data. */
export async function settled(page) {
  // not "networkidle": the notification stream keeps one request open for as long as the page lives
  await page
    .waitForFunction(() => !document.querySelector(".ant-skeleton, .ant-spin-spinning, [aria-busy='true']"), null, {
      timeout: 15_000,
    })
    .catch(() => {});
  await page.waitForTimeout(300);
}

/** The screen at desktop and at phone width, checked for horizontal scrolling at both. */
export async function screenshots(page, name) {
  const before = page.viewportSize();
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(400); // charts and the layout follow the new width
    await settled(page);
    await noHorizontalScroll(page);
    // the page as far as about three screens down: enough to show the screen, not a 17,000 px strip
    const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), size.height * 3);
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, `${name}-${size.width}.png`),
      fullPage: true,
      clip: { x: 0, y: 0, width: size.width, height },
    });
  }
  await page.setViewportSize(before);
}

function launchArgs() {
  return [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ];
}

/**
 * Runs a scenario with a fresh browser; `scenario(open)` gets `open(name)` that makes a signed-out page in
 * its own context (one per user). Exits non-zero with the reason, the page address and a screenshot.
 */
export async function runFlow(title, scenario) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await mkdir(FAILURE_DIR, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: launchArgs() });
  const pages = [];
  const pageErrors = [];
  const failedResponses = [];
  const open = async (name) => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(`${name}: ${error.message}`));
    page.on("response", (response) => {
      if (response.status() >= 500) failedResponses.push(`${name}: ${response.status()} ${response.url()}`);
    });
    pages.push({ name, page });
    return page;
  };
  try {
    await scenario(open);
    check(pageErrors.length === 0, `a page threw: ${pageErrors.join(" | ")}`);
    check(failedResponses.length === 0, `the server failed: ${failedResponses.join(", ")}`);
    console.log(`${title}: passed; screenshots in ${SCREENSHOT_DIR}`);
  } catch (error) {
    console.log("failed");
    const reason = error instanceof CheckFailed ? error.message : (error?.stack ?? String(error));
    console.error(`E2E ${title} FAILED: ${reason}`);
    for (const { name, page } of pages) {
      console.error(`  ${name} at ${page.url()}`);
      await page.screenshot({ path: path.join(FAILURE_DIR, `failure-${name}.png`) }).catch(() => {});
    }
    if (pageErrors.length) console.error(`  page errors: ${pageErrors.join(" | ")}`);
    if (failedResponses.length) console.error(`  server errors: ${failedResponses.join(", ")}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

const tokens = new Map();

/** The API as a demo user, for a flow's set-up and look-ups (the browser itself only uses the screens). */
export async function apiAs(username) {
  if (!tokens.has(username)) {
    const response = await fetch(`${GATEWAY_URL}/api/v1/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    check(response.ok, `API login as ${username} answered ${response.status}`);
    tokens.set(username, (await response.json()).access_token);
  }
  const call = async (method, address, body, headers = {}) => {
    const response = await fetch(`${GATEWAY_URL}${address}`, {
      method,
      headers: { Authorization: `Bearer ${tokens.get(username)}`, "Content-Type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    check(response.ok, `${method} ${address} as ${username} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  };
  const status = async (address) =>
    (await fetch(`${GATEWAY_URL}${address}`, { headers: { Authorization: `Bearer ${tokens.get(username)}` } })).status;
  return {
    status,
    get: (address) => call("GET", address),
    post: (address, body, headers) => call("POST", address, body, headers),
  };
}
