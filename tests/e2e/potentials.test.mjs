// End-to-end: the Buying Center of a key account (block "Potenziale").
// Red flags appear and disappear as the people are filled in, bad entries
// are refused at their field, and two colleagues who each edit a different
// tool of one account both keep their work in a merge.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createAccount, done, download, freshContext, open, stored, useBrowser } from "./support.mjs";

const env = useBrowser();

const flags = (page) => page.locator("[data-testid=bc-flags] li").evaluateAll((items) => items.map((li) => li.dataset.flag));
const card = (page, n) => page.locator("[data-testid=bc-person]").nth(n);
const storedCenter = async (page) => JSON.parse(await stored(page)).data.buying_centers?.[0]?.data;

async function openBuyingCenter(page) {
  await page.click("[data-testid=open-buying-center]");
  await page.waitForSelector("[data-testid=tool-account]");
}

async function addPerson(page, name) {
  const count = await page.locator("[data-testid=bc-person]").count();
  await page.click("[data-testid=bc-add]");
  const person = card(page, count);
  await person.waitFor();
  // The new card's name field has the focus, with a placeholder name.
  await page.waitForFunction(() => document.activeElement?.dataset.field === "name", null, { timeout: 2000 });
  await person.locator("[data-field=name]").fill(name);
  return person;
}

