// End-to-end: the annual review talk. A talk is held with its minutes and an
// agreed action, which is at once an action of the account plan; changed
// there, the minutes show the change. A second talk shows how the first
// one's agreements stand, and a year that already has a talk is refused.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createAccount, done, freshContext, open, stored, useBrowser } from "./support.mjs";

const env = useBrowser();

const saved = (page) =>
  page.waitForFunction(() => /Gespeichert|Saved/.test(document.querySelector("[data-testid=save-state]")?.textContent ?? ""));

const data = async (page) => JSON.parse(await stored(page)).data;

test("an action agreed in the annual review is in the account plan, and a change there shows in the minutes", async () => {
  const context = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const page = await open(context, env.server);
  await createAccount(page, env.server, { name: "Nordlicht Logistik GmbH" });
  const account = page.url().split("/").pop();
  await page.click("[data-testid=open-annual_review]");
  await page.waitForSelector("[data-testid=rev-empty]");

  await page.click("[data-testid=rev-add]");
  await page.waitForSelector("[data-testid=rev-talk]");
  const lastYear = new Date().getFullYear() - 1;
  assert.equal(await page.inputValue("[data-testid=rev-year]"), String(lastYear), "a new talk is about last year");
  assert.equal(await page.locator("[data-testid=rev-point]").count(), 5, "with the suggested agenda");

  await page.fill("[data-testid=rev-date]", `${lastYear + 1}-02-12`);
  await page.fill("[data-testid=rev-participants]", "Dr. Anna Berg (Einkauf), Jana Becker (KAM)");
  await page.locator("[data-testid=rev-point-notes]").first().fill("Liefertreue im Herbst schwach, Preise stabil.");

  // The action needs a title; nothing is stored without one.
  await page.click("[data-testid=rev-action-add]");
  assert.match(await page.textContent("[data-testid=rev-action-error]"), /beschreiben Sie die Maßnahme/);
  assert.equal((await data(page)).account_plans, undefined);

  await page.fill("[data-testid=rev-action-title]", "Liefertreue-Workshop mit der Logistik");
  await page.fill("[data-testid=rev-action-owner]", "Jana Becker");
  await page.fill("[data-testid=rev-action-due]", `${lastYear + 1}-03-31`);
  await page.click("[data-testid=rev-action-add]");
  await page.waitForSelector("[data-testid=rev-agreed-row]");
  assert.equal(await page.textContent("[data-testid=rev-agreed-status]"), "offen");
  await saved(page);

  const stored1 = await data(page);
  const talk = stored1.annual_reviews[0].data.talks[0];
  const action = stored1.account_plans[0].data.actions[0];
  assert.equal(action.title, "Liefertreue-Workshop mit der Logistik");
  assert.equal(action.talk, talk.id, "the plan's action names the talk");
  assert.equal(talk.agenda[0].notes, "Liefertreue im Herbst schwach, Preise stabil.");
  assert.equal(talk.participants, "Dr. Anna Berg (Einkauf), Jana Becker (KAM)");

  // In the account plan, the same action: change its owner and status there.
  await page.click("[data-testid=rev-agreed-row] a");
  await page.waitForSelector("[data-testid=plan-action]");
  const row = page.locator(`#action-${action.id}`);
  assert.equal(await row.locator("[data-field=title]").inputValue(), "Liefertreue-Workshop mit der Logistik");
  assert.equal(await row.locator("[data-testid=plan-action-talk]").textContent(), "Im Jahresgespräch vereinbart");
  await row.locator("[data-field=owner]").fill("Jana Becker-Schulz");
  await row.locator("[data-field=status]").selectOption("done");
  await saved(page);

  await page.goto(env.server.url(`processes/review/${account}`));
  await page.waitForSelector("[data-testid=rev-agreed-row]");
  assert.equal(await page.textContent("[data-testid=rev-agreed-status]"), "erledigt");
  assert.match(await page.textContent("[data-testid=rev-agreed-row]"), /Jana Becker-Schulz/);
  assert.equal(await page.locator("[data-testid=rev-point-notes]").first().inputValue(), "Liefertreue im Herbst schwach, Preise stabil.");

  // The planned revenue: a negative amount is refused at the field.
  await page.fill("[data-testid=rev-planned]", "-5");
  await page.press("[data-testid=rev-planned]", "Tab");
  assert.match(await page.textContent(".kam-rev__plan [role=alert]"), /negativ/);
  await page.fill("[data-testid=rev-planned]", "2.000.000");
  await page.press("[data-testid=rev-planned]", "Tab");
  await saved(page);
  assert.equal((await data(page)).annual_reviews[0].data.talks[0].planned_revenue, 2000000);

  // The preparation is drawn from the account's data.
  await page.click("[data-testid=rev-tab-prep]");
  await page.waitForSelector("[data-testid=rev-figures]");
  assert.match(await page.textContent("#rev-prep-title"), new RegExp(`Vorbereitung: Jahresgespräch ${lastYear}`));
  assert.match(await page.textContent("[data-testid=rev-fig-nps]"), /keine Befragung/);
  assert.equal(await page.textContent("[data-testid=rev-fig-actions]"), "0 offen, davon 0 überfällig", "the agreed action is done");
  assert.match(await page.textContent("[data-testid=rev-fig-plan]"), /Ist-Umsatz/, "no actual revenue entered yet");
  await page.click("[data-testid=rev-tab-minutes]");
  await page.waitForSelector("[data-testid=rev-agreed-row]");

  // The next talk shows how the agreements of this one stand.
  await page.click("[data-testid=rev-add]");
  await page.waitForFunction((y) => document.querySelector("[data-testid=rev-year]")?.value === String(y), lastYear + 1);
  assert.match(await page.textContent("[data-testid=rev-before-summary]"), /1 von 1 vereinbarten Maßnahmen erledigt/);
  assert.equal(await page.textContent("[data-testid=rev-before-status]"), "erledigt");

  // A year that already has a talk is refused at the field; nothing changes.
  await page.fill("[data-testid=rev-year]", String(lastYear));
  await page.press("[data-testid=rev-year]", "Tab");
  assert.match(await page.textContent("[data-testid=rev-error]"), new RegExp(`Für ${lastYear} gibt es schon ein Jahresgespräch`));
  await saved(page);
  const years = (await data(page)).annual_reviews[0].data.talks.map((t) => t.year).sort();
  assert.deepEqual(years, [lastYear, lastYear + 1]);
  await done(context);
});

