// Benchmark, not a test: target customer selection with a large list in
// headless Chromium (release build).
//   node e2e/bench-targets.mjs [customers] [runs]
// Measures (medians of several runs):
//   1. CSV import: choosing the file → preview shown, and "import" → done.
//   2. Changing one weight on the scoring page → all three procedures
//      recomputed and the visible page re-rendered (next frame).
//   3. The same on the comparison page, and paging through its table.
import { freshContext, launch, open, startServer } from "./support.mjs";
import { fmt } from "./bench-support.mjs";
const fmt0 = (xs) => fmt(xs, 0);

const customers = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 7);
const header = "Kundennummer;Kunde;Umsatz;Deckungsbeitrag;Potenzial;Umsatzpotenzial;Wachstum;Marge und Preisdurchsetzung;Strategische Passung und Referenzwert;Lieferanteil;Beziehungsqualität;Zufriedenheit";
const lines = [header];
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
for (let i = 0; i < customers; i++) {
  const revenue = Math.round(1_000 + 2_000_000 * rand() ** 4);
  const grades = Array.from({ length: 7 }, () => 1 + Math.floor(rand() * 5));
  const de = (v) => v.toLocaleString("de-DE");
  lines.push([10_000 + i, `Kunde ${String(i + 1).padStart(5, "0")} Größe GmbH`, de(revenue), de(Math.round(revenue * 0.2)), de(revenue * 2), ...grades].join(";"));
}
const csv = { name: "kunden-10000.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\r\n") + "\r\n", "latin1") };


const server = await startServer();
const browser = await launch();
const times = { preview: [], apply: [], importTotal: [], weightScoring: [], pageCompare: [] };
let page;
let context;
for (let r = 0; r < Math.max(3, Math.ceil(runs / 2)); r++) {
  context = await freshContext(browser, server, { viewport: { width: 1280, height: 900 }, locale: "de-DE" });
  page = await open(context, server, "targets/import");
  const t0 = performance.now();
  await page.setInputFiles("[data-testid=csv-file]", csv);
  await page.waitForSelector("[data-testid=import-preview]");
  const t1 = performance.now();
  await page.click("[data-testid=import-apply]");
  await page.waitForSelector("[data-testid=import-done]");
  const t2 = performance.now();
  times.preview.push(t1 - t0);
  times.apply.push(t2 - t1);
  times.importTotal.push(t2 - t0);
  if (r < Math.max(3, Math.ceil(runs / 2)) - 1) await context.close();
}

/// Sets the first criterion's weight and waits for the next frame after the
/// re-render; returns the elapsed time measured inside the page.
const changeWeight = (value) => page.evaluate(async (v) => {
  const input = document.querySelector("[data-testid=criterion-weight]");
  const t0 = performance.now();
  input.value = String(v);
  input.dispatchEvent(new Event("change", { bubbles: true }));
  const sync = performance.now() - t0;
  await new Promise((resolve) => setTimeout(resolve, 0));
  const tasks = performance.now() - t0;
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return { total: performance.now() - t0, sync, tasks };
}, value);

await page.click("text=Punktbewertung");
await page.waitForSelector("[data-testid=ranking]");
times.weightSync = [];
times.weightTasks = [];
for (let r = 0; r < runs * 2; r++) {
  const t = await changeWeight(r % 2 ? 25 : 30);
  times.weightScoring.push(t.total);
  times.weightSync.push(t.sync);
  times.weightTasks.push(t.tasks);
}

// Paging through the comparison table.
await page.click("text=Vergleich & Auswahl");
await page.waitForSelector("[data-testid=compare-table]");
for (let r = 0; r < runs; r++) {
  times.pageCompare.push(await page.evaluate(async () => {
    const next = [...document.querySelectorAll("[data-testid=pager] button")].at(-1);
    const t0 = performance.now();
    next.click();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - t0;
  }));
}
const problems = context.problems;
await context.close();
await browser.close();
server.close();
console.log(`customers: ${customers}, CSV ${(csv.buffer.length / 1024).toFixed(0)} KiB`);
console.log(`CSV chosen → preview shown:  ${fmt0(times.preview)}`);
console.log(`"import" → list applied:     ${fmt0(times.apply)}`);
console.log(`CSV import in total:         ${fmt0(times.importTotal)}`);
console.log(`weight change (scoring page), to the next frame: ${fmt0(times.weightScoring)}`);
console.log(`  of which the event handler: ${fmt0(times.weightSync)}; handler + queued re-render: ${fmt0(times.weightTasks)}`);
console.log(`next page (comparison table): ${fmt0(times.pageCompare)}`);
if (problems.length) console.error(problems);
