// Trunk post-build hook (see Trunk.toml).
// 1. Puts the SHA-256 of Trunk's inline bootstrap <script> into the CSP, so
//    that script-src needs no 'unsafe-inline'.
// 2. Copies index.html to 404.html: a static host (GitHub Pages) answers a
//    deep link such as /<repo>/accounts/<id> with 404.html, which then boots
//    the app, and the router shows the right page.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: TRUNK_STAGING_DIR is not set");
  process.exit(1);
}
const file = join(dir, "index.html");
let html = readFileSync(file, "utf8");
const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
if (scripts.length === 0) {
  console.error("post-build: no inline bootstrap script found");
  process.exit(1);
}
const hashes = scripts.map(([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
if (!html.includes("'BOOTSTRAP_HASH'")) {
  console.error("post-build: CSP placeholder 'BOOTSTRAP_HASH' missing from index.html");
  process.exit(1);
}
html = html.replace("'BOOTSTRAP_HASH'", hashes.join(" "));
writeFileSync(file, html);
writeFileSync(join(dir, "404.html"), html);
console.log(`post-build: CSP hashes ${hashes.join(" ")}; 404.html written`);
