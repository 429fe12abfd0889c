// End-to-end: what a key account manager does in a real env.browser, against
// the release build served under a sub-path like a GitHub Pages project site.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { createAccount, download, done, freshContext, open, stored, useBrowser } from "./support.mjs";

const require = createRequire(import.meta.url);
const env = useBrowser();

test("German by default; the home page shows the six building blocks; English is remembered", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server);
  assert.equal(await page.getAttribute("html", "lang"), "de");
  await page.waitForSelector("h1:has-text('KAM-Performance-Konzept')");
  const blocks = await page.locator(".kam-block h3").allTextContents();
  assert.deepEqual(blocks, ["Fit für KAM", "Ziele", "Potenziale", "Menschen im KAM", "Prozesse und Tools", "Ergebnissicherung"]);
  assert.ok(await page.isVisible("[data-testid=getting-started]"), "a new user is told how to start");
  await page.click(".kam-lang__option[lang=en]");
  await page.waitForSelector("h1:has-text('integrated KAM performance concept')");
  await page.reload();
  await page.waitForSelector("h1:has-text('integrated KAM performance concept')");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await done(context);
});

test("create an account, reload, and it is still there; search and sort work", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server);
  await createAccount(page, env.server, { name: "Rheinwerk Chemie AG", industry: "Chemie", country: "Deutschland", revenue: "1.250.000" });
  await createAccount(page, env.server, { name: "Müller Logistik GmbH", industry: "Logistik", revenue: "90.000" });
  await page.reload();
  await page.waitForSelector("[data-testid=account-title]:has-text('Müller Logistik GmbH')");
  await page.goto(env.server.url("accounts"));
  await page.waitForSelector("[data-testid=accounts-table]");
  assert.deepEqual(await page.locator("[data-testid=account-row] th").allTextContents(), ["Müller Logistik GmbH", "Rheinwerk Chemie AG"]);
  assert.match(await page.locator("[data-testid=account-row]").nth(1).textContent(), /1\.250\.000 €/);
  await page.selectOption("[data-testid=account-sort]", "revenue");
  await page.selectOption("[data-testid=account-order]", "desc");
  assert.deepEqual(await page.locator("[data-testid=account-row] th").allTextContents(), ["Rheinwerk Chemie AG", "Müller Logistik GmbH"]);
  await page.fill("[data-testid=account-search]", "mueller");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=account-row]").length === 1);
  assert.equal(await page.locator("[data-testid=account-count]").textContent(), "1 von 2");
  const holdings = await (await open(context, env.server)).locator("[data-block=potentials] [data-testid=block-holdings]").textContent();
  assert.match(holdings, /^2 Key Accounts, zuletzt geändert/);
  await done(context);
});

test("a required name and a malformed revenue are reported at the field; nothing is stored", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server, "accounts/new");
  await page.fill("#account-revenue", "viel");
  await page.click("[data-testid=submit-account]");
  assert.equal(await page.textContent("#account-name-error"), "Bitte ausfüllen.");
  assert.match(await page.textContent("#account-revenue-error"), /Bitte eine Zahl eingeben/);
  assert.equal(await page.getAttribute("#account-name", "aria-invalid"), "true");
  assert.equal(await stored(page), null);
  await done(context);
});

test("edit, delete with confirmation, undo", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server);
  await createAccount(page, env.server, { name: "Alpha Pharma" });
  await page.fill("#account-industry", "Pharma");
  assert.ok(await page.isVisible("[data-testid=unsaved]"));
  await page.click("[data-testid=submit-account]");
  await page.waitForSelector("[data-testid=form-saved]");
  await page.click("[data-testid=delete-account]");
  await page.click("[data-testid=confirm-delete]");
  await page.waitForSelector("[data-testid=accounts-empty]");
  assert.match(await page.textContent("[data-testid=toast]"), /„Alpha Pharma“ wurde gelöscht/);
  await page.click("[data-testid=toast] button:has-text('Rückgängig')");
  await page.waitForSelector("[data-testid=account-row]");
  await page.waitForFunction(() => /Gespeichert/.test(document.querySelector("[data-testid=save-state]").textContent));
  await page.reload();
  await page.waitForSelector("[data-testid=account-row] td:has-text('Pharma')");
  await done(context);
});

