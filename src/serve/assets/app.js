// The workspace page: the text editor (CodeMirror 6, from /vendor/codemirror.js), the live
// drawing, the report and the questions, and `window.Workspace`, on which the person
// panel (forms.js) and the interview screen are built.
//
// Plain JavaScript, no framework. User text is only ever placed with textContent, as
// attribute values, or inside the drawing, which is the server's own SVG (every text in
// it escaped) parsed as XML, never as HTML; the page's Content-Security-Policy runs no
// script that is not one of the page's own files.
//
// Styles and the Content-Security-Policy (style-src 'self', unchanged): the editor and the
// drawing each live in a shadow root. CodeMirror then puts its generated styles in a
// constructed style sheet adopted by that root (style-mod does so for shadow roots), and
// the drawing's own <style> is moved into one the same way: style sheets built by the
// page's script through the CSS object model, which CSP leaves to script-src, instead of
// <style> elements, which style-src 'self' refuses. The shadow roots also keep the
// drawing's rules (`text { … }`) and ids from reaching the rest of the page.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const statusLine = $("status");
  const problems = $("problems");
  const stale = $("stale");
  const traceSelect = $("trace");
  const anonymize = $("anonymize");
  // The year slider: its last stop is the family now; any other draws it as it was then.
  const asOf = $("as-of");
  const asOfShown = $("as-of-shown");
  const notice = $("notice");
  const drawing = $("drawing-view");
  const privacyButton = $("privacy");

  const DEBOUNCE_MS = 150;
  const POLL_MS = 1000;
  const PRIVACY_KEY = "genogram-privacy";

  let savedText = "";     // what the file on disk holds, as far as this page knows
  let baseVersion = "";   // the version token of that text
  let noticeVersion = ""; // the disk version a notice is about
  let saves = 0;          // saves started so far, to tell a status reply from before one
  let timer = 0;
  let inFlight = false;
  let again = false;
  let saving = false;
  let loaded = false;
  let lastFamily = null;  // the last valid family, as JSON
  let entries = {};       // person id → the line their entry starts on
  let symbols = {};       // person id → the id of their group in the drawing
  let selected = null;    // the selected person's id
  let pendingEntry = null; // a person whose entry the editor goes to after the next drawing
  let renderedText = null; // the text of the last valid drawing
  let privacy = remembered(PRIVACY_KEY) === "on";
  const renderedCallbacks = [];

  // sessionStorage, which a browser may refuse: then nothing is remembered.
  function remembered(name) {
    try { return sessionStorage.getItem(name); } catch (e) { return null; }
  }
  function remember(name, value) {
    try { sessionStorage.setItem(name, value); } catch (e) { /* not remembered */ }
  }

  function time() {
    return new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function setStatus(text, kind) {
    statusLine.textContent = text;
    statusLine.className = kind || "";
  }

  // ---- talking to the workspace ---------------------------------------------------------

  // Every request goes through GenogramApi (api.js), which proves it is talking to its own
  // workspace before it sends anything. `check` validates the reply's shape; `body` is
  // undefined for a GET.
  function call(method, path, body, check) {
    return window.GenogramApi.call(method, path, body, check);
  }

  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const isString = (v) => typeof v === "string";

  // The words for a failed call (see the kinds in api.js).
  function trouble(e, what) {
    switch (e && e.kind) {
      case "no-key": return "This page has no key: open the address that genogram serve printed (it ends in #key=…)";
      case "not-ours": return what + ": this page is no longer talking to its workspace (it may have stopped, and another program may be using its address). Nothing was sent. Start genogram serve again and open the address it prints.";
      case "bad-reply": return what + ": the workspace sent a reply this page does not understand; nothing was changed";
      case "http":
        if (isObject(e.body) && isString(e.body.message)) return e.body.message;
        return what + (e.status === 503 ? ": the workspace stayed busy; try again in a moment" : ": the workspace refused (" + e.status + ")");
      default: return what + ": the workspace is not answering; is it still running?";
    }
  }

  const BUSY = "Busy, retrying…";
  window.GenogramApi.onBusy = () => setStatus(BUSY, "unsaved");
  // After an answer, the status no longer says busy.
  function answered() {
    if (statusLine.textContent !== BUSY) return;
    if (dirty()) setStatus("Unsaved changes", "unsaved"); else setStatus("No unsaved changes");
  }

  // ---- the text editor -------------------------------------------------------------------

  const editorHost = $("editor");
  const editorRoot = editorHost.attachShadow({ mode: "open" });
  const contentLabel = "Family file (YAML). Tab indents; press Escape, then Tab, to leave the text.";

  const themeRules = {
    "&": {
      height: "100%", fontSize: "14px", color: "#111", backgroundColor: "#fff",
    },
    "&.cm-focused": { outline: "2px solid #1c56c4", outlineOffset: "-2px" },
    ".cm-scroller": {
      fontFamily: 'ui-monospace, "Cascadia Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace',
      lineHeight: "1.5",
    },
    ".cm-content": { padding: "0.4em 0" },
    ".cm-gutters": { backgroundColor: "#f6f6f6", color: "#666", borderRight: "1px solid #ddd" },
    ".cm-lineNumbers .cm-gutterElement": { padding: "0 0.5em 0 0.8em", minWidth: "3em" },
    ".cm-activeLine": { backgroundColor: "#f1f5fd" },
    ".cm-activeLineGutter": { backgroundColor: "#e3eafa", color: "#111" },
    ".cm-selectionBackground, &.cm-focused .cm-selectionBackground": { backgroundColor: "#c9d9f7 !important" },
    ".cm-lintRange-error": { backgroundColor: "#fde2e2" },
    ".cm-lintRange-warning": { backgroundColor: "#fff1c9" },
    ".cm-tooltip": { fontFamily: "system-ui, sans-serif", fontSize: "14px" },
    ".cm-diagnostic": { padding: "0.3em 0.6em", maxWidth: "34em" },
    ".cm-diagnostic-error": { borderLeft: "5px solid #c00" },
    ".cm-diagnostic-warning": { borderLeft: "5px solid #e8a400" },
    ".cm-line.ws-entry": { backgroundColor: "#dfe9ff" },
  };

  // Long lines wrap, and the rest of a wrapped line is set in further than the line's own
  // key (its indentation and any `- `, plus two), so that it never reads as a key of its
  // own at the left edge: a class per depth (their rules are in the theme), put on the
  // lines in view.
  const HANG_MAX = 30;
  const hangMarks = [];
  for (let n = 0; n <= HANG_MAX; n++) hangMarks.push(CM.Decoration.line({ class: "ws-hang-" + n }));
  const hangingIndent = CM.ViewPlugin.fromClass(class {
    constructor(view) { this.decorations = this.build(view); }
    update(update) {
      if (update.docChanged || update.viewportChanged) this.decorations = this.build(update.view);
    }
    build(view) {
      const marks = [];
      for (const { from, to } of view.visibleRanges) {
        for (let pos = from; pos <= to;) {
          const line = view.state.doc.lineAt(pos);
          const n = Math.min(HANG_MAX, /^ *(?:- +)?/.exec(line.text)[0].length + 2);
          marks.push(hangMarks[n].range(line.from));
          pos = line.to + 1;
        }
      }
      return CM.Decoration.set(marks);
    }
  }, { decorations: (plugin) => plugin.decorations });
  for (let n = 0; n <= HANG_MAX; n++) {
    themeRules[".cm-line.ws-hang-" + n] = { paddingLeft: `calc(6px + ${n}ch)`, textIndent: `-${n}ch` };
  }
  const theme = CM.EditorView.theme(themeRules);

  const entryMark = CM.Decoration.line({ class: "ws-entry" });
  const setEntry = CM.StateEffect.define();
  // The line of the selected person's entry, shaded until the text changes.
  const entryField = CM.StateField.define({
    create: () => CM.Decoration.none,
    update(deco, tr) {
      for (const e of tr.effects) {
        if (e.is(setEntry)) {
          return e.value === null ? CM.Decoration.none : CM.Decoration.set([entryMark.range(e.value)]);
        }
      }
      return tr.docChanged ? CM.Decoration.none : deco;
    },
    provide: (f) => CM.EditorView.decorations.from(f),
  });

  // Where Enter puts the cursor: one step (two spaces) in after a key that opens a block
  // (`walter:`) or on the line of a list item (`- partners: […]`, the next key lines up
  // with `partners`), else where the line above starts. Predictable beats clever here:
  // the file is written in steps of two spaces.
  function yamlIndent(cx, pos) {
    const doc = cx.state.doc;
    let line = cx.simulatedBreak === pos ? cx.lineAt(pos, -1) : null;
    if (!line) {
      const here = doc.lineAt(pos);
      if (here.number === 1) return 0;
      line = doc.line(here.number - 1);
    }
    while (!/\S/.test(line.text)) {
      if (line.from === 0) return 0;
      line = doc.lineAt(line.from - 1);
    }
    const indent = /^ */.exec(line.text)[0].length;
    const body = line.text.replace(/\s#.*$/, "").trimEnd();
    if (/^ *- +\S/.test(body)) return /^ *- +/.exec(body)[0].length;
    if (body.endsWith(":")) return indent + 2;
    return indent;
  }

  const editable = new CM.Compartment();
  function extensions() {
    return [
      CM.lineNumbers(),
      CM.highlightActiveLineGutter(),
      CM.highlightSpecialChars(),
      CM.history(),
      CM.drawSelection(),
      CM.syntaxHighlighting(CM.defaultHighlightStyle, { fallback: true }),
      CM.bracketMatching(),
      CM.highlightActiveLine(),
      CM.EditorView.lineWrapping,
      CM.indentUnit.of("  "),
      CM.indentService.of(yamlIndent),
      CM.EditorState.tabSize.of(2),
      CM.yaml(),
      CM.lintGutter(),
      entryField,
      hangingIndent,
      // Tab indents (Shift+Tab outdents); Escape then Tab leaves the editor (CodeMirror's
      // own rule, said in the label and above the editor).
      CM.keymap.of([...CM.defaultKeymap, ...CM.historyKeymap, CM.indentWithTab]),
      editable.of(CM.EditorView.editable.of(false)),
      CM.EditorView.contentAttributes.of({
        // (The label says it all: an aria-describedby could not reach out of the shadow root.)
        "aria-label": contentLabel,
        spellcheck: "false",
        autocapitalize: "off",
        autocorrect: "off",
      }),
      CM.EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        // Typing cancels a wait to go to a selected person's entry: the cursor stays
        // where the user is writing.
        if (update.transactions.some((tr) => tr.docChanged && !tr.isUserEvent("input.replace") && !tr.isUserEvent("input.form"))) {
          pendingEntry = null;
        }
        changed();
      }),
      theme,
    ];
  }

  const view = new CM.EditorView({
    root: editorRoot,
    parent: editorRoot,
    state: CM.EditorState.create({ doc: "", extensions: extensions() }),
  });

  function getText() {
    return view.state.doc.toString();
  }

  function dirty() {
    return getText() !== savedText;
  }

  function changed() {
    if (!loaded) return;
    if (dirty()) setStatus("Unsaved changes", "unsaved");
    else setStatus("No unsaved changes");
    scheduleRender();
  }

  // The change that turns `from` into `to`: the range where they differ, so that the
  // cursor and the undo history keep their place outside it.
  function difference(from, to) {
    let start = 0;
    const max = Math.min(from.length, to.length);
    while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
    let end = 0;
    while (end < max - start &&
      from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)) end++;
    // Never split a surrogate pair.
    if (start > 0 && isHighSurrogate(from.charCodeAt(start - 1))) start--;
    if (end > 0 && isLowSurrogate(from.charCodeAt(from.length - end))) end--;
    return { from: start, to: from.length - end, insert: to.slice(start, to.length - end) };
  }
  const isHighSurrogate = (c) => c >= 0xd800 && c <= 0xdbff;
  const isLowSurrogate = (c) => c >= 0xdc00 && c <= 0xdfff;

  // Puts `text` in the editor as one transaction that undo takes back in one step.
  function replaceText(text, userEvent) {
    const old = getText();
    if (old === text) return;
    view.dispatch({
      changes: difference(old, text),
      annotations: [CM.isolateHistory.of("full"), CM.Transaction.userEvent.of(userEvent || "input.replace")],
    });
  }

  // The document offset of line `line`, column `column` (both from 1; the server counts
  // columns in characters, the editor in UTF-16 units).
  function offsetOf(line, column) {
    const doc = view.state.doc;
    if (line < 1) return 0;
    if (line > doc.lines) return doc.length;
    const l = doc.line(line);
    const chars = Array.from(l.text).slice(0, Math.max(0, column - 1));
    return l.from + chars.join("").length;
  }

  function goTo(line, column, focus) {
    const at = offsetOf(line, column);
    view.dispatch({
      selection: { anchor: at },
      effects: CM.EditorView.scrollIntoView(at, { y: "center" }),
    });
    if (focus && !privacy) view.focus();
  }

  // The problems of the last render as editor markers: underlined from the reported place
  // to the end of the word there, with a mark in the gutter and the message on hover.
  function markProblems(list) {
    const doc = view.state.doc;
    const diagnostics = [];
    for (const d of list) {
      const from = offsetOf(d.line, d.column);
      const line = doc.lineAt(from);
      const rest = line.text.slice(from - line.from);
      const word = /^[^\s,{}[\]]*/.exec(rest)[0].length;
      const to = Math.min(line.to, from + Math.max(word, 1));
      const help = (d.help || []).join(" ");
      diagnostics.push({
        from, to,
        severity: d.severity === "error" ? "error" : "warning",
        message: help ? `${d.message} ${help}` : d.message,
      });
    }
    view.dispatch(CM.setDiagnostics(view.state, diagnostics));
  }

  // ---- the problems list -------------------------------------------------------------------

  function showProblems(list, ok) {
    const items = [];
    for (const d of list) {
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
    $("problems-title").textContent = list.length ? `Problems (${list.length})` : "Problems";
  }

  function onProblem(event) {
    const li = event.target.closest("li");
    if (!li || !li.dataset.line) return;
    if (event.type === "keydown" && event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    goTo(Number(li.dataset.line), Number(li.dataset.column), true);
  }
  problems.addEventListener("click", onProblem);
  problems.addEventListener("keydown", onProblem);

  // ---- the drawing -------------------------------------------------------------------------

  const drawingRoot = $("drawing-host").attachShadow({ mode: "open" });
  // What the page adds to the drawing: the selected person and the keyboard focus.
  const overlaySheet = new CSSStyleSheet();
  overlaySheet.replaceSync(`
    svg { display: block; }
    .person { cursor: pointer; }
    .person:focus { outline: none; }
    .person:hover .sym { stroke: #1c56c4; }
    .ws-ring { pointer-events: none; }
    .ws-selected { fill: #a9c6ff; fill-opacity: 0.45; stroke: #1c56c4; stroke-width: 1; }
    .ws-ring.ws-focus { fill: none; stroke: #1c56c4; stroke-width: 2.5; stroke-dasharray: 6 3; }
  `);
  let drawingSheet = new CSSStyleSheet();
  drawingRoot.adoptedStyleSheets = [drawingSheet, overlaySheet];

  let svg = null;          // the drawing shown
  let natural = null;      // its size at 100 %: {w, h}
  let scale = 1;
  let fit = true;
  const MIN_SCALE = 0.1;
  const MAX_SCALE = 8;

  function personGroups() {
    return svg ? Array.from(svg.querySelectorAll("g.person[data-person]")) : [];
  }

  function idOfGroup(g) {
    return g.dataset.person || null;
  }

  // The text of XML character data: the five predefined entities and character references.
  function xmlText(raw) {
    const named = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
    return raw.replace(/&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g, (m, hex, dec, name) =>
      name ? named[name] : String.fromCodePoint(parseInt(hex || dec, hex ? 16 : 10)));
  }

  // Shows an SVG string from /api/render: parsed as XML (not HTML), its <style> moved to
  // an adopted sheet, every person made a button that selects them.
  function showDrawing(text) {
    // The <style> is taken out before parsing: the parsed document shares the page's
    // policy, which refuses (and reports) <style> elements.
    let css = "";
    let rest = text;
    for (let at = rest.indexOf("<style>"); at !== -1; at = rest.indexOf("<style>")) {
      const end = rest.indexOf("</style>", at);
      if (end === -1) return false;
      const raw = rest.slice(at + 7, end);
      const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(raw);
      css += (cdata ? cdata[1] : xmlText(raw)) + "\n";
      rest = rest.slice(0, at) + rest.slice(end + 8);
    }
    const parsed = new DOMParser().parseFromString(rest, "image/svg+xml");
    const root = parsed.documentElement;
    if (!root || root.namespaceURI !== "http://www.w3.org/2000/svg" || parsed.querySelector("parsererror")) {
      return false;
    }
    // Nothing but the drawing: no scripts, links or handlers, whatever the server sent.
    for (const el of Array.from(root.querySelectorAll("script, foreignObject, a"))) el.remove();
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    const node = document.importNode(root, true);
    const w = parseFloat(node.getAttribute("width"));
    const h = parseFloat(node.getAttribute("height"));
    if (!(w > 0 && h > 0)) return false;
    // A group of buttons, not one image: role=img would hide the people from screen readers.
    node.setAttribute("role", "group");
    node.setAttribute("aria-roledescription", "genogram");
    // Who each person group is: the server says which element id it gave each person.
    const byDomId = new Map(Object.entries(symbols).filter(([, el]) => isString(el)).map(([id, el]) => [el, id]));
    for (const g of node.querySelectorAll("g.person[id]")) {
      const id = byDomId.get(g.id);
      if (id === undefined) continue;
      g.dataset.person = id;
      g.setAttribute("role", "button");
      g.setAttribute("tabindex", "-1");
      const title = g.querySelector(":scope > title");
      if (title) g.setAttribute("aria-label", title.textContent);
    }
    drawingSheet = sheet;
    drawingRoot.adoptedStyleSheets = [drawingSheet, overlaySheet];
    const scrollLeft = drawing.scrollLeft;
    const scrollTop = drawing.scrollTop;
    // Keyboard focus on a person stays on that person in the new drawing.
    const focused = drawingRoot.activeElement && drawingRoot.activeElement.dataset
      ? drawingRoot.activeElement.dataset.person : undefined;
    drawingRoot.replaceChildren(node);
    svg = node;
    natural = { w, h };
    applyScale();
    if (!fit) { drawing.scrollLeft = scrollLeft; drawing.scrollTop = scrollTop; }
    const people = personGroups();
    const keep = selected !== null && people.find((g) => idOfGroup(g) === selected);
    for (const g of people) g.setAttribute("tabindex", "-1");
    const first = keep || people[0];
    if (first) first.setAttribute("tabindex", "0");
    if (keep) placeRing("ws-selected", keep);
    const refocus = focused !== undefined && people.find((g) => idOfGroup(g) === focused);
    if (refocus) focusPerson(refocus, false);
    drawing.dataset.rendered = "yes";
    return true;
  }

  // Marks person group `g`: `ws-selected` as a pale blue field behind the person (symbol,
  // years, skills and name; not an outline, which would read as the double outline of
  // the client), `ws-focus` as a dashed frame on top, for the keyboard focus. Drawn inside
  // the group so that they follow its placement; removed from wherever they were.
  const boxes = new WeakMap(); // person group → its box without the marks
  function boxOf(g) {
    let box = boxes.get(g);
    if (!box) {
      const marks = Array.from(g.querySelectorAll(":scope > .ws-ring"));
      const after = marks.map((m) => m.nextSibling);
      for (const m of marks) m.remove();
      box = g.getBBox();
      marks.forEach((m, i) => g.insertBefore(m, after[i]));
      boxes.set(g, box);
    }
    return box;
  }

  function placeRing(cls, g) {
    if (!svg) return;
    for (const old of svg.querySelectorAll(".ws-ring." + cls)) old.remove();
    if (!g) return;
    const box = boxOf(g);
    const pad = cls === "ws-focus" ? 5 : 3;
    const r = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    r.setAttribute("class", "ws-ring " + cls);
    r.setAttribute("rx", "6");
    r.setAttribute("x", String(box.x - pad));
    r.setAttribute("y", String(box.y - pad));
    r.setAttribute("width", String(box.width + 2 * pad));
    r.setAttribute("height", String(box.height + 2 * pad));
    if (cls === "ws-selected") {
      // Behind everything the person is drawn with.
      const title = g.querySelector(":scope > title");
      g.insertBefore(r, title ? title.nextSibling : g.firstChild);
    } else {
      g.appendChild(r);
    }
  }

  function groupOf(id) {
    return personGroups().find((g) => idOfGroup(g) === id) || null;
  }

  function applyScale() {
    if (!svg || !natural) return;
    // A hidden pane has no size to fit into: it is fitted when shown (see choose()).
    if (fit && drawing.clientWidth === 0) return;
    if (fit) {
      const pad = 16;
      const cw = Math.max(50, drawing.clientWidth - pad);
      const ch = Math.max(50, drawing.clientHeight - pad);
      scale = Math.min(cw / natural.w, ch / natural.h, 2);
    }
    scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
    svg.setAttribute("width", String(Math.round(natural.w * scale)));
    svg.setAttribute("height", String(Math.round(natural.h * scale)));
    $("zoom-level").textContent = `${Math.round(scale * 100)} %`;
    $("zoom-fit").setAttribute("aria-pressed", String(fit));
    drawing.classList.toggle("fit", fit);
  }

  // Zooms by `factor` keeping the drawing point under (x, y) (pane coordinates; the
  // middle of the pane by default) where it is.
  function zoomBy(factor, x, y) {
    if (!svg) return;
    const px = x === undefined ? drawing.clientWidth / 2 : x;
    const py = y === undefined ? drawing.clientHeight / 2 : y;
    // The drawing's point under (px, py), in drawing units (the host's offsets are from
    // the pane, which is positioned; a drawing narrower than the pane is centred in it).
    const host = $("drawing-host");
    const before = { x: (drawing.scrollLeft + px - host.offsetLeft) / scale, y: (drawing.scrollTop + py - host.offsetTop) / scale };
    fit = false;
    scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale * factor));
    applyScale();
    drawing.scrollLeft = before.x * scale + host.offsetLeft - px;
    drawing.scrollTop = before.y * scale + host.offsetTop - py;
  }

  function fitDrawing() {
    fit = true;
    applyScale();
    drawing.scrollLeft = 0;
    drawing.scrollTop = 0;
  }

  $("zoom-in").addEventListener("click", () => zoomBy(1.25));
  $("zoom-out").addEventListener("click", () => zoomBy(0.8));
  $("zoom-fit").addEventListener("click", fitDrawing);
  new ResizeObserver(() => { if (fit) applyScale(); }).observe(drawing);

  drawing.addEventListener("wheel", (event) => {
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    const r = drawing.getBoundingClientRect();
    zoomBy(event.deltaY < 0 ? 1.15 : 1 / 1.15, event.clientX - r.left, event.clientY - r.top);
  }, { passive: false });

  // Dragging moves the drawing; a press that barely moves is a click.
  let drag = null;
  drawing.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, left: drawing.scrollLeft, top: drawing.scrollTop, moved: false, id: event.pointerId };
  });
  drawing.addEventListener("pointermove", (event) => {
    if (!drag || event.pointerId !== drag.id) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 5) return;
    if (!drag.moved) { drag.moved = true; drawing.setPointerCapture(drag.id); drawing.classList.add("dragging"); }
    drawing.scrollLeft = drag.left - dx;
    drawing.scrollTop = drag.top - dy;
  });
  function endDrag() {
    if (drag && drag.moved) {
      drawing.classList.remove("dragging");
      // The click that ends a drag is not a click on a person.
      const swallow = (e) => { e.stopPropagation(); e.preventDefault(); };
      window.addEventListener("click", swallow, { capture: true, once: true });
      setTimeout(() => window.removeEventListener("click", swallow, { capture: true }), 0);
    }
    drag = null;
  }
  drawing.addEventListener("pointerup", endDrag);
  drawing.addEventListener("pointercancel", endDrag);

  function personFromEvent(event) {
    const path = event.composedPath();
    for (const el of path) {
      if (el instanceof SVGGElement && el.dataset && el.dataset.person !== undefined) return el;
      if (el === drawing) break;
    }
    return null;
  }

  drawing.addEventListener("click", (event) => {
    const g = personFromEvent(event);
    if (!g) return;
    selectPerson(idOfGroup(g));
    g.focus({ preventScroll: true });
  });

  // The nearest person from `g` in direction (dx, dy): in that half-plane, by distance
  // with sideways steps counting double, so Down goes to a child rather than a cousin.
  function neighbour(g, dx, dy) {
    const centre = (el) => {
      const b = el.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    };
    const c = centre(g);
    let best = null;
    let bestScore = Infinity;
    for (const other of personGroups()) {
      if (other === g) continue;
      const o = centre(other);
      const along = (o.x - c.x) * dx + (o.y - c.y) * dy;
      if (along <= 1) continue;
      const across = Math.abs((o.x - c.x) * dy) + Math.abs((o.y - c.y) * dx);
      const score = along + 2 * across;
      if (score < bestScore) { bestScore = score; best = other; }
    }
    return best;
  }

  drawing.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const g = personFromEvent(event);
    const key = event.key;
    if (key === "+" || key === "=") { zoomBy(1.25); event.preventDefault(); return; }
    if (key === "-" || key === "_") { zoomBy(0.8); event.preventDefault(); return; }
    if (key === "0") { fitDrawing(); event.preventDefault(); return; }
    if (!g) return;
    if (key === "Enter" || key === " ") {
      event.preventDefault();
      selectPerson(idOfGroup(g));
      return;
    }
    const dirs = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if (dirs[key]) {
      event.preventDefault();
      const next = neighbour(g, dirs[key][0], dirs[key][1]);
      if (next) focusPerson(next);
    }
  });

  function focusPerson(g, scroll) {
    for (const other of personGroups()) other.setAttribute("tabindex", other === g ? "0" : "-1");
    g.focus({ preventScroll: true });
    if (scroll !== false) scrollIntoDrawing(g);
  }

  drawingRoot.addEventListener("focusin", (event) => {
    const g = event.target.closest && event.target.closest("g.person");
    // The dashed frame shows where the keyboard is; after a click the selection says it.
    const keyboard = g && g.dataset.person !== undefined && g.matches(":focus-visible");
    placeRing("ws-focus", keyboard ? g : null);
    if (g) for (const other of personGroups()) other.setAttribute("tabindex", other === g ? "0" : "-1");
  });
  drawingRoot.addEventListener("focusout", () => placeRing("ws-focus", null));

  // Scrolls the pane so that person group `g` is in view, if it is not.
  function scrollIntoDrawing(g) {
    const b = g.getBoundingClientRect();
    const p = drawing.getBoundingClientRect();
    const margin = 30;
    if (b.left < p.left + margin) drawing.scrollLeft -= p.left + margin - b.left;
    else if (b.right > p.right - margin) drawing.scrollLeft += b.right - p.right + margin;
    if (b.top < p.top + margin) drawing.scrollTop -= p.top + margin - b.top;
    else if (b.bottom > p.bottom - margin) drawing.scrollTop += b.bottom - p.bottom + margin;
  }

  // ---- selecting a person ------------------------------------------------------------------

  // Selects person `id`: the drawing shows them ringed, the editor goes to their entry.
  // When the text has changed since the last drawing (a form just added them), the
  // editor goes there once the new drawing says where the entry is.
  function selectPerson(id) {
    if (typeof id !== "string") return;
    selected = id;
    const g = groupOf(id);
    placeRing("ws-selected", g);
    if (g) {
      for (const other of personGroups()) other.setAttribute("tabindex", other === g ? "0" : "-1");
      scrollIntoDrawing(g);
    }
    pendingEntry = renderedText === getText() ? null : id;
    if (pendingEntry === null) goToEntry(id);
    document.dispatchEvent(new CustomEvent("workspace:select", { detail: { id } }));
  }

  function goToEntry(id) {
    const line = entries[id];
    if (typeof line !== "number" || line < 1 || line > view.state.doc.lines) return;
    const l = view.state.doc.line(line);
    const at = l.from + (/^\s*/.exec(l.text)[0].length);
    view.dispatch({
      selection: { anchor: at },
      effects: [CM.EditorView.scrollIntoView(at, { y: "center" }), setEntry.of(l.from)],
    });
  }

  // ---- showing a render --------------------------------------------------------------------

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

  function showNames(result) {
    const file = isString(result.file) ? result.file : "";
    if (privacy) {
      $("family-title").textContent = "Genogram workspace";
      $("file-name").textContent = "";
      document.title = "Genogram workspace (privacy mode)";
      return;
    }
    if (result.ok) {
      const title = isString(result.title) && result.title.trim() ? result.title : "A family without a title";
      $("family-title").textContent = title;
      document.title = `${title} – Genogram workspace`;
    }
    $("file-name").textContent = file;
  }

  function show(result, text, forPrivacy) {
    if (forPrivacy !== privacy) return; // asked before privacy mode changed: ask again
    showNames(result);
    if (text === getText()) markProblems(result.diagnostics);
    showProblems(result.diagnostics, result.ok);
    if (result.ok) {
      entries = isObject(result.entries) ? result.entries : {};
      symbols = isObject(result.symbols) ? result.symbols : {};
      renderedText = text;
      lastFamily = isObject(result.family) ? result.family : null;
      showDrawing(result.svg);
      drawing.classList.remove("dim");
      stale.hidden = true;
      $("drawing-empty").hidden = true;
      $("report").textContent = result.report;
      showQuestions(result.gaps);
      showSkills(result.skills, result.trace);
      showYears(result.years);
      if (pendingEntry !== null && text === getText()) {
        const id = pendingEntry;
        pendingEntry = null;
        placeRing("ws-selected", groupOf(id));
        goToEntry(id);
      }
      for (const callback of renderedCallbacks) {
        try { callback(result); } catch (e) { console.error(e); }
      }
    } else {
      drawing.classList.add("dim");
      stale.textContent = privacy
        ? "There is a problem in the file. Turn privacy mode off to see it; the drawing comes back when it is fixed."
        : "There is a problem in the file: showing the last drawing that worked (and its report and questions).";
      stale.hidden = !privacy && drawing.dataset.rendered !== "yes";
      $("drawing-empty").hidden = privacy || drawing.dataset.rendered === "yes";
    }
  }

  const renderShape = (r) => isObject(r) && typeof r.ok === "boolean" && Array.isArray(r.diagnostics)
    && r.diagnostics.every((d) => isObject(d) && Number.isInteger(d.line) && Number.isInteger(d.column)
      && isString(d.message) && isString(d.severity) && (d.help === undefined || (Array.isArray(d.help) && d.help.every(isString))))
    && (!r.ok || (isString(r.svg) && isString(r.report) && Array.isArray(r.skills) && r.skills.every(isString)
      && Array.isArray(r.gaps) && r.gaps.every((g) => isObject(g) && isString(g.question) && (isString(g.name) || isString(g.person)))));

  async function render() {
    if (inFlight) { again = true; return; }
    inFlight = true;
    again = false;
    const text = getText();
    const forPrivacy = privacy;
    try {
      const result = await call("POST", "/api/render", {
        text,
        trace: traceSelect.value || null,
        anonymize: anonymize.checked || forPrivacy,
        privacy: forPrivacy,
        as_of: yearChosen(),
      }, renderShape);
      answered();
      show(result, text, forPrivacy);
      if (forPrivacy !== privacy) again = true;
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

  // ---- the year slider: the family as it was then ---------------------------------------
  // The year asked for, or null for now (the last stop, or a family without dates).
  function yearChosen() {
    if (asOf.disabled) return null;
    const year = Number(asOf.value);
    return year >= Number(asOf.max) ? null : year;
  }

  function showYear() {
    const year = yearChosen();
    const words = year === null ? "now" : String(year);
    asOfShown.textContent = words;
    asOf.setAttribute("aria-valuetext", year === null ? "now, as the file has it" : `the family in ${year}`);
  }

  // The slider runs from the first year the file names to the stop after its last one
  // ("now"); a chosen year stays chosen while the file changes, as far as it can.
  function showYears(years) {
    const ok = Array.isArray(years) && years.length === 2 && years.every(Number.isInteger);
    if (!ok) {
      asOf.disabled = true;
      showYear();
      return;
    }
    const chosen = yearChosen();
    asOf.min = String(years[0]);
    asOf.max = String(years[1] + 1);
    asOf.disabled = false;
    asOf.value = chosen === null ? asOf.max : String(Math.min(Math.max(chosen, years[0]), years[1]));
    showYear();
  }

  asOf.addEventListener("input", () => {
    showYear();
    scheduleRender();
  });
  asOf.addEventListener("change", () => {
    const year = yearChosen();
    announce(year === null ? "Showing the family now." : `Showing the family as it was in ${year}.`);
  });

  traceSelect.addEventListener("change", render);
  anonymize.addEventListener("change", render);

  // ---- privacy mode for a shared screen ------------------------------------------------------

  // Hides everything that names the family (the file's text, the problems, the title and
  // the file name, the person panel) and asks the server for a drawing, report and
  // questions with neutral labels. What was shown is cleared at once, not when the answer
  // comes.
  function setPrivacy(on) {
    privacy = on;
    remember(PRIVACY_KEY, on ? "on" : "off");
    document.body.classList.toggle("privacy", on);
    privacyButton.setAttribute("aria-pressed", String(on));
    privacyButton.textContent = on ? "Privacy mode: on" : "Privacy mode";
    $("editor").hidden = on;
    $("editor-keys").hidden = on;
    $("editor-hidden").hidden = !on;
    problems.hidden = on;
    $("person-panel").hidden = on;
    anonymize.disabled = on;
    if (on) {
      if (editorRoot.activeElement) privacyButton.focus();
      drawingRoot.replaceChildren();
      svg = null;
      drawing.dataset.rendered = "no";
      $("report").textContent = "";
      $("questions").replaceChildren();
    }
    view.dispatch({ effects: editable.reconfigure(CM.EditorView.editable.of(loaded && !on)) });
    showNames({ ok: false, file: "" });
    document.dispatchEvent(new CustomEvent("workspace:privacy", { detail: { on } }));
    if (loaded) render();
  }
  privacyButton.addEventListener("click", () => {
    setPrivacy(!privacy);
    announce(privacy ? "Privacy mode is on: names and the file's text are hidden." : "Privacy mode is off.");
  });

  // ---- the file on disk ----------------------------------------------------------------------

  const fileShape = (r) => isObject(r) && isString(r.text) && isString(r.version);

  // Loads the file into the editor. With `onlyIfClean`, edits typed while the file was on
  // its way are not thrown away: the notice asks instead.
  async function loadFile(onlyIfClean) {
    let body;
    try {
      body = await call("GET", "/api/file", undefined, fileShape);
    } catch (e) {
      // The file is not there or cannot be opened here: the workspace says why.
      if (e && e.kind === "http" && isObject(e.body) && isString(e.body.message)) {
        if (onlyIfClean && dirty()) return false;
        if (isString(e.body.version)) baseVersion = e.body.version;
        showNotice(e.body.message, false);
        if (!loaded) { loaded = true; setEditable(); render(); }
        return false;
      }
      throw e;
    }
    if (onlyIfClean && dirty()) {
      noticeVersion = body.version;
      showNotice("Another program changed the file on disk, and you have unsaved changes here.", true);
      return false;
    }
    hideNotice();
    if (!loaded) {
      // The first text starts a fresh history: undo never empties the editor.
      view.setState(CM.EditorState.create({ doc: body.text, extensions: extensions() }));
    } else {
      replaceText(body.text, "input.load");
    }
    savedText = body.text;
    baseVersion = body.version;
    loaded = true;
    setEditable();
    render();
    return true;
  }

  function setEditable() {
    view.dispatch({ effects: editable.reconfigure(CM.EditorView.editable.of(loaded && !privacy)) });
  }

  const saveShape = (r) => isObject(r) && r.saved === true && isString(r.version);

  async function save() {
    if (saving || !loaded) return;
    saving = true;
    saves += 1;
    const text = getText();
    try {
      const body = await call("POST", "/api/save", { text, base: baseVersion }, saveShape);
      savedText = text;
      baseVersion = body.version;
      hideNotice();
      if (dirty()) setStatus("Unsaved changes", "unsaved"); else setStatus("Saved at " + time());
    } catch (e) {
      if (e && e.kind === "http" && e.status === 409 && isObject(e.body)) {
        noticeVersion = isString(e.body.version) ? e.body.version : "";
        showNotice(isString(e.body.message) ? e.body.message : "The file changed on disk; nothing was saved.", true);
        setStatus("Not saved", "failed");
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
    loadFile().then(() => setStatus("Loaded the file from disk at " + time()))
      .catch((e) => setStatus(trouble(e, "Not loaded"), "failed"));
  });
  $("notice-keep").addEventListener("click", () => {
    baseVersion = noticeVersion || baseVersion;
    hideNotice();
    setStatus("Unsaved changes: saving will replace the other version (kept as the backup)", "unsaved");
  });

  const statusShape = (r) => isObject(r) && isString(r.version);

  async function poll() {
    if (saving || !loaded) return;
    // A reply about the file as it was before a save that started meanwhile says nothing
    // about other programs: it would show a false "changed on disk" notice.
    const savesBefore = saves;
    try {
      const body = await call("GET", "/api/status", undefined, statusShape);
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
    if (loaded && dirty()) event.preventDefault();
  });

  // ---- tabs ------------------------------------------------------------------------------------

  const tabs = Array.from(document.querySelectorAll("[role=tab]"));
  function choose(tab) {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute("aria-controls")).hidden = !on;
    }
    tab.focus();
    if (tab.id === "tab-drawing" && fit) applyScale();
  }
  for (const t of tabs) {
    t.addEventListener("click", () => choose(t));
    t.addEventListener("keydown", (event) => {
      const i = tabs.indexOf(t);
      if (event.key === "ArrowRight") choose(tabs[(i + 1) % tabs.length]);
      if (event.key === "ArrowLeft") choose(tabs[(i + tabs.length - 1) % tabs.length]);
    });
  }

  // ---- the interface for forms.js and interview.js ------------------------------------------

  function announce(text) {
    setStatus(String(text));
  }

  const editShape = (r) => isObject(r) && isString(r.text);

  // Applies edit operations (issue #14) to the editor's text through the server's
  // genogram::edit, as one undoable change. Rejects with {message, op, id} and changes
  // nothing when an operation is refused.
  async function applyOps(ops) {
    const text = getText();
    let reply;
    try {
      reply = await call("POST", "/api/edit", { text, ops }, editShape);
    } catch (e) {
      if (e && e.kind === "http" && isObject(e.body) && isObject(e.body.error)) {
        const err = e.body.error;
        throw { message: isString(err.message) ? err.message : "The change was refused.", op: err.op, id: err.id };
      }
      throw { message: trouble(e, "Changing the family"), op: undefined, id: undefined };
    }
    if (getText() !== text) {
      throw { message: "The text changed while the change was being made; nothing was changed. Try again.", op: undefined, id: undefined };
    }
    replaceText(reply.text, "input.form");
    return reply.text;
  }

  window.Workspace = Object.freeze({
    getText,
    replaceText: (text) => replaceText(String(text)),
    applyOps,
    family: () => lastFamily,
    selectPerson,
    onRendered: (callback) => { if (typeof callback === "function") renderedCallbacks.push(callback); },
    announce,
  });

  // ---- start -----------------------------------------------------------------------------------

  if (privacy) setPrivacy(true);
  if (!window.GenogramApi.hasKey()) {
    setStatus("Open the address that genogram serve printed (it ends in #key=…).", "failed");
  } else {
    loadFile().then((ok) => { if (ok) setStatus("Opened at " + time()); }).catch((e) => {
      setStatus(trouble(e, "The family file could not be opened"), "failed");
    });
    setInterval(poll, POLL_MS);
  }
})();
