// Browser test of the workspace's editor and drawing (issue #14, page shell; #13, privacy
// mode): typing re-renders, a mistake is marked at its line and column, undo and redo
// (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) cross an auto-indented Enter, Tab indents and Escape then
// Tab leaves, clicking a person (or Enter on their symbol) moves the editor to their
// entry, zoom and Fit, Workspace.replaceText is one undo step, and privacy mode hides the
// file's text and every name. A screenshot of each step goes to SHOTS (a folder; default:
// a temporary one, printed).

import { mkdtempSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  open, drawn, text, withView, cursorAt, cursorLine, drawingShows, drawingText, fail, stepper,
} from "./lib.mjs";

const step = stepper("editor");
const shots = process.env.SHOTS || mkdtempSync(join(tmpdir(), "genogram-editor-shots-"));
mkdirSync(shots, { recursive: true });
let shot = 0;
async function snap(page, name) {
  shot += 1;
  const path = join(shots, `${String(shot).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path });
  return path;
}

const w = await open("samples/intimacy-cycle.yaml");
const { page } = w;
try {
  await page.goto(w.address);
  await drawn(page);
  const original = await text(page);
  const lines = original.split("\n");
  const title = await page.locator("#family-title").textContent();
  if (title !== "The Kowalski and Byrne families") fail(`header title: ${title}`);
  if ((await page.locator("#file-name").textContent()) !== "family.yaml") fail("header has no file name");
  if (!(await page.title()).startsWith("The Kowalski and Byrne families")) fail(`window title: ${await page.title()}`);
  // The editor is CodeMirror, with YAML highlighting and line numbers.
  if ((await page.locator("#editor .cm-lineNumbers .cm-gutterElement").count()) < 10) fail("no line numbers");
  const highlighted = await page.locator("#editor .cm-line span[class]").count();
  if (highlighted < 10) fail(`YAML is not highlighted (${highlighted} coloured spans)`);
  step(`opened: "${title}", family.yaml, ${lines.length} lines`);
  await snap(page, "opened");

  // ---- typing re-renders; Enter indents; undo and redo cross the Enter -------------------
  const peopleLine = lines.indexOf("people:") + 1;
  if (peopleLine === 0) fail("the sample has no `people:` line");
  await cursorAt(page, peopleLine);
  await page.keyboard.press("Enter");
  await page.keyboard.type("zofia: {name: Zofia Testowa, sex: female, born: 1990}");
  await drawingShows(page, "Zofia Testowa");
  const typed = await text(page);
  if (typed.split("\n")[peopleLine] !== "  zofia: {name: Zofia Testowa, sex: female, born: 1990}")
    fail(`Enter after "people:" did not indent by two: ${JSON.stringify(typed.split("\n")[peopleLine])}`);
  if (!/Unsaved changes/.test(await page.locator("#status").textContent())) fail("status does not say unsaved");
  step("typed a person after an auto-indented Enter; the drawing shows her");
  await snap(page, "typed");

  for (let i = 0; i < 6 && (await text(page)) !== original; i++) await page.keyboard.press("Control+z");
  if ((await text(page)) !== original) fail("Ctrl+Z did not take the typing and the Enter back");
  await page.waitForFunction(() => {
    const svg = document.getElementById("drawing-host").shadowRoot.querySelector("svg");
    return svg && !svg.textContent.includes("Zofia Testowa");
  });
  for (let i = 0; i < 6 && (await text(page)) !== typed; i++) await page.keyboard.press("Control+Shift+z");
  if ((await text(page)) !== typed) fail("Ctrl+Shift+Z did not bring the typing back");
  await page.keyboard.press("Control+z");
  if ((await text(page)) === typed) fail("Ctrl+Z after redo did nothing");
  for (let i = 0; i < 6 && (await text(page)) !== typed; i++) await page.keyboard.press("Control+y");
  if ((await text(page)) !== typed) fail("Ctrl+Y did not redo");
  await drawingShows(page, "Zofia Testowa");
  step("undo took it all back, Ctrl+Shift+Z and Ctrl+Y redid it");

  // ---- a mistake is marked at its line and column ---------------------------------------
  const zofiaLine = peopleLine + 1;
  await cursorAt(page, zofiaLine);
  await page.keyboard.press("Enter");
  await page.keyboard.type("piotr: {name: Piotr Testowy, sex: mael}");
  const badLine = zofiaLine + 1;
  const problem = page.locator("#problems li.error").first();
  await problem.waitFor();
  const shown = await problem.textContent();
  if (!shown.startsWith(`line ${badLine}, column `)) fail(`the problem is not at line ${badLine}: ${shown}`);
  const column = Number(/column (\d+)/.exec(shown)[1]);
  await page.locator("#editor .cm-lintRange-error").first().waitFor();
  const marked = await withView(page, (view) => {
    const out = [];
    window.CM.forEachDiagnostic(view.state, (d, from, to) => {
      const line = view.state.doc.lineAt(from);
      out.push({ line: line.number, column: from - line.from + 1, text: view.state.sliceDoc(from, to), severity: d.severity });
    });
    return out;
  });
  const mark = marked.find((m) => m.severity === "error");
  if (!mark || mark.line !== badLine || mark.column !== column)
    fail(`the error marker is not at line ${badLine}, column ${column}: ${JSON.stringify(marked)}`);
  if (mark.text !== "mael") fail(`the marker underlines ${JSON.stringify(mark.text)}, not the mistake`);
  if ((await page.locator("#editor .cm-lint-marker-error").count()) !== 1) fail("no error mark in the gutter");
  if (await page.locator("#stale").isHidden()) fail("no notice that the drawing is the last good one");
  await snap(page, "mistake");
  await cursorAt(page, 1);
  await problem.click();
  if ((await cursorLine(page)) !== badLine) fail("clicking the problem did not move the cursor to its line");
  step(`a mistake is marked at line ${badLine}, column ${column} ("${mark.text}"); clicking the problem goes there`);

  await withView(page, (view) => {
    const at = view.state.doc.toString().indexOf("sex: mael}");
    view.dispatch({ selection: { anchor: at + 5, head: at + 9 } });
  });
  await page.keyboard.type("male");
  await drawingShows(page, "Piotr Testowy");
  if ((await page.locator("#editor .cm-lintRange-error").count()) !== 0) fail("the marker stayed after the fix");

  // ---- Tab indents; Escape then Tab leaves ---------------------------------------------
  const before = await text(page);
  await cursorAt(page, badLine, 1);
  await page.keyboard.press("Tab");
  const tabbed = (await text(page)).split("\n")[badLine - 1];
  if (tabbed !== "    piotr: {name: Piotr Testowy, sex: male}") fail(`Tab did not indent the line: ${JSON.stringify(tabbed)}`);
  await page.keyboard.press("Shift+Tab");
  if ((await text(page)) !== before) fail("Shift+Tab did not take the indent back");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => {
    const inEditor = document.activeElement === document.getElementById("editor");
    return { inEditor, id: document.activeElement && document.activeElement.id };
  });
  if (focused.inEditor) fail("Escape then Tab did not leave the editor");
  if ((await text(page)) !== before) fail("Escape then Tab changed the text");
  step(`Tab indents, Shift+Tab outdents; Escape then Tab moved the focus out (to ${focused.id ? "#" + focused.id : "the problems list"})`);

  // ---- clicking a person moves the editor to their entry -------------------------------
  const entryLine = (await text(page)).split("\n").indexOf("  walter:") + 1;
  const selected = page.evaluate(() => new Promise((ok) => {
    document.addEventListener("workspace:select", (e) => ok(e.detail.id), { once: true });
  }));
  await page.locator("#person-walter").click();
  if ((await selected) !== "walter") fail("no workspace:select event for walter");
  if ((await cursorLine(page)) !== entryLine) fail(`clicking Walter moved the editor to line ${await cursorLine(page)}, not ${entryLine}`);
  const visible = await page.locator("#editor .cm-line", { hasText: /^ {2}walter:$/ }).isVisible();
  if (!visible) fail("Walter's entry is not scrolled into view");
  if ((await page.locator("#person-walter .ws-selected").count()) !== 1) fail("Walter is not highlighted in the drawing");
  await snap(page, "clicked-walter");
  // With the keyboard: the focused symbol, an arrow key to another person, Enter.
  await page.keyboard.press("ArrowRight");
  const other = await page.evaluate(() => {
    const a = document.getElementById("drawing-host").shadowRoot.activeElement;
    return a && a.dataset.person;
  });
  if (!other || other === "walter") fail("ArrowRight did not move to another person");
  await page.keyboard.press("Enter");
  const otherLine = (await text(page)).split("\n").indexOf(`  ${other}:`) + 1;
  if ((await cursorLine(page)) !== otherLine) fail(`Enter on ${other} did not move the editor to their entry`);
  step(`clicking Walter went to line ${entryLine}; ArrowRight then Enter went to ${other} (line ${otherLine})`);

  // The anonymised drawing (labels, not names) still knows who is who.
  await page.locator("#anonymize").check();
  await page.waitForFunction(() => {
    const svg = document.getElementById("drawing-host").shadowRoot.querySelector("svg");
    return svg && !svg.textContent.includes("Kowalski");
  });
  const anonymous = page.locator("#drawing-host g.person[data-person]").nth(2);
  const anonymousId = await anonymous.getAttribute("data-person");
  const anonymousSvgId = await anonymous.getAttribute("id");
  await anonymous.click();
  const anonymousLine = (await text(page)).split("\n").indexOf(`  ${anonymousId}:`) + 1;
  if (anonymousLine === 0 || (await cursorLine(page)) !== anonymousLine)
    fail(`clicking ${anonymousSvgId} in the anonymised drawing did not go to ${anonymousId}'s entry`);
  await page.locator("#anonymize").uncheck();
  await drawingShows(page, "Kowalski");
  step(`in the anonymised drawing, ${anonymousSvgId} is ${anonymousId}: clicking goes to line ${anonymousLine}`);

  // ---- zoom and fit ------------------------------------------------------------------------
  const size = () => page.evaluate(() => {
    const svg = document.getElementById("drawing-host").shadowRoot.querySelector("svg");
    const pane = document.getElementById("drawing-view");
    return { w: svg.getBoundingClientRect().width, h: svg.getBoundingClientRect().height, pw: pane.clientWidth, ph: pane.clientHeight };
  });
  const fitted = await size();
  if (fitted.w > fitted.pw || fitted.h > fitted.ph) fail(`Fit does not fit: ${JSON.stringify(fitted)}`);
  if (fitted.pw - fitted.w > 40 && fitted.ph - fitted.h > 40) fail(`Fit leaves room on both sides: ${JSON.stringify(fitted)}`);
  await page.locator("#zoom-in").click();
  await page.locator("#zoom-in").click();
  const zoomed = await size();
  if (!(zoomed.w > fitted.w * 1.5)) fail(`+ did not zoom in: ${fitted.w} → ${zoomed.w}`);
  const level = await page.locator("#zoom-level").textContent();
  await page.locator("#drawing-view").hover();
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, 300);
  await page.keyboard.up("Control");
  await page.waitForFunction((l) => document.getElementById("zoom-level").textContent !== l, level);
  const wheeled = await size();
  if (!(wheeled.w < zoomed.w)) fail("Ctrl+wheel did not zoom out");
  await page.locator("#drawing-view").focus();
  await page.keyboard.press("+");
  if (!((await size()).w > wheeled.w)) fail("+ on the drawing did not zoom in");
  const scrolled = await page.evaluate(() => document.getElementById("drawing-view").scrollLeft);
  const box = await page.locator("#drawing-view").boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const dragged = await page.evaluate(() => document.getElementById("drawing-view").scrollLeft);
  if (dragged === scrolled) fail("dragging did not move the drawing");
  await snap(page, "zoomed");
  await page.locator("#zoom-fit").click();
  const refitted = await size();
  if (Math.abs(refitted.w - fitted.w) > 2) fail("Fit did not fit again");
  step(`zoom: fit ${Math.round(fitted.w)}×${Math.round(fitted.h)} px in ${fitted.pw}×${fitted.ph}; +, Ctrl+wheel, drag and Fit work`);

  // ---- replaceText is one undo step ----------------------------------------------------------
  const now = await text(page);
  await page.evaluate(() => window.Workspace.replaceText(window.Workspace.getText().replace("Zofia Testowa", "Zofia Nowak")));
  await drawingShows(page, "Zofia Nowak");
  await page.locator("#editor .cm-content").focus();
  await page.keyboard.press("Control+z");
  if ((await text(page)) !== now) fail("one Ctrl+Z did not take back Workspace.replaceText");
  step("Workspace.replaceText is one undo step");

  // ---- applyOps: edit operations through /api/edit, one undo step ------------------------
  const beforeOps = await text(page);
  const added = await page.evaluate(() => window.Workspace.applyOps([
    { op: "add-person", id: "maja", person: { name: "Maja Testowa", sex: "female", born: 2001 } },
  ]).then(() => window.Workspace.selectPerson("maja")).then(() => "ok", (e) => JSON.stringify(e)));
  if (added !== "ok") fail(`applyOps refused to add a person: ${added}`);
  if (!(await text(page)).includes("maja:")) fail("applyOps did not change the editor's text");
  await drawingShows(page, "Maja Testowa");
  const majaLine = (await text(page)).split("\n").findIndex((l) => /^ {2}maja:/.test(l)) + 1;
  await page.waitForFunction(`(v => v.state.doc.lineAt(v.state.selection.main.head).number === ${majaLine})(window.CM.EditorView.findFromDOM(document.getElementById("editor").shadowRoot.querySelector(".cm-editor")))`);
  if ((await page.locator("#person-maja .ws-selected").count()) !== 1) fail("the added person is not marked in the drawing");
  await snap(page, "apply-ops");
  const refused = await page.evaluate(() => window.Workspace.applyOps([
    { op: "remove-person", id: "nobody-here" },
  ]).then(() => null, (e) => e));
  if (!refused || typeof refused.message !== "string" || refused.op !== 1 || refused.id !== "nobody-here")
    fail(`a refused operation did not reject with {message, op, id}: ${JSON.stringify(refused)}`);
  // The browser logs the refusal's 422 as a failed load: expected here, and only here.
  const refusal = w.errors.findIndex((e) => /status of 422/.test(e));
  if (refusal !== -1) w.errors.splice(refusal, 1);
  await page.locator("#editor .cm-content").focus();
  await page.keyboard.press("Control+z");
  if ((await text(page)) !== beforeOps) fail("one Ctrl+Z did not take back Workspace.applyOps");
  step(`applyOps added Maja (line ${majaLine}, selected once drawn) in one undo step; a refusal says: ${refused.message}`);

  // ---- privacy mode ------------------------------------------------------------------------
  const names = ["Kowalski", "Byrne", "Zofia", "Piotr", "Anna", "Walter", "Chicago", "steelworker"];
  await page.locator("#privacy").click();
  await page.waitForFunction(() => document.getElementById("drawing-view").dataset.rendered === "yes");
  if (await page.locator("#editor .cm-content").isVisible()) fail("privacy mode left the file's text visible");
  if (!(await page.locator("#editor-hidden").isVisible())) fail("privacy mode does not say why the text is gone");
  const seen = [
    await drawingText(page),
    await page.locator("body").innerText(),
    await page.locator("#report").textContent(),
    await page.locator("#questions").textContent(),
    await page.title(),
  ].join("\n");
  const leaked = names.filter((n) => seen.includes(n));
  if (leaked.length) fail(`privacy mode still shows: ${leaked.join(", ")}`);
  await page.locator("#tab-report").click();
  if (!/I-1|II-1/.test(await page.locator("#report").textContent())) fail("the private report has no neutral labels");
  await snap(page, "privacy-report");
  await page.locator("#tab-questions").click();
  await snap(page, "privacy-questions");
  await page.locator("#tab-drawing").click();
  await snap(page, "privacy-drawing");
  await page.locator("#privacy").click();
  await drawingShows(page, "Kowalski");
  if (!(await page.locator("#editor .cm-content").isVisible())) fail("the text did not come back after privacy mode");
  step("privacy mode hid the text, the title and every name; turning it off brought them back");

  if (w.elsewhere.length) fail(`requests to other hosts: ${w.elsewhere.join(", ")}`);
  if (w.errors.length) fail(`errors on the page: ${w.errors.join(" | ")}`);
  step(`no request left 127.0.0.1; no errors on the page; screenshots in ${shots}`);
} finally {
  await w.close();
}
step("passed");