test("a Buying Center's red flags appear and disappear as the people are filled in", async () => {
  const context = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const page = await open(context, env.server);
  await createAccount(page, env.server, { name: "Rheinwerk Chemie AG" });
  assert.match(await page.locator("[data-testid=analysis-tool]", { hasText: "Buying Center" }).textContent(), /Buying Center\s*Noch nicht begonnen/);
  await openBuyingCenter(page);
  assert.equal(await page.textContent("[data-testid=tool-account]"), "Rheinwerk Chemie AG");
  await page.waitForSelector("[data-testid=bc-empty]");

  // One decider of high influence whose attitude is unknown and whom nobody of us knows.
  const anna = await addPerson(page, "Dr. Anna Berg");
  await anna.locator("[data-field=function]").fill("Geschäftsführerin");
  await anna.locator("[data-role=Decider]").check();
  await anna.locator("[data-field=influence]").selectOption("5");
  let now = await flags(page);
  for (const flag of ["no-contact-to-decider", "key-person-unknown", "no-supporter", "role-unassigned"]) {
    assert.ok(now.includes(flag), `${flag} in ${now}`);
  }
  assert.match(await page.textContent("[data-testid=bc-flags]"), /Zu den Personen, die entscheiden \(Dr\. Anna Berg\), hat bei uns niemand Kontakt\./);

  // She turns out to favour us, and Jens holds the contact.
  await anna.locator("[data-field=attitude]").selectOption("1");
  await anna.locator("[data-field=owner]").fill("Jens Vogt");
  now = await flags(page);
  for (const gone of ["no-contact-to-decider", "key-person-unknown", "no-supporter"]) {
    assert.ok(!now.includes(gone), `${gone} gone from ${now}`);
  }

  // A second person without a contact of ours: everything runs through Anna.
  const tom = await addPerson(page, "Tom Kurz");
  assert.ok((await flags(page)).includes("single-threaded"));
  for (const role of ["User", "Influencer", "Buyer", "Gatekeeper", "Initiator"]) {
    await tom.locator(`[data-role=${role}]`).check();
  }
  await tom.locator("[data-field=owner]").fill("Eva Lang");
  // The list of superiors fills when it is used.
  await tom.locator("[data-field=reports_to]").focus();
  await tom.locator("[data-field=reports_to]").selectOption({ label: "Dr. Anna Berg" });
  await page.waitForSelector("[data-testid=bc-no-flags]");

  // An old last contact is flagged, with the number of days.
  await tom.locator("[data-field=last_contact]").fill("2020-01-15");
  assert.deepEqual(await flags(page), ["contact-outdated"]);
  await tom.locator("[data-field=last_contact]").fill("");
  await page.waitForSelector("[data-testid=bc-no-flags]");

  // A reports-to circle is refused at the field, naming the persons; nothing is stored.
  await anna.locator("[data-field=reports_to]").focus();
  await anna.locator("[data-field=reports_to]").selectOption({ label: "Tom Kurz" });
  assert.match(await anna.locator("[role=alert]").allTextContents().then((t) => t.join(" ")), /Dr\. Anna Berg → Tom Kurz → Dr\. Anna Berg ergäbe eine zirkuläre Berichtslinie/);
  await page.waitForFunction(() => /^Gespeichert/.test(document.querySelector("[data-testid=save-state]")?.textContent ?? ""));
  let saved = await storedCenter(page);
  assert.equal(saved.persons[0].reports_to, undefined);
  assert.equal(saved.persons[1].reports_to, saved.persons[0].id);

  // Text in the number field is refused with a clear message; 90 days stay.
  await page.fill("[data-testid=bc-days]", "neunzig");
  await page.press("[data-testid=bc-days]", "Tab");
  assert.match(await page.textContent("[data-testid=bc-days-error]"), /ganze Zahl von 7 bis 730.*bleibt 90/);
  saved = await storedCenter(page);
  assert.equal(saved.contact_days, 90);

  // The map and the org chart name both persons; the map puts Anna in "Eng einbinden".
  const map = await page.innerHTML("[data-testid=bc-map]");
  assert.match(map, /Dr\. Anna Berg/);
  assert.match(map, /Eng einbinden/);
  assert.match(await page.innerHTML("[data-testid=bc-org]"), /Geschäftsführerin/);
  // Tom has no influence rating yet: listed below the map.
  assert.match(await page.textContent("[data-testid=bc-unplaced]"), /Tom Kurz/);

  // Removing a person can be undone, and the reference to her comes back with her.
  await anna.locator("[data-testid=bc-remove]").click();
  await page.waitForSelector("[data-testid=toast]");
  assert.equal(await page.locator("[data-testid=bc-person]").count(), 1);
  await page.click("[data-testid=toast] button:has-text('Rückgängig')");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=bc-person]").length === 2);
  await page.waitForSelector("[data-testid=bc-no-flags]");

  // After a reload everything is there; the account page dates it, and
  // the overview counts what is filled in.
  await page.reload();
  await page.waitForSelector("[data-testid=bc-no-flags]");
  assert.equal(await page.locator("[data-testid=bc-person]").count(), 2);
  await page.click("text=Zurück zum Key Account");
  await page.waitForSelector("[data-testid=analysis-tool]");
  assert.match(await page.locator("[data-testid=analysis-tool]", { hasText: "Buying Center" }).textContent(), /zuletzt geändert/);
  await page.click("[data-testid=open-overview]");
  await page.waitForSelector("[data-testid=analysis-completeness]");
  // Persons, decider named; Tom's influence is not rated; no plan yet.
  assert.match(await page.textContent("[data-testid=analysis-completeness]"), /2 von 18 Angaben erfasst/);
  await page.waitForSelector("[data-testid=analysis-no-flags]");
  assert.match(await page.innerHTML("[data-testid=overview-map]"), /Dr\. Anna Berg/);
  await done(context);
});

