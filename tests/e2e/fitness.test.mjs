// End-to-end: the KAM Fitness-Check as a sales leader and as a seminar
// trainer use it, against the release build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { download, done, freshContext, open, stored, useBrowser } from "./support.mjs";

const env = useBrowser();

/// Answers every statement on the current area screen with `value`
/// ("dont_know" or 0–4), by clicking.
async function answerArea(page, value) {
  const statements = page.locator("[data-testid=statement]");
  const n = await statements.count();
  for (let i = 0; i < n; i++) await statements.nth(i).locator(`input[value="${value}"]`).check();
  return n;
}

test("a leader fills in half, reloads, resumes where they were, finishes by keyboard and exports", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server, "fitness");
  await page.click("[data-testid=start-check]");
  await page.fill("#check-respondent", "Jana Becker");
  await page.fill("#check-unit", "Vertrieb Süd");
  await page.locator("#check-unit").blur();
  await page.click("[data-testid=check-begin]");
  // Area 1 (strategy) all 1; areas 2–4 all 3.
  await page.waitForSelector("[data-testid=check-area][data-area=strategy]");
  await answerArea(page, "1");
  await page.click("[data-testid=check-next]");
  for (const area of ["competencies", "principles", "customer_orientation"]) {
    await page.waitForSelector(`[data-testid=check-area][data-area=${area}]`);
    await answerArea(page, "3");
    await page.click("[data-testid=check-next]");
  }
  await page.waitForSelector("[data-testid=check-area][data-area=goals]");
  await page.waitForFunction(() => /Gespeichert/.test(document.querySelector("[data-testid=save-state]").textContent));
  await page.reload();
  await page.waitForSelector("[data-testid=check-area][data-area=goals]");
  assert.match(await page.textContent(".kam-page"), /16 von 36 Aussagen beantwortet/);
  // The rest by keyboard: focus a statement's first option and type 3;
  // one "don't know" (W) in "potentials".
  for (const area of ["goals", "potentials", "people", "processes", "results"]) {
    await page.waitForSelector(`[data-testid=check-area][data-area=${area}]`);
    const statements = page.locator("[data-testid=statement]");
    const n = await statements.count();
    for (let i = 0; i < n; i++) {
      await statements.nth(i).locator("input").first().focus();
      await page.keyboard.press(area === "potentials" && i === 0 ? "w" : "3");
    }
    await page.click("[data-testid=check-next]");
  }
  await page.waitForSelector("[data-testid=check-result]");
  // Strategy 25 %, the other eight areas 75 % ("don't know" excluded): (25 + 8·75) / 9 = 69.4 %.
  assert.equal((await page.textContent("[data-testid=overall-score] strong")).replace(/\s/g, ""), "69%");
  assert.equal(await page.textContent("[data-testid=level] strong"), "Fortgeschritten");
  assert.match(await page.locator("[data-testid=weak-area]").first().textContent(), /Unternehmens- und Vertriebsstrategie/);
  assert.equal(await page.locator("[data-testid=radar] polygon").count(), 1);
  assert.match(await page.locator("[data-testid=area-row]").nth(5).textContent(), /3 bewertet · 1 × weiß nicht · 0 offen/);
  const file = await download(page, () => page.click("[data-testid=export-check]"));
  assert.match(file.name, /^kam-fitness-jana-becker-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(file.text);
  assert.equal(exported.data.fitness_checks.length, 1);
  assert.equal(Object.keys(exported.data.fitness_checks[0].answers).length, 36);
  assert.equal(exported.data.accounts.length, 0);
  // Stricter thresholds: "Fortgeschritten" only from 70 %, so 69 % is one level lower.
  const result = page.url();
  await page.goto(env.server.url("fitness"));
  await page.fill("[data-testid=level-2]", "70");
  await page.locator("[data-testid=level-2]").blur();
  await page.fill("[data-testid=level-3]", "65");
  await page.locator("[data-testid=level-3]").blur();
  await page.waitForSelector("[data-testid=levels-error]");
  await page.goto(result);
  await page.waitForSelector("[data-testid=check-result]");
  assert.equal(await page.textContent("[data-testid=level] strong"), "Im Aufbau");
  assert.match(await page.textContent(".kam-method"), /Fortgeschritten ab 70/);
  await done(context);
});

function participant(n, name, value, extra = {}) {
  const answers = {};
  for (const area of ["strategy", "competencies", "principles", "customer_orientation", "goals", "potentials", "people", "processes", "results"]) {
    for (let i = 1; i <= 4; i++) answers[`${area}.${i}`] = { score: value };
  }
  return {
    format: "kam-workbench",
    version: 2,
    app_version: "0.1.0",
    exported_at: "2026-11-27T10:00:00.000Z",
    data: {
      accounts: [],
      fitness_checks: [{
        id: `00000000-0000-4000-8000-00000000000${n}`,
        created: "2026-11-27T09:00:00.000Z",
        modified: "2026-11-27T09:30:00.000Z",
        catalogue_id: "kam-fitness",
        catalogue_version: 1,
        respondent: name,
        unit: "Seminar Köln",
        answers,
        step: 9,
        completed: true,
        ...extra,
      }],
    },
  };
}