test("export, then import into a fresh browser profile, gives equal data", async () => {
  const a = await freshContext(env.browser, env.server);
  const pageA = await open(a, env.server);
  await createAccount(pageA, env.server, { name: "Nordstahl AG", industry: "Stahl", kam: "Jana Becker", revenue: "4.250.000", notes: "Rahmenvertrag bis 2027\n<b>kein HTML</b>" });
  await createAccount(pageA, env.server, { name: "Südfrucht eG", country: "Italien" });
  await pageA.goto(env.server.url("data"));
  const file = await download(pageA, () => pageA.click("[data-testid=export-workspace]"));
  assert.match(file.name, /^kam-workbench-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(file.text);
  assert.equal(exported.format, "kam-workbench");
  assert.equal(exported.version, 11);

  const b = await freshContext(env.browser, env.server);
  const pageB = await open(b, env.server, "data");
  await pageB.setInputFiles("[data-testid=import-file]", { name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) });
  await pageB.waitForSelector("[data-testid=import-preview]");
  assert.equal(await pageB.textContent("[data-testid=plan-summary]"), "2 hinzugefügt · 0 ersetzt · 0 unverändert · 0 entfernt");
  await pageB.click("[data-testid=apply-import]");
  await pageB.waitForSelector("[data-testid=toast]");
  const again = await download(pageB, () => pageB.click("[data-testid=export-workspace]"));
  assert.deepEqual(JSON.parse(again.text).data, exported.data, "the colleague has exactly the same data");
  await pageB.goto(env.server.url("accounts"));
  await pageB.click("text=Nordstahl AG");
  assert.equal(await pageB.inputValue("#account-notes"), "Rahmenvertrag bis 2027\n<b>kein HTML</b>");
  await done(a);
  await done(b);
});

test("a file dropped on the page is checked and previewed like a chosen one", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server, "data");
  const file = readFileSync(new URL("../fixtures/workspace-v1.json", import.meta.url), "utf8");
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], "gruppe.json", { type: "application/json" }));
    return transfer;
  }, file);
  await page.dispatchEvent("[data-testid=drop-zone]", "dragover", { dataTransfer });
  assert.match(await page.getAttribute("[data-testid=drop-zone]", "class"), /kam-drop--active/);
  await page.dispatchEvent("[data-testid=drop-zone]", "drop", { dataTransfer });
  await page.waitForSelector("[data-testid=import-preview]:has-text('gruppe.json')");
  assert.equal(await page.textContent("[data-testid=plan-summary]"), "2 hinzugefügt · 0 ersetzt · 0 unverändert · 0 entfernt");
  await page.click("[data-testid=apply-import]");
  await page.goto(env.server.url("accounts"));
  await page.click("text=Rheinwerk Polymere GmbH");
  assert.equal(await page.locator("#account-parent option:checked").textContent(), "Rheinwerk Chemie AG");
  await done(context);
});

test("merge keeps the newer record and lists each decision; replace keeps a snapshot to restore", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server);
  await createAccount(page, env.server, { name: "Kunde Eins" });
  await createAccount(page, env.server, { name: "Kunde Zwei" });
  const original = JSON.parse(await stored(page));
  const theirs = structuredClone(original);
  theirs.data.accounts[0].industry = "neu aus der Datei";
  theirs.data.accounts[0].modified = "2099-01-01T00:00:00.000Z";
  theirs.data.accounts[1].industry = "alt";
  theirs.data.accounts[1].modified = theirs.data.accounts[1].created;
  theirs.data.accounts.push({ ...theirs.data.accounts[1], id: "00000000-0000-4000-8000-000000000003", name: "Kunde Drei" });
  await page.goto(env.server.url("data"));
  await page.setInputFiles("[data-testid=import-file]", { name: "kollegin.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(theirs)) });
  await page.waitForSelector("[data-testid=import-preview]");
  const decisions = await page.locator("[data-testid=plan-row]").allTextContents();
  assert.deepEqual(decisions, [
    "Kunde Einswird durch die Fassung aus der Datei ersetzt",
    "Kunde Zweibleibt – unsere Fassung ist neuer",
    "Kunde Dreiwird hinzugefügt",
  ]);
  await page.check("[data-testid=mode-replace]");
  assert.equal(await page.textContent("[data-testid=plan-summary]"), "1 hinzugefügt · 2 ersetzt · 0 unverändert · 0 entfernt");
  await page.click("[data-testid=apply-import]");
  await page.waitForSelector("[data-testid=toast]");
  assert.equal(JSON.parse(await stored(page)).data.accounts.length, 3);
  await page.goto(env.server.url("settings"));
  await page.click("[data-testid=snapshot] button:has-text('Wiederherstellen')");
  await page.click("[data-testid=confirm-restore]");
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("kam-workbench/workspace")).data.accounts.length === 2);
  assert.deepEqual(JSON.parse(await stored(page)).data, original.data);
  await done(context);
});