test("two colleagues edit different tools of one key account; a merge keeps both", async () => {
  // Anna starts the account and hands the file to Ben.
  const a = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const pageA = await open(a, env.server);
  await createAccount(pageA, env.server, { name: "Nordlicht Logistik GmbH" });
  const start = await stored(pageA);

  const b = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const pageB = await open(b, env.server, "data");
  await pageB.setInputFiles("[data-testid=import-file]", { name: "start.json", mimeType: "application/json", buffer: Buffer.from(start) });
  await pageB.click("[data-testid=apply-import]");
  await pageB.waitForSelector("[data-testid=toast]");

  // Anna edits the profile; Ben fills the Buying Center.
  await pageA.fill("#account-industry", "Logistik");
  await pageA.click("[data-testid=submit-account]");
  await pageA.waitForSelector("[data-testid=form-saved]");

  const id = JSON.parse(start).data.accounts[0].id;
  await pageB.goto(env.server.url(`potentials/buying-center/${id}`));
  await pageB.waitForSelector("[data-testid=bc-empty]");
  const ben = await addPerson(pageB, "Petra Sommer");
  await ben.locator("[data-role=Buyer]").check();
  await pageB.goto(env.server.url("data"));
  const file = await download(pageB, () => pageB.click("[data-testid=export-workspace]"));

  // Anna merges Ben's file: the profile edit and the Buying Center both survive.
  await pageA.goto(env.server.url("data"));
  await pageA.setInputFiles("[data-testid=import-file]", { name: file.name, mimeType: "application/json", buffer: Buffer.from(file.text) });
  await pageA.waitForSelector("[data-testid=import-preview]");
  await pageA.click("[data-testid=apply-import]");
  await pageA.waitForSelector("[data-testid=toast]");
  const merged = JSON.parse(await stored(pageA)).data;
  assert.equal(merged.accounts[0].industry, "Logistik");
  assert.equal(merged.buying_centers[0].data.persons[0].name, "Petra Sommer");
  await pageA.goto(env.server.url(`potentials/buying-center/${id}`));
  await pageA.waitForSelector("[data-testid=bc-person]");
  assert.equal(await pageA.inputValue("[data-testid=bc-person] [data-field=name]"), "Petra Sommer");
  await done(a);
  await done(b);
});

