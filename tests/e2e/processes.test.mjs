// End-to-end: block "Prozesse und Tools". A customer satisfaction survey is
// read from a German Excel CSV with one bad row (the row is listed, left out
// whole, and the results show the grid and the NPS of the rows counted);
// bad entries are refused at their field; an imported file's survey content
// is checked on its tool group's check page before the preview.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createAccount, done, download, freshContext, open, stored, useBrowser } from "./support.mjs";

const env = useBrowser();

// Nine good rows and, on line 6, one with two problems. Windows-1252 (what
// German Excel writes): "ä" is one byte. Recommendation of the good rows:
// 5 promoters (9, 10), 2 passives (7, 8), 2 detractors (6, 3): NPS
// (5 − 2) / 9 = +33.
const HEADER = "Befragte;Liefertreue - Wichtigkeit;Liefertreue - Zufriedenheit;Beratung - Wichtigkeit;Beratung - Zufriedenheit;Preis-Leistungs-Verhältnis - Wichtigkeit;Preis-Leistungs-Verhältnis - Zufriedenheit;Weiterempfehlung";
const ROWS = [
  "A;5;2;2;5;4;4;10",
  "B;5;2;1;5;4;4;9",
  "C;4;1;2;4;4;4;9",
  "D;5;2;2;5;4;4;8",
  "E;5;sehr gut;2;5;4;4;11",
  "F;5;3;2;5;4;4;7",
  "G;5;2;2;5;4;4;6",
  "H;4;2;1;5;4;4;3",
  "I;5;2;2;5;4;4;10",
  "J;5;2;2;5;4;4;9",
];
const csv = (rows) => Buffer.from([HEADER, ...rows].join("\r\n") + "\r\n", "latin1");

const surveys = async (page) => JSON.parse(await stored(page)).data.satisfaction_surveys?.[0]?.data.surveys ?? [];

async function openSatisfaction(context, name) {
  const page = await open(context, env.server);
  await createAccount(page, env.server, { name });
  await page.click("[data-testid=open-satisfaction]");
  await page.waitForSelector("[data-testid=tool-account]");
  return page;
}

test("a survey read from a German Excel CSV lists its bad row and shows the grid and the NPS of the rest", async () => {
  const context = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const page = await openSatisfaction(context, "Nordlicht Logistik GmbH");
  await page.waitForSelector("[data-testid=sat-empty]");

  // A file without answers is refused with a message; nothing is stored.
  await page.click("[data-testid=sat-to-import]");
  await page.waitForSelector("[data-testid=sat-file]", { state: "attached" });
  await page.setInputFiles("[data-testid=sat-file]", { name: "leer.csv", mimeType: "text/csv", buffer: csv([]) });
  await page.waitForSelector("[data-testid=sat-import-error]");
  assert.match(await page.textContent("[data-testid=sat-import-error]"), /keine Antworten/);
  assert.deepEqual(await surveys(page), []);

  await page.setInputFiles("[data-testid=sat-file]", { name: "Befragung Herbst.csv", mimeType: "text/csv", buffer: csv(ROWS) });
  await page.waitForSelector("[data-testid=sat-preview]");
  assert.match(await page.textContent("[data-testid=sat-rows-left-out]"), /^1 Zeile nicht gezählt/);
  const problems = await page.locator("[data-testid=sat-row-problem]").allTextContents();
  assert.deepEqual(problems, [
    "Zeile 6, Spalte „Liefertreue - Zufriedenheit“: „sehr gut“ ist keine ganze Zahl",
    "Zeile 6, Spalte „Weiterempfehlung“: „11“ liegt nicht zwischen 0 und 10",
  ]);
  assert.match(await page.textContent("[data-testid=sat-preview]"), /Gezählte Zeilen: 9 · Leistungsmerkmale: 3 · Antworten zur Weiterempfehlung: 9/);
  assert.deepEqual(await surveys(page), [], "nothing is stored before the survey is added");

  await page.fill("[data-testid=sat-import-date]", "2026-10-15");
  await page.click("[data-testid=sat-import-add]");
  await page.waitForSelector("[data-testid=sat-results]");
  assert.equal(await page.textContent("[data-testid=sat-nps]"), "NPS +33");
  assert.equal(await page.textContent("[data-testid=sat-nps-n]"), "n = 9");
  const groups = await page.locator("[data-testid=sat-groups] li").allTextContents();
  assert.deepEqual(groups, ["Promotoren (9–10): 5 (56\u202f%)", "Passive (7–8): 2 (22\u202f%)", "Detraktoren (0–6): 2 (22\u202f%)"]);
  // Each attribute in its field of the grid, numbered as in the list.
  const fields = await page.locator("[data-testid=sat-field]").allTextContents();
  assert.deepEqual(fields, [
    "Hier ansetzen: 1 Liefertreue",
    "Weiter so: 3 Preis-Leistungs-Verhältnis",
    "Geringe Priorität: –",
    "Mögliche Übererfüllung: 2 Beratung",
  ]);
  const dots = await page.locator("[data-testid=sat-grid] svg circle").count();
  assert.equal(dots, 3, "one dot per rated attribute");
  assert.match(await page.innerHTML("[data-testid=sat-nps-chart]"), /<svg/);

  const [survey] = await surveys(page);
  assert.equal(survey.title, "Befragung Herbst");
  assert.equal(survey.date, "2026-10-15");
  assert.deepEqual(survey.recommendation, [0, 0, 0, 1, 0, 0, 1, 1, 1, 3, 2]);
  assert.equal(survey.items[0].importance.answers, 9);
  assert.equal(survey.items[0].satisfaction.mean, 2);

  // Bad entries on the entry page are refused at their field.
  await page.click("[data-testid=sat-tab-entry]");
  await page.waitForSelector("[data-testid=sat-survey]");
  const counts = page.locator("[data-testid=sat-rec]");
  await counts.nth(5).fill("-3");
  await counts.nth(5).press("Tab");
  await page.waitForSelector("[data-testid=sat-rec-error]:has-text('ganze Zahl von 0 bis')");
  assert.deepEqual((await surveys(page))[0].recommendation, survey.recommendation, "nothing wrong is stored");
  await counts.nth(5).fill("4");
  await counts.nth(5).press("Tab");
  await page.waitForFunction(() => document.querySelector("[data-testid=sat-nps-line]")?.textContent.includes("n = 13"));
  // 5 promoters, 2 passives, 6 detractors of 13: −8.
  assert.match(await page.textContent("[data-testid=sat-nps-line]"), /^NPS −8 · n = 13$/);
  await done(context);
});