const BAD_FILES = [
  ["leer.json", Buffer.alloc(0), /Die Datei ist leer/],
  ["bild.json", readFileSync(new URL("../../style/favicon.svg", import.meta.url)).subarray(0, 0).length === 0 ? Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00]) : null, /keine Textdatei/],
  ["kunden.csv", Buffer.from("Kunde;Umsatz\nMüller;1.200\n"), /keine JSON-Datei \(Fehler in Zeile 1/],
  ["fremd.json", Buffer.from('{"type":"excalidraw","elements":[]}'), /keine Datei der KAM Workbench/],
  ["neu.json", Buffer.from('{"format":"kam-workbench","version":12,"app_version":"9.0.0","exported_at":"2030-01-01T00:00:00Z","data":{}}'), /mit einer neueren Version der KAM Workbench erstellt \(Format 12\)/],
  ["kaputt.json", Buffer.from('{"format":"kam-workbench","version":1,"app_version":"0.1.0","exported_at":"2026-01-01T00:00:00Z","data":{"accounts":[{"id":"00000000-0000-4000-8000-000000000001","created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z"}]}}'), /Key Account 1, Feld „Name des Kunden“: Ein Pflichtwert fehlt/],
  ["tief.json", Buffer.from("[".repeat(10000) + "]".repeat(10000)), /zu tief verschachtelt/],
  // Read on the check page of its group, not on the import page: still refused at its place.
  ["menschen.json", Buffer.from('{"format":"kam-workbench","version":10,"app_version":"0.1.0","exported_at":"2026-11-28T10:00:00Z","data":{"people":{"colleagues":[{"id":"00000000-0000-4000-8000-000000000002","name":"Jana","availability":40}]}}}'), /Menschen im KAM \(Organisation, Rollenbeschreibung, Personen\), Person 1, Feld „Verfügbarkeit \(Tage pro Monat\)“/],
  ["einfuehrung.json", Buffer.from('{"format":"kam-workbench","version":11,"app_version":"0.1.0","exported_at":"2026-11-28T10:00:00Z","data":{"introduction":{"risks":[{"id":"00000000-0000-4000-8000-000000000003","title":"Vertrieb zieht nicht mit","reviews":[{"date":"2026-11-01","probability":6,"impact":3}]}]}}}'), /KAM-Einführungsprojekt, Risiko 1, Bewertung 1, Feld „Eintrittswahrscheinlichkeit“: Erlaubt sind Werte von 1 bis 5/],
];

test("bad files are refused with a clear message and the stored data stays byte-identical", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server);
  await createAccount(page, env.server, { name: "Bestandskunde" });
  const before = await stored(page);
  await page.goto(env.server.url("data"));
  for (const [name, buffer, message] of BAD_FILES) {
    await page.setInputFiles("[data-testid=import-file]", { name, mimeType: "application/json", buffer });
    await page.waitForSelector("[data-testid=import-error]");
    const text = await page.textContent("[data-testid=import-error]");
    assert.match(text, message, `${name}: ${text}`);
    assert.match(text, /Ihre Daten sind unverändert/);
    assert.equal(await stored(page), before, `${name} changed the stored data`);
  }
  // 50 MB: refused by its size before it is read.
  const big = join(tmpdir(), "kam-riesig.json");
  writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 32));
  await page.setInputFiles("[data-testid=import-file]", big);
  await page.waitForSelector("[data-testid=import-error]:has-text('höchstens 20,0 MB')");
  assert.equal(await stored(page), before);
  // A name with markup is shown as text; nothing runs.
  const hostile = JSON.parse(before);
  hostile.data.accounts[0].name = '<img src=x onerror="window.pwned=1">';
  hostile.data.accounts[0].modified = "2099-01-01T00:00:00.000Z";
  await page.setInputFiles("[data-testid=import-file]", { name: "x.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(hostile)) });
  await page.click("[data-testid=apply-import]");
  await page.goto(env.server.url("accounts"));
  assert.equal(await page.locator("[data-testid=account-row] th").textContent(), '<img src=x onerror="window.pwned=1">');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator("[data-testid=accounts-table] img").count(), 0);
  await done(context);
});

