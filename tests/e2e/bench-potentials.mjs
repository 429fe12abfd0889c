// Benchmark, not a test: the account analysis of one large key account in
// headless Chromium (release build): a Buying Center of 60 persons (in a
// five-level org chart), an account plan with 40 goals and 200 actions,
// 40 requirements rated for us and 5 competitors, and our business with
// 5 years of revenue and a whitespace matrix of 30 sites × 20 product groups.
//   node e2e/bench-potentials.mjs [runs]
// Measures, each from the event to the next frame (medians):
//   1. a keystroke in a person's name (Buying Center page: the flags, the
//      map, the org chart and every reports-to list follow);
//   2. a keystroke in a person's "our contact" field;
//   3. drawing the map and the org chart (the page's own work for one change
//      of a rating, which redraws both);
//   4. a keystroke in an action's title (account plan page);
//   5. a keystroke in a requirement's text, and a rating change (the grid,
//      the weighted gaps and the flags follow);
//   6. a value typed into a whitespace cell (row, column and total sums);
//   7. a keystroke in a trend's text (market, 50 trends) and in a source's
//      name (100 sources);
//   8. opening each page (load to the first person, action, requirement,
//      matrix row, trend or source shown).
import { freshContext, launch, open, startServer } from "./support.mjs";
import { fmt, timed as timedIn } from "./bench-support.mjs";

const runs = Number(process.argv[2] ?? 21);
const account = "3a0b7c1e-5d2f-4e6a-8b9c-0d1e2f3a4b01";
const id = (n) => `3a0b7c1e-5d2f-4e6a-8b9c-${String(n).padStart(12, "0")}`;
const at = "2026-11-01T09:00:00.000Z";
const roles = ["user", "influencer", "buyer", "decider", "gatekeeper", "initiator"];
const persons = Array.from({ length: 60 }, (_, i) => ({
  id: id(1000 + i),
  name: `Person ${i + 1} Mustermann`,
  function: `Funktion ${i + 1}`,
  reports_to: i === 0 ? undefined : id(1000 + Math.floor((i - 1) / 4)),
  roles: [roles[i % roles.length]],
  influence: 1 + (i % 5),
  attitude: (i % 6) - 3 >= -2 ? (i % 6) - 3 : undefined,
  relationship: 1 + (i % 5),
  owner: i % 3 === 0 ? "Jens Vogt" : "",
  last_contact: `2026-${String(1 + (i % 11)).padStart(2, "0")}-15`,
  win: "",
}));
const goals = Array.from({ length: 40 }, (_, i) => ({ id: id(2000 + i), horizon: i % 2 ? "operational" : "strategic", text: `Ziel ${i + 1}` }));
const actions = Array.from({ length: 200 }, (_, i) => ({
  id: id(3000 + i),
  title: `Maßnahme ${i + 1}`,
  owner: i % 7 === 0 ? "" : "Eva Lang",
  due: `2026-${String(1 + (i % 12)).padStart(2, "0")}-10`,
  status: ["open", "in_progress", "done", "dropped"][i % 4],
  goal: id(2000 + (i % 40)),
}));
const competitors = Array.from({ length: 5 }, (_, i) => ({ id: id(4000 + i), name: `Wettbewerber ${i + 1}` }));
const requirements = Array.from({ length: 40 }, (_, i) => ({
  id: id(4100 + i),
  text: `Anforderung ${i + 1}`,
  importance: 1 + (i % 5),
  ours: 1 + ((i * 3) % 5),
  theirs: competitors.map((c, k) => ({ competitor: c.id, value: 1 + ((i + k) % 5) })),
}));
const sites = Array.from({ length: 30 }, (_, i) => ({ id: id(5000 + i), name: `Standort ${i + 1}` }));
const groups = Array.from({ length: 20 }, (_, i) => ({ id: id(5100 + i), name: `Produktgruppe ${i + 1}` }));
const states = ["supplied", "pipeline", "competitor", "gap", "not_relevant"];
const cells = sites.flatMap((s, r) => groups.map((g, c) => ({ site: s.id, group: g.id, state: states[(r + c) % 5], value: 10000 * (1 + ((r * c) % 7)) })));
const revenue = Array.from({ length: 5 }, (_, i) => ({ id: id(5200 + i), year: 2021 + i, revenue: 500000 + 50000 * i, margin: 100000 }));
const trends = Array.from({ length: 50 }, (_, i) => ({ id: id(6000 + i), text: `Trend ${i + 1}`, area: "economic", meaning: i % 2 ? "threat" : "opportunity", consequence: "Folge für uns" }));
const sources = Array.from({ length: 100 }, (_, i) => ({ id: id(6100 + i), name: `Quelle ${i + 1}`, tells: "Aussage", reliability: "medium", date: "2025-01-15", link: `https://quelle-${i}.example/bericht` }));
const file = JSON.stringify({
  format: "kam-workbench", version: 7, app_version: "0.1.0", exported_at: at,
  data: {
    accounts: [{ id: account, created: at, modified: at, name: "Großkonto AG" }],
    buying_centers: [{ account_id: account, created: at, modified: at, data: { persons, contact_days: 90, lens: "classic" } }],
    account_plans: [{ account_id: account, created: at, modified: at, data: { vision: "V", strategies: "S", goals, actions } }],
    requirements: [{ account_id: account, created: at, modified: at, data: { competitors, requirements } }],
    own_business: [{ account_id: account, created: at, modified: at, data: { sites, groups, cells, revenue, demand: 5000000, stage: "basic" } }],
    markets: [{ account_id: account, created: at, modified: at, data: { trends } }],
    information_sources: [{ account_id: account, created: at, modified: at, data: { sources } }],
  },
});


