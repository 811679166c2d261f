// End-to-end tests of the workspace's forms (the person panel) in headless Chromium.
//
// 1. From an empty file, using only clicks in the drawing and the panel and typing in form
//    fields, builds a four-generation family with both sides, a divorce, a cohabiting
//    couple, a child raised by grandparents, three emotional relationships and every skill
//    rated; saves, then reads the file on disk back (through the workspace's own reader)
//    and checks the people, couples, relationships and ratings, and that the drawing has
//    each person's group. The kinds of relationship offered are drawn as the drawing's key
//    draws them (compared with a key rendered by `genogram render`).
// 2. Undo crosses form and text edits: Ctrl+Z in the editor undoes a form change, then a
//    typed change; Ctrl+Shift+Z redoes them. Then, on the same hand-written sample: a
//    couple changed, another client chosen and a person removed after the panel says what
//    goes with them, every comment of the file kept.
//
// As in workspace.mjs, every host but 127.0.0.1 is unreachable and any error on the page
// fails the test. Environment: GENOGRAM (the binary; default target/debug/genogram),
// CHROMIUM (default /usr/bin/chromium), SHOTS (a folder for a screenshot of each step of
// test 1; default: none), FORMS_SCREENSHOT (where to write the documentation's picture of the
// panel; default: none).

import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync, mkdtempSync, rmSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { open as openWorkspace, root, fail, stepper, text as editorText, cursorAt } from "./lib.mjs";

const binary = process.env.GENOGRAM || join(root, "target/debug/genogram");
const shots = process.env.SHOTS || "";
const step = stepper("forms");
const work = mkdtempSync(join(tmpdir(), "genogram-forms-"));
if (shots) mkdirSync(shots, { recursive: true });

// The workspace on a copy of `sample`, in a browser with no network but loopback, once the
// person panel is there.
async function open(sample) {
  const w = await openWorkspace(sample);
  await w.page.setViewportSize({ width: 1500, height: 940 });
  await w.page.goto(w.address);
  await w.page.waitForFunction(() => window.Workspace && document.querySelector("#person-panel").childElementCount > 0);
  // A refused change is answered 422, which Chromium logs as a failed resource: those, and
  // only as many as there were refusals, are not errors of the page.
  let refusals = 0;
  w.page.on("response", (r) => { if (r.status() === 422 && new URL(r.url()).pathname === "/api/edit") refusals += 1; });
  w.check = () => {
    if (w.elsewhere.length) fail(`requests to other hosts: ${w.elsewhere.join(", ")}`);
    let allowed = refusals;
    const errors = w.errors.filter((e) => !(allowed > 0 && /status of 422/.test(e) && allowed--));
    if (errors.length) fail(`errors on the page: ${errors.join(" | ")}`);
  };
  return w;
}

// ---- helpers that act as a user would -------------------------------------------------------

