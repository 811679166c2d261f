// Browser test of the workspace's year slider (issue #18): it spans the years the file
// names, its last stop is the family now; moving it draws the family as it was then (people
// born later gone, the title saying the year), the keyboard moves it too, the questions for
// the next session stay those of the family now, and the last stop brings everything back.
// The screenshot goes to SCREENSHOT (default: a temporary file, printed).

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { open, drawn, drawingShows, drawingText, fail, stepper } from "./lib.mjs";

const step = stepper("time");
const shot = process.env.SCREENSHOT || join(mkdtempSync(join(tmpdir(), "genogram-time-")), "year-slider.png");

const w = await open("samples/intimacy-cycle.yaml");
const { page } = w;
const slider = page.locator("#as-of");
const shown = () => page.locator("#as-of-shown").textContent();
const questions = () => page.locator("#questions li").allTextContents();
try {
  await page.goto(w.address);
  await drawn(page);
  await page.waitForFunction(() => !document.getElementById("as-of").disabled);
  const [min, max, value] = await slider.evaluate((s) => [s.min, s.max, s.value]);
  // Stanisław was born in 1898; Iris in 2018, the latest date: "now" is the stop after.
  if (min !== "1898" || max !== "2019" || value !== "2019") fail(`slider range ${min}–${max} at ${value}`);
  if ((await shown()) !== "now") fail(`the slider says ${await shown()} at its last stop`);
  const before = await questions();
  if (!(await drawingText(page)).includes("Anna Kowalski")) fail("the drawing now has no Anna");
  step(`slider from ${min} to ${max} (now)`);

  // Drag it to 1950 (the range input's value, with its input and change events).
  await slider.fill("1950");
  await drawingShows(page, "The Kowalski and Byrne families in 1950");
  const then = await drawingText(page);
  if (then.includes("Anna Kowalski") || then.includes("Dorothy")) fail("people not yet in the family are drawn in 1950");
  if (!then.includes("Walter")) fail("Walter (born 1926) is missing in 1950");
  if ((await shown()) !== "1950") fail(`the slider says ${await shown()}`);
  if ((await slider.getAttribute("aria-valuetext")) !== "the family in 1950") fail("no aria-valuetext for 1950");
  if (JSON.stringify(await questions()) !== JSON.stringify(before)) fail("the questions changed with the year");
  const editorText = await page.evaluate(() => window.Workspace.getText());
  if (!editorText.includes("anna:")) fail("moving the slider changed the file's text");
  step("1950: Anna and Dorothy not drawn, Walter is; questions unchanged, the file untouched");
  await page.screenshot({ path: shot });
  step(`screenshot: ${shot}`);

  // The keyboard: arrow keys move a year at a time.
  await slider.focus();
  await page.keyboard.press("ArrowRight");
  await drawingShows(page, "families in 1951");
  if (!(await drawingText(page)).includes("Dorothy")) fail("Dorothy married in in 1951 and is not drawn");
  step("ArrowRight: 1951, Dorothy is there");

  // Typing in the file keeps the year chosen.
  await page.evaluate(() => window.Workspace.replaceText(window.Workspace.getText().replace("title: The Kowalski and Byrne families", "title: The Kowalskis")));
  await drawingShows(page, "The Kowalskis in 1951");
  step("a change to the file keeps the year");

  // The last stop: the family now.
  await page.keyboard.press("End");
  await drawingShows(page, "Anna Kowalski");
  if ((await shown()) !== "now") fail(`after End the slider says ${await shown()}`);
  if ((await drawingText(page)).includes(" in 1951")) fail("the title still has a year");
  step("End: the family now again");
  if (w.elsewhere.length) fail(`requests elsewhere: ${w.elsewhere.join(", ")}`);
  if (w.errors.length) fail(`errors on the page: ${w.errors.join("; ")}`);
  console.log("time: ok");
} finally {
  await w.close();
}
