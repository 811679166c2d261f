// The workspace page: the editor, the live drawing, the report and the questions.
// Plain JavaScript, no framework. User text is only ever placed with textContent or as
// the drawing's image data, never parsed as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const editor = $("editor");
const gutter = $("gutter");
const problems = $("problems");
const statusLine = $("status");
const picture = $("picture");
const drawing = $("drawing");
const stale = $("stale");
const traceSelect = $("trace");
const anonymize = $("anonymize");
const notice = $("notice");

const DEBOUNCE_MS = 150;
const POLL_MS = 1000;

let savedText = "";     // what the file on disk holds, as far as this page knows
let baseVersion = "";   // the version token of that text
let noticeVersion = ""; // the disk version a notice is about
let saves = 0;          // saves started so far, to tell a status reply from before one
let timer = 0;
let inFlight = false;
let again = false;
let saving = false;
let gutterLines = 0;
let marks = new Map(); // line → "bad" | "warn"

function time() {
  return new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

function setStatus(text, kind) {
  statusLine.textContent = text;
  statusLine.className = kind || "";
}

// ---- talking to the workspace (only through GenogramApi, api.js) ----------------------

const isText = (v) => typeof v === "string";
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
// The shapes of the replies this page uses: anything else changes nothing.
const replies = {
  file: (r) => isObject(r) && isText(r.text) && isText(r.version),
  status: (r) => isObject(r) && isText(r.version),
  save: (r) => isObject(r) && isText(r.version),
  render: (r) => isObject(r) && typeof r.ok === "boolean" && Array.isArray(r.diagnostics)
    && r.diagnostics.every((d) => isObject(d) && Number.isInteger(d.line) && Number.isInteger(d.column)
      && isText(d.message) && isText(d.severity) && (d.help === undefined || (Array.isArray(d.help) && d.help.every(isText))))
    && (!r.ok || (isText(r.svg) && isText(r.report) && Array.isArray(r.skills) && r.skills.every(isText)
      && Array.isArray(r.gaps) && r.gaps.every((g) => isObject(g) && isText(g.question) && (isText(g.name) || isText(g.person))))),
};

// The words for a failed call (see the kinds in api.js).
function trouble(e, what) {
  switch (e && e.kind) {
    case "no-key": return "This page has no key: open the address that genogram serve printed (it ends in #key=…)";
    case "not-ours": return what + ": this page is no longer talking to its workspace (it may have stopped, and another program may be using its address). Nothing was sent. Start genogram serve again and open the address it prints.";
    case "bad-reply": return what + ": the workspace sent a reply this page does not understand; nothing was changed";
    case "http": return what + (e.status === 503 ? ": the workspace stayed busy; try again in a moment" : ": the workspace refused (" + e.status + ")");
    default: return what + ": the workspace is not answering; is it still running?";
  }
}

const BUSY = "Busy, retrying…";
GenogramApi.onBusy = () => setStatus(BUSY, "unsaved");
// After an answer, the status no longer says busy.
function answered() {
  if (statusLine.textContent !== BUSY) return;
  if (dirty()) setStatus("Unsaved changes", "unsaved"); else setStatus("No unsaved changes");
}

function dirty() {
  return editor.value !== savedText;
}

// ---- the line-number gutter -------------------------------------------------------

function lineCount() {
  let n = 1;
  const t = editor.value;
  for (let i = t.indexOf("\n"); i !== -1; i = t.indexOf("\n", i + 1)) n++;
  return n;
}

function drawGutter() {
  const n = lineCount();
  if (n !== gutterLines) {
    const frag = document.createDocumentFragment();
    for (let i = 1; i <= n; i++) {
      const d = document.createElement("div");
      d.textContent = String(i);
      frag.appendChild(d);
    }
    gutter.replaceChildren(frag);
    gutterLines = n;
  }
  const rows = gutter.children;
  for (let i = 0; i < rows.length; i++) {
    const m = marks.get(i + 1);
    const cls = m || "";
    if (rows[i].className !== cls) rows[i].className = cls;
  }
  gutter.scrollTop = editor.scrollTop;
}

editor.addEventListener("scroll", () => { gutter.scrollTop = editor.scrollTop; });

// ---- moving the cursor to a problem ------------------------------------------------

// The offset in the textarea of line `line`, column `column` (both from 1, columns in
// characters as the server counts them).
function offsetOf(line, column) {
  const t = editor.value;
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = t.indexOf("\n", start);
    if (nl === -1) return t.length;
    start = nl + 1;
  }
  let end = t.indexOf("\n", start);
  if (end === -1) end = t.length;
  const chars = Array.from(t.slice(start, end)).slice(0, Math.max(0, column - 1));
  return start + chars.join("").length;
}

