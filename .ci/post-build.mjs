// Trunk post-build hook (see Trunk.toml): builds the app's areas and puts
// the page together.
// 1. Each area of src/areas.json is its own wasm binary. index.html's own
//    `rel="rust"` link builds one of them (home); for each other area, a
//    small HTML file with only that binary's link is built by a nested
//    `trunk build` (cargo has already compiled the binaries in the
//    pre-build hook, so this runs wasm-bindgen and wasm-opt), and its JS
//    and wasm are copied next to the page.
// 2. Trunk's start script and preload links (which would always load the
//    home area) give way to an inline loader script that starts the area
//    serving the current path (longest matching prefix, as `Area::of_path`
//    in src/areas.rs): only that area's JS and wasm are fetched.
// 3. The SHA-256 of the loader goes into the Content-Security-Policy, so
//    script-src needs no 'unsafe-inline'.
// 4. The stylesheets of index.html become one file, in their order: one
//    request, and about 2 KB less gzip than seven files. A building
//    block's own stylesheet (the area's "style" in src/areas.json, e.g.
//    style/potentials.css) is written next to it with its hash, and the
//    loader adds it only for the areas that name it.
// 5. index.html is copied to 404.html: a static host (GitHub Pages) answers
//    a deep link such as /<repo>/accounts/<id> with 404.html, which then
//    loads the right area.
// In the nested builds (KAM_AREA_BUILD is set) the hook does nothing. For
// another page than index.html (the benchmark's floor page,
// tests/floor/index.html) it only puts the hash of Trunk's start script in
// place of 'BOOTSTRAP_HASH'.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { areas, ownFile } from "./areas.mjs";

if (process.env.KAM_AREA_BUILD) process.exit(0);
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set");
  process.exit(1);
}
if (resolve(process.env.TRUNK_HTML_FILE ?? "index.html") !== resolve("index.html")) {
  const page = join(staging, "index.html");
  const text = readFileSync(page, "utf8");
  const hashes = [...text.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map(([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  writeFileSync(page, text.replace("'BOOTSTRAP_HASH'", hashes.join(" ")));
  console.log(`post-build: ${process.env.TRUNK_HTML_FILE}: CSP hashes ${hashes.join(" ")}`);
  process.exit(0);
}
const release = process.env.TRUNK_PROFILE === "release";
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? "/";
const work = join("target", "areas", release ? "release" : "debug");
mkdirSync(work, { recursive: true });

// Trunk's own settings (TRUNK_*) are not handed on; the nested build gets
// them as arguments.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("TRUNK_")));
env.KAM_AREA_BUILD = "1";

function buildArea(area) {
  const html = join(work, `${area.name}.html`);
  writeFileSync(html, `<!DOCTYPE html>
<html><head><base data-trunk-public-url>
<link data-trunk rel="rust" href="../../../Cargo.toml" data-bin="${area.bin}" data-wasm-opt="z">
</head><body></body></html>
`);
  const args = ["build", html, "--offline", "--public-url", publicUrl, "--dist", join(work, area.name)];
  if (release) args.push("--release");
  return new Promise((resolve, reject) => {
    const child = spawn("trunk", args, { env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`trunk build for area ${area.name} failed (${code})`))));
  });
}

const builtByTrunk = (area) => ownFile(readdirSync(staging), area, "_bg\\.wasm") !== undefined;
// Two at a time: wasm-opt runs on one core each.
const queue = areas.filter((area) => !builtByTrunk(area));
await Promise.all([0, 1].map(async () => {
  for (let area; (area = queue.shift()); ) await buildArea(area);
}));

// Stylesheets without comments and needless spaces (quoted text is kept
// as it is): about 0.8 KB less gzip per page.
function minifyCss(css) {
  return css
    .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
    .map((part, i) => (i % 2 === 1 ? part : part
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\s+/g, " ")
      .replace(/\s*([{};,>])\s*/g, "$1")
      .replace(/:\s+/g, ":")
      .replace(/;}/g, "}")))
    .join("")
    .trim();
}

// Each building block's stylesheet, once, with its hash and integrity. An
// area may name several ("potentials processes"): they become one file.
const blockSheets = {};
for (const name of new Set(areas.map((area) => area.style).filter(Boolean))) {
  const css = name.split(" ")
    .map((part) => minifyCss(readFileSync(join("style", `${part}.css`), "utf8")))
    .join("");
  const href = `${name.replaceAll(" ", "_")}-${createHash("sha256").update(css).digest("hex").slice(0, 16)}.css`;
  writeFileSync(join(staging, href), css);
  blockSheets[name] = { href, integrity: `sha384-${createHash("sha384").update(css).digest("base64")}` };
}

