// End-to-end test of `genogram open` without a file, as the menu's "Genogram" runs it:
// the browser is a stub that records the address it is given (GENOGRAM_BROWSER), and
// headless Chromium then opens that address as the default browser would. The page asks
// "Who is your client?" and says how to open a family that already has a file; the client
// is entered and saved into genogram-family.yaml; when the tab is closed, the workspace
// stops by itself (here after 3 s without a request, instead of two and a half minutes)
// and the saved family stays.
//
// Environment: GENOGRAM (the binary; default target/debug/genogram), CHROMIUM (default
// /usr/bin/chromium), OPEN_SCREENSHOT (where to write a picture of the new family's page;
// default: none).

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, root, fail, stepper } from "./lib.mjs";

const binary = process.env.GENOGRAM || join(root, "target/debug/genogram");
const step = stepper("open");
const work = mkdtempSync(join(tmpdir(), "genogram-open-"));
const record = join(work, "opened");
const stub = join(work, "browser-stub");
writeFileSync(stub, `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}.part'\nexec mv '${record}.part' '${record}'\n`);
chmodSync(stub, 0o755);

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const IDLE = 3;
const workspace = spawn(binary, ["open", "--idle-seconds", String(IDLE)], {
  cwd: work,
  env: { ...process.env, GENOGRAM_BROWSER: stub },
  stdio: ["ignore", "pipe", "pipe"],
});
let printed = "";
workspace.stdout.on("data", (c) => { printed += c; });
workspace.stderr.on("data", (c) => { printed += c; });
const exited = new Promise((ok) => workspace.on("exit", (code) => ok({ code, at: Date.now() })));

let context;
try {
  let args = null;
  for (let i = 0; i < 200 && args === null; i++) {
    if (existsSync(record)) args = readFileSync(record, "utf8").split("\n").filter(Boolean);
    else await sleep(50);
  }
  if (args === null) fail("the browser stub was not started within 10 s");
  if (args.length !== 1 || !/^http:\/\/127\.0\.0\.1:\d+\/#key=[0-9a-f]{32}$/.test(args[0])) {
    fail(`the browser was not given the address alone: ${JSON.stringify(args)}`);
  }
  const address = args[0];
  step("the browser was started with the workspace's address as its only argument");

  const family = join(work, "genogram-family.yaml");
  if (readFileSync(family, "utf8") !== "people: {}\n") fail("the new family's file does not hold a family with nobody yet");
  const origin = new URL(address).origin;
  const browser = await launch(work, origin);
  context = browser.context;
  const { page } = browser;
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(address);
  const panel = page.locator("#person-panel");
  await panel.getByRole("heading", { name: "Who is your client?" }).waitFor();
  await panel.getByRole("heading", { name: "Or open a family you already have" }).waitFor();
  await panel.getByText("genogram open my-family.yaml").waitFor();
  // A new family is not a problem.
  await page.locator("#problems").getByText("No problems found.").waitFor();
  if (process.env.OPEN_SCREENSHOT) await page.screenshot({ path: process.env.OPEN_SCREENSHOT });
  step("the page asks who the client is, and says how to open a family that has a file");

  await panel.getByLabel("Name", { exact: true }).fill("Anna");
  await panel.getByRole("group", { name: "Sex" }).getByText("Female", { exact: true }).click();
  await panel.getByLabel("Born", { exact: true }).fill("1987");
  await panel.getByLabel("Born", { exact: true }).press("Enter");
  await panel.getByText("The client", { exact: true }).waitFor();
  await page.keyboard.press("Control+s");
  await page.waitForFunction(() => /^Saved/.test(document.getElementById("status").textContent));
  const saved = readFileSync(family, "utf8");
  if (!/name: Anna/.test(saved) || !/index: anna/.test(saved)) fail(`the saved family:\n${saved}`);
  step("Anna is the client, saved in genogram-family.yaml");

  if (browser.elsewhere.length) fail(`requests to other hosts: ${browser.elsewhere.join(", ")}`);
  if (browser.errors.length) fail(`errors on the page: ${browser.errors.join(" | ")}`);

  // The last tab closes: the workspace stops by itself, after IDLE seconds and not long after.
  const closed = Date.now();
  await context.close();
  context = null;
  const end = await Promise.race([exited, sleep((IDLE + 10) * 1000).then(() => null)]);
  if (end === null) fail(`the workspace was still running ${IDLE + 10} s after its tab was closed`);
  const after = (end.at - closed) / 1000;
  if (end.code !== 0) fail(`the workspace ended with status ${end.code}: ${printed}`);
  if (after < IDLE - 1.05) fail(`the workspace stopped ${after.toFixed(1)} s after the tab closed, before it was idle`);
  if (readFileSync(family, "utf8") !== saved) fail("the saved family changed when the workspace stopped");
  // Not run from a terminal: the address and its key are written nowhere.
  if (printed.includes("key=")) fail(`the key was printed: ${printed}`);
  step(`the tab closed, the workspace stopped by itself ${after.toFixed(1)} s later; the family stays`);
} finally {
  if (context) await context.close().catch(() => {});
  workspace.kill();
  rmSync(work, { recursive: true, force: true });
}