test("a deep link is reloaded under the sub-path", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server);
  await createAccount(page, env.server, { name: "Tiefer Link KG" });
  const deep = page.url();
  assert.match(deep, /\/kam-workbench\/accounts\/[0-9a-f-]{36}$/);
  const other = await context.newPage();
  const response = await other.goto(deep);
  assert.equal(response.status(), 404, "the static host answers with 404.html");
  await other.waitForSelector("[data-testid=account-title]:has-text('Tiefer Link KG')");
  await other.reload();
  await other.waitForSelector("[data-testid=account-title]:has-text('Tiefer Link KG')");
  await other.goto(env.server.url("blocks/potentials"));
  await other.waitForSelector("[data-tool=profile] a");
  await other.click("[data-tool=profile] a");
  await other.waitForURL(/\/kam-workbench\/accounts$/);
  await other.goto(env.server.url("gibt/es/nicht"));
  await other.waitForSelector("h1:has-text('Diese Seite gibt es nicht')");
  await done(context);
});

test("two tabs: the other tab's edits arrive, and a stale tab never overwrites them", async () => {
  const context = await freshContext(env.browser, env.server);
  const a = await open(context, env.server);
  const b = await open(context, env.server, "accounts");
  await createAccount(a, env.server, { name: "Aus Tab A" });
  await b.waitForSelector("[data-testid=account-row] th:has-text('Aus Tab A')");
  await createAccount(b, env.server, { name: "Aus Tab B" });
  await a.goto(env.server.url("accounts"));
  await a.waitForFunction(() => document.querySelectorAll("[data-testid=account-row]").length === 2);
  // B edits; before B's debounced save runs, another tab saves a newer state.
  const newer = JSON.parse(await stored(a));
  newer.data.accounts.push({ ...newer.data.accounts[0], id: "00000000-0000-4000-8000-0000000000aa", name: "Aus Tab C" });
  const newerRaw = JSON.stringify(newer, null, 2);
  await b.fill("#account-industry", "nur in B");
  await b.evaluate((raw) => {
    document.querySelector("[data-testid=account-form]").requestSubmit();
    // What another tab's save does: the workspace, then a new revision token.
    localStorage.setItem("kam-workbench/workspace", raw);
    localStorage.setItem("kam-workbench/revision", "other-tab-" + Date.now());
  }, newerRaw);
  await b.waitForSelector("[data-testid=banner]:has-text('In einer anderen Registerkarte wurde inzwischen gespeichert')");
  assert.match(await b.textContent("[data-testid=save-state]"), /Nicht gespeichert: andere Registerkarte/);
  await b.waitForTimeout(600);
  assert.equal(await stored(a), newerRaw, "the stale tab wrote nothing over the newer state");
  const mine = await download(b, () => b.click("[data-testid=banner] button:has-text('Meine Fassung exportieren')"));
  assert.equal(JSON.parse(mine.text).data.accounts.find((x) => x.name === "Aus Tab B").industry, "nur in B");
  await b.click("[data-testid=banner] button:has-text('Aktuellen Stand laden')");
  await b.waitForFunction(() => document.querySelector("[data-testid=banner]") === null);
  await b.goto(env.server.url("accounts"));
  await b.waitForFunction(() => document.querySelectorAll("[data-testid=account-row]").length === 3);
  // A, which had nothing unsaved, took the newer state over by itself.
  await a.waitForFunction(() => document.querySelectorAll("[data-testid=account-row]").length === 3);
  await done(context);
});

test("storage that refuses every write: the app works, says 'not saved', and offers export", async () => {
  const context = await freshContext(env.browser, env.server);
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  const page = await open(context, env.server, "accounts/new");
  await page.fill("#account-name", "Nur im Speicher");
  await page.click("[data-testid=submit-account]");
  await page.waitForSelector("[data-testid=banner]:has-text('nicht gespeichert werden')");
  assert.match(await page.textContent("[data-testid=save-state]"), /Nicht gespeichert: Speicher voll/);
  assert.equal(await page.textContent("[data-testid=account-title]"), "Nur im Speicher", "the work stays in memory");
  const file = await download(page, () => page.click("[data-testid=banner] button:has-text('Jetzt exportieren')"));
  assert.equal(JSON.parse(file.text).data.accounts[0].name, "Nur im Speicher");
  await done(context);
});