test("an imported file's survey is checked on its tools' check page: a broken one is refused, a sound one imported", async () => {
  const a = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const page = await openSatisfaction(a, "Südwind Handel AG");
  await page.click("[data-testid=sat-add]");
  await page.waitForSelector("[data-testid=sat-survey]");
  await page.click("[data-testid=sat-add-item]");
  await page.selectOption("[data-testid=sat-importance]", "5");
  await page.selectOption("[data-testid=sat-satisfaction]", "2");
  await page.waitForFunction(() => /Gespeichert/.test(document.querySelector("[data-testid=save-state]")?.textContent ?? ""));
  await page.goto(env.server.url("data"));
  const file = await download(page, () => page.click("[data-testid=export-workspace]"));
  const sound = JSON.parse(file.text);
  assert.equal(sound.data.satisfaction_surveys[0].data.surveys[0].items[0].importance.mean, 5);

  // An importance of 7 on the scale 1–5: the check page of the tools finds
  // it, and the import page names the tool and the field.
  const broken = structuredClone(sound);
  broken.data.satisfaction_surveys[0].data.surveys[0].items[0].importance.mean = 7;
  const b = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const pageB = await open(b, env.server, "data");
  const before = await stored(pageB);
  await pageB.setInputFiles("[data-testid=import-file]", { name: "kaputt.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) });
  await pageB.waitForSelector("[data-testid=import-error]");
  const message = await pageB.textContent("[data-testid=import-error]");
  assert.match(message, /Kundenzufriedenheitsanalyse 1, Befragung 1, Leistungsmerkmal 1, Feld „Wichtigkeit“/);
  assert.match(message, /surveys\[0\]\.items\[0\]\.importance/);
  assert.equal(await stored(pageB), before, "nothing is stored");
  assert.deepEqual(await pageB.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith("kam-workbench/import/"))), [], "the hand-over is cleared");

  // The sound file passes its check page and is imported.
  await pageB.setInputFiles("[data-testid=import-file]", { name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) });
  await pageB.waitForSelector("[data-testid=import-preview]");
  await pageB.click("[data-testid=apply-import]");
  await pageB.waitForSelector("[data-testid=toast]");
  assert.equal((await surveys(pageB)).length, 1);
  await done(a);
  await done(b);
});