function goTo(line, column) {
  const at = offsetOf(line, column);
  editor.focus();
  editor.setSelectionRange(at, at);
  const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 21;
  const top = (line - 1) * lineHeight;
  if (top < editor.scrollTop || top > editor.scrollTop + editor.clientHeight - 2 * lineHeight) {
    editor.scrollTop = Math.max(0, top - editor.clientHeight / 3);
  }
}

// ---- showing a render ---------------------------------------------------------------

function showProblems(list, ok) {
  marks = new Map();
  const items = [];
  for (const d of list) {
    if (!marks.has(d.line) || d.severity === "error") {
      marks.set(d.line, d.severity === "error" ? "bad" : "warn");
    }
    const li = document.createElement("li");
    li.className = d.severity;
    li.tabIndex = 0;
    li.dataset.line = d.line;
    li.dataset.column = d.column;
    const what = document.createElement("span");
    what.textContent = `line ${d.line}, column ${d.column}: ${d.message}`;
    li.appendChild(what);
    for (const h of d.help || []) {
      const help = document.createElement("span");
      help.className = "help";
      help.textContent = h;
      li.appendChild(help);
    }
    items.push(li);
  }
  if (items.length === 0 && ok) {
    const li = document.createElement("li");
    li.className = "none";
    li.textContent = "No problems found.";
    items.push(li);
  }
  problems.replaceChildren(...items);
  drawGutter();
}

function onProblem(event) {
  const li = event.target.closest("li");
  if (!li || !li.dataset.line) return;
  if (event.type === "keydown" && event.key !== "Enter" && event.key !== " ") return;
  event.preventDefault();
  goTo(Number(li.dataset.line), Number(li.dataset.column));
}
problems.addEventListener("click", onProblem);
problems.addEventListener("keydown", onProblem);

function showSkills(skills, traced) {
  const wanted = traceSelect.value;
  const current = Array.from(traceSelect.options).slice(1).map((o) => o.value);
  if (current.join("\u0000") !== skills.join("\u0000")) {
    const options = [new Option("none", "")];
    for (const s of skills) options.push(new Option(s, s));
    traceSelect.replaceChildren(...options);
  }
  traceSelect.value = skills.includes(wanted) ? wanted : "";
  if (traced === null && wanted && !skills.includes(wanted)) traceSelect.value = "";
}

function showQuestions(gaps) {
  const items = gaps.map((g) => {
    const li = document.createElement("li");
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = (g.name || g.person) + ": ";
    li.appendChild(who);
    li.appendChild(document.createTextNode(g.question));
    return li;
  });
  if (items.length === 0) {
    const li = document.createElement("li");
    li.textContent = "Nothing is missing that the report knows to ask about.";
    items.push(li);
  }
  $("questions").replaceChildren(...items);
}

function show(result) {
  showProblems(result.diagnostics || [], result.ok);
  if (result.ok) {
    picture.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(result.svg);
    picture.dataset.rendered = "yes";
    drawing.classList.remove("dim");
    stale.hidden = true;
    $("report").textContent = result.report;
    showQuestions(result.gaps);
    showSkills(result.skills, result.trace);
  } else {
    drawing.classList.add("dim");
    stale.hidden = picture.dataset.rendered !== "yes";
  }
}

// ---- rendering as the text changes --------------------------------------------------

async function render() {
  if (inFlight) { again = true; return; }
  inFlight = true;
  again = false;
  try {
    show(await GenogramApi.call("POST", "/api/render", {
      text: editor.value,
      trace: traceSelect.value || null,
      anonymize: anonymize.checked,
    }, replies.render));
    answered();
  } catch (e) {
    setStatus(trouble(e, "Not drawn"), "failed");
  } finally {
    inFlight = false;
    if (again) render();
  }
}

function scheduleRender() {
  clearTimeout(timer);
  timer = setTimeout(render, DEBOUNCE_MS);
}

editor.addEventListener("input", () => {
  drawGutter();
  if (dirty()) setStatus("Unsaved changes", "unsaved");
  else setStatus("No unsaved changes");
  scheduleRender();
});