function helpers(page) {
  const panel = page.locator("#person-panel");
  const sub = panel.locator(".pf-subform");
  const text = () => editorText(page);
  let shot = 0;
  return {
    panel, sub, text,
    async shoot(what) {
      if (!shots) return;
      shot += 1;
      await page.screenshot({ path: join(shots, `forms-${String(shot).padStart(2, "0")}-${what}.png`) });
    },
    // Waits until the drawing shows a person with this name.
    async drawn(name) {
      await page.waitForFunction((n) => {
        const host = document.getElementById("drawing-host");
        const svg = host && host.shadowRoot && host.shadowRoot.querySelector("svg");
        return svg && [...svg.querySelectorAll("g.person")].some((g) => g.textContent.includes(n));
      }, name);
    },
    // Clicks the person with this name in the drawing, and waits for the panel to show them.
    async openPerson(name) {
      const g = page.locator("#drawing-host svg g.person").filter({ hasText: name }).first();
      await g.locator("path.sym-bg").first().click();
      await panel.locator("h2").filter({ hasText: name }).waitFor();
    },
    async action(words) {
      await panel.getByRole("button", { name: words, exact: true }).click();
      await sub.waitFor();
    },
    // Fills a new person's fieldset in the open small form.
    async person(legend, { name, sex, born }) {
      const box = sub.getByRole("group", { name: legend, exact: true });
      if (name !== undefined) await box.getByLabel("Name", { exact: true }).fill(name);
      if (sex) await box.getByRole("group", { name: "Sex" }).getByText(sex, { exact: true }).click();
      if (born !== undefined) await box.getByLabel("Born", { exact: true }).fill(String(born));
    },
    // Presses the small form's main button and waits for it to close.
    async submit(words) {
      await sub.getByRole("button", { name: words, exact: true }).click();
      await sub.waitFor({ state: "detached" });
    },
    // Rates one skill of the open person with one click.
    async rate(skill, level) {
      await panel.getByRole("group", { name: skill, exact: true }).getByText(level, { exact: true }).click();
    },
    async settle() {
      // Changes wait for a pause (debounced) and then for the drawing; wait for both.
      await page.waitForTimeout(600);
      await page.waitForFunction(() => !document.querySelector("#person-panel [aria-busy=true]"));
    },
  };
}

// ---- 1. a four-generation family from nothing -----------------------------------------------

// Runs test `f` on the workspace `w`; on failure, leaves a screenshot in SHOTS.
async function attempt(w, name, f) {
  try {
    await f();
  } catch (e) {
    if (shots) await w.page.screenshot({ path: join(shots, `forms-failed-${name}.png`) }).catch(() => {});
    if (w.errors.length) console.log(`errors on the page: ${w.errors.join(" | ")}`);
    throw e;
  } finally {
    await w.close();
  }
}

