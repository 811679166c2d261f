// Browser test of the interview (issue #15): from a file holding only the client, an
// interview run with the keyboard alone, on the interview screen alone, builds a family of
// three generations with every skill rated; back and skip work; the summary gives the
// findings and the questions left and prints; the file on disk holds every answer. A
// screenshot of each stage goes to SHOTS (a folder; default: a temporary one, printed).

import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { open, drawn, drawingShows, fail, stepper, root } from "./lib.mjs";

const step = stepper("interview");
const shots = process.env.SHOTS || mkdtempSync(join(tmpdir(), "genogram-interview-shots-"));
mkdirSync(shots, { recursive: true });
let shot = 0;
async function snap(page, name) {
  shot += 1;
  const path = join(shots, `${String(shot).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path });
  return path;
}
const binary = process.env.GENOGRAM || join(root, "target/debug/genogram");

const w = await open("tests/e2e/only-client.yaml");
const { page } = w;
const kb = page.keyboard;

// What the interview screen shows now.
function screen() {
  return page.evaluate(() => {
    const q = document.querySelector("#interview .iv-question");
    const progress = document.querySelector("#interview .iv-progress");
    return {
      question: q ? q.textContent : null,
      about: (document.querySelector("#interview .iv-about") || {}).textContent || "",
      progress: progress ? progress.textContent : "",
      rate: !!document.querySelector("#interview .iv-levels"),
      people: Array.from(document.querySelectorAll("#interview .iv-person legend")).map((l) => l.textContent),
      summary: !!document.querySelector("#interview .iv-summary"),
      pressed: (document.querySelector("#interview .iv-level[aria-pressed=true]") || {}).dataset?.level || null,
      focus: document.activeElement ? (document.activeElement.className || document.activeElement.tagName) : "",
      error: (document.querySelector("#interview .iv-error") || {}).textContent || "",
    };
  });
}

// Waits until the screen moved on from `before` (another question or the summary).
async function movedOn(before) {
  await page.waitForFunction((b) => {
    const p = document.querySelector("#interview .iv-progress");
    const busy = document.getElementById("interview").getAttribute("aria-busy");
    return p && !busy && p.textContent !== b;
  }, before.progress, { timeout: 15000 });
  return screen();
}

// Presses Tab until the focused element matches `selector` (at most 30 times).
async function tabTo(selector, backwards) {
  for (let i = 0; i < 30; i++) {
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
    await kb.press(backwards ? "Shift+Tab" : "Tab");
  }
  fail(`Tab never reached ${selector}`);
}

// The people to add when asked, in the order the questions come.
const PARENTS = [
  [["Linda Hart", "1958"], ["Tom Hart", "1955"]],   // Mia's parents
  [["Rose Lund", "1931"], ["Karl Lund", "1929"]],   // Linda's parents
  [["Edith Hart", "1930"], ["Frank Hart", "1927"]], // Tom's parents
];
let parentsAsked = 0;
let rated = 0;
const levels = ["1", "2", "3"];

try {
  await page.goto(w.address);
  await drawn(page);
  // ---- open the interview with the keyboard ----------------------------------------------
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await tabTo("#interview-start");
  await kb.press("Enter");
  await page.waitForSelector("#interview .iv-question");
  let s = await screen();
  if (s.progress !== "Question 1 of about 32") fail(`first progress: ${s.progress}`);
  if (s.question !== "How do you let people know when you are sad, afraid or unsure?") fail(`first question: ${s.question}`);
  if (!/iv-question/.test(s.focus)) fail(`the question does not have the focus: ${s.focus}`);
  if (!(await page.locator(".editor-pane").isHidden())) fail("the file's text is still shown during the interview");
  step(`opened with Tab and Enter: "${s.question}" (${s.progress})`);
  await snap(page, "first-question");

  // ---- the client's openness: strong, learned in group therapy since 2015, her words ------
  await kb.press("3");
  await tabTo("input[type=radio][value=family]");
  await kb.press("ArrowDown"); // "Later, outside the family"
  await kb.press("Tab");       // where
  await kb.press("ArrowDown"); // in group therapy
  await kb.press("Tab");
  await kb.type("2015");
  await kb.press("Tab");
  await kb.type("I only learned to say I was scared in my group.");
  await snap(page, "rated-with-source-and-words");
  await kb.press("Control+Enter");
  s = await movedOn(s);
  rated += 1;
  step(`rated openness strong, learned in group therapy since 2015, with her words; now ${s.progress}`);

  // ---- back to it, and on again ----------------------------------------------------------------
  await tabTo("button.iv-back");
  await kb.press("Enter");
  s = await movedOn(s);
  if (s.progress !== "Question 1 of about 32" || s.pressed !== "strong") fail(`Back did not show the first answer: ${JSON.stringify(s)}`);
  const kept = await page.locator("#interview textarea").inputValue();
  if (!kept.startsWith("I only learned")) fail(`Back lost the client's words: ${kept}`);
  await page.locator("#interview .iv-question").focus();
  await kb.press("Enter");
  s = await movedOn(s);
  step(`Back showed the answer as given (strong, her words); Enter went on to ${s.progress}`);

  // ---- everything else, as it comes --------------------------------------------------------------
  let skipped = null;
  const totals = new Set();
  for (let guard = 0; !s.summary && guard < 60; guard++) {
    totals.add(/of (?:about )?(\d+)/.exec(s.progress)[1]);
    if (s.rate) {
      const total = Number(/of (?:about )?(\d+)/.exec(s.progress)[1]);
      const n = Number(/Question (\d+)/.exec(s.progress)[1]);
      if (n === total && !skipped) {
        // The last question: skip it, to find it among the questions left.
        skipped = s.question;
        await tabTo("button.iv-skip");
        await kb.press("Enter");
      } else {
        await kb.press(levels[rated % 3]);
        await kb.press("Enter");
        rated += 1;
      }
    } else if (/^(Mother|\w+'s mother)$/.test(s.people[0])) {
      const expected = ["Mother", "Linda's mother", "Tom's mother"][parentsAsked];
      if (s.people[0] !== expected) fail(`parents form for ${s.people[0]}, expected ${expected}`);
      const [mother, father] = PARENTS[parentsAsked++];
      await kb.press("Tab");
      await kb.type(mother[0]);
      await kb.press("Tab"); await kb.press("Tab");
      await kb.type(mother[1]);
      await kb.press("Tab");
      await kb.type(father[0]);
      await kb.press("Tab"); await kb.press("Tab");
      await kb.type(father[1]);
      await snap(page, `parents-${parentsAsked}`);
      await kb.press("Enter");
    } else if (/Brother or sister/.test(s.people[0])) {
      await kb.press("Tab");
      await kb.type("Sam Hart");
      await kb.press("Tab");
      await kb.press("m");
      await kb.press("Tab");
      await kb.type("1991");
      await snap(page, "sibling");
      await kb.press("Enter");
    } else if (s.people[0] === "Partner") {
      await kb.press("Tab");
      await kb.type("Jo Berg");
      await kb.press("Tab");
      await kb.press("m");
      await kb.press("Tab");
      await kb.type("1986");
      await kb.press("Tab");
      await kb.press("l"); // Living together
      await snap(page, "partner");
      await kb.press("Control+Enter");
    } else {
      fail(`a question the test does not know: ${JSON.stringify(s)}`);
    }
    const before = s;
    s = await movedOn(s);
    if (s.error) fail(`refused: ${s.error}`);
    if (!s.summary && s.question === before.question && s.about === before.about) fail(`stuck on: ${s.question}`);
    if (/^Question 14 of/.test(s.progress)) await snap(page, "question-14");
  }
  if (!s.summary) fail("the interview never reached its summary");
  if (parentsAsked !== 3) fail(`parents asked ${parentsAsked} times, not 3`);
  // The count foresaw the people added: it never jumped.
  if ([...totals].join() !== "32") fail(`the number of questions changed on the way: ${[...totals]}`);
  step(`answered ${rated} ratings and added 8 people with the keyboard; skipped one; ${s.progress}`);
  await snap(page, "summary-with-one-left");
  let left = await page.locator("#interview .iv-left li").allTextContents();
  if (left.length !== 1 || !left[0].endsWith(skipped)) fail(`questions left: ${JSON.stringify(left)}; skipped: ${skipped}`);

  // ---- back from the summary to the skipped question, and answer it --------------------------
  await tabTo("#interview .iv-summary .iv-nav button:first-child");
  await kb.press("Enter");
  s = await movedOn(s);
  if (s.question !== skipped) fail(`Back from the summary went to "${s.question}", not the skipped "${skipped}"`);
  await kb.press("2");
  await kb.press("Enter");
  s = await movedOn(s);
  rated += 1;
  if (!s.summary) fail("no summary after the last answer");
  left = await page.locator("#interview .iv-left h3").textContent();
  if (left !== "Nothing left to ask") fail(`summary: ${left}`);
  const findings = await page.locator("#interview .iv-finding h3").allTextContents();
  if (findings.join(",") !== "Openness,Honesty,Directness") fail(`findings: ${findings}`);
  const summaryText = await page.locator("#interview .iv-summary").innerText();
  if (!/You learned it in group therapy in 2015/.test(summaryText)) fail(`the summary does not say Mia broke the cycle:\n${summaryText}`);
  step(`went back to the skipped question and answered it: nothing left to ask; findings for ${findings.join(", ")}`);
  await snap(page, "summary");

  // ---- printing ------------------------------------------------------------------------------------
  const pdf = join(shots, "summary.pdf");
  await page.emulateMedia({ media: "print" });
  await snap(page, "summary-print-style");
  await page.pdf({ path: pdf, format: "A4", printBackground: false });
  await page.emulateMedia({ media: "screen" });
  const pdfText = readFileSync(pdf).length;
  if (pdfText < 1000) fail("the printed summary is empty");
  step(`printed the summary to ${pdf}`);

  // ---- the drawing and the file on disk ----------------------------------------------------------------
  await drawingShows(page, "Frank Hart");
  const saved = readFileSync(w.family, "utf8");
  writeFileSync(join(shots, "family.yaml"), saved);
  const check = execFileSync(binary, ["check", w.family], { encoding: "utf8" });
  if (!/: ok: 9 people, 4 couples, 3 generations/.test(check)) fail(`the saved file: ${check}\n${saved}`);
  const left2 = JSON.parse(execFileSync(binary, ["questions", w.family, "--format", "json"], { encoding: "utf8" }));
  if (left2.questions.length !== 0) fail(`the saved file still has questions: ${JSON.stringify(left2.questions)}\n${saved}`);
  for (const want of ["learned: group-therapy", "since: 2015", "I only learned to say I was scared in my group.", "relation: cohabiting", "Frank Hart"]) {
    if (!saved.includes(want)) fail(`the saved file lacks ${want}:\n${saved}`);
  }
  if (!/Saved at/.test(await page.locator("#status").textContent())) fail("the page does not say it saved");
  step(`the file on disk: ${check.trim().replace(/^.*: ok: /, "")}; every skill rated; nothing left to ask`);

  // ---- ending the interview brings the text back ------------------------------------------------------
  await tabTo("#interview .iv-summary button:last-child");
  await kb.press("Enter");
  if (!(await page.locator(".editor-pane").isVisible())) fail("the text did not come back after the interview");
  if (!(await page.evaluate(() => document.activeElement && document.activeElement.id === "interview-start"))) fail("the focus did not go back to the Interview button");
  step("ending the interview brought the text back and the focus to the Interview button");

  // ---- privacy mode: the interview shows names, so it is not offered -----------------------------
  await tabTo("#privacy");
  await kb.press("Enter");
  if (!(await page.locator("#interview-start").isDisabled())) fail("the interview is offered in privacy mode");
  await kb.press("Enter");
  if (await page.locator("#interview-start").isDisabled()) fail("the interview stayed off after privacy mode");
  step("privacy mode turns the Interview button off, and back on");

  if (w.elsewhere.length) fail(`requests to other hosts: ${w.elsewhere.join(", ")}`);
  if (w.errors.length) fail(`errors on the page: ${w.errors.join(" | ")}`);
  step(`no request left 127.0.0.1; no errors on the page; screenshots in ${shots}`);
} finally {
  await w.close();
}
step("passed");
