// The size budget (issue #9, docs/PERFORMANCE.md): what the browser fetches
// before a page is usable -- the page (index.html), its stylesheets (the
// common one and the area's building block's, if it has one), and the JS
// and wasm of the area that serves it -- may be at most 350 KB
// gzip (350,000 bytes, gzip level 6 as web servers use it). Prints the
// figures per area and exits with 1 when any area is over.
//   node .ci/check-budget.mjs [dist-dir]     (default dist-e2e)
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { areas, ownFile } from "./areas.mjs";
import { gzipSync } from "node:zlib";

export const BUDGET = 350_000;
const dist = process.argv[2] ?? "dist-e2e";
const files = readdirSync(dist);
const size = (file) => {
  const bytes = readFileSync(join(dist, file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
};
const html = readFileSync(join(dist, "index.html"), "utf8");
const css = [...html.matchAll(/<link rel="stylesheet" href="[^"]*?([^"/]+\.css)"/g)].map((m) => m[1]);
const page = ["index.html", ...css].map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }));

const fmt = (n) => n.toLocaleString("en-US");
const rows = areas.map((area) => {
  const wasm = ownFile(files, area, "_bg\\.wasm");
  const js = ownFile(files, area, "\\.js");
  if (!wasm || !js) throw new Error(`check-budget: no wasm or JS for area ${area.name} in ${dist}`);
  const w = size(wasm), j = size(js);
  let sheet = { gzip: 0 };
  if (area.style) {
    const stem = area.style.replaceAll(" ", "_");
    const file = files.find((f) => new RegExp(`^${stem}-[0-9a-f]+\\.css$`).test(f));
    if (!file) throw new Error(`check-budget: no stylesheet ${area.style} for area ${area.name} in ${dist}`);
    sheet = size(file);
  }
  const css = page.gzip + sheet.gzip;
  const total = w.gzip + j.gzip + css;
  return { area: area.name, paths: area.paths.join(" "), w, j, css, total };
});
console.log(`| area (paths) | wasm raw / gzip | JS gzip | page + CSS gzip | total gzip |`);
console.log(`|---|---|---|---|---|`);
for (const r of rows) {
  const flag = r.total > BUDGET ? " **over**" : "";
  console.log(`| ${r.area} (${r.paths}) | ${fmt(r.w.raw)} / ${fmt(r.w.gzip)} | ${fmt(r.j.gzip)} | ${fmt(r.css)} | ${fmt(r.total)}${flag} |`);
}
const over = rows.filter((r) => r.total > BUDGET);
const heaviest = rows.reduce((a, b) => (b.total > a.total ? b : a));
console.log(`\nheaviest page: ${heaviest.area}, ${fmt(heaviest.total)} bytes gzip of ${fmt(BUDGET)} (${fmt(BUDGET - heaviest.total)} left)`);
if (over.length > 0) {
  console.error(`check-budget: over the budget of ${fmt(BUDGET)} bytes gzip: ${over.map((r) => `${r.area} (${fmt(r.total)})`).join(", ")}`);
  console.error("See docs/PERFORMANCE.md for where the bytes go (bash .ci/size-report <area>) and the levers.");
  process.exit(1);
}