async function fourGenerations() {
  const w = await open("tests/e2e/empty.yaml");
  const file = w.family;
  const { page } = w;
  const u = helpers(page);
  const { panel, sub } = u;
  await attempt(w, "build", async () => {
    // The empty file asks one question.
    await panel.getByRole("heading", { name: "Who is your client?" }).waitFor();
    await u.shoot("empty-file");
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.closest("#person-panel") !== null);
    if (!focused) fail("the question about the client does not have the keyboard focus");
    await panel.getByLabel("Name", { exact: true }).fill("Mia Hartmann");
    await panel.getByRole("group", { name: "Sex" }).getByText("Female", { exact: true }).click();
    await panel.getByLabel("Born", { exact: true }).fill("1983-07-02");
    await panel.getByLabel("Title of the genogram").fill("The Hartmann family");
    await panel.getByLabel("Born", { exact: true }).press("Enter");
    await u.drawn("Mia Hartmann");
    await panel.getByText("The client", { exact: true }).waitFor();
    await u.shoot("client");
    step("the empty file asked who the client is; Mia is drawn and is the client");

    // Her parents, married and divorced.
    await u.action("Add parents");
    await u.person("Mother", { name: "Anne Hartmann", born: 1955 });
    await u.person("Father", { name: "Paul Hartmann", born: 1952 });
    await sub.getByLabel("Married in").fill("1980");
    await sub.getByLabel("Divorced in").fill("1995");
    await u.shoot("parents-form");
    await u.submit("Add the parents");
    await u.drawn("Anne Hartmann");
    await u.drawn("Paul Hartmann");

    // Her brother, her partner (living together) and their two children.
    await u.action("Add a brother or sister");
    await u.person("The brother or sister", { name: "Leo Hartmann", sex: "Male", born: 1986 });
    await u.submit("Add");
    await u.action("Add a partner");
    await u.person("The partner", { name: "Sam Okafor", sex: "Male", born: 1981 });
    await sub.getByLabel("How they are together").selectOption({ label: "Living together" });
    await sub.getByLabel("Together since").fill("2010");
    await u.submit("Add the partner");
    for (const [name, sex, born] of [["Noah Okafor", "Male", 2012], ["Ella Okafor", "Female", 2015]]) {
      await u.action("Add a child");
      await u.person("The child", { name, sex, born });
      await u.submit("Add the child");
    }
    await u.drawn("Ella Okafor");
    await u.shoot("generation-3-4");
    step("parents (divorced), brother, partner (living together) and two children added from Mia");

    // Grandparents on both sides.
    await u.openPerson("Paul Hartmann");
    await u.action("Add parents");
    await u.person("Mother", { name: "Greta Hartmann", born: 1925 });
    await u.person("Father", { name: "Otto Hartmann", born: 1922 });
    await sub.getByLabel("Married in").fill("1948");
    await u.submit("Add the parents");
    await u.openPerson("Anne Hartmann");
    await u.action("Add parents");
    await u.person("Mother", { name: "Rosa Keller", born: "~1930" });
    await u.person("Father", { name: "Karl Keller", born: 1928 });
    await u.submit("Add the parents");
    await u.drawn("Karl Keller");
    await u.shoot("grandparents");
    step("grandparents on the father's and the mother's side");

    // An aunt, a stepmother with a half-brother, and the brother's girlfriend.
    await u.action("Add a brother or sister");
    await u.person("The brother or sister", { name: "Clara Keller", sex: "Female", born: 1958 });
    await u.submit("Add");
    await u.openPerson("Paul Hartmann");
    await u.action("Add a partner");
    await u.person("The partner", { name: "Petra Lang", born: 1960 });
    await sub.getByLabel("Married in").fill("1998");
    await u.submit("Add the partner");
    await u.action("Add a child");
    await sub.getByLabel("Parents", { exact: true }).selectOption({ label: "with Petra Lang" });
    await u.person("The child", { name: "Jonas Hartmann", sex: "Male", born: 2000 });
    await u.submit("Add the child");
    await u.openPerson("Leo Hartmann");
    await u.action("Add a partner");
    await u.person("The partner", { name: "Ida Berg", sex: "Female", born: 1988 });
    await sub.getByLabel("How they are together").selectOption({ label: "Dating" });
    await u.submit("Add the partner");
    await u.drawn("Ida Berg");
    await u.shoot("fifteen");
    step("an aunt, a stepmother, a half-brother and a girlfriend: 15 people");

    // Details of the grandparents: Otto died in 1990, Greta at an unknown date.
    await u.openPerson("Otto Hartmann");
    await panel.getByLabel("Has died").check();
    await panel.getByLabel("Died", { exact: true }).fill("1990");
    await panel.getByLabel("Died", { exact: true }).press("Enter");
    await panel.getByLabel("Occupation").fill("miner");
    await panel.getByLabel("Occupation").press("Tab");
    await panel.getByLabel("Alcohol problem", { exact: true }).check();
    await u.settle();
    await u.openPerson("Greta Hartmann");
    await panel.getByLabel("Has died").check();
    await u.settle();

    // A date the file cannot take is refused, with the reason beside the field.
    const gretaBorn = panel.getByLabel("Born", { exact: true });
    const before = await u.text();
    await gretaBorn.fill("the twenties");
    await gretaBorn.press("Enter");
    const refusal = panel.locator(".pf-details .pf-error").filter({ hasText: "not a date" });
    await refusal.waitFor();
    const said = await refusal.textContent();
    if (/update-person|`|would not pass/.test(said)) fail(`the refusal is not in plain words: ${said}`);
    if ((await gretaBorn.getAttribute("aria-invalid")) !== "true") fail("the refused field is not marked invalid");
    if ((await u.text()) !== before) fail("a refused change changed the file");
    await gretaBorn.fill("~1925");
    await gretaBorn.press("Enter");
    await refusal.waitFor({ state: "detached" }).catch(() => {});
    await page.waitForFunction(() => !document.querySelector("#person-panel .pf-details .pf-error:not(:empty)"));
    step(`a bad date was refused beside the field ("${said.slice(0, 60)}…") and changed nothing`);

    // Leo was raised by his mother's parents.
    await u.openPerson("Leo Hartmann");
    await panel.getByLabel("Raised by", { exact: true }).selectOption({ label: "Rosa Keller (~1930)" });
    await panel.getByLabel("and by", { exact: true }).selectOption({ label: "Karl Keller (1928)" });
    await u.settle();
    step("details typed into the panel; Leo raised by his grandparents");

    // Three emotional relationships, one of them one way.
    const relate = async (from, other, kind, direction) => {
      await u.openPerson(from);
      await u.action("Add a relationship");
      await sub.getByLabel("With", { exact: true }).selectOption({ label: other });
      await sub.getByText(kind, { exact: true }).click();
      if (direction) await sub.getByText(direction, { exact: true }).click();
      await u.submit("Add the relationship");
    };
    await relate("Mia Hartmann", "Anne Hartmann (1955)", "Close");
    await relate("Mia Hartmann", "Paul Hartmann (1952)", "Cut off (no contact)");
    await u.shoot("relationship-form-before");
    await relate("Otto Hartmann", "Paul Hartmann (1952)", "Emotional abuse", "Otto Hartmann emotionally abuses Paul Hartmann");
    step("three emotional relationships added");

    // The kinds offered look as the key draws them.
    await u.openPerson("Mia Hartmann");
    await u.action("Add a relationship");
    const offered = await sub.locator(".pf-kind svg").evaluateAll((svgs) =>
      svgs.map((s) => [...s.children].map((e) => `${e.getAttribute("class")} ${e.getAttribute("d") || "ring"}`).join(";")));
    await sub.getByRole("button", { name: "Cancel" }).click();
    const key = keyPictures();
    if (offered.length !== 15) fail(`${offered.length} kinds of relationship offered, not 15`);
    for (let i = 0; i < 15; i++) {
      if (offered[i] !== key[i]) fail(`kind ${i + 1}'s picture differs from the key's:\n  form: ${offered[i]}\n  key:  ${key[i]}`);
    }
    step("the 15 kinds of relationship are drawn as in the drawing's key");

    // Every skill of everyone, with one click each; Mia's openness learned in group therapy.
    const everyone = ["Mia Hartmann", "Anne Hartmann", "Paul Hartmann", "Leo Hartmann", "Sam Okafor",
      "Noah Okafor", "Ella Okafor", "Greta Hartmann", "Otto Hartmann", "Rosa Keller", "Karl Keller",
      "Clara Keller", "Petra Lang", "Jonas Hartmann", "Ida Berg"];
    const levels = ["None", "Some", "Strong", "Not known"];
    const expected = {};
    let n = 0;
    for (const who of everyone) {
      await u.openPerson(who);
      expected[who] = {};
      for (const skill of ["Openness", "Honesty", "Directness"]) {
        const level = levels[n++ % 4];
        await u.rate(skill, level);
        expected[who][skill.toLowerCase()] = { None: "none", Some: "some", Strong: "strong", "Not known": "unknown" }[level];
      }
      if (who === "Mia Hartmann") {
        // Where a skill was learned is asked once there is some of it.
        await u.rate("Openness", "Strong");
        expected[who].openness = "strong";
        const openness = panel.locator(".pf-skill").first();
        await openness.getByLabel("Learned from").selectOption({ label: "group therapy" });
        await openness.getByLabel("Since").fill("2016");
        await openness.getByLabel("Since").press("Enter");
      }
      await u.settle();
    }
    await u.shoot("rated");
    step(`rated ${n} skills with one click each`);

    // The documentation's picture: Mia's panel, about to add a child.
    if (process.env.FORMS_SCREENSHOT) {
      await u.openPerson("Mia Hartmann");
      await u.action("Add a child");
      await u.person("The child", { name: "Lena Okafor", sex: "Female", born: 2019 });
      await page.screenshot({ path: process.env.FORMS_SCREENSHOT });
      await sub.getByRole("button", { name: "Cancel" }).click();
      step(`screenshot written to ${process.env.FORMS_SCREENSHOT}`);
    }

    // Save, and read the file back.
    await page.keyboard.press("Control+s");
    await page.waitForFunction(() => /^Saved/.test(document.getElementById("status").textContent));
    const saved = readFileSync(file, "utf8");
    if (saved !== (await u.text())) fail("the file on disk is not the editor's text");
    const answer = await page.evaluate((text) => window.GenogramApi.call("POST", "/api/render", { text }, (r) => r && typeof r === "object"), saved);
    if (!answer.ok) fail(`the saved file does not pass the check: ${JSON.stringify(answer.diagnostics)}`);
    const fam = answer.family;
    const byName = {};
    for (const [id, p] of Object.entries(fam.people)) byName[p.name] = id;
    for (const who of everyone) if (!byName[who]) fail(`${who} is not in the saved file`);
    if (Object.keys(fam.people).length !== everyone.length) fail(`${Object.keys(fam.people).length} people saved, not ${everyone.length}`);
    const id = (name) => byName[name];
    if (fam.index !== id("Mia Hartmann")) fail(`the client is ${fam.index}`);
    if (fam.title !== "The Hartmann family") fail(`the title is ${fam.title}`);
    const mia = fam.people[id("Mia Hartmann")];
    if (mia.sex !== "female" || String(mia.born) !== "1983-07-02") fail(`Mia's details: ${JSON.stringify(mia)}`);
    const couple = (a, b) => fam.couples.find((c) => [].concat(c.partners).sort().join() === [id(a), id(b)].sort().join());
    const parents = couple("Anne Hartmann", "Paul Hartmann");
    if (!parents || parents.married !== 1980 || parents.divorced !== 1995) fail(`Mia's parents' couple: ${JSON.stringify(parents)}`);
    const kids = (c) => (c.children || []).map((x) => (typeof x === "object" ? x.id : x)).sort().join();
    if (kids(parents) !== [id("Mia Hartmann"), id("Leo Hartmann")].sort().join()) fail(`Mia's parents' children: ${kids(parents)}`);
    const partners = couple("Mia Hartmann", "Sam Okafor");
    if (!partners || partners.relation !== "cohabiting" || partners.since !== 2010) fail(`Mia and Sam: ${JSON.stringify(partners)}`);
    if (kids(partners) !== [id("Noah Okafor"), id("Ella Okafor")].sort().join()) fail(`Mia and Sam's children: ${kids(partners)}`);
    const paternal = couple("Greta Hartmann", "Otto Hartmann");
    if (!paternal || paternal.married !== 1948 || kids(paternal) !== id("Paul Hartmann")) fail(`Paul's parents: ${JSON.stringify(paternal)}`);
    const maternal = couple("Rosa Keller", "Karl Keller");
    if (!maternal || kids(maternal) !== [id("Anne Hartmann"), id("Clara Keller")].sort().join()) fail(`Anne's parents: ${JSON.stringify(maternal)}`);
    const second = couple("Paul Hartmann", "Petra Lang");
    if (!second || second.married !== 1998 || second.relation !== undefined || kids(second) !== id("Jonas Hartmann")) fail(`Paul and Petra: ${JSON.stringify(second)}`);
    if (fam.people[id("Petra Lang")].sex !== "female") fail("a man's new partner is not a woman unless the form says so");
    const young = couple("Leo Hartmann", "Ida Berg");
    if (!young || young.relation !== "dating" || young.children) fail(`Leo and Ida: ${JSON.stringify(young)}`);
    if (fam.couples.length !== 6) fail(`${fam.couples.length} couples saved, not 6`);
    if (fam.people[id("Rosa Keller")].born !== "~1930") fail("Rosa's guessed year was not kept");
    const leo = fam.people[id("Leo Hartmann")];
    if ([].concat(leo.raised_by).sort().join() !== [id("Rosa Keller"), id("Karl Keller")].sort().join()) fail(`Leo raised by: ${JSON.stringify(leo.raised_by)}`);
    const otto = fam.people[id("Otto Hartmann")];
    if (otto.died !== 1990 || otto.deceased !== undefined || otto.occupation !== "miner" || String(otto.conditions) !== "alcohol") fail(`Otto: ${JSON.stringify(otto)}`);
    if (fam.people[id("Greta Hartmann")].deceased !== true) fail("Greta is not marked as deceased");
    if (fam.people[id("Greta Hartmann")].born !== "~1925") fail("Greta's corrected year was not kept");
    const rels = fam.relationships.map((r) => JSON.stringify(r)).sort();
    const want = [
      { between: [id("Mia Hartmann"), id("Anne Hartmann")], kind: "close" },
      { between: [id("Mia Hartmann"), id("Paul Hartmann")], kind: "cutoff" },
      { from: id("Otto Hartmann"), to: id("Paul Hartmann"), kind: "emotional-abuse" },
    ].map((r) => JSON.stringify(r)).sort();
    if (rels.join("\n") !== want.join("\n")) fail(`relationships:\n${rels.join("\n")}\nexpected:\n${want.join("\n")}`);
    for (const who of everyone) {
      const skills = fam.people[id(who)].skills || {};
      for (const [skill, level] of Object.entries(expected[who])) {
        const r = skills[skill];
        const got = r && typeof r === "object" ? r.level : r;
        if (got !== level) fail(`${who}'s ${skill} is ${JSON.stringify(r)}, not ${level}`);
      }
    }
    const miaOpenness = mia.skills.openness;
    if (miaOpenness.learned !== "group-therapy" || miaOpenness.since !== 2016) fail(`Mia's openness: ${JSON.stringify(miaOpenness)}`);
    step(`the saved file has the ${everyone.length} people, 6 couples, 3 relationships and ${n} ratings`);

    // The drawing has everyone.
    const groups = await page.locator("#drawing-host svg g.person").evaluateAll((gs) => gs.map((g) => g.id));
    for (const who of everyone) if (!groups.includes(`person-${id(who)}`)) fail(`the drawing has no group for ${who}: ${groups}`);
    step(`the drawing has each person's group (${groups.length})`);
    w.check();
  });
}