test("an account plan flags overdue and ownerless actions; an open question becomes an action", async () => {
  const context = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const page = await open(context, env.server);
  await createAccount(page, env.server, { name: "Rheinwerk Chemie AG" });
  await page.click("[data-testid=open-plan]");
  await page.waitForSelector("[data-testid=plan-no-actions-yet]");
  await page.fill("[data-testid=plan-vision]", "Bevorzugter Partner für Verpackungslösungen in Europa");
  await page.click("[data-testid=plan-add-goal]");
  await page.waitForFunction(() => document.activeElement?.id.startsWith("goal-"), null, { timeout: 2000 });
  await page.locator("[data-testid=plan-goal] input").fill("Lieferanteil Verpackung auf 40 %");
  await page.locator("[data-testid=plan-goal] select").selectOption("operational");

  // A new action has no owner: flagged until someone takes it on.
  await page.click("[data-testid=plan-add-action]");
  const row = page.locator("[data-testid=plan-action]").nth(0);
  await page.waitForFunction(() => document.activeElement?.dataset.field === "title", null, { timeout: 2000 });
  await row.locator("[data-field=title]").fill("Werksbesuch Antwerpen");
  assert.deepEqual(await page.locator("[data-testid=plan-flags] li").evaluateAll((l) => l.map((li) => li.dataset.flag)), ["ownerless"]);
  await row.locator("[data-field=owner]").fill("Jens Vogt");
  await page.waitForSelector("[data-testid=plan-no-flags]");
  // Past its due date it is overdue, until it is done.
  await row.locator("[data-field=due]").fill("2020-03-01");
  assert.match(await page.textContent("[data-testid=plan-flags]"), /„Werksbesuch Antwerpen“ ist seit \d+ Tagen überfällig\./);
  await row.locator("[data-field=goal]").selectOption({ label: "Lieferanteil Verpackung auf 40 %" });
  await row.locator("[data-field=status]").selectOption("done");
  await page.waitForSelector("[data-testid=plan-no-flags]");

  // An open question becomes an action due in two weeks, still without owner.
  await page.click("[data-testid=plan-add-question]");
  await page.locator("[data-testid=plan-question] input").fill("Wer verhandelt den Rahmenvertrag?");
  await page.click("[data-testid=question-to-action]");
  assert.equal(await page.locator("[data-testid=plan-question]").count(), 0);
  const made = page.locator("[data-testid=plan-action]").nth(1);
  assert.equal(await made.locator("[data-field=title]").inputValue(), "Klären: Wer verhandelt den Rahmenvertrag?");
  const due = await made.locator("[data-field=due]").inputValue();
  const days = Math.round((Date.parse(due) - Date.parse(new Date().toISOString().slice(0, 10))) / 86400000);
  assert.equal(days, 14);
  assert.deepEqual(await page.locator("[data-testid=plan-flags] li").evaluateAll((l) => l.map((li) => li.dataset.flag)), ["ownerless"]);
  await page.waitForFunction(() => document.activeElement?.dataset.field === "owner", null, { timeout: 2000 });

  // Removing an action can be undone.
  await made.locator("[data-testid=plan-remove-action]").click();
  await page.waitForSelector("[data-testid=toast]");
  assert.equal(await page.locator("[data-testid=plan-action]").count(), 1);
  await page.click("[data-testid=toast] button:has-text('Rückgängig')");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=plan-action]").length === 2);

  // Everything is stored; the account page counts the open action, the list across accounts shows it.
  await page.reload();
  await page.waitForSelector("[data-testid=plan-action]");
  assert.equal(await page.inputValue("[data-testid=plan-vision]"), "Bevorzugter Partner für Verpackungslösungen in Europa");
  assert.equal(await page.locator("[data-testid=plan-action] [data-field=goal]").nth(0).evaluate((s) => s.selectedOptions[0].textContent), "Lieferanteil Verpackung auf 40 %");
  // The overview lists the flag with a link to the action, and the open action on the sheet.
  await page.click("text=Zurück zum Key Account");
  await page.click("[data-testid=open-overview]");
  await page.waitForSelector("[data-testid=analysis-flags]");
  const flag = page.locator("[data-testid=analysis-flags] a");
  assert.equal(await flag.textContent(), "„Klären: Wer verhandelt den Rahmenvertrag?“ hat keinen Verantwortlichen.");
  assert.match(await flag.getAttribute("href"), /\/kam-workbench\/potentials\/plan\/[0-9a-f-]+#action-[0-9a-f-]+$/);
  assert.deepEqual(await page.locator(".kam-sheet__actions tbody td:first-child").allTextContents(), ["Klären: Wer verhandelt den Rahmenvertrag?"]);
  await page.goto(env.server.url("accounts"));
  await page.waitForSelector("[data-testid=account-row]");
  assert.equal(await page.textContent("[data-testid=account-flags]"), "1");
  await page.goto(env.server.url("potentials/actions"));
  await page.waitForSelector("[data-testid=open-actions]");
  assert.deepEqual(await page.locator("[data-testid=open-action] td:first-child").allTextContents(), ["Klären: Wer verhandelt den Rahmenvertrag?"]);
  await page.fill("[data-testid=actions-owner]", "Jens");
  await page.waitForSelector("[data-testid=actions-empty]");
  await done(context);
});