const server = await startServer();
const browser = await launch();
const context = await freshContext(browser, server, { viewport: { width: 1280, height: 900 }, locale: "de-DE" });
const page = await open(context, server);
await page.evaluate((raw) => { localStorage.clear(); localStorage.setItem("kam-workbench/workspace", raw); }, file);

const timed = (act, arg) => timedIn(page, act, arg);

const results = {};
const note = (name, pair) => { (results[name] ??= { work: [], frame: [] }); results[name].work.push(pair[0]); results[name].frame.push(pair[1]); };

const opened = [];
for (let r = 0; r < 5; r++) {
  const t0 = Date.now();
  await page.goto(server.url(`potentials/buying-center/${account}`));
  await page.waitForSelector("[data-testid=bc-org] svg");
  opened.push(Date.now() - t0);
}
const typeInto = ([field, v]) => {
  const input = document.querySelectorAll(`[data-testid=bc-person] [data-field=${field}]`)[30];
  input.value = `${input.value.replace(/ \d+$/, "")} ${v}`;
  input.dispatchEvent(new Event("input", { bubbles: true }));
};
for (let r = 0; r < runs; r++) note("name keystroke (60 persons)", await timed(typeInto, ["name", r]));
for (let r = 0; r < runs; r++) note("contact keystroke (60 persons)", await timed(typeInto, ["owner", r]));
for (let r = 0; r < runs; r++) {
  note("rating change: flags, map and org chart redrawn", await timed((v) => {
    const select = document.querySelectorAll("[data-testid=bc-person] [data-field=influence]")[12];
    select.value = String(1 + (v % 5));
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }, r));
}
const planOpened = [];
for (let r = 0; r < 5; r++) {
  const t0 = Date.now();
  await page.goto(server.url(`potentials/plan/${account}`));
  await page.waitForSelector("[data-testid=plan-action]");
  planOpened.push(Date.now() - t0);
}
for (let r = 0; r < runs; r++) {
  note("action title keystroke (200 actions)", await timed((v) => {
    const input = document.querySelectorAll("[data-testid=plan-action] [data-field=title]")[150];
    input.value = `Maßnahme 151 ${v}`;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, r));
}
const requirementsOpened = [];
for (let r = 0; r < 5; r++) {
  const t0 = Date.now();
  await page.goto(server.url(`potentials/requirements/${account}`));
  await page.waitForSelector("[data-testid=req-grid] svg circle");
  requirementsOpened.push(Date.now() - t0);
}
for (let r = 0; r < runs; r++) {
  note("requirement text keystroke (40 requirements, 5 competitors)", await timed((v) => {
    const input = document.querySelectorAll("[data-testid=req-text]")[30];
    input.value = `Anforderung 31 ${v}`;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, r));
}
for (let r = 0; r < runs; r++) {
  note("competitor rating change: grid, gaps and flags redrawn", await timed((v) => {
    const select = document.querySelectorAll("[data-testid=req-theirs-select]")[62];
    select.value = String(1 + (v % 5));
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }, r));
}
const whitespaceOpened = [];
for (let r = 0; r < 5; r++) {
  const t0 = Date.now();
  await page.goto(server.url(`potentials/whitespace/${account}`));
  await page.waitForSelector("[data-testid=biz-total]");
  whitespaceOpened.push(Date.now() - t0);
}
for (let r = 0; r < runs; r++) {
  note("whitespace cell value (30 × 20): row, column and total sums", await timed((v) => {
    const input = document.querySelectorAll("[data-testid=biz-cell-value]")[333];
    input.value = String(1000 * (v + 1));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }, r));
}
for (let r = 0; r < runs; r++) {
  note("site name keystroke (30 × 20 matrix)", await timed((v) => {
    const input = document.querySelectorAll("[data-testid=biz-site] input")[12];
    input.value = `Standort 13 ${v}`;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, r));
}
const opens = {};
for (const [path, ready, field, name] of [
  ["market", "[data-testid=mkt-trend]", "mkt-trend-text", "trend text keystroke (50 trends)"],
  ["sources", "[data-testid=src-item]", "src-name", "source name keystroke (100 sources)"],
]) {
  opens[path] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = Date.now();
    await page.goto(server.url(`potentials/${path}/${account}`));
    await page.waitForSelector(ready);
    opens[path].push(Date.now() - t0);
  }
  for (let r = 0; r < runs; r++) {
    note(name, await timed(([f, v]) => {
      const input = document.querySelectorAll(`[data-testid=${f}]`)[40];
      input.value = `Eintrag 41 ${v}`;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }, [field, r]));
  }
}
for (const [name, { work, frame }] of Object.entries(results)) {
  console.log(`${name}: work ${fmt(work)}; to next frame ${fmt(frame)}`);
}
console.log(`open the Buying Center page (60 persons): ${fmt(opened)}`);
console.log(`open the account plan page (200 actions): ${fmt(planOpened)}`);
console.log(`open the requirements page (40 × 5): ${fmt(requirementsOpened)}`);
console.log(`open the whitespace page (30 × 20): ${fmt(whitespaceOpened)}`);
console.log(`open the market page (50 trends): ${fmt(opens.market)}`);
console.log(`open the sources page (100 sources): ${fmt(opens.sources)}`);
await browser.close();
server.close();
