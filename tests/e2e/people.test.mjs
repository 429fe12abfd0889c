// End-to-end: "Menschen im KAM". How KAM is organised is recorded; people
// are added to the company's list and staffed on two key accounts' teams
// with a RACI matrix, whose flags and the load across both teams show; a
// key account manager is rated, the largest gap becomes a dated
// development action, and two assessments are compared.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createAccount, done, freshContext, open, stored, useBrowser } from "./support.mjs";

const env = useBrowser();

const saved = (page) =>
  page.waitForFunction(() => /Gespeichert|Saved/.test(document.querySelector("[data-testid=save-state]")?.textContent ?? ""));

const data = async (page) => JSON.parse(await stored(page)).data;

const iso = (date) => date.toISOString().slice(0, 10);

test("organise KAM, staff two teams with RACI, and see the flags and the load across teams", async () => {
  const context = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const page = await open(context, env.server);
  await createAccount(page, env.server, { name: "Nordlicht Logistik GmbH" });
  const first = page.url().split("/").pop();
  await createAccount(page, env.server, { name: "Südwind Handel AG" });
  const second = page.url().split("/").pop();

  // Organising KAM: form, reporting line, authority, interfaces.
  await page.goto(env.server.url("people/organisation"));
  await page.waitForSelector("[data-testid=org-interfaces-empty]");
  await page.check("[data-testid=org-form-account_teams] input");
  await page.fill("[data-testid=org-reporting]", "Vertriebsleitung");
  await page.press("[data-testid=org-reporting]", "Tab");
  await page.selectOption("[data-testid=org-authority-prices]", "within_limits");
  await page.click("[data-testid=org-add-defaults]");
  await page.waitForSelector("[data-testid=org-interface]");
  assert.equal(await page.locator("[data-testid=org-interface]").count(), 5);
  assert.equal(await page.locator("[data-testid=org-if-incomplete]").count(), 5, "no contact and no rule yet");
  const logistics = page.locator("[data-testid=org-interface]").nth(2);
  assert.equal(await logistics.locator("[data-testid=org-if-function]").inputValue(), "Logistik");
  await logistics.locator("[data-testid=org-if-contact]").fill("Tom Weber");
  await logistics.locator("[data-testid=org-if-contact]").press("Tab");
  await logistics.locator("[data-testid=org-if-rule]").fill("Lieferengpässe meldet die Logistik am selben Tag.");
  await logistics.locator("[data-testid=org-if-rule]").press("Tab");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=org-if-incomplete]").length === 4);
  await saved(page);
  let people = (await data(page)).people;
  assert.equal(people.organisation.form, "account_teams");
  assert.equal(people.organisation.reporting_line, "Vertriebsleitung");
  assert.deepEqual(people.organisation.authority, { prices: "within_limits" });
  assert.equal(people.organisation.interfaces[2].contact, "Tom Weber");

  // The role description shows the authority as set there.
  await page.click("[data-testid=ppl-tab-role]");
  await page.waitForSelector("[data-testid=role-authority]");
  assert.match(await page.textContent("[data-testid=role-authority]"), /Preise und Konditionen: entscheidet in vereinbarten Grenzen/);

  // The list of people: a number of days out of range is refused, nothing stored.
  await page.click("[data-testid=ppl-tab-people]");
  await page.waitForSelector("[data-testid=ppl-empty]");
  await page.fill("[data-testid=ppl-new-name]", "Jana Becker");
  await page.fill("[data-testid=ppl-new-function]", "Key Account Manager");
  await page.fill("[data-testid=ppl-new-days]", "40");
  await page.click("[data-testid=ppl-add]");
  assert.match(await page.textContent("[data-testid=ppl-add-error]"), /Zahl von 0 bis 31/);
  assert.equal((await data(page)).people.colleagues, undefined);
  await page.fill("[data-testid=ppl-new-days]", "4");
  await page.click("[data-testid=ppl-add]");
  await page.waitForSelector("[data-testid=ppl-row]");
  assert.equal(await page.inputValue("[data-testid=ppl-new-name]"), "", "the form is ready for the next person");
  await page.fill("[data-testid=ppl-new-name]", "Tom Weber");
  await page.fill("[data-testid=ppl-new-function]", "Logistik");
  await page.press("[data-testid=ppl-new-function]", "Enter");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=ppl-row]").length === 2);

  // The first account's team, opened from the key account's page.
  await page.goto(env.server.url(`accounts/${first}`));
  await page.click("[data-testid=open-team]");
  await page.waitForSelector("[data-testid=team-none]");
  await page.click("[data-testid=team-create]");
  await page.waitForSelector("[data-testid=team-task]");
  assert.equal(await page.locator("[data-testid=team-task]").count(), 7, "the usual task areas");
  await page.selectOption("[data-testid=team-pick]", { label: "Jana Becker" });
  await page.click("[data-testid=team-add-member]");
  await page.waitForSelector("[data-testid=team-member]");
  await page.fill("[data-testid=team-days]", "3");
  await page.press("[data-testid=team-days]", "Tab");
  await page.selectOption("[data-testid=team-pick]", { label: "Tom Weber" });
  await page.click("[data-testid=team-add-member]");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=team-member]").length === 2);
  // Every task area lacks its A and its R.
  assert.equal(await page.locator("[data-testid=team-flag]").count(), 14);

  // Jana answers for the analysis and does it; then Tom takes the A over.
  const analysis = page.locator("[data-testid=team-task]").first();
  await analysis.locator("[data-testid=team-cell]").nth(0).selectOption("AR");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=team-flag]").length === 12);
  await analysis.locator("[data-testid=team-cell]").nth(1).selectOption("A");
  await page.waitForFunction(() => /liegt jetzt bei Tom Weber statt bei Jana Becker/.test(document.querySelector("[data-testid=team-notice]")?.textContent ?? ""));
  assert.equal(await analysis.locator("[data-testid=team-cell]").nth(0).inputValue(), "R", "Jana keeps doing the work");
  assert.equal(await analysis.locator("[data-testid=team-cell]").nth(1).inputValue(), "A");
  await saved(page);
  const team = (await data(page)).account_teams[0].data;
  assert.equal(team.members.length, 2);
  assert.equal(team.tasks[0].raci.filter(([, letter]) => letter === "accountable").length, 1, "exactly one A");

  // The second account's team: Jana with 2 more days is overloaded (5 of 4).
  await page.goto(env.server.url(`people/team/${second}`));
  await page.click("[data-testid=team-create]");
  await page.waitForSelector("[data-testid=team-pick]");
  await page.selectOption("[data-testid=team-pick]", { label: "Jana Becker" });
  await page.click("[data-testid=team-add-member]");
  await page.waitForSelector("[data-testid=team-member]");
  await page.fill("[data-testid=team-days]", "2");
  await page.press("[data-testid=team-days]", "Tab");
  await page.waitForSelector("[data-testid=team-overloaded]");
  const flags = await page.locator("[data-testid=team-flag]").allTextContents();
  assert.ok(
    flags.includes("Jana Becker ist überlastet: 5 Tage pro Monat in 2 Teams eingeplant, bei einer Verfügbarkeit von 4."),
    flags.join("\n"),
  );
  await saved(page);

  // The list shows the load over both teams, and refuses to remove Jana
  // while she is on a team.
  await page.goto(env.server.url("people"));
  const jana = page.locator("[data-testid=ppl-row]").first();
  await jana.locator("[data-testid=ppl-overloaded]").waitFor();
  assert.equal(await jana.locator("[data-testid=ppl-load]").textContent(), "5 von 4 Tagen");
  await jana.locator("[data-testid=ppl-remove]").click();
  assert.match(await jana.textContent(), /gehört noch zu den Key-Account-Teams von: Nordlicht Logistik GmbH, Südwind Handel AG/);
  assert.equal((await data(page)).people.colleagues.length, 2, "nobody removed");
  assert.match(await page.textContent("[data-testid=ppl-team] >> nth=0"), /2 Personen · 13 Warnsignale/);
  await done(context);
});