test("a trainer imports three participants' files and the group view shows the expected figures", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server, "fitness/group");
  const files = [
    participant(1, "Anna", 4),
    participant(2, "Ben", 2),
    participant(3, "Cem", 0),
    participant(4, "Dora", 4, { catalogue_version: 7 }),
  ].map((f, i) => ({ name: `teilnehmer-${i + 1}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(f)) }));
  files.push({ name: "kaputt.json", mimeType: "application/json", buffer: Buffer.from("{") });
  await page.setInputFiles("[data-testid=group-files]", files);
  await page.waitForSelector("[data-testid=group-messages]:has-text('4 Checks übernommen')");
  assert.match(await page.textContent("[data-testid=group-messages]"), /kaputt\.json: Das ist keine JSON-Datei/);
  assert.equal(await page.textContent("[data-testid=group-n]"), "3 Personen");
  assert.match(await page.textContent("[data-testid=group-excluded]"), /^1 Check wurde mit einem anderen Katalog ausgefüllt.*Dora/);
  // 100 %, 50 % and 0 %: mean 50, min 0, max 100, population SD 40.8.
  const strategy = (await page.locator("[data-testid=group-area]").first().locator("td").allTextContents()).map((t) => t.replace(/\s/g, ""));
  assert.deepEqual(strategy, ["3", "50%", "0%", "100%", "41%"]);
  const statement = (await page.locator("[data-testid=group-statement]").first().locator("td").allTextContents()).map((t) => t.trim());
  assert.deepEqual(statement, ["3", "2,0", "0,0", "4,0", "1,6", "0"]);
  assert.deepEqual(await page.locator("[data-testid=participant] th").allTextContents(), ["Anna", "Ben", "Cem"]);
  // Let the save settle first: the header's save text changes then, and a
  // layout shift under a loaded CI machine once made the click miss.
  await page.waitForFunction(() => /Gespeichert/.test(document.querySelector("[data-testid=save-state]")?.textContent ?? ""));
  await page.check("[data-testid=anonymous]");
  assert.deepEqual(await page.locator("[data-testid=participant] th").allTextContents(), ["Person 1", "Person 2", "Person 3"]);
  assert.doesNotMatch(await page.textContent("main"), /Anna|Ben|Cem|Dora/);
  assert.equal(JSON.parse(await stored(page)).data.fitness_checks.length, 4);
  // Two checks on one radar, with the change per area.
  await page.goto(env.server.url("fitness/00000000-0000-4000-8000-000000000002"));
  await page.waitForSelector("[data-testid=check-result]");
  assert.equal(await page.locator("[data-testid=radar] polygon").count(), 1);
  await page.selectOption("[data-testid=compare-select]", "00000000-0000-4000-8000-000000000001");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=radar] polygon").length === 2);
  const changes = await page.locator("[data-testid=area-row] td:nth-child(4)").allTextContents();
  assert.deepEqual(changes, Array(9).fill("-50"), "Ben (50 %) against Anna (100 %) in every area");
  await done(context);
});

test("participants' files dropped together on the group view are all taken over", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server, "fitness/group");
  const texts = [participant(1, "Anna", 4), participant(2, "Ben", 0)].map((f) => JSON.stringify(f));
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    list.forEach((text, i) => transfer.items.add(new File([text], `p${i}.json`, { type: "application/json" })));
    return transfer;
  }, texts);
  await page.dispatchEvent("[data-testid=group-drop]", "drop", { dataTransfer });
  await page.waitForSelector("[data-testid=group-n]:has-text('2 Personen')");
  const strategy = (await page.locator("[data-testid=group-area]").first().locator("td").allTextContents()).map((t) => t.replace(/\s/g, ""));
  assert.deepEqual(strategy, ["2", "50%", "0%", "100%", "50%"]);
  await done(context);
});

test("the answers export as CSV for German Excel, and the foundations notes are kept", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server, "fitness/group");
  await page.setInputFiles("[data-testid=group-files]", [{ name: "a.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(participant(1, "Müller; Anna", 3))) }]);
  await page.waitForSelector("[data-testid=group-n]");
  await page.goto(env.server.url("fitness"));
  await page.waitForSelector("[data-testid=fitness-row]");
  const csv = await download(page, () => page.click("[data-testid=csv-de]"));
  const lines = csv.text.split("\r\n").filter(Boolean);
  assert.equal(lines[0], "\uFEFFBefragte Person;Rolle;Einheit;Datum;Bereich;Aussage-ID;Aussage;Antwort;Skala bis");
  assert.equal(lines.length, 37);
  assert.match(lines[1], /^"Müller; Anna";;Seminar Köln;2026-11-27;Unternehmens- und Vertriebsstrategie;strategy\.1;.*;3;4$/);
  await page.goto(env.server.url("foundations"));
  await page.fill("[data-testid=foundations-definition]", "Key Accounts sind Kunden mit mehr als 1 Mio. € Potential.");
  await page.waitForFunction(() => /Gespeichert/.test(document.querySelector("[data-testid=save-state]").textContent));
  await page.reload();
  assert.equal(await page.inputValue("[data-testid=foundations-definition]"), "Key Accounts sind Kunden mit mehr als 1 Mio. € Potential.");
  await page.goto(env.server.url());
  assert.match(await page.textContent("[data-block=fit] [data-testid=block-holdings]"), /^1 Fitness-Check, Grundlagen notiert, zuletzt geändert/);
  await done(context);
});

test("the blank questionnaire lists every statement for printing", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server, "fitness/questionnaire");
  await page.waitForSelector("[data-testid=questionnaire]");
  assert.equal(await page.locator(".kam-questionnaire tbody tr").count(), 36);
  await done(context);
});