// The loader's table, kept short (every page carries it): per area its
// paths, the stem of its files without "kam-" (JS `kam-<stem>.js`, wasm
// `kam-<stem>_bg.wasm`) and the index of its stylesheet in `sheets`.
const sheetNames = Object.keys(blockSheets);
const loaded = areas.map((area) => {
  const dir = builtByTrunk(area) ? staging : join(work, area.name);
  const files = readdirSync(dir);
  const js = ownFile(files, area, "\\.js");
  const wasm = ownFile(files, area, "_bg\\.wasm");
  if (!js || !wasm) throw new Error(`post-build: no JS or wasm for area ${area.name}`);
  const stem = js.replace(/\.js$/, "");
  if (!stem.startsWith("kam-") || wasm !== `${stem}_bg.wasm`) throw new Error(`post-build: JS and wasm of area ${area.name} differ: ${js}, ${wasm}`);
  if (dir !== staging) for (const file of [js, wasm]) copyFileSync(join(dir, file), join(staging, file));
  const entry = [area.paths, stem.slice(4)];
  if (area.style) entry.push(sheetNames.indexOf(area.style));
  return entry;
});
const sheetTable = sheetNames.map((name) => [blockSheets[name].href, blockSheets[name].integrity]);

const loader = `
const areas = ${JSON.stringify(loaded)};
const sheets = ${JSON.stringify(sheetTable)};
const base = new URL(document.baseURI).pathname;
let path = location.pathname.startsWith(base) ? "/" + location.pathname.slice(base.length) : location.pathname;
path = path.replace(/\\/+$/, "");
let area = areas[0], longest = -1;
for (const candidate of areas) {
  for (const p of candidate[0]) {
    const onlyBelow = p.length > 1 && p.endsWith("/");
    const prefix = p.replace(/\\/+$/, "");
    const hit = prefix === "" ? path === "" : (!onlyBelow && path === prefix) || path.startsWith(prefix + "/");
    if (hit && p.length > longest) { area = candidate; longest = p.length; }
  }
}
const stem = base + "kam-" + area[1];
const wasm = fetch(stem + "_bg.wasm");
let styled = null;
if (area.length > 2) {
  const [href, integrity] = sheets[area[2]];
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = base + href;
  link.integrity = integrity;
  styled = new Promise((done) => { link.onload = link.onerror = done; });
  document.head.append(link);
}
const { default: init } = await import(stem + ".js");
await styled;
await init({ module_or_path: wasm });
`;
const file = join(staging, "index.html");
let html = readFileSync(file, "utf8");
if (!html.includes("'LOADER_HASH'")) {
  console.error("post-build: CSP placeholder 'LOADER_HASH' missing from index.html");
  process.exit(1);
}
// One stylesheet instead of one per file, in the page's order.
const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]*?)([^"/]+\.css)"[^>]*>\n?/g)];
if (sheets.length > 0) {
  const css = minifyCss(sheets.map(([, , name]) => readFileSync(join(staging, name), "utf8")).join("\n"));
  const name = `style-${createHash("sha256").update(css).digest("hex").slice(0, 16)}.css`;
  const integrity = `sha384-${createHash("sha384").update(css).digest("base64")}`;
  writeFileSync(join(staging, name), css);
  for (const [, , old] of sheets) rmSync(join(staging, old));
  html = html.replace(sheets[0][0], `<link rel="stylesheet" href="${sheets[0][1]}${name}" integrity="${integrity}"/>\n`);
  for (const [tag] of sheets.slice(1)) html = html.replace(tag, "");
}
// Trunk's start script and preloads of the home area.
html = html.replace(/<script type="module">[\s\S]*?<\/script>/g, "").replace(/<link rel="(modulepreload|preload)"[^>]*>/g, "");
if (/<script(?![^>]*\bsrc=)/.test(html)) {
  console.error("post-build: an inline script besides the loader is left in index.html");
  process.exit(1);
}
const hash = `'sha256-${createHash("sha256").update(loader, "utf8").digest("base64")}'`;
html = html.replace("'LOADER_HASH'", hash).replace("</head>", `<script type="module">${loader}</script>\n</head>`);
writeFileSync(file, html);
writeFileSync(join(staging, "404.html"), html);
console.log(`post-build: ${areas.length} areas (${areas.map((a) => a.name).join(", ")}); loader ${hash}; 404.html written`);