test("import while storage is full fails without changing anything, also after reload", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server);
  await createAccount(page, env.server, { name: "Alter Stand" });
  const before = await stored(page);
  const incoming = JSON.parse(before);
  incoming.data.accounts[0].id = "00000000-0000-4000-8000-00000000abcd";
  incoming.data.accounts[0].name = "Neu";
  await page.goto(env.server.url("data"));
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("full", "QuotaExceededError");
    };
  });
  await page.setInputFiles("[data-testid=import-file]", { name: "neu.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(incoming)) });
  await page.check("[data-testid=mode-replace]");
  await page.click("[data-testid=apply-import]");
  await page.waitForSelector("[data-testid=import-error]:has-text('keine Sicherung angelegt')");
  await page.reload();
  await page.waitForSelector(".kam-header");
  assert.equal(await stored(page), before);
  await done(context);
});

test("corrupt stored data is set aside for recovery, never overwritten", async () => {
  const context = await freshContext(env.browser, env.server);
  const truncated = '{"format":"kam-workbench","version":1,"data":{"accounts":[{"id":';
  await context.addInitScript((raw) => {
    try {
      if (!sessionStorage.getItem("seeded")) {
        localStorage.setItem("kam-workbench/workspace", raw);
        sessionStorage.setItem("seeded", "1");
      }
    } catch {
      // Documents without storage access (the download's blank page).
    }
  }, truncated);
  const page = await open(context, env.server);
  await page.waitForSelector("[data-testid=recovered-banner]");
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("kam-workbench/recovery/")));
  assert.equal(keys.length, 1);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), keys[0]), truncated);
  const raw = await download(page, () => page.click("[data-testid=recovered-banner] button:has-text('Rohdaten herunterladen')"));
  assert.equal(raw.text, truncated);
  await createAccount(page, env.server, { name: "Neuanfang" });
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), keys[0]), truncated, "the recovery copy is kept");
  await done(context);
});

test("data from a newer app version is never written over", async () => {
  const context = await freshContext(env.browser, env.server);
  const newer = '{"format":"kam-workbench","version":12,"app_version":"9.0.0","exported_at":"2030-01-01T00:00:00Z","data":{"accounts":[],"future":true}}';
  await context.addInitScript((raw) => {
    try {
      if (!localStorage.getItem("kam-workbench/workspace")) localStorage.setItem("kam-workbench/workspace", raw);
    } catch {
      // Documents without storage access.
    }
  }, newer);
  const page = await open(context, env.server);
  await page.waitForSelector("[data-testid=banner]:has-text('neueren Version')");
  await page.goto(env.server.url("accounts/new"));
  await page.fill("#account-name", "Versuch");
  await page.click("[data-testid=submit-account]");
  await page.waitForTimeout(600);
  assert.equal(await stored(page), newer);
  assert.match(await page.textContent("[data-testid=save-state]"), /Schreibgeschützt/);
  await done(context);
});

test("an edit survives an immediate reload", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server);
  await createAccount(page, env.server, { name: "Schnell" });
  await page.fill("#account-industry", "Sofort neu geladen");
  await page.click("[data-testid=submit-account]");
  await page.reload();
  await page.waitForSelector("[data-testid=account-title]");
  assert.equal(await page.inputValue("#account-industry"), "Sofort neu geladen");
  await done(context);
});

test("single-account export opens as its own file", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server);
  await createAccount(page, env.server, { name: "Müller & Söhne AG" });
  const file = await download(page, () => page.click("[data-testid=export-account]"));
  assert.match(file.name, /^kam-account-muller-sohne-ag-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(JSON.parse(file.text).data.accounts.length, 1);
  await done(context);
});

test("no serious accessibility violations on the main pages (axe-core)", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server);
  await createAccount(page, env.server, { name: "Barrierefrei GmbH" });
  await page.goto(env.server.url("settings"));
  // The answer of navigator.storage.persist() replaces "wird angefragt".
  await page.waitForFunction(() => {
    const text = document.querySelector("[data-testid=persist-state]")?.textContent ?? "";
    return /Dauerhafte Speicherung: (zugesagt|nicht zugesagt|von diesem Browser nicht unterstützt)\./.test(text);
  });
  const axe = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  for (const path of ["", "accounts", "data", "settings", "blocks/fit", "fitness", "foundations", "fitness/group"]) {
    await page.goto(env.server.url(path));
    await page.waitForSelector(".kam-main h1");
    await page.evaluate(axe);
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ["violations"] });
      return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
    assert.deepEqual(violations, [], `page /${path}`);
  }
  await done(context);
});
