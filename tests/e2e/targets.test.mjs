// End-to-end: target customer selection as a sales leader uses it, against
// the release build — German Excel CSV in, classes, scoring by keyboard,
// portfolio, promotion to key account, results CSV out, print layout.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { download, done, freshContext, open, stored, useBrowser } from "./support.mjs";

const env = useBrowser();
const fixture = (name) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

async function importCsv(page, server, file) {
  await page.goto(server.url("targets/import"));
  await page.setInputFiles("[data-testid=csv-file]", fixture(file));
  await page.waitForSelector("[data-testid=import-preview]");
}

test("a German Excel CSV (Windows-1252) is imported, classified and exported exactly as expected", async () => {
  const context = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const page = await open(context, env.server);
  await importCsv(page, env.server, "kunden-bewertet-de-1252.csv");
  // Detected: semicolon, German numbers, Windows-1252 with umlauts intact.
  assert.equal(await page.inputValue("[data-testid=dialect-separator]"), "semicolon");
  assert.equal(await page.inputValue("[data-testid=dialect-numbers]"), "de");
  assert.match(await page.textContent("[data-testid=import-settings]"), /Windows-1252/);
  assert.match(await page.textContent("[data-testid=table-summary]"), /Datenzeilen: 14 · Spalten: 12/);
  const mapped = await page.$$eval("[data-testid=map-select]", (s) => s.map((x) => x.value));
  assert.deepEqual(mapped.slice(0, 5), ["number", "name", "revenue", "margin", "potential"]);
  assert.equal(mapped.filter((v) => v.startsWith("grade:")).length, 7, "criteria columns found by name");
  assert.match(await page.textContent("[data-testid=preview-row] >> nth=2"), /Bäckerei Öztürk; Filiale Süd/);
  // Nothing is stored before the user confirms.
  assert.equal(JSON.parse(await stored(page) ?? "{\"data\":{}}").data.targets, undefined);
  await page.click("[data-testid=import-apply]");
  await page.waitForSelector("[data-testid=import-done]");

  await page.click("text=Weiter zur ABC-Analyse");
  await page.waitForSelector("[data-testid=pareto] svg");
  const classes = await page.$$eval("[data-testid=class-row]", (rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
  assert.deepEqual(classes.map((r) => r.slice(0, 2)), [["A", "4"], ["B", "4"], ["C", "6"]]);
  assert.equal((await page.textContent("[data-testid=abc-row] >> nth=0")).includes("Rheinwerk Chemie AG"), true);

  await page.goto(env.server.url("targets/compare"));
  await page.waitForSelector("[data-testid=compare-table]");
  const file = await download(page, () => page.click("[data-testid=results-csv]"));
  assert.match(file.name, /^zielkunden-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.equal(file.text, readFileSync(fixture("kunden-bewertet-de-ergebnis.csv"), "utf8"));
  await done(context);
});

test("rows with problems are listed by line number and left out; undo brings the old list back", async () => {
  const context = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const page = await open(context, env.server);
  await importCsv(page, env.server, "kunden-de-excel-1252.csv");
  const problems = await page.$$eval("[data-testid=row-problem]", (li) => li.map((x) => x.textContent));
  assert.deepEqual(problems, [
    "Zeile 9, Spalte „Umsatz“: „viel“ ist keine Zahl.",
    "Zeile 10: Der Kundenname fehlt.",
  ]);
  // A wrong separator is visible at once and can be switched back.
  await page.selectOption("[data-testid=dialect-separator]", "comma");
  await page.waitForSelector("[data-testid=mapping-error]");
  await page.selectOption("[data-testid=dialect-separator]", "semicolon");
  await page.waitForSelector("[data-testid=import-apply]:has-text('Kunden übernehmen (6)')");
  await page.click("[data-testid=import-apply]");
  await page.goto(env.server.url("targets"));
  assert.match(await page.textContent("[data-testid=customer-count]"), /6 von 6 Kunden/);
  // Replace the list, then undo within the notice.
  await importCsv(page, env.server, "customers-en.csv");
  assert.equal(await page.inputValue("[data-testid=dialect-separator]"), "comma");
  await page.check("[data-testid=mode-replace]");
  await page.click("[data-testid=import-apply]");
  await page.click("text=Kundenliste ansehen");
  assert.match(await page.textContent("[data-testid=customer-count]"), /3 von 3 Kunden/);
  await page.click("[data-testid=toast-undo]");
  assert.match(await page.textContent("[data-testid=customer-count]"), /6 von 6 Kunden/);
  await done(context);
});

test("grades are entered by keyboard alone; weights warn; sensitivity and ranking follow", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server, "targets");
  await page.evaluate(() => localStorage.setItem("kam-workbench/language", JSON.stringify("en")));
  await page.reload();
  await page.waitForSelector("#customer-name");
  for (const [name, revenue] of [["Alpha GmbH", "500,000"], ["Beta AG", "300,000"], ["Gamma KG", "200,000"]]) {
    await page.fill("#customer-name", name);
    await page.fill("#customer-revenue", revenue);
    await page.keyboard.press("Enter");
    await page.waitForFunction((n) => document.querySelector("[data-testid=customer-table]")?.textContent.includes(n), name);
  }
  await page.goto(env.server.url("targets/scoring"));
  await page.waitForSelector("[data-testid=grade-grid]");
  assert.equal(await page.locator("[data-testid=criterion-row]").count(), 7, "suggested criteria installed");
  assert.match(await page.textContent("[data-testid=weight-sum]"), /add up to 100%/);
  // Row by row: type a grade, arrow right to the next cell.
  await page.focus("[data-grid-row='0'][data-grid-col='0']");
  const rows = [[5, 5, 5, 5, 5, 5, 5], [3, 3, 3, 3, 3, 3, 3], [1, 2, 1, 2, 1, 2]];
  for (const grades of rows) {
    for (const g of grades) {
      await page.keyboard.type(String(g));
      await page.keyboard.press("ArrowRight");
    }
    if (grades.length < 7) await page.keyboard.press("ArrowDown");
  }
  const scores = await page.$$eval("[data-testid=grid-score]", (c) => c.map((x) => x.textContent));
  assert.deepEqual(scores, ["5.00", "3.00", "missing"]);
  assert.match(await page.textContent("[data-testid=unscored]"), /Customers with missing ratings \(no score, no rank\): 1/);
  const ranking = await page.$$eval("[data-testid=ranking-row] .kam-ranking__name", (c) => c.map((x) => x.textContent));
  assert.deepEqual(ranking, ["Alpha GmbH", "Beta AG"]);
  // An invalid grade is marked, not stored.
  await page.fill("[data-grid-row='2'][data-grid-col='6']", "9");
  assert.equal(await page.getAttribute("[data-grid-row='2'][data-grid-col='6']", "aria-invalid"), "true");
  assert.equal(await page.textContent("[data-testid=grid-score] >> nth=2"), "missing");
  // Weights off 100 %, and a tiny weight.
  await page.fill("[data-testid=criterion-weight] >> nth=0", "3");
  await page.locator("[data-testid=criterion-weight] >> nth=0").press("Tab");
  await page.waitForSelector("[data-testid=weight-sum].kam-note--error");
  assert.match(await page.textContent("[data-testid=weight-sum]"), /78%/);
  assert.match(await page.textContent("[data-testid=weight-negligible]"), /Revenue potential/);
  assert.equal(await page.locator("[data-testid=sens-row]").count(), 7);
  await done(context);
});

test("a bubble shows its customer, who becomes a key account; goals count the selection; overview prints landscape", async () => {
  const context = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const page = await open(context, env.server);
  await importCsv(page, env.server, "kunden-bewertet-de-1252.csv");
  await page.click("[data-testid=import-apply]");
  await page.goto(env.server.url("targets/portfolio"));
  await page.waitForSelector("[data-testid=portfolio] svg");
  assert.match(await page.textContent("[data-testid=portfolio-shown]"), /13 von 13 bewerteten Kunden, die umsatzstärksten zuerst \(in der Liste: 14;/);
  // Click where Lumen Medical's bubble is drawn (its label text gives the spot).
  const label = page.locator("[data-testid=portfolio] text", { hasText: "Lumen Medical GmbH" });
  const box = await label.boundingBox();
  assert.ok(box, "the label of a small star customer is shown");
  await page.click(".kam-bubble-list summary");
  await page.click(".kam-bubble-list button:has-text('Lumen Medical GmbH')");
  await page.waitForSelector("[data-testid=bubble-detail]");
  assert.equal(await page.textContent("[data-testid=detail-quadrant]"), "Starkunden");
  await page.click("[data-testid=bubble-detail] [data-testid=promote]");
  await page.waitForSelector("[data-testid=bubble-detail] [data-testid=account-link]");
  const ws = JSON.parse(await page.evaluate(() => new Promise((r) => setTimeout(() => r(localStorage.getItem("kam-workbench/workspace")), 400))));
  const account = ws.data.accounts.find((a) => a.name === "Lumen Medical GmbH");
  assert.equal(account.revenue_last_year, 95000);
  assert.equal(ws.data.targets.customers.find((c) => c.name === "Lumen Medical GmbH").account_id, account.id);

  await page.goto(env.server.url("targets/compare"));
  const chosen = await page.$$eval("[data-testid=goal-row]", (rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
  assert.deepEqual(chosen[3].slice(0, 3), ["Ihre Auswahl (Key Accounts)", "1", "1,4\u202f%"]);
  assert.match(chosen[3][3], /9 zu wenige/);
  // Clicking a bubble itself selects it too.
  await page.goto(env.server.url("targets/portfolio"));
  await page.waitForSelector("[data-testid=portfolio] svg");
  const svg = page.locator("[data-testid=portfolio] svg");
  const svgBox = await svg.boundingBox();
  const circle = await page.locator("[data-testid=portfolio] circle").first().boundingBox();
  await svg.click({ position: { x: circle.x - svgBox.x + circle.width / 2, y: circle.y - svgBox.y + circle.height / 2 } });
  await page.waitForSelector("[data-testid=bubble-detail]");
  assert.equal(await page.textContent("[data-testid=bubble-detail] h2"), "Rheinwerk Chemie AG · 20006", "the largest bubble");

  await page.goto(env.server.url("targets/overview"));
  await page.waitForSelector("[data-testid=overview] svg");
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const text = pdf.toString("latin1");
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
  assert.equal(boxes.length, 1, "the overview fits one page");
  assert.ok(Number(boxes[0][1]) > Number(boxes[0][2]), "landscape");
  await done(context);
});

test("no serious accessibility violations on the target selection pages (axe-core)", async () => {
  const context = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const page = await open(context, env.server);
  await importCsv(page, env.server, "kunden-bewertet-de-1252.csv");
  const axe = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  const check = async (label) => {
    await page.evaluate(axe);
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ["violations"] });
      return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
    assert.deepEqual(violations, [], label);
  };
  await check("import preview");
  await page.click("[data-testid=import-apply]");
  for (const [path, ready] of [["targets", "[data-testid=customer-table]"], ["targets/abc", "[data-testid=pareto] svg"], ["targets/scoring", "[data-testid=grade-grid]"], ["targets/portfolio", "[data-testid=portfolio] svg"], ["targets/compare", "[data-testid=compare-table]"], ["targets/overview", "[data-testid=overview]"]]) {
    await page.goto(env.server.url(path));
    await page.waitForSelector(ready);
    await check(`page /${path}`);
  }
  await done(context);
});

test("the customer list, the model and the links to key accounts travel in the workspace file", async () => {
  const a = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const pageA = await open(a, env.server);
  await importCsv(pageA, env.server, "kunden-bewertet-de-1252.csv");
  await pageA.click("[data-testid=import-apply]");
  await pageA.click("text=Vergleich & Auswahl");
  await pageA.click("[data-testid=compare-row] >> nth=0 >> [data-testid=promote]");
  await pageA.waitForSelector("[data-testid=compare-row] >> nth=0 >> [data-testid=account-link]");
  await pageA.goto(env.server.url("data"));
  const file = await download(pageA, () => pageA.click("[data-testid=export-workspace]"));
  const exported = JSON.parse(file.text);
  assert.equal(exported.data.targets.customers.length, 14);
  assert.equal(exported.data.targets.criteria.length, 7);

  const b = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const pageB = await open(b, env.server, "data");
  await pageB.setInputFiles("[data-testid=import-file]", { name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) });
  await pageB.waitForSelector("[data-testid=import-preview]");
  assert.match(await pageB.textContent("[data-testid=import-preview]"), /Kundenliste und Zielkundenauswahl/);
  await pageB.click("[data-testid=apply-import]");
  await pageB.waitForSelector("[data-testid=toast]");
  await pageB.goto(env.server.url("targets/compare"));
  await pageB.waitForSelector("[data-testid=compare-row] >> nth=0 >> [data-testid=account-link]");
  assert.equal(await pageB.textContent("[data-testid=compare-row] >> nth=0 >> th"), "Rheinwerk Chemie AG");
  const again = await download(pageB, () => pageB.click("[data-testid=results-csv]"));
  const firstRow = again.text.split("\r\n")[7];
  assert.match(firstRow, /^20006;Rheinwerk Chemie AG;2400000;.*;ja$/, "linked as key account in the results");
  await done(a);
  await done(b);
});

test("a trainer loads the sample list in one click and can take it back", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server, "targets");
  await page.evaluate(() => localStorage.setItem("kam-workbench/language", JSON.stringify("en")));
  await page.reload();
  await page.click("[data-testid=load-sample]");
  await page.waitForSelector("[data-testid=customer-table]");
  assert.match(await page.textContent("[data-testid=customer-count]"), /14 of 14 customers/);
  await page.click("text=Weighted scoring");
  await page.waitForSelector("[data-testid=ranking]");
  assert.equal(await page.inputValue("[data-testid=criterion-name] >> nth=0"), "Revenue potential", "criteria in the UI language");
  assert.equal(await page.locator("[data-testid=ranking-row]").count(), 13);
  await page.click("[data-testid=toast-undo]");
  await page.waitForSelector("[data-testid=targets-empty]");
  await done(context);
});
