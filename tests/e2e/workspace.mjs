// End-to-end test of `genogram serve` in a real browser (headless Chromium).
//
// Starts the workspace on a temporary copy of a sample, opens it in Chromium with every
// host but 127.0.0.1 unreachable (as with the network disabled), types a new person,
// waits for the drawing to show them, types a mistake, checks the problem is shown at its
// line, fixes it, saves with Ctrl+S and checks the file and its backup on disk; then
// changes the file from outside and checks the page picks it up. Any request to another
// host, and any error on the page's console (a blocked script or style), fails the test.
//
// Environment: GENOGRAM (the binary; default target/debug/genogram), CHROMIUM (default
// /usr/bin/chromium), SCREENSHOT (where to write the screenshot; default: none).

import { spawn } from "node:child_process";
import { mkdtempSync, copyFileSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const binary = process.env.GENOGRAM || join(root, "target/debug/genogram");
const browserPath = process.env.CHROMIUM || "/usr/bin/chromium";
const screenshot = process.env.SCREENSHOT || "";
const started = Date.now();

function fail(message) {
  throw new Error(message);
}

function step(message) {
  console.log(`e2e: ${((Date.now() - started) / 1000).toFixed(1)} s: ${message}`);
}

const work = mkdtempSync(join(tmpdir(), "genogram-e2e-"));
const family = join(work, "family.yaml");
copyFileSync(join(root, "samples/intimacy-cycle.yaml"), family);
const original = readFileSync(family, "utf8");

// ---- the server -----------------------------------------------------------------------
const server = spawn(binary, ["serve", family, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const address = await new Promise((ok, no) => {
  let seen = "";
  const timer = setTimeout(() => no(new Error("the server did not print its address in 10 s")), 10000);
  server.stdout.on("data", (chunk) => {
    seen += chunk;
    const m = /http:\/\/127\.0\.0\.1:\d+\/#key=[0-9a-f]{32}/.exec(seen);
    if (m) { clearTimeout(timer); ok(m[0]); }
  });
  server.on("exit", (code) => no(new Error(`the server exited with ${code}`)));
});
const origin = new URL(address).origin;
step(`server at ${address}`);

let context;
try {
  // ---- the browser, with no network but loopback ------------------------------------
  context = await chromium.launchPersistentContext(join(work, "profile"), {
    executablePath: browserPath,
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-default-apps", "--disable-extensions",
      // Every name but 127.0.0.1 fails to resolve, and everything else goes to a dead
      // proxy: as if the computer had no network.
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
      "--proxy-server=http://127.0.0.1:9",
      "--proxy-bypass-list=<-loopback>;127.0.0.1",
    ],
  });
  const elsewhere = [];
  const consoleErrors = [];
  context.on("request", (r) => {
    const url = r.url();
    if (url.startsWith("data:")) return;
    if (new URL(url).origin !== origin) elsewhere.push(url);
  });
  const page = context.pages()[0] || (await context.newPage());
  page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  page.setDefaultTimeout(15000);

  await page.goto(address);
  await page.waitForSelector("#picture[data-rendered=yes]");
  if (page.url() !== `${origin}/`) fail(`the key stayed in the address bar: ${page.url()}`);
  step("page loaded and drew the family");

  const editor = page.locator("#editor");
  const lines = () => editor.inputValue().then((t) => t.split("\n"));
  const picture = () => page.locator("#picture").getAttribute("src").then((s) => decodeURIComponent(s || ""));
  async function waitForPicture(text) {
    await page.waitForFunction(
      (t) => decodeURIComponent(document.getElementById("picture").src).includes(t), text);
  }
  // Puts the cursor at the end of line `n` (from 1).
  async function endOfLine(n) {
    await editor.evaluate((el, n) => {
      const ls = el.value.split("\n");
      const at = ls.slice(0, n).join("\n").length;
      el.focus();
      el.setSelectionRange(at, at);
    }, n);
  }

  // ---- type a new person ------------------------------------------------------------
  const peopleLine = (await lines()).indexOf("people:") + 1;
  if (peopleLine === 0) fail("the sample has no `people:` line");
  await endOfLine(peopleLine);
  await page.keyboard.press("Enter");
  await page.keyboard.type("  zofia: {name: Zofia Testowa, sex: female, born: 1990}");
  await waitForPicture("Zofia Testowa");
  const status = await page.locator("#status").textContent();
  if (!/Unsaved changes/.test(status)) fail(`status after typing: ${status}`);
  step("typed a new person; the drawing shows her");

  // ---- type a mistake -----------------------------------------------------------------
  const zofiaLine = peopleLine + 1;
  const badLine = zofiaLine + 1;
  await endOfLine(zofiaLine);
  await page.keyboard.press("Enter");
  await page.keyboard.type("piotr: {name: Piotr Testowy, sex: mael}");
  const before = await picture();
  const problem = page.locator("#problems li.error").first();
  await problem.waitFor();
  const shown = await problem.textContent();
  if (!shown.startsWith(`line ${badLine}, column `)) fail(`the problem is not at line ${badLine}: ${shown}`);
  if (!/mael/.test(shown)) fail(`the problem does not quote the mistake: ${shown}`);
  if (await page.locator("#stale").isHidden()) fail("no notice that the drawing is the last good one");
  if ((await picture()) !== before || !before.includes("Zofia Testowa")) fail("the last good drawing was not kept");
  const mark = await page.locator(`#gutter div:nth-child(${badLine})`).getAttribute("class");
  if (mark !== "bad") fail(`line ${badLine} is not marked in the gutter (class ${mark})`);
  // Clicking the problem puts the cursor on its line.
  await problem.click();
  const cursorLine = await editor.evaluate((el) => el.value.slice(0, el.selectionStart).split("\n").length);
  if (cursorLine !== badLine) fail(`clicking the problem moved the cursor to line ${cursorLine}`);
  step(`typed a mistake; shown at: ${shown.split(":")[0]}`);

  // ---- fix it -------------------------------------------------------------------------
  await editor.evaluate((el) => {
    const at = el.value.indexOf("sex: mael}");
    el.focus();
    el.setSelectionRange(at + 5, at + 9);
  });
  await page.keyboard.type("male");
  await waitForPicture("Piotr Testowy");
  if (!(await page.locator("#stale").isHidden())) fail("the last-good notice stayed after the fix");
  if ((await page.locator("#problems li.error").count()) !== 0) fail("problems stayed after the fix");
  step("fixed it; the drawing is live again");

  // ---- the other panes --------------------------------------------------------------
  await page.locator("#tab-questions").click();
  const questions = await page.locator("#questions li").count();
  if (questions === 0) fail("no questions for the next session");
  await page.locator("#tab-report").click();
  const report = await page.locator("#report").textContent();
  if (!report.includes("Kowalski")) fail("the report does not name the family");
  await page.locator("#tab-drawing").click();
  await page.selectOption("#trace", "openness");
  await page.waitForFunction(() => decodeURIComponent(document.getElementById("picture").src).includes("openness"));
  step(`report and ${questions} questions shown; trace works`);

  // ---- save ---------------------------------------------------------------------------
  const typed = await editor.inputValue();
  await page.keyboard.press("Control+s");
  await page.waitForFunction(() => /^Saved at/.test(document.getElementById("status").textContent));
  const onDisk = readFileSync(family, "utf8");
  if (onDisk !== typed) fail("the file on disk is not what was typed");
  if (!onDisk.includes("  zofia: {name: Zofia Testowa, sex: female, born: 1990}\n  piotr: {name: Piotr Testowy, sex: male}\n"))
    fail("the saved file lacks the typed lines");
  if (readFileSync(family + ".bak", "utf8") !== original) fail("the backup is not the previous version");
  step("saved; the file and its backup are right on disk");

  if (screenshot) {
    await page.screenshot({ path: screenshot });
    step(`screenshot written to ${screenshot}`);
  }

  // ---- a change from another editor is picked up --------------------------------------
  writeFileSync(family, onDisk.replace("Zofia Testowa", "Zofia Zmieniona"));
  await page.waitForFunction(() => document.getElementById("editor").value.includes("Zofia Zmieniona"));
  await waitForPicture("Zofia Zmieniona");
  step("a change made by another program was loaded");

  // ---- with unsaved edits, an outside change asks first ------------------------------
  await endOfLine(1);
  await page.keyboard.type(" ");
  const mine = await editor.inputValue();
  const theirs = readFileSync(family, "utf8") + "# added by a colleague\n";
  writeFileSync(family, theirs);
  await page.locator("#notice").waitFor({ state: "visible" });
  if ((await editor.inputValue()) !== mine) fail("unsaved edits were replaced by the outside change");
  await page.locator("#notice-keep").click();
  await page.keyboard.press("Control+s");
  await page.waitForFunction(() => /^Saved at/.test(document.getElementById("status").textContent));
  if (readFileSync(family, "utf8") !== mine) fail("keeping my version did not save it");
  if (readFileSync(family + ".bak", "utf8") !== theirs) fail("the other version is not in the backup");
  step("with unsaved edits, an outside change asked first; my version saved, theirs backed up");

  // ---- a status reply from before a save raises no false notice -----------------------
  // The reply is fetched when the request is made (the file as it was), and handed to
  // the page only after a save has finished.
  let release;
  const held = new Promise((ok) => { release = ok; });
  let caught;
  const intercepted = new Promise((ok) => { caught = ok; });
  let holding = true;
  await page.route("**/api/status", async (route) => {
    if (!holding) return route.continue();
    holding = false;
    const response = await route.fetch();
    caught();
    await held;
    await route.fulfill({ response });
  });
  await intercepted;
  await endOfLine(1);
  await page.keyboard.type("#");
  await page.keyboard.press("Control+s");
  await page.waitForFunction(() => /^Saved at/.test(document.getElementById("status").textContent));
  const stale = page.waitForResponse("**/api/status");
  release();
  await stale;
  await page.waitForResponse("**/api/status");
  if (!(await page.locator("#notice").isHidden())) fail("a status reply from before the save showed a notice");
  if (!/^Saved at/.test(await page.locator("#status").textContent())) fail("the saved status was replaced");
  await page.unroute("**/api/status");
  step("a status reply from before a save was ignored");

  if (elsewhere.length) fail(`requests to other hosts: ${elsewhere.join(", ")}`);
  if (consoleErrors.length) fail(`errors on the page: ${consoleErrors.join(" | ")}`);
  step("no request left 127.0.0.1; no errors on the page");
} finally {
  if (context) await context.close().catch(() => {});
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
step("passed");
