// Shared test support: a static server that behaves like GitHub Pages for a
// project site (files under /kam-workbench/, unknown paths answered with
// 404.html and status 404), and a headless Chromium per test.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import assert from "node:assert/strict";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

export const BASE = "/kam-workbench/";
const DIST = process.env.KAM_DIST ?? new URL("../../dist-e2e/", import.meta.url).pathname;
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

/// Serves `dist` (the release build of the app by default) under BASE.
export async function startServer(dist = DIST) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    if (!url.pathname.startsWith(BASE)) {
      res.writeHead(404).end("not under the project path");
      return;
    }
    const relative = normalize(decodeURIComponent(url.pathname.slice(BASE.length)) || "index.html").replace(/^(\.\.(\/|$))+/, "");
    const file = join(dist, relative);
    try {
      if (!file.startsWith(dist) || !(await stat(file)).isFile()) throw new Error("missing");
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404, { "content-type": TYPES[".html"] });
      res.end(await readFile(join(dist, "404.html")));
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, url: (path = "") => `http://127.0.0.1:${port}${BASE}${path}`, close: () => server.close() };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/// A fresh browser profile (context) whose pages record console errors and
/// every request that leaves 127.0.0.1.
export async function freshContext(browser, server, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, locale: "en-US", ...options });
  context.problems = [];
  context.on("page", (page) => watch(page, context, server));
  return context;
}

function watch(page, context, server) {
  page.on("console", (msg) => {
    // Chromium logs every 404 response; the response listener below tells
    // a deep link served as 404.html (expected) from a missing asset.
    if (msg.text().includes("the server responded with a status of 404")) return;
    if (msg.type() === "error") context.problems.push(`console: ${msg.text()}`);
  });
  page.on("response", (response) => {
    const isDocument = response.request().resourceType() === "document";
    if (response.status() >= 400 && !isDocument) context.problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on("pageerror", (err) => context.problems.push(`pageerror: ${err.message}`));
  page.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith(server.origin) && !url.startsWith("blob:") && !url.startsWith("data:")) {
      context.problems.push(`request left the machine: ${url}`);
    }
  });
}

/// Opens a path of the app and waits until the app has rendered.
export async function open(context, server, path = "") {
  const page = await context.newPage();
  await page.goto(server.url(path));
  await page.waitForSelector(".kam-header");
  return page;
}

export async function createAccount(page, server, fields) {
  await page.goto(server.url("accounts/new"));
  await page.fill("#account-name", fields.name);
  if (fields.industry) await page.fill("#account-industry", fields.industry);
  if (fields.country) await page.fill("#account-country", fields.country);
  if (fields.kam) await page.fill("#account-kam", fields.kam);
  if (fields.revenue) await page.fill("#account-revenue", fields.revenue);
  if (fields.notes) await page.fill("#account-notes", fields.notes);
  await page.click("[data-testid=submit-account]");
  await page.waitForSelector("[data-testid=account-title]");
  await page.waitForFunction(() => /Gespeichert|Saved/.test(document.querySelector("[data-testid=save-state]")?.textContent ?? ""));
}

export const stored = (page) => page.evaluate(() => localStorage.getItem("kam-workbench/workspace"));

export async function download(page, action) {
  const [dl] = await Promise.all([page.waitForEvent("download"), action()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), text: await readFile(path, "utf8") };
}

/// Registers one server and one browser for a test file; the returned
/// object's fields are filled before the first test runs.
export function useBrowser() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

/// Closes a test's browser profile and fails the test if any page logged an
/// error or sent a request off the machine.
export async function done(context) {
  const problems = context.problems;
  await context.close();
  assert.deepEqual(problems, [], "no console errors, no requests off the machine");
}