// A new line starts at the indentation of the one before: YAML is written in steps.
editor.addEventListener("keydown", (event) => {
  if (event.key !== "Enter" || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
  const t = editor.value;
  const at = editor.selectionStart;
  const lineStart = t.lastIndexOf("\n", at - 1) + 1;
  const indent = /^ */.exec(t.slice(lineStart, at))[0];
  if (!indent) return;
  event.preventDefault();
  editor.setRangeText("\n" + indent, at, editor.selectionEnd, "end");
  editor.dispatchEvent(new Event("input"));
});

traceSelect.addEventListener("change", render);
anonymize.addEventListener("change", render);
$("fit").addEventListener("change", (e) => drawing.classList.toggle("fit", e.target.checked));

// ---- the file on disk ---------------------------------------------------------------

// Loads the file into the editor. With `onlyIfClean`, edits typed while the file was on
// its way are not thrown away: the notice asks instead.
async function loadFile(onlyIfClean) {
  let body;
  try {
    body = await GenogramApi.call("GET", "/api/file", undefined, replies.file);
  } catch (e) {
    // The file is not there or cannot be opened here: the workspace says why.
    const said = e.kind === "http" && e.body && isText(e.body.message) ? e.body : null;
    if (!said) throw e;
    if (onlyIfClean && dirty()) return false;
    hideNotice();
    if (isText(said.version)) baseVersion = said.version;
    showNotice(said.message, false);
    return false;
  }
  if (onlyIfClean && dirty()) {
    noticeVersion = body.version;
    showNotice("Another program changed the file on disk, and you have unsaved changes here.", true);
    return false;
  }
  hideNotice();
  const keepAt = editor.selectionStart;
  editor.value = body.text;
  editor.setSelectionRange(Math.min(keepAt, body.text.length), Math.min(keepAt, body.text.length));
  savedText = body.text;
  baseVersion = body.version;
  editor.disabled = false;
  drawGutter();
  render();
  return true;
}

async function save() {
  if (saving) return;
  saving = true;
  saves += 1;
  const text = editor.value;
  try {
    const body = await GenogramApi.call("POST", "/api/save", { text, base: baseVersion }, replies.save);
    savedText = text;
    baseVersion = body.version;
    hideNotice();
    if (dirty()) setStatus("Unsaved changes", "unsaved"); else setStatus("Saved at " + time());
  } catch (e) {
    const said = e.kind === "http" && e.body && isText(e.body.message) ? e.body : null;
    if (said && e.status === 409 && isText(said.version)) {
      noticeVersion = said.version;
      showNotice(said.message, true);
      setStatus("Not saved", "failed");
    } else if (said) {
      setStatus(said.message, "failed");
    } else {
      setStatus(trouble(e, "Not saved"), "failed");
    }
  } finally {
    saving = false;
  }
}

function showNotice(text, canLoad) {
  $("notice-text").textContent = text;
  $("notice-load").hidden = !canLoad;
  notice.hidden = false;
}

function hideNotice() {
  notice.hidden = true;
  noticeVersion = "";
}

$("notice-load").addEventListener("click", () => {
  loadFile().then((loaded) => { if (loaded) setStatus("Loaded the file from disk at " + time()); })
    .catch((e) => setStatus(trouble(e, "Not loaded"), "failed"));
});
$("notice-keep").addEventListener("click", () => {
  baseVersion = noticeVersion || baseVersion;
  hideNotice();
  setStatus("Unsaved changes: saving will replace the other version (kept as the backup)", "unsaved");
});

async function poll() {
  if (saving) return;
  // A reply about the file as it was before a save that started meanwhile says nothing
  // about other programs: it would show a false "changed on disk" notice.
  const savesBefore = saves;
  try {
    const body = await GenogramApi.call("GET", "/api/status", undefined, replies.status);
    answered();
    if (saving || saves !== savesBefore) return;
    if (body.version === baseVersion || body.version === noticeVersion) return;
    if (body.version === "missing") {
      noticeVersion = body.version;
      showNotice("The family file is no longer on disk. Save writes it again.", false);
    } else if (!dirty()) {
      if (await loadFile(true)) setStatus("Another program changed the file; loaded at " + time());
    } else {
      noticeVersion = body.version;
      showNotice("Another program changed the file on disk, and you have unsaved changes here.", true);
    }
  } catch (e) {
    setStatus(trouble(e, "Not checked for changes"), "failed");
  }
}

$("save").addEventListener("click", save);
document.addEventListener("keydown", (event) => {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
    event.preventDefault();
    save();
  }
});
window.addEventListener("beforeunload", (event) => {
  if (dirty()) event.preventDefault();
});

// ---- tabs ---------------------------------------------------------------------------

const tabs = Array.from(document.querySelectorAll("[role=tab]"));
function choose(tab) {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute("aria-selected", String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute("aria-controls")).hidden = !on;
  }
  tab.focus();
}
for (const t of tabs) {
  t.addEventListener("click", () => choose(t));
  t.addEventListener("keydown", (event) => {
    const i = tabs.indexOf(t);
    if (event.key === "ArrowRight") choose(tabs[(i + 1) % tabs.length]);
    if (event.key === "ArrowLeft") choose(tabs[(i + tabs.length - 1) % tabs.length]);
  });
}

loadFile().then((opened) => { if (opened) setStatus("Opened at " + time()); }).catch((e) => {
  setStatus(trouble(e, "The family file could not be opened"), "failed");
});
setInterval(poll, POLL_MS);
