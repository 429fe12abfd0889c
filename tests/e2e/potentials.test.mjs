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
  await page.waitForSelector("[data-testid=bc-account]");
}

async function addPerson(page, name) {
  const count = await page.locator("[data-testid=bc-person]").count();
  await page.click("[data-testid=bc-add]");
  const person = card(page, count);
  await person.waitFor();
  // The new card's name field has the focus, with a placeholder name.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.field), "name");
  await person.locator("[data-field=name]").fill(name);
  return person;
}

test("a Buying Center's red flags appear and disappear as the people are filled in", async () => {
  const context = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const page = await open(context, env.server);
  await createAccount(page, env.server, { name: "Rheinwerk Chemie AG" });
  assert.equal(await page.textContent("[data-testid=account-bc-summary]"), "Noch nicht begonnen.");
  await openBuyingCenter(page);
  assert.equal(await page.textContent("[data-testid=bc-account]"), "Rheinwerk Chemie AG");
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
  await tom.locator("[data-field=reports_to]").selectOption({ label: "Dr. Anna Berg" });
  await page.waitForSelector("[data-testid=bc-no-flags]");

  // An old last contact is flagged, with the number of days.
  await tom.locator("[data-field=last_contact]").fill("2020-01-15");
  assert.deepEqual(await flags(page), ["contact-outdated"]);
  await tom.locator("[data-field=last_contact]").fill("");
  await page.waitForSelector("[data-testid=bc-no-flags]");

  // A reports-to circle is refused at the field, naming the persons; nothing is stored.
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

  // After a reload everything is there, and the account page sums it up.
  await page.reload();
  await page.waitForSelector("[data-testid=bc-no-flags]");
  assert.equal(await page.locator("[data-testid=bc-person]").count(), 2);
  await page.click("text=Zurück zum Key Account");
  await page.waitForSelector("[data-testid=account-bc-summary]");
  assert.match(await page.textContent("[data-testid=account-bc-summary]"), /^2 Personen, zuletzt geändert/);
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