test("requirements show who is ahead; our business computes share of wallet, potential and the whitespace sums", async () => {
  const context = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const page = await open(context, env.server);
  await createAccount(page, env.server, { name: "Rheinwerk Chemie AG" });
  const id = JSON.parse(await stored(page)).data.accounts[0].id;

  // Requirements vs. performance: a competitor ahead on an important requirement is flagged.
  await page.click("[data-testid=open-requirements]");
  await page.waitForSelector("[data-testid=req-no-flags-yet]");
  await page.click("[data-testid=req-add-competitor]");
  await page.waitForFunction(() => document.activeElement?.id.startsWith("competitor-"), null, { timeout: 2000 });
  await page.locator("[data-testid=req-competitor] input").fill("Packtec GmbH");
  await page.click("[data-testid=req-add-requirement]");
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "req-text", null, { timeout: 2000 });
  const row = page.locator("[data-testid=req-row]").nth(0);
  await row.locator("[data-testid=req-text]").fill("Liefertreue");
  await row.locator("[data-testid=req-importance]").selectOption("5");
  await row.locator("[data-testid=req-ours]").selectOption("2");
  await row.locator("[data-testid=req-theirs-select]").selectOption("4");
  assert.equal(await page.textContent("[data-testid=req-flags] li"), "Bei der wichtigen Anforderung „Liefertreue“ liegt Packtec GmbH vorn: 4 Punkte gegenüber 2 bei uns. Zur Anforderung");
  assert.equal(await row.locator("[data-testid=req-field]").getAttribute("data-quadrant"), "concentrate");
  assert.equal(await page.textContent("[data-testid=req-gap]"), "Packtec GmbH liegt im gewichteten Mittel 2,00 Punkte vor uns (Basis: 1 Anforderung).");
  assert.equal(await page.locator("[data-testid=req-grid] circle").count(), 1);
  // A second, minor requirement where we lead pulls the weighted gap down.
  await page.click("[data-testid=req-add-requirement]");
  const second = page.locator("[data-testid=req-row]").nth(1);
  await second.locator("[data-testid=req-text]").fill("Verpackung");
  await second.locator("[data-testid=req-importance]").selectOption("1");
  await second.locator("[data-testid=req-ours]").selectOption("5");
  await second.locator("[data-testid=req-theirs-select]").selectOption("3");
  // (5·2 + 1·(−2)) / 6 = 1,33
  assert.equal(await page.textContent("[data-testid=req-gap]"), "Packtec GmbH liegt im gewichteten Mittel 1,33 Punkte vor uns (Basis: 2 Anforderungen).");
  assert.equal(await second.locator("[data-testid=req-field]").getAttribute("data-quadrant"), "overkill");

  // Our business: text and negative amounts are refused at the field, nothing is stored.
  await page.goto(env.server.url(`potentials/business/${id}`));
  await page.waitForSelector("[data-testid=biz-wallet-missing]");
  await page.fill("[data-testid=biz-demand]", "viel");
  await page.press("[data-testid=biz-demand]", "Tab");
  assert.match(await page.locator("[data-testid=biz-demand] + [role=alert]").textContent(), /Bitte eine Zahl eingeben/);
  await page.fill("[data-testid=biz-demand]", "-5");
  await page.press("[data-testid=biz-demand]", "Tab");
  assert.match(await page.locator("[data-testid=biz-demand] + [role=alert]").textContent(), /negativ/);
  assert.equal(JSON.parse(await stored(page)).data.own_business, undefined);
  await page.fill("[data-testid=biz-demand]", "2.500.000");
  await page.press("[data-testid=biz-demand]", "Tab");
  await page.click("[data-testid=biz-add-line]");
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "biz-line-revenue", null, { timeout: 2000 });
  await page.fill("[data-testid=biz-line-revenue]", "1.000.000");
  await page.press("[data-testid=biz-line-revenue]", "Tab");
  await page.waitForSelector("[data-testid=biz-share]");
  assert.equal(await page.textContent("[data-testid=biz-share]"), "40\u202f%");
  assert.equal(await page.textContent("[data-testid=biz-potential]"), "1.500.000 €");
  // No open action in the account plan: the large gap is a red flag.
  assert.match(await page.textContent("[data-testid=biz-flags]"), /Der Lieferanteil liegt bei nur 40\u202f%, das Potenzial bei 1\.500\.000 €/);
  await page.fill("[data-testid=biz-line-year]", "neunzehn");
  await page.press("[data-testid=biz-line-year]", "Tab");
  assert.match(await page.textContent("[data-testid=biz-line] [role=alert]"), /Erlaubt sind Werte von 1990 bis 2100/);
  await page.selectOption("[data-testid=biz-stage]", "cooperative");

  // The whitespace matrix: sums per row, column and in total; removing a group can be undone.
  await page.click("[data-testid=open-whitespace]");
  await page.waitForSelector("[data-testid=biz-matrix-empty]");
  await page.click("[data-testid=biz-add-site]");
  await page.locator("[data-testid=biz-site] input").fill("Werk Ludwigshafen");
  await page.click("[data-testid=biz-add-group]");
  await page.locator("[data-testid=biz-group] input").nth(0).fill("Ventile");
  await page.click("[data-testid=biz-add-group]");
  await page.locator("[data-testid=biz-group] input").nth(1).fill("Pumpen");
  const cells = page.locator("[data-testid=biz-cell]");
  await cells.nth(0).locator("[data-testid=biz-cell-state]").selectOption("supplied");
  await cells.nth(0).locator("[data-testid=biz-cell-value]").fill("100.000");
  await cells.nth(0).locator("[data-testid=biz-cell-value]").press("Tab");
  await cells.nth(1).locator("[data-testid=biz-cell-value]").fill("50.000");
  await cells.nth(1).locator("[data-testid=biz-cell-value]").press("Tab");
  assert.equal(await cells.nth(1).getAttribute("data-state"), "gap");
  assert.equal(await page.textContent("[data-testid=biz-row-sum]"), "150.000 €");
  assert.deepEqual(await page.locator("[data-testid=biz-column-sum]").allTextContents(), ["100.000 €", "50.000 €"]);
  assert.equal(await page.textContent("[data-testid=biz-total]"), "150.000 €");
  await page.locator("[data-testid=biz-group]").nth(1).locator("button").click();
  await page.waitForSelector("[data-testid=toast]");
  assert.equal(await page.textContent("[data-testid=biz-total]"), "100.000 €");
  await page.click("[data-testid=toast] button:has-text('Rückgängig')");
  await page.waitForFunction(() => document.querySelector("[data-testid=biz-total]")?.textContent === "150.000 €");

  // The overview gathers both tools' flags, links each to its place, and prints the matrix.
  await page.goto(env.server.url(`potentials/overview/${id}`));
  await page.waitForSelector("[data-testid=analysis-flags]");
  const links = await page.locator("[data-testid=analysis-flags] a").evaluateAll((a) => a.map((l) => l.getAttribute("href")));
  assert.ok(links.some((l) => /potentials\/requirements\/[0-9a-f-]+#req-[0-9a-f-]+$/.test(l)), links.join(" "));
  assert.ok(links.some((l) => /potentials\/plan\/[0-9a-f-]+$/.test(l)), links.join(" "));
  // Requirements rated, competitor compared, revenue, share of wallet, whitespace, stage.
  assert.match(await page.textContent("[data-testid=analysis-completeness]"), /6 von 18 Angaben erfasst/);
  assert.match(await page.innerHTML("[data-testid=overview-whitespace]"), /Werk Ludwigshafen/);
  await done(context);
});