// The pictures of the 15 kinds of relationship in a key drawn by `genogram render`.
function keyPictures() {
  const yaml = join(work, "kinds.yaml");
  const svg = join(work, "kinds.svg");
  copyFileSync(join(root, "tests/e2e/all-relationship-kinds.yaml"), yaml);
  execFileSync(binary, ["render", yaml, "-o", svg]);
  const text = readFileSync(svg, "utf8");
  const out = [];
  const entry = /<g class="legend-entry">\n<g transform="[^"]*">\n([\s\S]*?)<\/g>/g;
  for (let m = entry.exec(text); m; m = entry.exec(text)) {
    const parts = [...m[1].matchAll(/<(path|circle) ([^>]*?)\/>/g)].map(([, tag, attrs]) => {
      const cls = /class="([^"]*)"/.exec(attrs)[1];
      return tag === "circle" ? `${cls} ring` : `${cls} ${/ d="([^"]*)"/.exec(attrs)[1]}`;
    });
    if (parts.length && parts[0].startsWith("rel-")) out.push(parts.join(";"));
  }
  if (out.length !== 15) fail(`the key of all-relationship-kinds.yaml has ${out.length} relationship samples, not 15`);
  return out;
}

// ---- 2. one undo history for forms and text -------------------------------------------------

async function undoAcrossFormsAndText() {
  const w = await open("samples/intimacy-cycle.yaml");
  const { page } = w;
  const u = helpers(page);
  const { panel, sub } = u;
  await attempt(w, "undo", async () => {
    await u.drawn("Anna Kowalski");
    const original = await u.text();

    // A typed change in the editor.
    const line = original.split("\n").findIndex((l) => l.startsWith("title:"));
    await cursorAt(page, line + 1);
    await page.keyboard.type(" (typed)");
    await page.waitForFunction(() => window.Workspace.getText().includes("families (typed)"));
    const typed = await u.text();

    // A change in the panel.
    await u.openPerson("Anna Kowalski");
    const occupation = panel.getByLabel("Occupation");
    await occupation.fill("family therapist");
    await occupation.press("Enter");
    await page.waitForFunction(() => window.Workspace.getText().includes("occupation: family therapist"));
    const formed = await u.text();
    if (!formed.includes("families (typed)")) fail("the form's change lost the typed change");

    // Undo in the editor: first the form's change, then the typed one.
    await page.locator("#editor .cm-content").click();
    await page.keyboard.press("Control+z");
    await page.waitForFunction((t) => window.Workspace.getText() === t, typed);
    await page.waitForFunction(() => document.querySelector("#person-panel input[name=occupation]").value !== "family therapist");
    step("Ctrl+Z undid the form's change (and the panel shows the old occupation)");
    await page.keyboard.press("Control+z");
    await page.waitForFunction((t) => window.Workspace.getText() === t, original);
    step("Ctrl+Z again undid the typed change");
    // With Shift held a keyboard sends "Z", as here.
    await page.keyboard.press("Control+Shift+Z");
    await page.waitForFunction((t) => window.Workspace.getText() === t, typed);
    await page.keyboard.press("Control+Shift+Z");
    await page.waitForFunction((t) => window.Workspace.getText() === t, formed);
    await page.waitForFunction(() => document.querySelector("#person-panel input[name=occupation]").value === "family therapist");
    step("Ctrl+Shift+Z redid both");

    // The other actions, on a file written by hand: its comments stay.
    const comments = (t) => t.split("\n").filter((l) => l.trim().startsWith("#"));
    const kept = comments(await u.text());
    await u.openPerson("Anna Kowalski");
    await panel.getByRole("button", { name: /^Change the couple with Jonah/ }).click();
    await sub.getByLabel("Separated in").fill("2022");
    await u.submit("Save");
    await page.waitForFunction(() => /partners: \[jonah, anna\][^-]*separated: 2022/.test(window.Workspace.getText()));
    await panel.getByText("(married 2016, separated 2022)").waitFor();
    await u.openPerson("Walter Kowalski");
    await panel.getByRole("button", { name: "Make this the client", exact: true }).click();
    await page.waitForFunction(() => /^index: walter/m.test(window.Workspace.getText()));
    await panel.getByText("The client", { exact: true }).waitFor();
    await u.openPerson("Thomas Kowalski");
    await u.action("Remove…");
    const warning = await sub.textContent();
    if (!warning.includes("Thomas Kowalski as child of Walter Kowalski and Dorothy Kowalski")) fail(`the removal does not say what goes: ${warning}`);
    await sub.getByRole("button", { name: "Remove Thomas Kowalski" }).click();
    await page.waitForFunction(() => !/thomas/.test(window.Workspace.getText()));
    await panel.getByText("Removed Thomas Kowalski.", { exact: false }).waitFor();
    const after = comments(await u.text());
    const lost = kept.filter((c) => !after.includes(c) && !/Anna has barely met him/.test(c));
    if (lost.length) fail(`comments lost: ${lost.join(" | ")}`);
    step("changed a couple, made Walter the client and removed Thomas (after saying what goes); comments kept");
    w.check();
  });
}

try {
  await fourGenerations();
  await undoAcrossFormsAndText();
} finally {
  rmSync(work, { recursive: true, force: true });
}
step("passed");
