// Benchmark, not a test: how long the group view takes to compute and
// render for 30 participants in headless Chromium (release build).
//   node e2e/bench-group.mjs [participants] [runs]
import { freshContext, launch, open, startServer } from "./support.mjs";
import { median } from "./bench-support.mjs";

const participants = Number(process.argv[2] ?? 30);
const runs = Number(process.argv[3] ?? 9);
const areas = ["strategy", "competencies", "principles", "customer_orientation", "goals", "potentials", "people", "processes", "results"];
const files = Array.from({ length: participants }, (_, p) => {
  const answers = {};
  areas.forEach((area, a) => {
    for (let i = 1; i <= 4; i++) answers[`${area}.${i}`] = (p + a + i) % 7 === 0 ? "dont_know" : { score: (p * 3 + a + i) % 5 };
  });
  const id = `00000000-0000-4000-8000-${String(p).padStart(12, "0")}`;
  const envelope = {
    format: "kam-workbench", version: 2, app_version: "0.1.0", exported_at: "2026-11-27T10:00:00.000Z",
    data: { accounts: [], fitness_checks: [{ id, created: "2026-11-27T09:00:00.000Z", modified: "2026-11-27T09:00:00.000Z",
      catalogue_id: "kam-fitness", catalogue_version: 1, respondent: `Teilnehmer ${p + 1}`, unit: "Seminar", answers, step: 9, completed: true }] },
  };
  return { name: `p${p}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(envelope)) };
});

const server = await startServer();
const browser = await launch();
const context = await freshContext(browser, server, { viewport: { width: 1280, height: 900 } });
const page = await open(context, server, "fitness/group");
await page.setInputFiles("[data-testid=group-files]", files);
await page.waitForSelector(`[data-testid=group-n]:has-text("${participants}")`);
const times = { navigate: [], anonymous: [] };
for (let r = 0; r < runs; r++) {
  // Client-side navigation from the overview to the group view: compute + render.
  await page.click(".kam-breadcrumb a");
  await page.waitForSelector("[data-testid=start-check]");
  const start = await page.evaluate(() => performance.now());
  await page.click("text=Gruppenauswertung");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=group-statement]").length > 0);
  const end = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
  times.navigate.push(end - start);
  // Toggling anonymous mode recomputes and re-renders the whole evaluation.
  const t0 = await page.evaluate(() => performance.now());
  await page.click("[data-testid=anonymous]");
  const t1 = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
  times.anonymous.push(t1 - t0);
}
console.log(`group view, ${participants} participants, ${runs} runs`);
for (const [name, xs] of Object.entries(times)) {
  console.log(`${name}: median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`);
}
if (context.problems.length) console.error(context.problems);
await browser.close();
server.close();
