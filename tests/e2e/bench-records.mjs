// Benchmark, not a test: editing with a large workspace in headless
// Chromium (release build). The workspace holds 200 key accounts with a
// full profile, 10,000 customers with seven ratings each and 30
// Fitness-Checks; it is put into localStorage as a version-3 file, so that
// builds before and after format 4 read the same data.
//   node e2e/bench-records.mjs [runs]        (KAM_DIST=… to measure another build)
// Measures, each from the event to the next frame (medians):
//   1. a keystroke in an account's text field (the form is local state);
//   2. saving the account form (one edit of the workspace);
//   3. one answer in a Fitness-Check (one edit of the workspace);
//   4. one rating typed into the scoring grid (one edit of the customer list);
//   5. the debounced save after an edit: the long task it makes.
import { largeWorkspaceFile, accountId } from "./large-workspace.mjs";
import { freshContext, launch, open, startServer } from "./support.mjs";
import { fmt, timed as timedIn } from "./bench-support.mjs";

const runs = Number(process.argv[2] ?? 21);
const file = largeWorkspaceFile();


const server = await startServer();
const browser = await launch();
const context = await freshContext(browser, server, { viewport: { width: 1280, height: 900 }, locale: "de-DE" });
const page = await open(context, server);
await page.evaluate((raw) => {
  localStorage.clear();
  localStorage.setItem("kam-workbench/workspace", raw);
}, file);
await page.reload();
await page.waitForSelector(".kam-header");
/// Opens a path (a full page load) and lets the page record long tasks:
/// the debounced save is one.
const visit = async (path, selector) => {
  await page.goto(server.url(path));
  await page.waitForSelector(selector);
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: "longtask" });
  });
};

const timed = (act, arg) => timedIn(page, act, arg);

const times = { keystroke: [], save: [], answer: [], rating: [], saveTask: [] };
const work = { keystroke: [], save: [], answer: [], rating: [] };
const record = (kind, [w, frame]) => {
  work[kind].push(w);
  times[kind].push(frame);
};
const settleSave = async () => {
  await page.evaluate(() => { window.longTasks = []; });
  await page.waitForFunction(() => /Gespeichert|Saved/.test(document.querySelector("[data-testid=save-state]")?.textContent ?? ""));
  await page.waitForTimeout(100);
  const tasks = await page.evaluate(() => window.longTasks);
  if (tasks.length) times.saveTask.push(Math.max(...tasks));
};

await visit(`accounts/${accountId(42)}`, "#account-industry");
for (let r = 0; r < runs; r++) {
  record("keystroke", await timed((v) => {
    const input = document.querySelector("#account-industry");
    input.value = `Maschinenbau ${v}`;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, r));
}
for (let r = 0; r < Math.ceil(runs / 3); r++) {
  await page.fill("#account-industry", `Maschinenbau, Stand ${r}`);
  record("save", await timed(() => document.querySelector("[data-testid=submit-account]").click()));
  await settleSave();
}

await visit("fitness", "[data-testid=start-check]");
await page.click("[data-testid=start-check]");
await page.click("[data-testid=check-begin]");
await page.waitForSelector("[data-testid=statement]");
for (let r = 0; r < runs; r++) {
  record("answer", await timed((r) => {
    const radios = document.querySelectorAll("[data-testid=statement] input[type=radio]");
    radios[(r * 7) % radios.length].click();
  }, r));
  if (r % 5 === 4) await settleSave();
}

await visit("targets/scoring", "[data-testid=grade-grid] input");
for (let r = 0; r < runs; r++) {
  record("rating", await timed((r) => {
    const cells = document.querySelectorAll("[data-testid=grade-grid] input");
    const cell = cells[(r * 3) % cells.length];
    cell.value = String(1 + (r % 5));
    cell.dispatchEvent(new Event("input", { bubbles: true }));
    cell.dispatchEvent(new Event("change", { bubbles: true }));
  }, r));
  if (r % 5 === 4) await settleSave();
}
const problems = context.problems;
await context.close();
await browser.close();
server.close();
console.log(`workspace: 200 key accounts, 10,000 customers; stored ${(file.length / 1e6).toFixed(1)} million characters (version 3)`);
for (const [kind, label] of [["keystroke", "keystroke in an account field"], ["save", "account form saved"], ["answer", "Fitness-Check answer"], ["rating", "rating typed in the scoring grid"]]) {
  console.log(`${label}: work ${fmt(work[kind])}; to the next frame ${fmt(times[kind])}`);
}
console.log(`debounced save (longest task after an edit): ${times.saveTask.length ? fmt(times.saveTask) : "no long task seen"}`);
if (problems.length) console.error(problems);