test("rate a key account manager: radar, the largest gap as a dated development action, and two dates compared", async () => {
  const context = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const page = await open(context, env.server, "people");
  await page.fill("[data-testid=ppl-new-name]", "Jana Becker");
  await page.click("[data-testid=ppl-add]");
  await page.click("[data-testid=ppl-profile]");
  await page.waitForSelector("[data-testid=comp-no-areas]");
  assert.equal(await page.locator("[data-testid=comp-add]").isDisabled(), true, "no assessment without areas");
  await page.click("[data-testid=comp-add-defaults]");
  await page.click("[data-testid=comp-add]");
  await page.waitForSelector("[data-testid=comp-row]");
  assert.equal(await page.locator("[data-testid=comp-row]").count(), 8);
  assert.equal(await page.inputValue("[data-testid=comp-date]"), iso(new Date()), "dated today");

  // Date the first assessment a year back, then rate three areas.
  const yearAgo = new Date();
  yearAgo.setFullYear(yearAgo.getFullYear() - 1);
  await page.fill("[data-testid=comp-date]", iso(yearAgo));
  await page.press("[data-testid=comp-date]", "Tab");
  const row = (n) => page.locator("[data-testid=comp-row]").nth(n);
  const own = await row(0).locator("[data-testid=comp-own]").elementHandle();
  await row(0).locator("[data-testid=comp-own]").selectOption("4");
  await row(0).locator("[data-testid=comp-superior]").selectOption("2");
  await page.waitForFunction(() => document.querySelector("[data-testid=comp-gap]")?.textContent === "3");
  assert.equal(await own.evaluate((el) => el.isConnected), true, "a rating does not redraw the table (the focus stays)");
  await row(1).locator("[data-testid=comp-own]").selectOption("3");
  await row(2).locator("[data-testid=comp-own]").selectOption("4");
  await row(2).locator("[data-testid=comp-superior]").selectOption("4");
  assert.equal(await row(0).locator("[data-testid=comp-gap]").textContent(), "3", "target 5, manager 2");
  assert.equal(await row(1).locator("[data-testid=comp-gap]").textContent(), "2", "target 5, own view 3");
  assert.equal(await row(2).locator("[data-testid=comp-gap]").textContent(), "0");
  await page.waitForSelector("[data-testid=comp-radar] svg");
  assert.equal(await page.locator("[data-testid=comp-radar] polygon").count(), 3, "target, manager and own view");

  const gaps = page.locator("[data-testid=comp-gap-item]");
  assert.equal(await gaps.count(), 2);
  assert.match(await gaps.first().textContent(), /Geschäft des Kunden verstehen — 2 von 5 Punkten, Lücke 3/);
  await gaps.first().locator("[data-testid=comp-adopt]").click();
  await gaps.first().locator("[data-testid=comp-adopted]").waitFor();
  assert.match(await page.textContent("[data-testid=comp-summary-item]"), /Geschäftsbericht und Strategie des Kunden/);

  // A second assessment, today; its date cannot be the first one's.
  await page.click("[data-testid=comp-add]");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=comp-pick]").length === 2);
  await page.fill("[data-testid=comp-date]", iso(yearAgo));
  await page.press("[data-testid=comp-date]", "Tab");
  assert.match(await page.textContent("[data-testid=comp-error]"), /schon eine Einschätzung/);
  assert.equal(await page.inputValue("[data-testid=comp-date]"), iso(new Date()), "the date is put back");
  await row(0).locator("[data-testid=comp-superior]").selectOption("4");
  await saved(page);

  // The development page: the action taken over is due in 90 days, and
  // the two assessments are compared.
  await page.click("[data-testid=comp-tab-development]");
  await page.waitForSelector("[data-testid=comp-development]");
  const due = new Date();
  due.setDate(due.getDate() + 90);
  assert.equal(await page.inputValue("[data-testid=comp-development-due]"), iso(due), "due in 90 days");
  assert.match(await page.inputValue("[data-testid=comp-development-text]"), /Geschäftsbericht und Strategie des Kunden/);
  await page.waitForSelector("[data-testid=comp-change]");
  assert.equal(await page.locator("[data-testid=comp-delta]").first().textContent(), "+2");
  await page.check("[data-testid=comp-development-done]");
  await saved(page);
  const jana = (await data(page)).people.colleagues[0];
  assert.equal(jana.assessments.length, 2);
  assert.equal(new Set(jana.assessments.map((a) => a.date)).size, 2);
  assert.equal(jana.development[0].due, iso(due));
  assert.equal(jana.development[0].done, true);

  // Removing an area from the role takes its ratings along; the profile still loads.
  await page.goto(env.server.url("people/role"));
  await page.locator("[data-testid=role-area-remove]").first().click();
  await saved(page);
  await page.goto(env.server.url(`people/competency/${jana.id}`));
  await page.waitForSelector("[data-testid=comp-row]");
  assert.equal(await page.locator("[data-testid=comp-row]").count(), 7);
  const after = (await data(page)).people;
  assert.ok(after.colleagues[0].assessments.every((a) => (a.ratings ?? []).every((r) => after.role.areas.some((x) => x.id === r.area))));
  await done(context);
});
