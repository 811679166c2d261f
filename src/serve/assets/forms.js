// The person panel of the workspace: forms that change the family without writing YAML.
//
// A classic script, loaded after app.js. It uses only `window.Workspace` (getText,
// applyOps, family, selectPerson, onRendered, announce) and the DOM: every change is an
// edit operation (issue #14) sent through Workspace.applyOps, so the text editor, its undo
// history and the drawing follow on their own. User text is only ever placed with
// textContent or as a form value, never parsed as HTML.
"use strict";

(function () {
  const W = window.Workspace;
  const panel = document.getElementById("person-panel");
  if (!W || !panel) return;

  // ---- the words of the format, in plain words ------------------------------------------

  const SEXES = [["female", "Female"], ["male", "Male"], ["intersex", "Intersex"], ["unknown", "Not known"]];
  const GENDERS = ["woman", "man", "nonbinary"];
  const LEVELS = [["none", "None"], ["some", "Some"], ["strong", "Strong"], ["unknown", "Not known"]];
  const LEARNED = [
    ["family", "their family"], ["therapy", "therapy"], ["group-therapy", "group therapy"],
    ["partner", "a partner"], ["mentor", "a mentor"], ["community", "a community"],
    ["self", "on their own"],
  ];
  const CONDITIONS = [
    ["illness", "Physical illness"], ["mental-illness", "Mental illness"],
    ["alcohol", "Alcohol problem"], ["drugs", "Drug problem"],
    ["alcohol-recovery", "In recovery from alcohol"], ["drugs-recovery", "In recovery from drugs"],
    ["suspected-alcohol", "Alcohol problem suspected"], ["suspected-drugs", "Drug problem suspected"],
  ];
  const RELATIONS = [
    ["married", "Married"], ["cohabiting", "Living together"], ["engaged", "Engaged"],
    ["dating", "Dating"], ["affair", "Affair"], ["unknown", "Not known"],
  ];
  const LINKS = [["biological", "Born to them"], ["adopted", "Adopted"], ["foster", "Foster child"], ["step", "Stepchild"]];
  const DEFAULT_SKILLS = [
    ["openness", "Shares private thoughts and feelings, imperfections and uncertainties"],
    ["honesty", "Deceives neither by commission nor by omission"],
    ["directness", "Asks specifically for what they want; says clearly what they don't"],
  ];

  // The kinds of emotional relationship, each with its picture exactly as the drawing's key
  // shows it (the paths of render/legend.rs's samples, 48 units wide; the browser test
  // compares them with a freshly rendered key). Directed kinds say what the arrow means.
  const KINDS = [
    ["close", "Close", false, [["rel-line", "M-24,-2.16L24,-2.16"], ["rel-line", "M-24,2.16L24,2.16"]]],
    ["fused", "Fused (very close, enmeshed)", false, [["rel-line", "M-24,-4.32L24,-4.32"], ["rel-line", "M-24,0L24,0"], ["rel-line", "M-24,4.32L24,4.32"]]],
    ["distant", "Distant", false, [["rel-line rel-dotted", "M-24,0L24,0"]]],
    ["conflict", "Conflict", false, [["rel-line rel-zigzag", "M-24,0L-18.67,2.88L-13.33,-2.88L-8,2.88L-2.67,-2.88L2.67,2.88L8,-2.88L13.33,2.88L18.67,-2.88L24,0"]]],
    ["hostile", "Hostile", false, [["rel-line rel-zigzag rel-heavy", "M-24,0L-18.67,4.68L-13.33,-4.68L-8,4.68L-2.67,-4.68L2.67,4.68L8,-4.68L13.33,4.68L18.67,-4.68L24,0"]]],
    ["close-hostile", "Close but hostile", false, [["rel-line", "M-24,-5.4L24,-5.4"], ["rel-line", "M-24,5.4L24,5.4"], ["rel-line rel-zigzag", "M-24,0L-18.67,4.32L-13.33,-4.32L-8,4.32L-2.67,-4.32L2.67,4.32L8,-4.32L13.33,4.32L18.67,-4.32L24,0"]]],
    ["fused-hostile", "Fused and hostile", false, [["rel-line", "M-24,-6.12L24,-6.12"], ["rel-line", "M-24,0L24,0"], ["rel-line", "M-24,6.12L24,6.12"], ["rel-line rel-zigzag", "M-24,0L-18.67,4.32L-13.33,-4.32L-8,4.32L-2.67,-4.32L2.67,4.32L8,-4.32L13.33,4.32L18.67,-4.32L24,0"]]],
    ["cutoff", "Cut off (no contact)", false, [["rel-line", "M-24,0L-4.5,0"], ["rel-line", "M4.5,0L24,0"], ["rel-line", "M-4.5,-7.2L-4.5,7.2M4.5,-7.2L4.5,7.2"]]],
    ["cutoff-repaired", "Cut off, then repaired", false, [["rel-line", "M-24,0L-4.5,0"], ["rel-line", "M4.5,0L24,0"], ["rel-line", "M-4.5,-7.2L-4.5,7.2M4.5,-7.2L4.5,7.2"], ["rel-ring", "circle"]]],
    ["focused-on", "Focused on", true, [["rel-line", "M-24,0L15.36,0"], ["rel-line", "M15.36,0L24,0"], ["rel-head", "M24,0L13.2,4.32L13.2,-4.32Z"]]],
    ["caretaker", "Caretaker", true, [["rel-line", "M-24,0L15.36,0"], ["rel-line", "M15.36,0L24,0"], ["rel-head", "M24,0L13.2,4.32L13.2,-4.32Z"], ["rel-head", "M18.06,0L7.26,4.32L7.26,-4.32Z"]]],
    ["neglect", "Neglect", true, [["rel-line rel-dashed", "M-24,0L15.36,0"], ["rel-line", "M15.36,0L24,0"], ["rel-head rel-head-open", "M24,0L13.2,4.32L13.2,-4.32Z"]]],
    ["physical-abuse", "Physical abuse", true, [["rel-line rel-zigzag", "M-24,0L-18.38,4.32L-12.75,-4.32L-7.13,4.32L-1.51,-4.32L4.11,4.32L9.74,-4.32L15.36,0"], ["rel-line", "M15.36,0L24,0"], ["rel-head", "M24,0L13.2,4.32L13.2,-4.32Z"]]],
    ["emotional-abuse", "Emotional abuse", true, [["rel-line rel-zigzag", "M-24,0L-18.38,4.32L-12.75,-4.32L-7.13,4.32L-1.51,-4.32L4.11,4.32L9.74,-4.32L15.36,0"], ["rel-line", "M15.36,0L24,0"], ["rel-head rel-head-open", "M24,0L13.2,4.32L13.2,-4.32Z"]]],
    ["sexual-abuse", "Sexual abuse", true, [["rel-line", "M-24,-5.4L15.36,-5.4"], ["rel-line", "M-24,5.4L15.36,5.4"], ["rel-line rel-zigzag", "M-24,0L-18.38,4.32L-12.75,-4.32L-7.13,4.32L-1.51,-4.32L4.11,4.32L9.74,-4.32L15.36,0"], ["rel-line", "M15.36,0L24,0"], ["rel-head", "M24,0L13.2,4.32L13.2,-4.32Z"]]],
  ];
  // What a directed kind means, from one person to the other.
  const DIRECTED_WORDS = {
    "focused-on": "is focused on",
    "caretaker": "takes care of",
    "neglect": "neglects",
    "physical-abuse": "physically abuses",
    "emotional-abuse": "emotionally abuses",
    "sexual-abuse": "sexually abuses",
  };
  const SEND_AFTER_MS = 400;  // ratings clicked in a row go as one change

  // ---- small DOM helpers -----------------------------------------------------------------

  let serial = 0;
  const uid = (stem) => `pf-${stem}-${++serial}`;

  // An element with attributes (`text` sets textContent, `on*` functions become listeners)
  // and children (strings become text nodes; null and false are skipped).
  function h(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") e.textContent = v;
      else if (k.startsWith("on") && typeof v === "function") e.addEventListener(k.slice(2), v);
      else if (k === "className") e.className = v;
      else if (k in e && typeof v !== "string") e[k] = v;
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return e;
  }

  function kindPicture(paths) {
    const NS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("class", "kind-pic");
    svg.setAttribute("viewBox", "-27 -9 54 18");
    svg.setAttribute("width", "54");
    svg.setAttribute("height", "18");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    for (const [cls, d] of paths) {
      let e;
      if (d === "circle") {
        e = document.createElementNS(NS, "circle");
        e.setAttribute("cx", "0");
        e.setAttribute("cy", "0");
        e.setAttribute("r", "5.5");
      } else {
        e = document.createElementNS(NS, "path");
        e.setAttribute("d", d);
      }
      e.setAttribute("class", cls);
      svg.appendChild(e);
    }
    return svg;
  }

  // A labelled field: label, control, a hint and a place for the refusal's words, tied
  // together for screen readers.
  function field(label, control, hint, extraClass) {
    const id = control.id || (control.id = uid("f"));
    const err = h("span", { className: "pf-error", id: uid("err"), "aria-live": "polite" });
    const describedBy = [err.id];
    let hintEl = null;
    if (hint) {
      hintEl = h("span", { className: "pf-hint", id: uid("hint"), text: hint });
      describedBy.unshift(hintEl.id);
    }
    control.setAttribute("aria-describedby", describedBy.join(" "));
    control._error = err;
    return h("div", { className: "pf-field" + (extraClass ? " " + extraClass : "") },
      h("label", { for: id, text: label }), control, hintEl, err);
  }

  function textInput(attrs) {
    return h("input", Object.assign({ type: "text", autocomplete: "off", spellcheck: "false" }, attrs || {}));
  }

  // Radio buttons shown as one row of buttons (arrow keys move between them, as in any
  // radio group). `group._error` takes refusals.
  function segmented(legend, name, choices, extraClass, hint) {
    const fs = h("fieldset", { className: "pf-seg" + (extraClass ? " " + extraClass : "") },
      h("legend", { text: legend }));
    const row = h("div", { className: "pf-seg-row" });
    for (const [value, words] of choices) {
      const id = uid("r");
      row.append(h("input", { type: "radio", name, value, id }), h("label", { for: id, text: words }));
    }
    fs.append(row);
    if (hint) fs.append(h("span", { className: "pf-hint", text: hint }));
    const err = h("span", { className: "pf-error", "aria-live": "polite" });
    fs.append(err);
    fs._error = err;
    return fs;
  }
  const radioValue = (root, name) => {
    const r = root.querySelector(`input[type=radio][name="${name}"]:checked`);
    return r ? r.value : "";
  };
  function setRadio(root, name, value) {
    for (const r of root.querySelectorAll(`input[type=radio][name="${name}"]`)) r.checked = r.value === value;
  }

  function select(choices, attrs) {
    const s = h("select", attrs || {});
    for (const [value, words] of choices) s.append(h("option", { value, text: words }));
    return s;
  }

  function showError(control, message) {
    const target = control._error;
    if (!target) return;
    target.textContent = message || "";
    const inputs = control.matches("fieldset") ? control.querySelectorAll("input") : [control];
    for (const i of inputs) {
      if (message) i.setAttribute("aria-invalid", "true");
      else i.removeAttribute("aria-invalid");
    }
  }

  // ---- reading the family (the file's own structure, as JSON) --------------------------------

  const str = (v) => (v === null || v === undefined ? "" : String(v));
  const fam = () => W.family();
  const peopleOf = (f) => (f && f.people && typeof f.people === "object" ? f.people : {});
  const personOf = (f, id) => peopleOf(f)[id] || {};
  const nameOf = (f, id) => str(personOf(f, id).name) || str(id);
  const ids = (v) => (v === null || v === undefined ? [] : Array.isArray(v) ? v.map(str) : [str(v)]);

  function skillsOf(f) {
    if (f && f.skills && typeof f.skills === "object") {
      return Object.entries(f.skills).map(([k, v]) => [k, str(v)]);
    }
    return DEFAULT_SKILLS;
  }

  // Each couple with its partners and children as plain lists of ids.
  function couplesOf(f) {
    const out = [];
    for (const c of (f && Array.isArray(f.couples) ? f.couples : [])) {
      if (!c || typeof c !== "object") continue;
      const children = [];
      for (const ch of (Array.isArray(c.children) ? c.children : [])) {
        if (ch && typeof ch === "object" && Array.isArray(ch.twins)) {
          for (const t of ch.twins) children.push(t && typeof t === "object" ? { id: str(t.id), link: t.link } : { id: str(t) });
        } else if (ch && typeof ch === "object") children.push({ id: str(ch.id), link: ch.link });
        else children.push({ id: str(ch) });
      }
      out.push({ raw: c, partners: ids(c.partners), children });
    }
    return out;
  }
  const relationshipsOf = (f) => (f && Array.isArray(f.relationships) ? f.relationships.filter((r) => r && typeof r === "object") : []);
  const relEnds = (r) => (Array.isArray(r.between) ? ids(r.between) : [str(r.from), str(r.to)]);

  function sortedPeople(f) {
    return Object.keys(peopleOf(f)).sort((a, b) => nameOf(f, a).localeCompare(nameOf(f, b)) || a.localeCompare(b));
  }
  function personLabel(f, id) {
    const p = personOf(f, id);
    const born = str(p.born).replace(/-.*/, "");
    return nameOf(f, id) + (born ? ` (${born})` : "");
  }
  const isClient = (f, id) => f && str(f.index) === id && id !== "";

  // The words for a couple seen from one partner.
  function coupleWords(f, c, from) {
    const other = c.partners.filter((p) => p !== from);
    const who = other.length ? other.map((p) => nameOf(f, p)).join(" and ") : "other parent not known";
    const r = c.raw;
    const parts = [];
    const rel = r.relation || "married";
    if (other.length) {
      if (rel === "married") parts.push(r.married !== undefined ? `married ${str(r.married)}` : "married");
      else parts.push((RELATIONS.find((x) => x[0] === rel) || [rel, rel])[1].toLowerCase() + (r.since !== undefined ? ` since ${str(r.since)}` : ""));
    }
    if (r.separated !== undefined) parts.push(`separated ${str(r.separated)}`);
    if (r.divorced !== undefined) parts.push(`divorced ${str(r.divorced)}`);
    if (r.ended !== undefined) parts.push(`ended ${str(r.ended)}`);
    return parts.length ? `${who} (${parts.join(", ")})` : who;
  }

  // ---- new ids, in the file's style --------------------------------------------------------

  const madeIds = new Set(); // ids this page made, until the drawing catches up
  function newId(name, fallback) {
    const taken = new Set([...Object.keys(peopleOf(fam())), ...madeIds]);
    const existing = Object.keys(peopleOf(fam()));
    let id;
    if (existing.length && existing.every((k) => /^[0-9]+$/.test(k))) {
      let n = Math.max(...[...taken].filter((k) => /^[0-9]+$/.test(k)).map(Number)) + 1;
      while (taken.has(String(n))) n++;
      id = String(n);
    } else {
      const sep = existing.some((k) => k.includes("_")) && !existing.some((k) => k.includes("-")) ? "_" : "-";
      const words = str(name).normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
        .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      const tries = words.length ? [words[0], words.join(sep)] : [fallback];
      id = tries.find((t) => !taken.has(t));
      if (!id) {
        const base = tries[tries.length - 1];
        for (let i = 2; ; i++) if (!taken.has(`${base}${sep}${i}`)) { id = `${base}${sep}${i}`; break; }
      }
    }
    madeIds.add(id);
    return id;
  }

  // A date as the format writes it: a bare year as a number, anything else as typed, with
  // "about 1950", "ca. 1950" or "1950?" read as a guess (~1950).
  function dateValue(text) {
    let s = str(text).trim();
    const guess = /^(?:about|around|approx\.?|approximately|ca\.?|c\.|circa)\s*(.+)$/i.exec(s) || /^(.+?)\s*\?$/.exec(s);
    if (guess) s = "~" + guess[1].trim();
    if (/^[0-9]{4}$/.test(s)) return Number(s);
    return s;
  }

  // ---- sending operations, one after another ---------------------------------------------

  let queue = Promise.resolve();
  let inFlight = 0;
  // Sends `ops`; resolves with true when applied, or with the refusal ({message}).
  function send(ops, what) {
    inFlight += 1;
    busy();
    const run = queue.then(() => W.applyOps(ops)).then(
      async (text) => {
        await drawnWith(ops, text);
        if (what) W.announce(what);
        return true;
      },
      (err) => ({ message: refusalWords(err) }),
    ).finally(() => { inFlight -= 1; busy(); });
    queue = run.then(() => undefined);
    return run;
  }
  // Waits (at most a few seconds) for a drawing of the family with `ops` applied, so that
  // what the panel shows next (lists of people, couples) already has the change in it.
  function drawnWith(ops, text) {
    if (ops.every((op) => reflects(fam(), op))) return Promise.resolve();
    return new Promise((done) => {
      const timer = setTimeout(finish, 4000);
      waiting.push(check);
      function check() {
        // Done when drawn, or when the text has moved on (an undo, typing).
        if (ops.every((op) => reflects(fam(), op)) || W.getText() !== text) finish();
      }
      function finish() {
        clearTimeout(timer);
        const i = waiting.indexOf(check);
        if (i >= 0) waiting.splice(i, 1);
        done();
      }
    });
  }
  const waiting = [];

  // Whether family `f` shows operation `op` done.
  function reflects(f, op) {
    if (!f) return false;
    const people = peopleOf(f);
    const sameSet = (a, b) => ids(a).sort().join("\u0000") === ids(b).sort().join("\u0000");
    const couples = couplesOf(f);
    switch (op.op) {
      case "add-person": return op.id in people;
      case "remove-person": return !(op.id in people);
      case "update-person": {
        const p = people[op.id];
        if (!p) return false;
        return Object.entries(op.set || {}).every(([k, v]) => same(p[k], v)) && (op.unset || []).every((k) => !(k in p));
      }
      case "add-couple": return couples.some((c) => sameSet(c.partners, op.couple.partners));
      case "update-couple": {
        const partners = op.set && op.set.partners ? op.set.partners : op.partners;
        const c = couples.find((x) => sameSet(x.partners, partners));
        return !!c && Object.entries(op.set || {}).every(([k, v]) => same(c.raw[k], v)) && (op.unset || []).every((k) => !(k in c.raw));
      }
      case "add-child": return couples.some((c) => sameSet(c.partners, op.parents) && c.children.some((ch) => ch.id === str(op.child)));
      case "add-relationship": return relationshipsOf(f).some((r) => same(r, op.relationship));
      case "remove-relationship": return !relationshipsOf(f).some((r) => same(r, op.relationship));
      case "set": return op.value === null ? !(op.field in f) : same(f[op.field], op.value);
      default: return true;
    }
  }
  // Equal as JSON, whatever the order of keys.
  function same(a, b) {
    if (a === b) return true;
    if (typeof a === "number" || typeof b === "number") return String(a) === String(b);
    if (!a || !b || typeof a !== "object" || typeof b !== "object") return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => same(a[k], b[k]));
  }

  // The panel says it is busy while a change waits or is on its way.
  function busy() {
    panel.setAttribute("aria-busy", String(inFlight > 0 || pending !== null));
  }
  function refusalWords(err) {
    if (!err) return "The change could not be made.";
    if (err.kind === "offline") return "The workspace is not answering: is `genogram serve` still running?";
    return plainWords(str(err.message)) || "The change could not be made.";
  }
  // A refusal as shown beside a field: without the operation's name (the field says what
  // was changed), people by name instead of id, no code quotes.
  function plainWords(message) {
    const people = peopleOf(fam());
    let m = message.replace(/^the family would not pass check after this [a-z-]+: /, "");
    m = m.replace(/^`[a-z_]+` of `[^`]+`: /, "");
    m = m.replace(/`([^`]*)`/g, (all, inner) => (inner in people ? nameOf(fam(), inner) : inner));
    return m.charAt(0).toUpperCase() + m.slice(1);
  }

  // ---- the panel's state ---------------------------------------------------------------------

  let current = null;     // the id of the person shown
  let opener = null;      // what had the focus before the panel was opened
  let built = null;       // {mode, id, ...} what the panel shows now
  const sending = new Map(); // field key → changes of it on their way: no drawing overwrites it
  let pending = null;     // {id, set: Map, unset: Set, keys: Set, timer}

  const isBlank = () => !/^[ \t]*[^#\s]/m.test(W.getText() || "");
  function isEmptyFamily() {
    const f = fam();
    if (isBlank()) return true;
    return !!f && Object.keys(peopleOf(f)).length === 0;
  }

  function refresh() {
    if (isEmptyFamily()) {
      if (!built || built.mode !== "empty") buildEmpty();
      return;
    }
    if (!fam()) {
      // Not one good reading of the file yet: nothing to show until it is fixed.
      if (!built || built.mode !== "broken") {
        buildNone("The family file has a problem (see the list under the editor). When it is fixed, the people show here.");
        built.mode = "broken";
      }
      return;
    }
    if (current !== null && !(current in peopleOf(fam()))) {
      // The person went (removed here, undone in the text, or renamed there).
      const gone = current;
      current = null;
      buildNone(`${gone} is no longer in the family.`);
      return;
    }
    if (current === null) {
      if (!built || built.mode !== "none") buildNone();
      else updatePicker();
      return;
    }
    if (!built || built.mode !== "person" || built.id !== current) buildPerson(current);
    else updatePerson();
  }

  // The "open a person" list at the top of the panel.
  function picker() {
    const s = h("select", { id: "pf-pick", onchange: () => { if (s.value) W.selectPerson(s.value); } });
    const wrap = h("div", { className: "pf-pick" }, h("label", { for: "pf-pick", text: "Person" }), s);
    built.pick = s;
    updatePicker();
    return wrap;
  }
  function updatePicker() {
    const s = built && built.pick;
    if (!s) return;
    const f = fam();
    const list = sortedPeople(f);
    const sig = list.map((id) => id + "\u0000" + personLabel(f, id) + (isClient(f, id) ? "*" : "")).join("\u0001");
    if (s._sig !== sig) {
      s._sig = sig;
      s.replaceChildren(h("option", { value: "", text: list.length ? "Choose someone…" : "Nobody yet" }));
      for (const id of list) {
        s.append(h("option", { value: id, text: personLabel(f, id) + (isClient(f, id) ? " — the client" : "") }));
      }
    }
    s.value = current !== null ? current : "";
  }

  // ---- a new family: who is the client? -----------------------------------------------

  function buildEmpty() {
    built = { mode: "empty" };
    current = null;
    const name = textInput({ name: "name", required: true });
    const born = textInput({ name: "born", inputmode: "numeric" });
    const sex = segmented("Sex", uid("sex"), SEXES);
    const title = textInput({ name: "title" });
    const errors = h("p", { className: "pf-error pf-form-error", "aria-live": "polite" });
    const form = h("form", { className: "pf-form pf-start", "aria-labelledby": "pf-start-title" },
      h("h2", { id: "pf-start-title", text: "Who is your client?" }),
      h("p", { className: "pf-lead", text: "Start with the person the genogram is about. You add their family from there." }),
      field("Name", name, "First name is enough; you can change it any time."),
      sex,
      field("Born", born, "A year is enough: 1985, 1985-03 or 1985-03-02; ~1985 for a guess."),
      field("Title of the genogram", title, "Optional, shown above the drawing: \"The Hartmann family\"."),
      h("div", { className: "pf-buttons" }, h("button", { type: "submit", className: "pf-primary", text: "Start the family" })),
      errors);
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      showError(name, "");
      errors.textContent = "";
      if (!name.value.trim()) { showError(name, "Write the client's name (a first name is enough)."); name.focus(); return; }
      const person = { name: name.value.trim() };
      const s = radioValue(sex, sex.querySelector("input").name);
      if (s) person.sex = s;
      if (born.value.trim()) person.born = dateValue(born.value);
      const id = newId(person.name, "client");
      const ops = [{ op: "add-person", id, person }, { op: "set", field: "index", value: id }];
      if (title.value.trim()) ops.push({ op: "set", field: "title", value: title.value.trim() });
      const result = await send(ops,
        `${person.name} is the client. Add their family from the panel.`);
      if (result === true) {
        current = id;
        W.selectPerson(id);
      } else {
        madeIds.delete(id);
        errors.textContent = result.message;
        (/born|date/i.test(result.message) ? born : name).focus();
      }
    });
    // The other way to start (genogram open without a file, the menu's Genogram): a family
    // that already has a file is opened from the file manager, which knows where files are.
    const other = h("section", { className: "pf-other", "aria-labelledby": "pf-other-title" },
      h("h2", { id: "pf-other-title", text: "Or open a family you already have" }),
      h("p", { className: "pf-hint" }, "In your file manager, right-click its file and choose Open with \u203a Genogram. In a terminal: ",
        h("code", { text: "genogram open my-family.yaml" }), "."));
    panel.replaceChildren(form, other);
    panel.classList.remove("pf-closed");
    // A new file: the question is the first thing to answer.
    if (!panel.contains(document.activeElement)) name.focus({ preventScroll: true });
  }

  // ---- nobody chosen ---------------------------------------------------------------------

  function buildNone(message) {
    built = { mode: "none" };
    const pick = picker();
    const f = fam();
    let titleForm = null;
    if (f) {
      // The family's title, shown above the drawing.
      const title = textInput({ name: "title", value: str(f.title) });
      titleForm = h("form", { className: "pf-form pf-family-title", onsubmit: (ev) => { ev.preventDefault(); title.blur(); } },
        field("Title of the genogram", title, "Shown above the drawing."));
      title.addEventListener("change", async () => {
        const v = title.value.trim();
        const result = await send([{ op: "set", field: "title", value: v || null }], v ? `The title is now "${v}".` : "The genogram has no title now.");
        showError(title, result === true ? "" : result.message);
      });
    }
    panel.replaceChildren(...[
      h("h2", { className: "pf-title", id: "pf-title", tabindex: "-1", text: "People" }),
      message ? h("p", { className: "pf-note", role: "status", text: message }) : null,
      h("p", { className: "pf-lead", text: "Click a person in the drawing, or choose them here, to see their details and add their family." }),
      pick,
      titleForm].filter(Boolean));
  }

  // ---- one person ------------------------------------------------------------------------

  function buildPerson(id) {
    flush();
    built = { mode: "person", id, controls: {} };
    const f = fam();
    const c = built.controls;

    const title = h("h2", { className: "pf-title", id: "pf-title", tabindex: "-1" });
    const client = h("span", { className: "pf-client" });
    const close = h("button", { type: "button", className: "pf-close", "aria-label": "Close the person's panel", title: "Close (Escape)", text: "×", onclick: () => closePanel() });
    built.title = title;
    built.clientTag = client;

    // Relatives: buttons that open each one, and the actions.
    const relatives = h("div", { className: "pf-relatives", "aria-label": "Family of this person", role: "group" });
    built.relatives = relatives;
    const actions = h("div", { className: "pf-actions", role: "group", "aria-label": "Add to the family" });
    const sub = h("div", { className: "pf-sub" });
    built.sub = sub;
    built.actions = actions;

    // Details.
    const details = h("form", { className: "pf-form pf-details", "aria-label": "Details", onsubmit: (ev) => { ev.preventDefault(); flush(); } });
    c.name = textInput({ name: "name" });
    c.sex = segmented("Sex", uid("sex"), SEXES, "pf-sex");
    c.gender = textInput({ name: "gender", list: "pf-genders" });
    c.born = textInput({ name: "born", inputmode: "numeric" });
    c.hasDied = h("input", { type: "checkbox", id: uid("dead") });
    c.died = textInput({ name: "died", inputmode: "numeric" });
    c.occupation = textInput({ name: "occupation" });
    c.location = textInput({ name: "location" });
    c.notes = h("textarea", { name: "notes", rows: "3" });
    const diedField = field("Died", c.died, "The year, or leave empty when not known.", "pf-died");
    built.diedField = diedField;
    const condBoxes = h("div", { className: "pf-checks" });
    c.conditionBoxes = [];
    for (const [value, words] of CONDITIONS) {
      const box = h("input", { type: "checkbox", value, id: uid("cond") });
      c.conditionBoxes.push(box);
      condBoxes.append(h("span", { className: "pf-check" }, box, h("label", { for: box.id, text: words })));
    }
    c.otherConditions = textInput({ name: "other-conditions" });
    c.conditions = h("fieldset", { className: "pf-conditions" }, h("legend", { text: "Conditions" }), condBoxes,
      field("Other conditions", c.otherConditions, "Your own words, separated by commas; shown as a badge."));
    c.conditions._error = h("span", { className: "pf-error", "aria-live": "polite" });
    c.conditions.append(c.conditions._error);
    c.raised1 = h("select", {});
    c.raised2 = h("select", {});
    c.raised = h("fieldset", { className: "pf-raised" }, h("legend", { text: "Who raised them" }),
      h("span", { className: "pf-hint", text: "Only when someone other than their parents brought them up (a grandmother, an aunt). Skills are learned from them." }),
      field("Raised by", c.raised1), field("and by", c.raised2));
    c.raised._error = h("span", { className: "pf-error", "aria-live": "polite" });
    c.raised.append(c.raised._error);

    details.append(
      h("h3", { text: "Details" }),
      field("Name", c.name),
      c.sex,
      field("Gender", c.gender, "Only if it differs from the sex, or matters: woman, man, nonbinary or their own word. The symbol follows it."),
      field("Born", c.born, "1950, 1950-04 or 1950-04-17; ~1950 for a guess."),
      h("div", { className: "pf-field pf-inline" }, c.hasDied, h("label", { for: c.hasDied.id, text: "Has died" })),
      diedField,
      field("Occupation", c.occupation),
      field("Place", c.location, "Where they live or lived."),
      c.conditions,
      c.raised,
      field("Private notes", c.notes, "Never drawn, and left out when the drawing is anonymised."),
      h("datalist", { id: "pf-genders" }, GENDERS.map((g) => h("option", { value: g }))),
      // An Enter in a field sends it, as in any form.
      h("button", { type: "submit", className: "pf-hidden-submit", tabindex: "-1", "aria-hidden": "true", text: "Save" }));

    // Skills.
    const skills = h("div", { className: "pf-skills", role: "group", "aria-labelledby": "pf-skills-title" },
      h("h3", { id: "pf-skills-title", text: "Skills" }),
      h("p", { className: "pf-hint", text: "How much of each skill this person shows, and where they learned it." }));
    c.skills = [];
    for (const [skill, description] of skillsOf(f)) {
      const name = uid("lvl");
      const level = segmented(skill.charAt(0).toUpperCase() + skill.slice(1), name, LEVELS, "pf-level", description);
      const learned = select([["", "not recorded"], ...LEARNED]);
      const since = textInput({ inputmode: "numeric", size: "6" });
      const more = h("div", { className: "pf-skill-more" }, field("Learned from", learned), field("Since", since, null, "pf-since"));
      const box = h("fieldset", { className: "pf-skill" }, level, more);
      const entry = { skill, name, level, learned, since, box, more };
      c.skills.push(entry);
      // Where a skill was learned matters once there is some of it.
      level.addEventListener("change", () => showMore(entry));
      skills.append(box);
    }

    panel.replaceChildren(
      h("div", { className: "pf-head" }, h("div", { className: "pf-head-text" }, title, client), close),
      picker(),
      relatives,
      actions,
      sub,
      skills,
      details);
    panel.classList.remove("pf-closed");
    wireDetails();
    updatePerson();
  }

  // Keeps the panel in step with the family after each drawing, without touching what the
  // user is typing or has just sent.
  function updatePerson() {
    const f = fam();
    const id = built.id;
    const p = personOf(f, id);
    built.title.textContent = nameOf(f, id);
    built.clientTag.textContent = isClient(f, id) ? "The client" : "";
    built.clientTag.hidden = !isClient(f, id);
    updatePicker();
    buildRelatives(f, id);
    buildActions(f, id);
    const c = built.controls;
    const may = (key, el) => el !== document.activeElement && !(pending && pending.id === id && pending.keys.has(key))
      && !sending.get(key) && !(el._error && el._error.textContent);
    if (may("name", c.name)) c.name.value = str(p.name);
    if (may("sex", c.sex)) setRadio(c.sex, c.sex.querySelector("input").name, str(p.sex));
    if (may("gender", c.gender)) c.gender.value = str(p.gender);
    if (may("born", c.born)) c.born.value = str(p.born);
    if (may("died", c.died) && may("deceased", c.hasDied)) {
      c.died.value = str(p.died);
      c.hasDied.checked = p.died !== undefined || p.deceased === true;
    }
    built.diedField.hidden = !c.hasDied.checked;
    if (may("occupation", c.occupation)) c.occupation.value = str(p.occupation);
    if (may("location", c.location)) c.location.value = str(p.location);
    if (may("notes", c.notes)) c.notes.value = str(p.notes);
    if (may("conditions", c.conditions) && !c.conditions.contains(document.activeElement)) {
      const list = Array.isArray(p.conditions) ? p.conditions.map(str) : [];
      for (const box of c.conditionBoxes) box.checked = list.includes(box.value);
      c.otherConditions.value = list.filter((w) => !CONDITIONS.some(([v]) => v === w)).join(", ");
    }
    // Who raised them: everyone else can be chosen.
    const others = sortedPeople(f).filter((x) => x !== id);
    const raisedBy = ids(p.raised_by);
    for (const [i, sel] of [[0, c.raised1], [1, c.raised2]]) {
      const sig = others.map((x) => x + personLabel(f, x)).join("|");
      if (sel._sig !== sig) {
        sel._sig = sig;
        sel.replaceChildren(h("option", { value: "", text: i === 0 ? "their parents" : "nobody else" }),
          ...others.map((x) => h("option", { value: x, text: personLabel(f, x) })));
      }
      if (may("raised_by", sel) && !c.raised.contains(document.activeElement)) sel.value = raisedBy[i] || "";
    }
    c.raised2.disabled = !c.raised1.value;
    for (const s of c.skills) {
      const r = p.skills && typeof p.skills === "object" ? p.skills[s.skill] : undefined;
      if (!may("skills", s.level) || s.box.contains(document.activeElement)) continue;
      const level = r && typeof r === "object" ? str(r.level) : str(r);
      setRadio(s.level, s.name, level);
      const learned = r && typeof r === "object" ? str(r.learned) : "";
      if (learned && ![...s.learned.options].some((o) => o.value === learned)) {
        s.learned.append(h("option", { value: learned, text: learned }));
      }
      s.learned.value = learned;
      s.since.value = r && typeof r === "object" ? str(r.since) : "";
      showMore(s);
    }
  }

  function showMore(s) {
    const level = radioValue(s.level, s.name);
    s.more.hidden = !(level === "some" || level === "strong" || s.learned.value || s.since.value.trim());
  }

  // ---- details: each change becomes an update-person -----------------------------------------

  function change(key, control, value) {
    const id = built.id;
    if (pending && pending.id !== id) flush();
    if (!pending) pending = { id, set: new Map(), unset: new Set(), keys: new Set(), controls: new Map(), timer: 0 };
    pending.keys.add(key);
    pending.controls.set(key, control);
    if (key !== "skills") {
      if (value === undefined) { pending.set.delete(key); pending.unset.add(key); }
      else { pending.unset.delete(key); pending.set.set(key, value); }
    }
    clearTimeout(pending.timer);
    pending.timer = setTimeout(flush, SEND_AFTER_MS);
    busy();
  }

  // Sends what is waiting, now.
  function flush() {
    if (!pending) return;
    const p = pending;
    pending = null;
    clearTimeout(p.timer);
    busy();
    const set = Object.fromEntries(p.set);
    if (p.keys.has("skills")) {
      const skills = skillsValue(p.id);
      if (skills) { set.skills = skills; p.unset.delete("skills"); } else p.unset.add("skills");
    }
    if (p.keys.has("skills") && !set.skills && !("skills" in personOf(fam(), p.id))) p.unset.delete("skills");
    const op = { op: "update-person", id: p.id, set, unset: [...p.unset] };
    if (!Object.keys(set).length && !op.unset.length) return;
    for (const k of p.keys) sending.set(k, (sending.get(k) || 0) + 1);
    const name = nameOf(fam(), p.id);
    const typed = new Map([...p.controls].map(([k, control]) => [k, "value" in control ? control.value : null]));
    send([op], `Changed ${name}.`).then((result) => {
      for (const [k, control] of p.controls) {
        if (result === true) {
          showError(control, "");
          // "about 1950" was sent as ~1950: show what the file now says, unless the
          // user has typed on since.
          if (p.set.has(k) && control.tagName === "INPUT" && control.type === "text" && control.value === typed.get(k)) {
            const v = p.set.get(k);
            if (typeof v !== "object") control.value = str(v);
          }
        } else showError(control, result.message);
      }
      for (const k of p.keys) sending.set(k, sending.get(k) - 1);
      // The drawing that shows the change (or a later undo) may have come while the
      // fields waited: show the family as it is now.
      if (built && built.mode === "person" && built.id === p.id) updatePerson();
    });
  }

  // The person's whole `skills` value from the form (set replaces it whole), keeping notes
  // and skills the form does not show.
  function skillsValue(id) {
    const raw = personOf(fam(), id).skills;
    const old = raw && typeof raw === "object" ? raw : {};
    const out = {};
    const shown = new Set(built.controls.skills.map((s) => s.skill));
    for (const s of built.controls.skills) {
      const level = radioValue(s.level, s.name);
      const learned = s.learned.value;
      const since = s.since.value.trim();
      const before = old[s.skill];
      const note = before && typeof before === "object" && before.note !== undefined ? before.note : undefined;
      if (!learned && !since && note === undefined) {
        if (level) out[s.skill] = level;
        else if (before !== undefined && before !== null && typeof before !== "object") out[s.skill] = before;
        continue;
      }
      const long = {};
      if (level) long.level = level;
      if (learned) long.learned = learned;
      if (since) long.since = dateValue(since);
      if (note !== undefined) long.note = note;
      out[s.skill] = long;
    }
    for (const [k, v] of Object.entries(old)) if (!shown.has(k)) out[k] = v;
    return Object.keys(out).length ? out : null;
  }

  function wireDetails() {
    const c = built.controls;
    const text = (key, el, convert) => el.addEventListener("change", () => {
      const v = el.value.trim();
      change(key, el, v ? (convert ? convert(v) : v) : undefined);
    });
    text("name", c.name);
    text("gender", c.gender);
    text("born", c.born, dateValue);
    text("occupation", c.occupation);
    text("location", c.location);
    c.notes.addEventListener("change", () => change("notes", c.notes, c.notes.value.trim() ? c.notes.value : undefined));
    c.sex.addEventListener("change", () => change("sex", c.sex, radioValue(c.sex, c.sex.querySelector("input").name) || undefined));
    c.hasDied.addEventListener("change", () => {
      built.diedField.hidden = !c.hasDied.checked;
      if (c.hasDied.checked) {
        change("deceased", c.hasDied, true);
        c.died.focus();
      } else {
        c.died.value = "";
        change("deceased", c.hasDied, undefined);
        change("died", c.died, undefined);
      }
    });
    c.died.addEventListener("change", () => {
      const v = c.died.value.trim();
      if (v) { change("died", c.died, dateValue(v)); change("deceased", c.hasDied, undefined); }
      else { change("died", c.died, undefined); change("deceased", c.hasDied, true); }
    });
    const conditions = () => {
      const list = c.conditionBoxes.filter((b) => b.checked).map((b) => b.value);
      for (const w of c.otherConditions.value.split(",")) if (w.trim() && !list.includes(w.trim())) list.push(w.trim());
      change("conditions", c.conditions, list.length ? list : undefined);
    };
    for (const b of c.conditionBoxes) b.addEventListener("change", conditions);
    c.otherConditions.addEventListener("change", conditions);
    const raised = () => {
      c.raised2.disabled = !c.raised1.value;
      const list = [c.raised1.value, c.raised1.value ? c.raised2.value : ""].filter(Boolean);
      change("raised_by", c.raised, list.length ? [...new Set(list)] : undefined);
    };
    c.raised1.addEventListener("change", raised);
    c.raised2.addEventListener("change", raised);
    for (const s of c.skills) {
      s.box.addEventListener("change", () => change("skills", s.level));
    }
  }

  // ---- relatives and actions -------------------------------------------------------------------

  function personButton(f, id) {
    return h("button", { type: "button", className: "pf-link", text: nameOf(f, id), onclick: () => W.selectPerson(id) });
  }

  function buildRelatives(f, id) {
    const couples = couplesOf(f);
    const parents = couples.filter((c) => c.children.some((ch) => ch.id === id));
    const own = couples.filter((c) => c.partners.includes(id));
    const siblings = [...new Set(parents.flatMap((c) => c.children.map((ch) => ch.id)))].filter((x) => x !== id);
    const children = [...new Set(own.flatMap((c) => c.children.map((ch) => ch.id)))];
    const rels = relationshipsOf(f).filter((r) => relEnds(r).includes(id));
    const sig = JSON.stringify([parents.map((c) => c.partners), own.map((c) => [c.raw]), siblings, children, rels,
      [...parents, ...own].flatMap((c) => [...c.partners, ...c.children.map((x) => x.id)]).map((x) => nameOf(f, x))]);
    if (built.relatives._sig === sig) return;
    built.relatives._sig = sig;
    const rows = [];
    const row = (label, items) => rows.push(h("div", { className: "pf-rel-row" }, h("span", { className: "pf-rel-label", text: label }), h("span", { className: "pf-rel-items" }, items)));
    if (parents.length) {
      row("Parents", parents.flatMap((c, i) => [i ? "; " : "", ...c.partners.flatMap((p, j) => [j ? " and " : "", personButton(f, p)])]));
    }
    for (const c of own) {
      const others = c.partners.filter((p) => p !== id);
      row(others.length ? "Partner" : "Parent alone", [
        ...others.flatMap((p, j) => [j ? ", " : "", personButton(f, p)]),
        h("span", { className: "pf-muted", text: " " + coupleWords(f, c, id).replace(/^[^(]*/, "") }),
        h("button", { type: "button", className: "pf-small", text: "Change", "aria-label": `Change the couple with ${others.map((p) => nameOf(f, p)).join(" and ") || "the other parent not known"}`, onclick: (ev) => openSub("couple", ev.currentTarget, c.partners) }),
      ]);
    }
    if (children.length) row("Children", children.flatMap((x, i) => [i ? ", " : "", personButton(f, x)]));
    if (siblings.length) row("Brothers and sisters", siblings.flatMap((x, i) => [i ? ", " : "", personButton(f, x)]));
    for (const r of rels) {
      const [a, b] = relEnds(r);
      const other = a === id ? b : a;
      const kind = KINDS.find((k) => k[0] === r.kind);
      const words = kind ? kind[1] : str(r.kind);
      const directed = kind && kind[2];
      row("Relationship", [
        kind ? kindPicture(kind[3]) : null,
        directed && a === id ? h("span", { text: `${DIRECTED_WORDS[r.kind]} ` }) : null,
        directed ? null : h("span", { text: `${words.toLowerCase()} with ` }),
        personButton(f, other),
        directed && a !== id ? h("span", { text: ` ${DIRECTED_WORDS[r.kind]} them` }) : null,
        r.since !== undefined ? h("span", { className: "pf-muted", text: ` since ${str(r.since)}` }) : null,
        h("button", {
          type: "button", className: "pf-small", text: "Remove",
          "aria-label": `Remove the relationship: ${words.toLowerCase()}, ${nameOf(f, a)} and ${nameOf(f, b)}`,
          onclick: async (ev) => {
            const btn = ev.currentTarget;
            const result = await send([{ op: "remove-relationship", relationship: r }], `Removed the relationship between ${nameOf(f, a)} and ${nameOf(f, b)}.`);
            if (result !== true) W.announce(result.message);
            else if (!btn.isConnected && built.title) built.title.focus();
          },
        }),
      ]);
    }
    if (!rows.length) rows.push(h("p", { className: "pf-muted", text: "No family added yet: use the buttons below." }));
    const hadFocus = built.relatives.contains(document.activeElement);
    built.relatives.replaceChildren(...rows.filter(Boolean));
    if (hadFocus && built.title) built.title.focus();
  }

  function buildActions(f, id) {
    const couples = couplesOf(f);
    const parents = couples.filter((c) => c.children.some((ch) => ch.id === id));
    const hasTwoParents = parents.some((c) => c.partners.length >= 2);
    const client = isClient(f, id);
    const sig = JSON.stringify([hasTwoParents, parents.length, client, Object.keys(peopleOf(f)).length > 1]);
    if (built.actions._sig === sig) return;
    built.actions._sig = sig;
    const b = (name, words, disabledWhy) => h("button", {
      type: "button", className: "pf-action", "data-action": name, text: words,
      "aria-expanded": "false",
      onclick: (ev) => openSub(name, ev.currentTarget),
      title: disabledWhy || null,
    });
    const list = [];
    if (!hasTwoParents) list.push(b("parents", parents.length ? "Add the other parent" : "Add parents"));
    list.push(b("partner", "Add a partner"), b("child", "Add a child"), b("sibling", "Add a brother or sister"));
    if (Object.keys(peopleOf(f)).length > 1) list.push(b("relationship", "Add a relationship"));
    if (!client) list.push(b("client", "Make this the client"));
    list.push(b("remove", "Remove…"));
    const focused = document.activeElement && built.actions.contains(document.activeElement) ? document.activeElement.dataset.action : null;
    built.actions.replaceChildren(...list);
    if (focused) {
      const again = built.actions.querySelector(`[data-action="${focused}"]`);
      (again || built.title).focus();
    }
  }

  // ---- the small forms under the actions ------------------------------------------------------

  let subOpener = null;
  function closeSub(focusBack) {
    built.sub.replaceChildren();
    for (const b of built.actions.querySelectorAll("[aria-expanded]")) b.setAttribute("aria-expanded", "false");
    if (focusBack && subOpener && subOpener.isConnected) subOpener.focus();
    else if (focusBack && built.title) built.title.focus();
    subOpener = null;
  }

  function openSub(name, button, extra) {
    flush();
    const f = fam();
    const id = built.id;
    const make = SUBFORMS[name];
    closeSub(false);
    subOpener = button;
    if (button && button.hasAttribute("aria-expanded")) button.setAttribute("aria-expanded", "true");
    const form = make(f, id, extra);
    if (!form) return;
    built.sub.replaceChildren(form);
    const first = form.querySelector("[data-first]") || form.querySelector("input:not([type=hidden]), select, textarea, button");
    if (first) first.focus();
    form.scrollIntoView({ block: "nearest" });
  }

  // A small form: title, fields, Add/Cancel buttons, and one place for the refusal.
  function subForm(title, body, submitWords, onSubmit) {
    const errors = h("p", { className: "pf-error pf-form-error", "aria-live": "assertive" });
    const titleId = uid("sub");
    const form = h("form", { className: "pf-form pf-subform", "aria-labelledby": titleId },
      h("h3", { id: titleId, text: title }),
      body,
      h("div", { className: "pf-buttons" },
        h("button", { type: "submit", className: "pf-primary", text: submitWords }),
        h("button", { type: "button", text: "Cancel", onclick: () => closeSub(true) })),
      errors);
    let busy = false;
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      if (busy) return;
      errors.textContent = "";
      for (const e of form.querySelectorAll(".pf-error")) if (e !== errors) e.textContent = "";
      for (const e of form.querySelectorAll("[aria-invalid]")) e.removeAttribute("aria-invalid");
      const plan = onSubmit();
      if (!plan) return; // a field said what is missing
      busy = true;
      const result = await send(plan.ops, plan.done);
      busy = false;
      if (result === true) {
        closeSub(true);
        if (plan.after) plan.after();
      } else {
        for (const i of plan.made || []) madeIds.delete(i);
        errors.textContent = result.message;
        errors.focus && errors.setAttribute("tabindex", "-1");
      }
    });
    form._errors = errors;
    return form;
  }

  // A new person's three fields: name, sex, born.
  function newPersonFields(legend, defaultSex, nameHint) {
    const name = textInput({ "data-first": "" });
    const sexName = uid("sex");
    const sex = segmented("Sex", sexName, SEXES);
    setRadio(sex, sexName, defaultSex || "");
    const born = textInput({ inputmode: "numeric", size: "10" });
    const box = h("fieldset", { className: "pf-newperson" }, h("legend", { text: legend }),
      h("div", { className: "pf-row" }, field("Name", name, null, "pf-grow"), field("Born", born, null, "pf-born")),
      nameHint ? h("span", { className: "pf-hint pf-under", text: nameHint }) : null, sex);
    return {
      box, name,
      // The person's entry, or null when the name is empty (and `optional`).
      value() {
        const p = {};
        if (name.value.trim()) p.name = name.value.trim();
        const s = radioValue(sex, sexName);
        if (s) p.sex = s;
        if (born.value.trim()) p.born = dateValue(born.value);
        return p;
      },
      born,
      empty: () => !name.value.trim() && !born.value.trim(),
    };
  }

  // The fields of a couple: how they are together, and when it started and ended.
  function coupleFields(raw) {
    const r = raw || {};
    const relation = select(RELATIONS);
    relation.value = r.relation || "married";
    const start = textInput({ inputmode: "numeric", size: "10" });
    start.value = str(r.relation && r.relation !== "married" ? r.since : r.married !== undefined ? r.married : r.since);
    const separated = textInput({ inputmode: "numeric", size: "10" });
    separated.value = str(r.separated);
    const divorced = textInput({ inputmode: "numeric", size: "10" });
    divorced.value = str(r.divorced);
    const ended = textInput({ inputmode: "numeric", size: "10" });
    ended.value = str(r.ended);
    const startField = field("Married in", start);
    const divorcedField = field("Divorced in", divorced);
    const endedField = field("Ended in", ended);
    const startLabel = startField.querySelector("label");
    const sync = () => {
      const married = relation.value === "married";
      startLabel.textContent = married ? "Married in" : "Together since";
      divorcedField.hidden = !married && !divorced.value.trim();
      endedField.hidden = married && !ended.value.trim();
    };
    relation.addEventListener("change", sync);
    sync();
    const box = h("fieldset", { className: "pf-couple" }, h("legend", { text: "Their relationship" }),
      field("How they are together", relation),
      h("div", { className: "pf-row pf-years" }, startField, field("Separated in", separated), divorcedField, endedField),
      h("span", { className: "pf-hint pf-under", text: "Years (~1990 for a guess); leave empty what did not happen or is not known." }));
    return {
      box,
      // {set, unset} for the couple, or null after marking a field.
      value() {
        const set = {};
        const unset = [];
        const put = (k, v) => { if (v === "" || v === undefined) unset.push(k); else set[k] = v; };
        const married = relation.value === "married";
        if (married) unset.push("relation"); else set.relation = relation.value;
        const s = start.value.trim() ? dateValue(start.value) : "";
        put("married", married ? s : "");
        put("since", married ? "" : s);
        put("separated", separated.value.trim() ? dateValue(separated.value) : "");
        put("divorced", divorced.value.trim() ? dateValue(divorced.value) : "");
        put("ended", ended.value.trim() ? dateValue(ended.value) : "");
        return { set, unset };
      },
    };
  }

  // An existing person from a list, or someone new.
  function whoFields(f, exclude, legend) {
    const choices = [["", "Someone new"], ...sortedPeople(f).filter((x) => !exclude.includes(x)).map((x) => [x, personLabel(f, x)])];
    const who = select(choices);
    return { who, field: field(legend, who) };
  }

  const SUBFORMS = {
    parents(f, id) {
      const couples = couplesOf(f);
      const single = couples.find((c) => c.children.some((ch) => ch.id === id) && c.partners.length === 1);
      const name = nameOf(f, id);
      if (single) {
        const known = single.partners[0];
        const other = newPersonFields("The other parent", personOf(f, known).sex === "male" ? "female" : personOf(f, known).sex === "female" ? "male" : "");
        const couple = coupleFields(single.raw);
        return subForm(`Add ${name}'s other parent`, [other.box, couple.box], "Add the parent", () => {
          const pid = newId(other.value().name, "parent");
          const c = couple.value();
          c.set.partners = [known, pid];
          return {
            ops: [{ op: "add-person", id: pid, person: other.value() },
              { op: "update-couple", partners: [known], set: c.set, unset: c.unset.filter((k) => k in single.raw) }],
            made: [pid],
            done: `Added ${other.value().name || "a parent"} as ${name}'s parent.`,
          };
        });
      }
      const mother = newPersonFields("Mother", "female");
      const father = newPersonFields("Father", "male");
      const couple = coupleFields(null);
      const hint = h("p", { className: "pf-hint", text: "Born: a year is enough (~1950 for a guess). Leave a parent empty if not known." });
      return subForm(`Add ${name}'s parents`, [hint, mother.box, father.box, couple.box], "Add the parents", () => {
        const add = [mother, father].filter((x) => !x.empty());
        if (!add.length) {
          showError(mother.name, "Write at least one parent's name (or a year of birth).");
          mother.name.focus();
          return null;
        }
        const made = add.map((x) => newId(x.value().name, x === mother ? "mother" : "father"));
        // How a couple was together means nothing with one partner known.
        const c = add.length === 2 ? couple.value() : { set: {} };
        const coupleEntry = Object.assign({ partners: made }, c.set, { children: [id] });
        const ops = add.map((x, i) => ({ op: "add-person", id: made[i], person: x.value() }));
        ops.push({ op: "add-couple", couple: coupleEntry });
        return { ops, made, done: `Added ${add.map((x) => x.value().name || "a parent").join(" and ")} as ${name}'s parents.` };
      });
    },

    partner(f, id) {
      const name = nameOf(f, id);
      const sex = personOf(f, id).sex;
      const { who, field: whoField } = whoFields(f, [id], "Who");
      const person = newPersonFields("The partner", sex === "male" ? "female" : sex === "female" ? "male" : "");
      const couple = coupleFields(null);
      who.addEventListener("change", () => { person.box.hidden = !!who.value; });
      who.setAttribute("data-first", "");
      return subForm(`Add a partner of ${name}`, [whoField, person.box, couple.box], "Add the partner", () => {
        const c = couple.value();
        if (who.value) {
          return {
            ops: [{ op: "add-couple", couple: Object.assign({ partners: [id, who.value] }, c.set) }],
            done: `${name} and ${nameOf(f, who.value)} are now a couple.`,
          };
        }
        const pid = newId(person.value().name, "partner");
        return {
          ops: [{ op: "add-person", id: pid, person: person.value() },
            { op: "add-couple", couple: Object.assign({ partners: [id, pid] }, c.set) }],
          made: [pid],
          done: `Added ${person.value().name || "a partner"} as ${name}'s partner.`,
        };
      });
    },

    couple(f, id, partners) {
      const c = couplesOf(f).find((x) => x.partners.length === partners.length && x.partners.every((p, i) => p === partners[i]));
      if (!c) return null;
      const others = c.partners.filter((p) => p !== id).map((p) => nameOf(f, p));
      const fields = coupleFields(c.raw);
      fields.box.querySelector("select").setAttribute("data-first", "");
      return subForm(`${nameOf(f, id)} and ${others.join(" and ") || "the other parent"}`, [fields.box], "Save", () => {
        const v = fields.value();
        return {
          ops: [{ op: "update-couple", partners: c.partners, set: v.set, unset: v.unset.filter((k) => k in c.raw) }],
          done: "Changed the couple.",
        };
      });
    },

    child(f, id) {
      const name = nameOf(f, id);
      const own = couplesOf(f).filter((c) => c.partners.includes(id));
      const choices = own.map((c) => {
        const others = c.partners.filter((p) => p !== id);
        return [c.partners.join("\u0000"), others.length ? `with ${others.map((p) => nameOf(f, p)).join(" and ")}` : "other parent not known"];
      });
      if (!own.some((c) => c.partners.length === 1)) choices.push([id, "other parent not known"]);
      const withWhom = select(choices);
      withWhom.value = choices.length > 1 && own.length ? choices[own.length - 1][0] : choices[0][0];
      const child = newPersonFields("The child", "");
      // With a choice of parents, that comes first; otherwise the child's name.
      if (choices.length > 1) {
        withWhom.setAttribute("data-first", "");
        child.name.removeAttribute("data-first");
      }
      const parentsHint = choices.length > 1 ? null : `To give the child both parents, add ${name}'s partner first.`;
      const link = segmented("How the child belongs", uid("link"), LINKS);
      setRadio(link, link.querySelector("input").name, "biological");
      return subForm(`Add a child of ${name}`, [field("Parents", withWhom, parentsHint), child.box, link], "Add the child", () => {
        const cid = newId(child.value().name, "child");
        const parents = withWhom.value.split("\u0000");
        const l = radioValue(link, link.querySelector("input").name);
        const op = { op: "add-child", parents, child: cid };
        if (l && l !== "biological") op.link = l;
        return {
          ops: [{ op: "add-person", id: cid, person: child.value() }, op],
          made: [cid],
          done: `Added ${child.value().name || "a child"} as ${name}'s child.`,
        };
      });
    },

    sibling(f, id) {
      const name = nameOf(f, id);
      const parents = couplesOf(f).filter((c) => c.children.some((ch) => ch.id === id));
      if (!parents.length) {
        const form = h("div", { className: "pf-form pf-subform", role: "group", "aria-label": "Add a brother or sister" },
          h("p", { text: `A brother or sister hangs from the same parents. Add ${name}'s parents first (you can leave a parent's name empty if not known).` }),
          h("div", { className: "pf-buttons" },
            h("button", { type: "button", className: "pf-primary", "data-first": "", text: "Add parents", onclick: () => openSub("parents", subOpener) }),
            h("button", { type: "button", text: "Cancel", onclick: () => closeSub(true) })));
        return form;
      }
      const choices = parents.map((c) => [c.partners.join("\u0000"), c.partners.map((p) => nameOf(f, p)).join(" and ")]);
      const which = select(choices, { "data-first": "" });
      const sib = newPersonFields("The brother or sister", "");
      sib.name.removeAttribute("data-first");
      return subForm(`Add a brother or sister of ${name}`, [parents.length > 1 ? field("Same parents", which) : null, sib.box], "Add", () => {
        const sid = newId(sib.value().name, "sibling");
        return {
          ops: [{ op: "add-person", id: sid, person: sib.value() }, { op: "add-child", parents: which.value.split("\u0000"), child: sid }],
          made: [sid],
          done: `Added ${sib.value().name || "a brother or sister"}.`,
        };
      });
    },

    relationship(f, id) {
      const name = nameOf(f, id);
      const others = sortedPeople(f).filter((x) => x !== id);
      const other = select([["", "Choose someone…"], ...others.map((x) => [x, personLabel(f, x)])], { "data-first": "" });
      const kindName = uid("kind");
      const both = h("fieldset", { className: "pf-kinds" }, h("legend", { text: "Both ways" }));
      const oneWay = h("fieldset", { className: "pf-kinds" }, h("legend", { text: "One way (the arrow points to the one it is done to)" }));
      for (const [kind, words, directed, paths] of KINDS) {
        const rid = uid("k");
        (directed ? oneWay : both).append(h("span", { className: "pf-kind" },
          h("input", { type: "radio", name: kindName, value: kind, id: rid }),
          h("label", { for: rid }, kindPicture(paths), h("span", { text: words }))));
      }
      const kinds = h("div", { className: "pf-kind-groups", role: "group", "aria-label": "Kind of relationship" }, both, oneWay);
      kinds._error = h("span", { className: "pf-error", "aria-live": "polite" });
      const dirName = uid("dir");
      const direction = h("fieldset", { className: "pf-direction", hidden: true }, h("legend", { text: "Who does it" }));
      const since = textInput({ inputmode: "numeric", size: "10" });
      const note = textInput({});
      const sync = () => {
        const kind = radioValue(kinds, kindName);
        const directed = DIRECTED_WORDS[kind];
        direction.hidden = !directed;
        if (!directed) return;
        const keep = radioValue(direction, dirName) || "from";
        const them = other.value ? nameOf(f, other.value) : "the other person";
        const a = h("input", { type: "radio", name: dirName, value: "from", id: uid("d") });
        const b = h("input", { type: "radio", name: dirName, value: "to", id: uid("d") });
        direction.replaceChildren(h("legend", { text: "Who does it" }),
          h("span", { className: "pf-check" }, a, h("label", { for: a.id, text: `${name} ${directed} ${them}` })),
          h("span", { className: "pf-check" }, b, h("label", { for: b.id, text: `${them} ${directed} ${name}` })));
        setRadio(direction, dirName, keep);
      };
      kinds.addEventListener("change", sync);
      other.addEventListener("change", sync);
      const otherField = field("With", other);
      return subForm(`Add a relationship of ${name}`, [otherField, kinds, kinds._error, direction,
        field("Since", since, "A year; leave empty when not known."), field("Note", note, "Optional: a few words.")], "Add the relationship", () => {
        let ok = true;
        const kind = radioValue(kinds, kindName);
        if (!other.value) { showError(other, "Choose the other person."); ok = false; }
        if (!kind) { kinds._error.textContent = "Choose the kind of relationship."; ok = false; }
        if (!ok) { (other.value ? kinds.querySelector("input") : other).focus(); return null; }
        const rel = {};
        if (DIRECTED_WORDS[kind]) {
          const from = radioValue(direction, dirName) !== "to";
          rel.from = from ? id : other.value;
          rel.to = from ? other.value : id;
        } else rel.between = [id, other.value];
        rel.kind = kind;
        if (since.value.trim()) rel.since = dateValue(since.value);
        if (note.value.trim()) rel.note = note.value.trim();
        return {
          ops: [{ op: "add-relationship", relationship: rel }],
          done: `Added: ${KINDS.find((k) => k[0] === kind)[1].toLowerCase()}, ${name} and ${nameOf(f, other.value)}.`,
        };
      });
    },

    client(f, id) {
      const name = nameOf(f, id);
      send([{ op: "set", field: "index", value: id }], `${name} is now the client.`).then((result) => {
        if (result !== true) W.announce(result.message);
        if (built && built.title) built.title.focus();
      });
      return null;
    },

    remove(f, id) {
      const name = nameOf(f, id);
      const couples = couplesOf(f);
      const goes = [];
      const stays = [];
      for (const c of couples) {
        if (!c.partners.includes(id)) continue;
        const others = c.partners.filter((p) => p !== id);
        const kids = c.children.map((ch) => nameOf(f, ch.id));
        if (others.length) goes.push(`${name} as partner of ${others.map((p) => nameOf(f, p)).join(" and ")}`);
        else goes.push(`the couple of ${name} alone`);
        if (kids.length) stays.push(`${kids.join(", ")} stay${kids.length === 1 ? "s" : ""} in the family${others.length ? ` as ${others.map((p) => nameOf(f, p)).join(" and ")}'s child${kids.length === 1 ? "" : "ren"}` : ", without these parents"}`);
      }
      for (const c of couples) {
        if (c.children.some((ch) => ch.id === id)) goes.push(`${name} as child of ${c.partners.map((p) => nameOf(f, p)).join(" and ")}`);
      }
      for (const r of relationshipsOf(f)) {
        const [a, b] = relEnds(r);
        if (a !== id && b !== id) continue;
        const kind = KINDS.find((k) => k[0] === r.kind);
        goes.push(`the relationship "${kind ? kind[1].toLowerCase() : str(r.kind)}" with ${nameOf(f, a === id ? b : a)}`);
      }
      for (const [other, p] of Object.entries(peopleOf(f))) {
        if (p && ids(p.raised_by).includes(id)) goes.push(`${name} as one who raised ${nameOf(f, other)}`);
      }
      if (isClient(f, id)) goes.push(`${name} as the client (choose another client afterwards)`);
      const titleId = uid("sub");
      const keep = h("button", { type: "button", text: "Keep", "data-first": "", onclick: () => closeSub(true) });
      const errors = h("p", { className: "pf-error pf-form-error", "aria-live": "assertive" });
      const form = h("form", { className: "pf-form pf-subform pf-danger", role: "alertdialog", "aria-labelledby": titleId },
        h("h3", { id: titleId, text: `Remove ${name} from the family?` }),
        goes.length ? h("p", { text: "This also removes:" }) : null,
        goes.length ? h("ul", {}, goes.map((g) => h("li", { text: g }))) : null,
        stays.length ? h("ul", { className: "pf-muted" }, stays.map((g) => h("li", { text: g }))) : null,
        h("p", { className: "pf-hint", text: "You can undo it with Ctrl+Z in the family file." }),
        h("div", { className: "pf-buttons" },
          h("button", { type: "submit", className: "pf-primary pf-remove", text: `Remove ${name}` }), keep),
        errors);
      form.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        const result = await send([{ op: "remove-person", id }], `Removed ${name}.`);
        if (result === true) {
          current = null;
          buildNone(`Removed ${name}. Ctrl+Z in the family file brings them back.`);
          const t = document.getElementById("pf-title");
          if (t) t.focus();
        } else errors.textContent = result.message;
      });
      return form;
    },
  };

  // ---- opening and closing -----------------------------------------------------------------------

  function openPerson(id) {
    if (id === null || id === undefined || id === "") { current = null; refresh(); return; }
    const target = str(id);
    if (current !== target) flush();
    if (!panel.contains(document.activeElement)) opener = document.activeElement;
    current = target;
    if (built && built.mode === "person" && built.id !== target) built = null;
    panel.classList.remove("pf-closed");
    refresh();
    if (built && built.title) built.title.focus({ preventScroll: false });
  }

  function closePanel() {
    flush();
    current = null;
    built = null;
    refresh();
    if (opener && opener.isConnected && opener !== document.body) opener.focus();
    else { const t = document.getElementById("pf-title"); if (t) t.focus(); }
  }

  document.addEventListener("workspace:select", (ev) => openPerson(ev.detail && ev.detail.id));

  panel.addEventListener("keydown", (ev) => {
    if (ev.key !== "Escape" || ev.defaultPrevented) return;
    ev.preventDefault();
    flush();
    if (built && built.sub && built.sub.childElementCount) closeSub(true);
    else if (built && built.mode === "person") closePanel();
  });

  // Forms send before the page goes.
  window.addEventListener("pagehide", flush);

  panel.setAttribute("aria-label", "Person");
  W.onRendered(() => {
    for (const check of [...waiting]) check();
    refresh();
  });
  refresh();
})();