test("the Steckbrief, the market and the information sources: bad input is refused, links open only for http and https", async () => {
  const context = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const page = await open(context, env.server);
  await createAccount(page, env.server, { name: "Rheinwerk Chemie AG", industry: "Spezialchemie" });
  const id = JSON.parse(await stored(page)).data.accounts[0].id;

  // Steckbrief: the basic data comes from the account; the size refuses text and fractions.
  await page.click("[data-testid=open-profile]");
  await page.waitForSelector("[data-testid=profile-basics]");
  assert.match(await page.textContent("[data-testid=profile-basics]"), /Branche\s*Spezialchemie/);
  assert.equal(await page.textContent("[data-testid=profile-filled]"), "0 von 7 Angaben ausgefüllt");
  for (const bad of ["viele", "12,5", "20.000.000"]) {
    await page.fill("[data-testid=profile-employees]", bad);
    await page.press("[data-testid=profile-employees]", "Tab");
    assert.match(await page.locator("#profile-employees ~ [role=alert]").textContent(), /ganze Zahl zwischen 0 und 10\.000\.000/, bad);
  }
  assert.equal(JSON.parse(await stored(page)).data.account_profiles, undefined);
  await page.fill("[data-testid=profile-employees]", "2.400");
  await page.press("[data-testid=profile-employees]", "Tab");
  await page.fill("[data-testid=profile-decision_process]", "Einkauf prüft, die Werkleitung gibt frei.");
  await page.waitForFunction(() => document.querySelector("[data-testid=profile-filled]")?.textContent === "2 von 7 Angaben ausgefüllt");
  await page.waitForFunction(() => /Gespeichert/.test(document.querySelector("[data-testid=save-state]")?.textContent ?? ""));
  const profile = JSON.parse(await stored(page)).data.account_profiles[0];
  assert.equal(profile.account_id, id);
  assert.deepEqual(profile.data, { employees: 2400, decision_process: "Einkauf prüft, die Werkleitung gibt frei." });

  // Market: a trend assessed as a threat is counted; removing a customer can be undone.
  await page.goto(env.server.url(`potentials/market/${id}`));
  await page.waitForSelector("[data-testid=mkt-trends-empty]");
  await page.click("[data-testid=mkt-add-customers]");
  await page.waitForFunction(() => document.activeElement?.id.startsWith("named-"), null, { timeout: 2000 });
  await page.locator("[data-testid=mkt-customers] [data-testid=mkt-name] input").fill("Autohaus Nord");
  await page.click("[data-testid=mkt-add-trend]");
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "mkt-trend-text", null, { timeout: 2000 });
  await page.fill("[data-testid=mkt-trend-text]", "Elektromobilität");
  await page.selectOption("[data-testid=mkt-trend-area]", "technological");
  await page.selectOption("[data-testid=mkt-trend-meaning]", "threat");
  assert.equal(await page.getAttribute("[data-testid=mkt-trend]", "data-meaning"), "threat");
  assert.equal(await page.textContent("[data-testid=mkt-summary]"), "Chancen: 0 · Risiken: 1 · noch nicht eingeschätzt: 0");
  await page.fill("[data-testid=mkt-trend-text]", "");
  assert.match(await page.textContent("[data-testid=mkt-trend] [role=alert]"), /Bitte ausfüllen/);
  await page.fill("[data-testid=mkt-trend-text]", "Elektromobilität");
  await page.locator("[data-testid=mkt-customers] [data-testid=mkt-name] button").click();
  await page.waitForSelector("[data-testid=toast]");
  assert.equal(await page.locator("[data-testid=mkt-customers] [data-testid=mkt-name]").count(), 0);
  await page.click("[data-testid=toast] button:has-text('Rückgängig')");
  await page.waitForFunction(() => document.querySelector("[data-testid=mkt-customers] [data-testid=mkt-name] input")?.value === "Autohaus Nord");
  // Undo puts the whole record back, so the next edit withdraws the offer
  // instead of letting undo throw that edit away.
  await page.locator("[data-testid=mkt-customers] [data-testid=mkt-name] button").click();
  await page.waitForSelector("[data-testid=toast] button:has-text('Rückgängig')");
  await page.fill("[data-testid=mkt-trend-text]", "Elektromobilität und Ladeinfrastruktur");
  await page.waitForSelector("[data-testid=toast] button:has-text('Rückgängig')", { state: "detached" });
  await page.waitForFunction(() => /Gespeichert/.test(document.querySelector("[data-testid=save-state]")?.textContent ?? ""));
  const market = JSON.parse(await stored(page)).data.markets[0].data;
  assert.equal(market.customers, undefined);
  assert.equal(market.trends[0].text, "Elektromobilität und Ladeinfrastruktur");

  // Sources: only http and https addresses become links, opened without referrer or opener.
  await page.goto(env.server.url(`potentials/sources/${id}`));
  await page.waitForSelector("[data-testid=src-empty]");
  await page.click("[data-testid=src-add]");
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "src-name", null, { timeout: 2000 });
  await page.fill("[data-testid=src-name]", "Geschäftsbericht 2025");
  await page.selectOption("[data-testid=src-reliability]", "high");
  await page.fill("[data-testid=src-link]", "javascript:alert(document.cookie)");
  await page.waitForSelector("[data-testid=src-link-text-only]");
  assert.equal(await page.locator("[data-testid=src-item] a").count(), 0);
  assert.match(await page.textContent("[data-testid=src-item] .kam-src__link"), /javascript:alert\(document\.cookie\)/);
  await page.fill("[data-testid=src-link]", "https://www.rheinwerk.example/bericht-2025.pdf");
  const link = page.locator("[data-testid=src-link-open]");
  await link.waitFor();
  assert.equal(await link.getAttribute("href"), "https://www.rheinwerk.example/bericht-2025.pdf");
  assert.equal(await link.getAttribute("rel"), "noopener noreferrer");
  assert.equal(await link.getAttribute("target"), "_blank");
  // A date in the future is refused and nothing is stored; an old one is marked.
  await page.fill("[data-testid=src-date]", "2099-01-01");
  assert.match(await page.textContent("[data-testid=src-item] [role=alert]"), /nicht in der Zukunft/);
  await page.fill("[data-testid=src-date]", "2020-03-31");
  await page.waitForSelector("[data-testid=src-old]");
  await page.waitForFunction(() => /Gespeichert/.test(document.querySelector("[data-testid=save-state]")?.textContent ?? ""));
  const source = JSON.parse(await stored(page)).data.information_sources[0].data.sources[0];
  assert.equal(source.date, "2020-03-31");
  assert.equal(source.reliability, "high");

  // After a reload everything is still there, and the overview counts the new parts.
  await page.reload();
  await page.waitForSelector("[data-testid=src-link-open]");
  await page.goto(env.server.url(`potentials/overview/${id}`));
  // Size, decision process, trends, sources; the market names none (the customer was removed).
  await page.waitForFunction(() => /4 von 18 Angaben erfasst/.test(document.querySelector("[data-testid=analysis-completeness]")?.textContent ?? ""));
  await done(context);
});

