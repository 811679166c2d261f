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

import { readFileSync, writeFileSync } from "node:fs";
import {
  open, drawn, text, withView, cursorAt, cursorLine, drawingShows, drawingText, fail, stepper,
} from "./lib.mjs";

const screenshot = process.env.SCREENSHOT || "";
const step = stepper("e2e");
const w = await open("samples/intimacy-cycle.yaml");
const { page, origin, address, family } = w;
const original = readFileSync(family, "utf8");
step(`server at ${address}`);

try {
  await page.goto(address);
  await drawn(page);
  if (page.url() !== `${origin}/`) fail(`the key stayed in the address bar: ${page.url()}`);
  step("page loaded and drew the family");

  const lines = () => text(page).then((t) => t.split("\n"));
  const waitForPicture = (t) => drawingShows(page, t);
  const endOfLine = (n) => cursorAt(page, n);

  // ---- type a new person ------------------------------------------------------------
  const peopleLine = (await lines()).indexOf("people:") + 1;
  if (peopleLine === 0) fail("the sample has no `people:` line");
  await endOfLine(peopleLine);
  await page.keyboard.press("Enter");
  // Enter after `people:` indents by two: no spaces typed.
  await page.keyboard.type("zofia: {name: Zofia Testowa, sex: female, born: 1990}");
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
  const before = await drawingText(page);
  const problem = page.locator("#problems li.error").first();
  await problem.waitFor();
  const shown = await problem.textContent();
  if (!shown.startsWith(`line ${badLine}, column `)) fail(`the problem is not at line ${badLine}: ${shown}`);
  if (!/mael/.test(shown)) fail(`the problem does not quote the mistake: ${shown}`);
  if (await page.locator("#stale").isHidden()) fail("no notice that the drawing is the last good one");
  if ((await drawingText(page)) !== before || !before.includes("Zofia Testowa")) fail("the last good drawing was not kept");
  await page.locator("#editor .cm-lint-marker-error").waitFor();
  const marked = await withView(page, (view) => {
    const out = [];
    window.CM.forEachDiagnostic(view.state, (d, from) => out.push(view.state.doc.lineAt(from).number));
    return out;
  });
  if (!marked.includes(badLine)) fail(`line ${badLine} is not marked in the editor (marks on ${marked})`);
  // Clicking the problem puts the cursor on its line.
  await problem.click();
  const at = await cursorLine(page);
  if (at !== badLine) fail(`clicking the problem moved the cursor to line ${at}`);
  step(`typed a mistake; shown at: ${shown.split(":")[0]}`);

  // ---- fix it -------------------------------------------------------------------------
  await withView(page, (view) => {
    const at = view.state.doc.toString().indexOf("sex: mael}");
    view.dispatch({ selection: { anchor: at + 5, head: at + 9 } });
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
  await page.waitForSelector("#drawing-host .trace-layer");
  step(`report and ${questions} questions shown; trace works`);

  // ---- save ---------------------------------------------------------------------------
  const typed = await text(page);
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
  await page.waitForFunction(() => window.Workspace.getText().includes("Zofia Zmieniona"));
  await waitForPicture("Zofia Zmieniona");
  step("a change made by another program was loaded");

  // ---- with unsaved edits, an outside change asks first ------------------------------
  await endOfLine(1);
  await page.keyboard.type(" ");
  const mine = await text(page);
  const theirs = readFileSync(family, "utf8") + "# added by a colleague\n";
  writeFileSync(family, theirs);
  await page.locator("#notice").waitFor({ state: "visible" });
  if ((await text(page)) !== mine) fail("unsaved edits were replaced by the outside change");
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

  if (w.elsewhere.length) fail(`requests to other hosts: ${w.elsewhere.join(", ")}`);
  if (w.errors.length) fail(`errors on the page: ${w.errors.join(" | ")}`);
  step("no request left 127.0.0.1; no errors on the page");
} finally {
  await w.close();
}
step("passed");
