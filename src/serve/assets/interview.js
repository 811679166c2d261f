// The interview: the workspace asks the client about their family one open question at a
// time, person by person, and writes every answer into the family file as it goes.
//
// A classic script, loaded after app.js. It uses `window.Workspace` (getText, applyOps,
// family, selectPerson, onRendered, announce) and the page's Save button: every answer is
// an edit operation (issue #14) sent through Workspace.applyOps, then saved, so stopping
// half-way loses nothing. The questions and the findings come with each drawing
// (`questions` and `findings` of /api/render, the same as `genogram questions`). User
// text is only ever placed with textContent or as a form value, never parsed as HTML.
"use strict";

(function () {
  const W = window.Workspace;
  const screen = document.getElementById("interview");
  if (!W || !screen) return;

  const LEVELS = [["none", "None", "1"], ["some", "Some", "2"], ["strong", "Strong", "3"]];
  // Where a skill was learned when not at home (the format's `learned` words).
  const OUTSIDE = [
    ["therapy", "in therapy"], ["group-therapy", "in group therapy"], ["partner", "from a partner"],
    ["mentor", "from a mentor"], ["community", "in a community"], ["self", "on their own"],
  ];
  const RELATIONS = [["married", "Married"], ["cohabiting", "Living together"], ["engaged", "Engaged"], ["dating", "Dating"], ["unknown", "Not known"]];
  const SEXES = [["female", "Female"], ["male", "Male"], ["unknown", "Not known"]];
  const RENDER_WAIT_MS = 5000;

  // ---- state -------------------------------------------------------------------------------

  let open = false;
  let latest = null;      // the last successful render: {questions, findings}
  let history = [];       // the questions shown in this interview, in order (copies)
  let pos = 0;            // which one is on screen; history.length means the next new one
  const done = new Set(); // keys answered or skipped in this interview
  const answered = new Set(); // keys answered (not skipped)
  let busy = false;
  let waiters = [];       // resolve functions waiting for the next drawing

  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const isString = (v) => typeof v === "string";

  function keyOf(q) {
    return q.kind === "rate" ? `rate\u0000${q.people[0]}\u0000${q.skill}` : `relative\u0000${q.missing}\u0000${q.people[0]}`;
  }

  // The questions of a render, checked: anything of another shape is left out.
  function questionsOf(result) {
    const list = result && Array.isArray(result.questions) ? result.questions : [];
    return list.filter((q) => isObject(q) && isString(q.question) && Array.isArray(q.people) &&
      q.people.length > 0 && q.people.every(isString) &&
      ((q.kind === "rate" && isString(q.skill) && isObject(q.levels)) ||
       (q.kind === "relative" && ["parents", "siblings", "partners"].includes(q.missing))));
  }

  function remaining() {
    return latest ? latest.questions.filter((q) => !done.has(keyOf(q))) : [];
  }

  W.onRendered((result) => {
    latest = {
      questions: questionsOf(result),
      findings: Array.isArray(result.findings) ? result.findings : [],
      skills: Array.isArray(result.skills) ? result.skills.length : 3,
    };
    const text = W.getText();
    const ready = waiters.filter((w) => w.text === text);
    waiters = waiters.filter((w) => w.text !== text);
    for (const w of ready) w.resolve();
    // A new drawing changes the question on screen only when the file changed it (say,
    // the text was edited elsewhere); otherwise what is being typed stays.
    if (!open || busy) return;
    const q = current();
    if ((q ? keyOf(q) : null) !== shownKey) show(false);
    else refreshProgress();
  });

  // Resolves once the drawing of `text` is back (its questions include the change), or
  // after a few seconds in any case.
  function drawnAfter(text) {
    return new Promise((resolve) => {
      const w = { text, resolve };
      waiters.push(w);
      setTimeout(() => { waiters = waiters.filter((x) => x !== w); resolve(); }, RENDER_WAIT_MS);
    });
  }

  // ---- the family as the forms see it ----------------------------------------------------------

  function fam() {
    const f = W.family();
    return isObject(f) ? f : { people: {} };
  }
  function person(id) {
    const p = isObject(fam().people) ? fam().people[id] : null;
    return isObject(p) ? p : {};
  }
  function nameOf(id) {
    const p = person(id);
    return isString(p.name) && p.name.trim() ? p.name : id;
  }
  function firstName(id) {
    return nameOf(id).split(/\s+/)[0];
  }
  function couples() {
    const c = fam().couples;
    return Array.isArray(c) ? c.filter(isObject) : [];
  }
  function childIds(c) {
    const out = [];
    for (const ch of Array.isArray(c.children) ? c.children : []) {
      if (isString(ch)) out.push(ch);
      else if (isObject(ch) && isString(ch.id)) out.push(ch.id);
      else if (isObject(ch) && Array.isArray(ch.twins)) {
        for (const t of ch.twins) out.push(isString(t) ? t : isObject(t) ? t.id : null);
      }
    }
    return out;
  }
  // The partners of the couple that has `id` among its children (the client's parents).
  function parentsOf(id) {
    const c = couples().find((c) => childIds(c).includes(id) && Array.isArray(c.partners) && c.partners.length);
    return c ? c.partners.filter(isString) : null;
  }

  // An id made from a name, in the file's plain style, not yet used.
  function newId(name, fallback, taken) {
    const word = (name || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .split(/\s+/)[0].replace(/[^a-z0-9]/g, "");
    const stem = /^[a-z]/.test(word) ? word : fallback;
    const used = (id) => taken.has(id) || Object.prototype.hasOwnProperty.call(fam().people || {}, id);
    let id = stem;
    for (let n = 2; used(id); n++) id = stem + n;
    taken.add(id);
    return id;
  }

  // A year as a number; anything else ("~1950", "1950-03") as written.
  function dateValue(text) {
    const t = text.trim();
    return /^\d{1,4}$/.test(t) ? Number(t) : t;
  }

  // ---- small DOM helpers -------------------------------------------------------------------------

  let serial = 0;
  const uid = (stem) => `iv-${stem}-${++serial}`;
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") el.textContent = v;
      else if (k === "className") el.className = v;
      else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return el;
  }
  function labelled(text, control, hint) {
    if (!control.id) control.id = uid("f");
    return h("div", { className: "iv-field" },
      h("label", { for: control.id, text }), control,
      hint ? h("span", { className: "iv-hint", text: hint }) : null);
  }
  function choice(choices, value) {
    const s = h("select", {}, ...choices.map(([v, t]) => h("option", { value: v, text: t })));
    if (value !== undefined) s.value = value;
    return s;
  }

  // ---- the screen ------------------------------------------------------------------------------

  const startButton = h("button", {
    type: "button", id: "interview-start", className: "interview-start",
    title: "Go through the family one question at a time; every answer is written into the file",
    text: "Interview",
    onclick: () => (open ? close() : start()),
  });
  const privacyButton = document.getElementById("privacy");
  if (privacyButton) privacyButton.before(startButton);

  let form = null; // what the current question's answer is read from
  let shownKey = undefined; // the key of the question on screen (null: the summary)

  function start() {
    open = true;
    history = [];
    pos = 0;
    done.clear();
    answered.clear();
    document.body.classList.add("interviewing");
    startButton.setAttribute("aria-pressed", "true");
    startButton.textContent = "End interview";
    screen.hidden = false;
    show(true);
  }

  function close() {
    open = false;
    document.body.classList.remove("interviewing");
    startButton.setAttribute("aria-pressed", "false");
    startButton.textContent = "Interview";
    screen.hidden = true;
    screen.replaceChildren();
    startButton.focus();
    W.announce("The interview is closed; every answer is in the file.");
  }

  // The interview's forms show names: it is not offered while privacy mode is on.
  function privacyChanged(on) {
    if (open && on) close();
    startButton.disabled = on;
    startButton.title = on ? "Turn privacy mode off to interview: the interview shows names"
      : "Go through the family one question at a time; every answer is written into the file";
  }
  document.addEventListener("workspace:privacy", (ev) => privacyChanged(!!(ev.detail && ev.detail.on)));
  privacyChanged(document.body.classList.contains("privacy"));

  function current() {
    if (pos < history.length) return history[pos];
    return remaining()[0] || null;
  }

  // The questions still to come that are not asked yet: those a missing relative brings
  // once added (each skill for each of them; the client's parents also bring their own
  // parents), so that "of 32" does not jump when someone is added. 0 when nothing is
  // missing any more.
  function expected() {
    const n = latest ? latest.skills : 3;
    let more = 0;
    for (const q of remaining()) {
      if (q.kind !== "relative") continue;
      if (q.missing === "parents" && q.people[0] === clientId()) more += 2 * n + 2 + 4 * n;
      else if (q.missing === "parents") more += 2 * n;
      else more += n;
    }
    return more;
  }

  let progressEl = null;
  function refreshProgress() {
    if (!progressEl) return;
    const known = history.length + remaining().length;
    const more = expected();
    const n = known + more;
    progressEl.textContent = pos >= known ? `All ${known} questions gone through`
      : more ? `Question ${pos + 1} of about ${n}` : `Question ${pos + 1} of ${n}`;
  }

  // Shows the question at `pos` (or the summary when there is none left).
  function show(focus) {
    const q = current();
    shownKey = q ? keyOf(q) : null;
    const top = h("div", { className: "iv-top" },
      progressEl = h("span", { className: "iv-progress", "aria-live": "polite" }),
      h("span", { className: "iv-saved", text: "Each answer is written into the file and saved." }));
    if (!latest || Object.keys(fam().people || {}).length === 0) {
      // Nothing to interview about yet: the file is still loading, has a mistake, or
      // holds nobody.
      shownKey = undefined;
      screen.replaceChildren(h("div", { className: "iv-summary" },
        h("h2", { tabindex: "-1", text: "Interview" }),
        h("p", { className: "iv-note", text: latest
          ? "The family has nobody in it yet. Start with the client: end the interview and add them (the person panel asks who the client is), then come back."
          : "Waiting for the drawing: when the file has a mistake, the interview starts once it is fixed." }),
        h("div", { className: "iv-nav" }, h("button", { type: "button", text: "End interview", onclick: close }))));
      if (focus) screen.querySelector("h2").focus();
      return;
    }
    if (!q) {
      screen.replaceChildren(top, summary());
      refreshProgress();
      if (focus) screen.querySelector("h2").focus();
      return;
    }
    const heading = h("h2", { className: "iv-question", tabindex: "-1", id: "iv-question", text: q.question });
    const about = h("p", { className: "iv-about" });
    const body = q.kind === "rate" ? rateForm(q, about) : relativeForm(q, about);
    const error = h("p", { className: "iv-error", role: "alert" });
    const nav = h("div", { className: "iv-nav" },
      h("button", { type: "button", className: "iv-back", text: "Back", disabled: pos === 0, onclick: back }),
      h("button", { type: "button", className: "iv-skip", text: "Skip for now", onclick: () => answer(q, true) }),
      h("button", { type: "submit", className: "iv-next", text: q.kind === "rate" ? "Save and go on" : form.submitWords }));
    const keys = h("p", { className: "iv-keys", text: q.kind === "rate"
      ? "Keys: 1 none, 2 some, 3 strong; Enter saves and goes on (Ctrl+Enter from the text box)."
      : "Keys: Enter in a name field adds them and goes on; Ctrl+Enter from the text box." });
    const noClient = clientId() ? null : h("p", { className: "iv-note",
      text: "The file names no client, so the questions name people in full and none asks about missing relatives. To change that, end the interview and make someone the client." });
    const wrap = h("form", { className: "iv-form", "aria-labelledby": "iv-question", novalidate: true },
      noClient, about, heading, body, nav, error, keys);
    wrap.addEventListener("submit", (ev) => { ev.preventDefault(); answer(q, false); });
    wrap.addEventListener("keydown", (ev) => onKey(ev, q));
    form.error = error;
    screen.replaceChildren(top, wrap);
    refreshProgress();
    W.selectPerson(q.people[0]);
    // Selecting a person may open the person panel, which takes the focus; the interview
    // keeps it.
    if (focus || !screen.contains(document.activeElement)) heading.focus();
  }

  function onKey(ev, q) {
    const t = ev.target;
    const typing = t instanceof HTMLTextAreaElement || t instanceof HTMLInputElement || t instanceof HTMLSelectElement;
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      answer(q, false);
      return;
    }
    if (typing || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (q.kind === "rate") {
      const level = LEVELS.find((l) => l[2] === ev.key);
      if (level) { ev.preventDefault(); form.setLevel(level[0]); return; }
    }
    if (ev.key === "Enter" && !(t instanceof HTMLButtonElement)) {
      ev.preventDefault();
      answer(q, false);
    }
  }

  // ---- rating a skill --------------------------------------------------------------------------

  function ratingOf(id, skill) {
    const skills = person(id).skills;
    const r = isObject(skills) ? skills[skill] : undefined;
    if (isString(r)) return { level: r };
    return isObject(r) ? r : {};
  }

  function rateForm(q, about) {
    const id = q.people[0];
    const was = ratingOf(id, q.skill);
    about.append(h("strong", { text: nameOf(id) }), ` · ${q.skill}`);
    let level = ["none", "some", "strong"].includes(was.level) ? was.level : null;
    const buttons = LEVELS.map(([value, word, key]) => h("button", {
      type: "button", className: "iv-level", "data-level": value, "aria-pressed": String(level === value),
      "aria-keyshortcuts": key,
      onclick: () => setLevel(level === value ? null : value),
    }, h("span", { className: "iv-level-word", text: `${word}` }), h("span", { className: "iv-level-key", text: key }),
      h("span", { className: "iv-level-hint", text: isString(q.levels[value]) ? q.levels[value] : "" })));
    const levels = h("fieldset", { className: "iv-levels" },
      h("legend", { text: `How much ${q.skill}? Pick what sounds most like ${id === clientId() ? "you" : firstName(id)}.` }), ...buttons);

    const outside = was.learned && was.learned !== "family";
    const whereName = uid("where");
    const home = h("input", { type: "radio", name: whereName, value: "family", id: uid("r"), checked: !outside });
    const away = h("input", { type: "radio", name: whereName, value: "outside", id: uid("r"), checked: outside });
    const source = choice(OUTSIDE, outside && OUTSIDE.some((o) => o[0] === was.learned) ? was.learned : "therapy");
    const since = h("input", { type: "text", inputmode: "numeric", size: "8", value: was.since !== undefined ? String(was.since) : "" });
    const outsideFields = h("div", { className: "iv-outside" },
      labelled("Where", source), labelled("Since (year)", since, "Leave empty when not known."));
    const where = h("fieldset", { className: "iv-where" },
      h("legend", { text: id === clientId() ? "Where did you learn it?" : `Where did ${firstName(id)} learn it?` }),
      h("label", { className: "iv-radio" }, home, " At home, growing up"),
      h("label", { className: "iv-radio" }, away, " Later, outside the family"),
      outsideFields);
    const syncWhere = () => {
      where.hidden = !(level === "some" || level === "strong");
      outsideFields.hidden = !away.checked;
    };
    home.addEventListener("change", syncWhere);
    away.addEventListener("change", syncWhere);
    const words = h("textarea", { rows: "3" });
    words.value = isString(was.note) ? was.note : "";
    function setLevel(value) {
      level = value;
      for (const b of buttons) b.setAttribute("aria-pressed", String(b.dataset.level === level));
      syncWhere();
      if (value) W.announce(`${q.skill}: ${value}`);
    }
    syncWhere();
    form = {
      setLevel,
      submitWords: "Save and go on",
      // The operations of the answer, or a sentence saying what is missing.
      ops(skip) {
        const note = words.value.trim();
        if (skip) return note ? notesOps(id, note) : [];
        if (!level) return "Pick a level first (1, 2 or 3), or skip this question for now.";
        const skills = Object.assign({}, isObject(person(id).skills) ? person(id).skills : {});
        const entry = { level };
        if ((level === "some" || level === "strong") && away.checked) {
          entry.learned = source.value;
          if (since.value.trim()) entry.since = dateValue(since.value);
        }
        if (note) entry.note = note;
        skills[q.skill] = Object.keys(entry).length === 1 ? level : entry;
        return [{ op: "update-person", id, set: { skills } }];
      },
    };
    return [levels, where, labelled(`In ${q.people[0] === clientId() ? "your" : "the client's"} own words (optional)`, words,
      "Kept with the rating as its note.")];
  }

  function clientId() {
    const i = fam().index;
    return isString(i) ? i : null;
  }

  // The client's words added to a person's notes.
  function notesOps(id, words) {
    const before = isString(person(id).notes) ? person(id).notes.trim() : "";
    return [{ op: "update-person", id, set: { notes: before ? `${before}\n${words}` : words } }];
  }

  // ---- adding missing relatives ----------------------------------------------------------------

  function newPersonFields(legend, sex) {
    const name = h("input", { type: "text", autocomplete: "off" });
    const sexSelect = choice(SEXES, sex);
    const born = h("input", { type: "text", inputmode: "numeric", size: "8" });
    const box = h("fieldset", { className: "iv-person" }, h("legend", { text: legend }),
      labelled("Name", name), labelled("Sex", sexSelect), labelled("Born", born, "A year is enough; ~1950 for a guess."));
    return {
      box, name,
      empty: () => !name.value.trim() && !born.value.trim(),
      value() {
        const p = {};
        if (name.value.trim()) p.name = name.value.trim();
        p.sex = sexSelect.value;
        if (born.value.trim()) p.born = dateValue(born.value);
        return p;
      },
    };
  }

  function relativeForm(q, about) {
    const id = q.people[0];
    const taken = new Set();
    const words = h("textarea", { rows: "3" });
    const wordsField = labelled("In the client's own words (optional)", words, `Kept in ${firstName(id)}'s notes.`);
    let fields = [];
    let body = [];
    if (answered.has(keyOf(q))) {
      // Back at a question answered in this interview: adding them again would double them.
      about.append(h("strong", { text: nameOf(id) }));
      body = [h("p", { className: "iv-note", text: "Already added in this interview. To change them, end the interview and click them in the drawing." })];
      form = {
        submitWords: "Go on",
        ops(skip) {
          const note = words.value.trim();
          return note && !skip ? notesOps(id, note) : [];
        },
      };
    } else if (q.missing === "parents") {
      about.append("Not in the file yet: the parents of ", h("strong", { text: nameOf(id) }));
      // Whose mother and father they are, when they are not the client's.
      const whose = id === clientId() ? "" : `${firstName(id)}'s `;
      const mother = newPersonFields(whose ? `${whose}mother` : "Mother", "female");
      const father = newPersonFields(whose ? `${whose}father` : "Father", "male");
      fields = [mother, father];
      body = [h("div", { className: "iv-people" }, mother.box, father.box)];
      form = {
        submitWords: "Add them and go on",
        ops(skip) {
          const note = words.value.trim();
          const extra = note ? notesOps(id, note) : [];
          if (skip) return extra;
          const add = fields.filter((f) => !f.empty());
          if (!add.length) return "Write at least one parent's name (or skip this question for now).";
          const made = add.map((f) => newId(f.value().name, f === mother ? "mother" : "father", taken));
          const ops = add.map((f, i) => ({ op: "add-person", id: made[i], person: f.value() }));
          ops.push({ op: "add-couple", couple: { partners: made, children: [id] } });
          return ops.concat(extra);
        },
      };
    } else if (q.missing === "siblings") {
      about.append("Not in the file yet: brothers and sisters of ", h("strong", { text: nameOf(id) }));
      const list = h("div", { className: "iv-people" });
      const more = () => {
        const f = newPersonFields(fields.length ? `Brother or sister ${fields.length + 1}` : "Brother or sister", "unknown");
        fields.push(f);
        list.appendChild(f.box);
        return f;
      };
      more();
      const parents = parentsOf(id);
      body = [
        parents ? null : h("p", { className: "iv-note", text: `Brothers and sisters are drawn under their parents, and ${firstName(id)}'s parents are not in the file yet: go back and add them, or skip this for now.` }),
        list,
        h("button", { type: "button", className: "iv-more", text: "Another brother or sister", onclick: () => more().name.focus() }),
        h("button", { type: "button", className: "iv-none", text: "None: an only child", onclick: () => answer(q, false, true) }),
      ];
      form = {
        submitWords: "Add them and go on",
        ops(skip, none) {
          const note = words.value.trim();
          const extra = note ? notesOps(id, note) : [];
          if (skip) return extra;
          if (none) return notesOps(id, note ? `${note}` : "No brothers or sisters.");
          const add = fields.filter((f) => !f.empty());
          if (!add.length) return "Write a name, or choose \u201cNone\u201d, or skip this question for now.";
          const p = parentsOf(id);
          if (!p) return `Add ${firstName(id)}'s parents first (Back), then the brothers and sisters.`;
          const ops = [];
          for (const f of add) {
            const sib = newId(f.value().name, "sibling", taken);
            ops.push({ op: "add-person", id: sib, person: f.value() });
            ops.push({ op: "add-child", parents: p, child: sib });
          }
          return ops.concat(extra);
        },
      };
    } else {
      about.append("Not in the file yet: partners of ", h("strong", { text: nameOf(id) }));
      const partner = newPersonFields("Partner", "unknown");
      const relation = choice(RELATIONS, "married");
      partner.box.appendChild(labelled("How they are or were together", relation));
      fields = [partner];
      body = [h("div", { className: "iv-people" }, partner.box),
        h("button", { type: "button", className: "iv-none", text: "None so far", onclick: () => answer(q, false, true) })];
      form = {
        submitWords: "Add and go on",
        ops(skip, none) {
          const note = words.value.trim();
          const extra = note ? notesOps(id, note) : [];
          if (skip) return extra;
          if (none) return notesOps(id, note ? note : "No partner so far.");
          if (partner.empty()) return "Write the partner's name, or choose \u201cNone so far\u201d, or skip this question for now.";
          const pid = newId(partner.value().name, "partner", taken);
          const couple = { partners: [id, pid] };
          if (relation.value !== "married") couple.relation = relation.value;
          return [{ op: "add-person", id: pid, person: partner.value() }, { op: "add-couple", couple }].concat(extra);
        },
      };
    }
    return [...body, wordsField];
  }

  // ---- answering, skipping, going back ---------------------------------------------------------

  async function answer(q, skip, none) {
    if (busy) return;
    form.error.textContent = "";
    const ops = form.ops(skip, none);
    if (isString(ops)) {
      form.error.textContent = ops;
      return;
    }
    busy = true;
    screen.setAttribute("aria-busy", "true");
    try {
      const before = W.getText();
      const text = ops.length ? await W.applyOps(ops) : before;
      if (text !== before) {
        // The next question may be about the people just added: wait for their drawing.
        await drawnAfter(text);
        const save = document.getElementById("save");
        if (save) save.click();
      }
    } catch (e) {
      busy = false;
      screen.removeAttribute("aria-busy");
      form.error.textContent = (e && isString(e.message) ? e.message : "The answer could not be written.") + " Nothing was changed.";
      return;
    }
    busy = false;
    screen.removeAttribute("aria-busy");
    const key = keyOf(q);
    done.add(key);
    if (skip) answered.delete(key); else answered.add(key);
    if (pos === history.length) history.push(q);
    pos += 1;
    W.announce(skip ? "Skipped for now." : "Written into the file.");
    show(true);
  }

  function back() {
    if (busy || pos === 0) return;
    pos -= 1;
    show(true);
  }

  // ---- the summary -----------------------------------------------------------------------------

  function summary() {
    const findings = latest ? latest.findings.filter((f) => isObject(f) && isString(f.skill)) : [];
    const left = latest ? latest.questions.filter((q) => !answered.has(keyOf(q))) : [];
    const title = isString(fam().title) ? fam().title : null;
    const sections = findings.map((f) => {
      const absent = Array.isArray(f.absent) ? f.absent.filter(isString) : [];
      const broke = Array.isArray(f.broke) ? f.broke.filter(isString) : [];
      const skill = f.skill.charAt(0).toUpperCase() + f.skill.slice(1);
      return h("section", { className: "iv-finding" },
        h("h3", { text: skill }),
        h("h4", { text: "Where it was absent" }),
        absent.length ? h("ul", {}, ...absent.map((s) => h("li", { text: s })))
          : h("p", { text: "No two generations in a row both lacked it, as far as the file knows." }),
        h("h4", { text: "Who broke the cycle" }),
        broke.length ? h("ul", {}, ...broke.map((s) => h("li", { text: s })))
          : h("p", { text: "Nobody learned it without someone at home who had it." }));
    });
    return h("div", { className: "iv-summary" },
      h("h2", { tabindex: "-1", text: title ? `What we found: ${title}` : "What we found" }),
      h("p", { className: "iv-lead", text: [
        clientId() ? `Interview with ${nameOf(clientId())}, ${new Date().toLocaleDateString()}.` : `Interview of ${new Date().toLocaleDateString()}.`,
        `${answered.size} answer${answered.size === 1 ? "" : "s"} written into the file.`,
      ].join(" ") }),
      ...sections,
      h("section", { className: "iv-left" },
        h("h3", { text: left.length ? "Questions for the next session" : "Nothing left to ask" }),
        left.length ? h("ol", {}, ...left.map((q) => h("li", {},
          h("span", { className: "iv-left-who", text: `${nameOf(q.people[0])}${q.kind === "rate" ? `, ${q.skill}` : ""}: ` }),
          q.question)))
          : h("p", { text: "Every close relative is in the file and everyone is rated on every skill." })),
      h("div", { className: "iv-nav iv-noprint" },
        h("button", { type: "button", text: "Back", disabled: history.length === 0, onclick: back }),
        h("button", { type: "button", className: "iv-next", text: "Print", onclick: () => window.print() }),
        h("button", { type: "button", text: "End interview", onclick: close })));
  }
})();