test("a red flag's link shows the person it is about, from the overview and on the Buying Center's page", async () => {
  const context = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const page = await open(context, env.server);
  // Forty persons; only the last one's contact is out of date, so its card is far down the page.
  const account = "3a0b7c1e-5d2f-4e6a-8b9c-0d1e2f3a4b01";
  const id = (n) => `3a0b7c1e-5d2f-4e6a-8b9c-${String(n).padStart(12, "0")}`;
  const at = "2026-11-01T09:00:00.000Z";
  const today = new Date().toISOString().slice(0, 10);
  const persons = Array.from({ length: 40 }, (_, i) => ({
    id: id(1000 + i), name: `Person ${i + 1}`, function: "Einkauf", roles: i === 0 ? ["decider", "user"] : ["influencer"],
    influence: 3, attitude: 1, relationship: 3, owner: i % 2 ? "Jana" : "Tom", last_contact: i === 39 ? "2020-01-15" : today,
  }));
  const file = JSON.stringify({
    format: "kam-workbench", version: 7, app_version: "0.1.0", exported_at: at,
    data: {
      accounts: [{ id: account, created: at, modified: at, name: "Großkonto AG" }],
      buying_centers: [{ account_id: account, created: at, modified: at, data: { persons, contact_days: 90, lens: "classic" } }],
    },
  });
  await page.evaluate((raw) => localStorage.setItem("kam-workbench/workspace", raw), file);
  const inView = (selector) => page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top > -2 && box.top < innerHeight;
  });
  const last = `#person-${id(1039)}`;

  await page.goto(env.server.url(`potentials/overview/${account}`));
  await page.locator("[data-testid=analysis-flags] a", { hasText: "Person 40" }).click();
  await page.waitForSelector("[data-testid=bc-org] svg");
  await page.waitForFunction((sel) => { const box = document.querySelector(sel)?.getBoundingClientRect(); return box && box.top > -2 && box.top < innerHeight; }, last, { timeout: 3000 });
  assert.ok(new URL(page.url()).pathname.endsWith(`/potentials/buying-center/${account}`));

  // On the page itself the flag's link stays on the page and scrolls to the card.
  await page.evaluate(() => scrollTo(0, 0));
  assert.equal(await inView(last), false);
  await page.locator("[data-flag=contact-outdated] a").click();
  await page.waitForFunction((sel) => { const box = document.querySelector(sel)?.getBoundingClientRect(); return box && box.top > -2 && box.top < innerHeight; }, last, { timeout: 3000 });
  assert.equal(new URL(page.url()).hash, last);
  assert.ok(new URL(page.url()).pathname.endsWith(`/potentials/buying-center/${account}`));
  await done(context);
});
