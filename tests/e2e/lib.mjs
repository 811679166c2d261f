// What the browser tests of `genogram serve` share: the server on a temporary copy of a
// sample, Chromium with no network but loopback, and helpers for the CodeMirror editor,
// which lives in a shadow root (Playwright's CSS selectors look inside open ones).
//
// Environment: GENOGRAM (the binary; default target/debug/genogram), CHROMIUM (default
// /usr/bin/chromium).

import { spawn } from "node:child_process";
import { mkdtempSync, copyFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const binary = process.env.GENOGRAM || join(root, "target/debug/genogram");
const browserPath = process.env.CHROMIUM || "/usr/bin/chromium";

export function fail(message) {
  throw new Error(message);
}

export function stepper(name) {
  const started = Date.now();
  return (message) => console.log(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s: ${message}`);
}

// Starts `genogram serve` on a copy of `sample` and opens Chromium on it. Returns
// {page, context, origin, address, family (the file's path), work, close()}; any request
// to another host and any error on the page are collected in `elsewhere` and `errors`.
export async function open(sample) {
  const work = mkdtempSync(join(tmpdir(), "genogram-e2e-"));
  const family = join(work, "family.yaml");
  copyFileSync(join(root, sample), family);
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
  let browser;
  try {
    browser = await launch(work, origin);
  } catch (e) {
    server.kill();
    throw e;
  }
  const { context, page, elsewhere, errors } = browser;
  return {
    page, context, origin, address, family, work, elsewhere, errors,
    async close() {
      await context.close().catch(() => {});
      server.kill();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

// Chromium's switches for every test: headless, and as if the computer had no network
// (every name but 127.0.0.1 fails to resolve, everything else goes to a dead proxy).
export const chromiumArgs = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-default-apps", "--disable-extensions",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
  "--proxy-server=http://127.0.0.1:9",
  "--proxy-bypass-list=<-loopback>;127.0.0.1",
];

// Chromium with a fresh profile in `work`, no network but loopback; any request to another
// origin than `origin` and any error on the page are collected in `elsewhere` and `errors`.
// Returns {context, page, elsewhere, errors}.
export async function launch(work, origin) {
  const context = await chromium.launchPersistentContext(join(work, "profile"), {
    executablePath: browserPath,
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: chromiumArgs,
  });
  const elsewhere = [];
  const errors = [];
  context.on("request", (r) => {
    const url = r.url();
    if (url.startsWith("data:")) return;
    if (new URL(url).origin !== origin) elsewhere.push(url);
  });
  const page = context.pages()[0] || (await context.newPage());
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.setDefaultTimeout(15000);
  return { context, page, elsewhere, errors };
}

// Waits until the page has drawn the family.
export async function drawn(page) {
  await page.waitForSelector("#drawing-view[data-rendered=yes]");
}

// The editor's text.
export function text(page) {
  return page.evaluate(() => window.Workspace.getText());
}

// Runs `f(view, arg)` on the CodeMirror view in the page (found through CodeMirror's own
// EditorView.findFromDOM) and returns its result.
export function withView(page, f, arg) {
  // One expression evaluated by the browser's debugging protocol (as page.evaluate
  // does), not `new Function` in the page, which the page's policy forbids.
  const find = 'window.CM.EditorView.findFromDOM(document.getElementById("editor").shadowRoot.querySelector(".cm-editor"))';
  return page.evaluate(`(${f.toString()})(${find}, ${JSON.stringify(arg === undefined ? null : arg)})`);
}

// Puts the cursor at line `n` (from 1), at its end (or at column `column`, from 1), and
// focuses the editor.
export async function cursorAt(page, n, column) {
  await page.locator("#editor .cm-content").focus();
  await withView(page, (view, [n, column]) => {
    const line = view.state.doc.line(n);
    const at = column ? line.from + column - 1 : line.to;
    view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
  }, [n, column || 0]);
}

// The line (from 1) the cursor is on.
export function cursorLine(page) {
  return withView(page, (view) => view.state.doc.lineAt(view.state.selection.main.head).number);
}

// Waits until the drawing shows `what` (a text in it).
export async function drawingShows(page, what) {
  await page.waitForFunction((t) => {
    const root = document.getElementById("drawing-host").shadowRoot;
    const svg = root && root.querySelector("svg");
    return svg && svg.textContent.includes(t);
  }, what);
}

// The drawing's text.
export function drawingText(page) {
  return page.evaluate(() => {
    const svg = document.getElementById("drawing-host").shadowRoot.querySelector("svg");
    return svg ? svg.textContent : "";
  });
}
