// Benchmark, not a test: start-up and file import in headless Chromium
// (release build).
//   node e2e/bench-load.mjs [runs]        (KAM_DIST=… to measure another build)
// Measures (medians):
//   1. start-up: navigation → the first page rendered and usable, with an
//      empty workspace and with the large one (200 key accounts, 10,000
//      customers) in localStorage;
//   2. import of a file of about 5 MB (200 key accounts, 20,000 customers):
//      file chosen → preview shown (read, parse, check format, migrate,
//      typed records, validate, merge plan, render), next to the browser's
//      own JSON.parse of the same text in the same page.
// The reference for start-up is the floor page (src/bin/floor.rs,
// tests/floor/index.html): the smallest Leptos page with one plotters chart,
// built the same way. This script builds it into dist-floor/ when missing.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { largeWorkspaceFile } from "./large-workspace.mjs";
import { freshContext, launch, open, startServer } from "./support.mjs";
import { median, fmt } from "./bench-support.mjs";
const fmt0 = (xs) => fmt(xs, 0);

const root = new URL("../../", import.meta.url).pathname;
const floorDist = `${root}dist-floor/`;
if (!existsSync(floorDist)) {
  execFileSync("trunk", ["build", "tests/floor/index.html", "--release", "--offline", "--dist", "dist-floor", "--public-url", "/kam-workbench/"], { cwd: root, stdio: "inherit" });
}
/// Raw and gzip bytes of the wasm and JS a build's page fetches (the app:
/// those of the area `bin`).
const weight = (dir, bin = "") => readdirSync(dir)
  .filter((f) => f.startsWith(bin) && (f.endsWith(".wasm") || f.endsWith(".js")))
  .map((f) => readFileSync(`${dir}/${f}`))
  .reduce(([raw, gz], bytes) => [raw + bytes.length, gz + gzipSync(bytes, { level: 9 }).length], [0, 0]);

const runs = Number(process.argv[2] ?? 7);

const server = await startServer();
const floorServer = await startServer(floorDist);
const browser = await launch();
const stored = largeWorkspaceFile();
const big = largeWorkspaceFile(20_000);

/// Opens `url` in `context` and returns the time from navigation start to
/// the first frame after `selector` is in the page.
async function timeToRender(context, url, selector) {
  const page = await context.newPage();
  await page.addInitScript((selector) => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(selector)) {
        observer.disconnect();
        requestAnimationFrame(() => { window.kamReady = performance.now(); });
      }
    }).observe(document, { childList: true, subtree: true });
  }, selector);
  await page.goto(url);
  await page.waitForFunction(() => window.kamReady !== undefined);
  const ms = await page.evaluate(() => window.kamReady);
  await context.close();
  return ms;
}

/// The app's home page in a fresh profile, optionally with a stored
/// workspace: until the building blocks are in the page.
async function startup(workspace) {
  const context = await freshContext(browser, server, { viewport: { width: 1280, height: 900 } });
  if (workspace) {
    const seed = await open(context, server);
    await seed.evaluate((raw) => localStorage.setItem("kam-workbench/workspace", raw), workspace);
    await seed.close();
  }
  return timeToRender(context, server.url(), ".kam-blocks");
}

/// The participants' questionnaire (the link a trainer hands out) in a
/// fresh profile: until its statements are in the page.
async function questionnaire() {
  const context = await freshContext(browser, server, { viewport: { width: 1280, height: 900 } });
  return timeToRender(context, server.url("fitness/questionnaire"), "main table");
}

/// The floor page: until its chart is in the page.
async function floorStartup() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return timeToRender(context, floorServer.url(), "main.floor svg");
}

const times = { floor: [], empty: [], large: [], questionnaire: [], import: [], parse: [] };
for (let r = 0; r < runs; r++) {
  times.floor.push(await floorStartup());
  times.empty.push(await startup(null));
  times.large.push(await startup(stored));
  times.questionnaire.push(await questionnaire());
}
for (let r = 0; r < runs; r++) {
  const context = await freshContext(browser, server, { viewport: { width: 1280, height: 900 } });
  const page = await open(context, server, "data");
  const t0 = performance.now();
  await page.setInputFiles("[data-testid=import-file]", { name: "gross.json", mimeType: "application/json", buffer: Buffer.from(big) });
  await page.waitForSelector("[data-testid=import-preview]");
  times.import.push(performance.now() - t0);
  times.parse.push(await page.evaluate(async (text) => {
    const bytes = new TextEncoder().encode(text);
    const t0 = performance.now();
    JSON.parse(new TextDecoder().decode(bytes));
    return performance.now() - t0;
  }, big));
  await context.close();
}
await browser.close();
server.close();
floorServer.close();
const [floorRaw, floorGz] = weight(floorDist);
const appDist = process.env.KAM_DIST ?? `${root}dist-e2e/`;
const [appRaw, appGz] = weight(appDist, "kam-home-");
const ratio = (xs) => (median(xs) / median(times.floor)).toFixed(1);
console.log(`wasm + JS fetched: home page ${appRaw} raw / ${appGz} gzip; floor page ${floorRaw} raw / ${floorGz} gzip`);
console.log(`start-up, floor page:                      ${fmt0(times.floor)}`);
console.log(`start-up, empty workspace:                 ${fmt0(times.empty)}  (${ratio(times.empty)} × the floor; target ≤ 2 ×)`);
console.log(`start-up, 200 key accounts + 10,000 customers: ${fmt0(times.large)}  (${ratio(times.large)} × the floor; target ≤ 3 ×)`);
console.log(`start-up, the questionnaire (empty workspace): ${fmt0(times.questionnaire)}  (${ratio(times.questionnaire)} × the floor)`);
console.log(`import of a ${(big.length / 1e6).toFixed(1)} MB file, chosen → preview: ${fmt0(times.import)}`);
console.log(`  reference: the browser's JSON.parse of the same text: ${fmt0(times.parse)}`);