test("the due list of the process cycle: never done is overdue, done today moves the date, rhythms are checked, and the calendar exports", async () => {
  const context = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const page = await open(context, env.server, "processes/cycle");
  await page.waitForSelector("[data-testid=cyc-no-accounts]");
  await createAccount(page, env.server, { name: "Weber Bau AG" });
  await page.goto(env.server.url("processes/cycle"));
  await page.waitForSelector("[data-testid=cyc-row]");
  const statuses = () => page.locator("[data-testid=cyc-row]").evaluateAll((rows) => rows.map((r) => `${r.dataset.step}:${r.dataset.status}`));
  assert.equal((await statuses()).filter((s) => s.endsWith(":overdue")).length, 5, "every step never done is overdue");
  assert.equal(await page.textContent("[data-testid=cyc-filter-overdue]"), "Überfällig (5)");

  await page.locator("[data-testid=cyc-row][data-step=quarterly_review] [data-testid=cyc-mark]").click();
  await page.waitForSelector("[data-testid=cyc-row][data-step=quarterly_review][data-status=upcoming]");
  const quarterly = page.locator("[data-testid=cyc-row][data-step=quarterly_review]");
  assert.match(await quarterly.locator("td").nth(2).textContent(), /\d\d\.\d\d\.\d{4}/, "last done is a date");
  assert.equal(await page.textContent("[data-testid=cyc-filter-overdue]"), "Überfällig (4)");

  // A rhythm of 40 months is refused; 1 month makes the review due a month
  // after today (the same day, or the month's last day when it is shorter).
  const rhythm = page.locator("[data-testid=cyc-rhythm]").nth(2);
  await rhythm.fill("40");
  await rhythm.press("Tab");
  assert.match(await page.textContent("[data-testid=cyc-rhythm-error]"), /zwischen 1 und 36|1 bis 36/);
  assert.equal(await rhythm.inputValue(), "3");
  await rhythm.fill("1");
  await rhythm.press("Tab");
  const inAMonth = await page.evaluate(() => {
    const now = new Date();
    const last = new Date(now.getFullYear(), now.getMonth() + 2, 0).getDate();
    const due = new Date(now.getFullYear(), now.getMonth() + 1, Math.min(now.getDate(), last));
    const two = (n) => String(n).padStart(2, "0");
    return `${two(due.getDate())}.${two(due.getMonth() + 1)}.${due.getFullYear()}`;
  });
  await page.waitForFunction((d) => document.querySelector("[data-testid=cyc-row][data-step=quarterly_review] [data-testid=cyc-due-date]")?.textContent.startsWith(d), inAMonth);
  assert.match(await quarterly.getAttribute("data-status"), /^(soon|upcoming)$/, "28 to 31 days ahead: due soon, or not yet due after a 31-day month");
  const focused = await page.evaluate(() => [...document.querySelectorAll("[data-testid=cyc-rhythm]")].indexOf(document.activeElement));
  assert.equal(focused, 3, "Tab moved on to the next rhythm, and the change kept the focus there");
  await saved(page);
  const cycle = (await data(page)).process_cycles[0].data;
  assert.deepEqual(cycle.rhythms.find(([step]) => step === "quarterly_review"), ["quarterly_review", 1]);

  const [dl] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=cyc-ics]")]);
  assert.match(dl.suggestedFilename(), /^kam-workbench-\d{4}-\d\d-\d\d\.ics$/);
  const { readFile } = await import("node:fs/promises");
  const ics = await readFile(await dl.path(), "utf8");
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.equal(ics.match(/BEGIN:VEVENT/g).length, 5);
  assert.match(ics.replace(/\r\n /g, ""), /SUMMARY:Quartalsbesprechung: Weber Bau AG/);

  // The toolbox: one row, nothing started yet; each cell opens its tool.
  await page.click("[data-testid=cyc-tab-toolbox]");
  await page.waitForSelector("[data-testid=toolbox-row]");
  assert.equal(await page.textContent("[data-testid=toolbox-summary]"), "0 von 11 aktuell");
  const states = await page.locator("[data-testid=toolbox-cell]").evaluateAll((cells) => cells.map((c) => c.dataset.state));
  assert.deepEqual(states, Array(11).fill("missing"));
  await page.locator("[data-testid=toolbox-cell] a").nth(6).click();
  await page.waitForSelector("[data-testid=tool-account]");
  assert.match(page.url(), /\/potentials\/plan\//);
  await done(context);
});
