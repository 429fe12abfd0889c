// End-to-end: the Balanced Scorecard of a key account. It starts with the
// usual KPIs; targets and actuals per period turn each KPI's traffic light
// green, yellow or red at 100 % and 90 % of the target (both directions),
// the summary counts them, the latest period decides, and the trend shows
// the periods.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createAccount, done, freshContext, open, stored, useBrowser } from "./support.mjs";

const env = useBrowser();

const saved = (page) =>
  page.waitForFunction(() => /Gespeichert|Saved/.test(document.querySelector("[data-testid=save-state]")?.textContent ?? ""));

test("enter KPIs on a key account's scorecard and see the traffic lights change at their limits", async () => {
  const context = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const page = await open(context, env.server);
  await createAccount(page, env.server, { name: "Nordlicht Logistik GmbH" });
  await page.click("[data-testid=open-scorecard]");
  await page.waitForSelector("[data-testid=bsc-none]");
  await page.click("[data-testid=bsc-create]");
  await page.waitForSelector("[data-testid=bsc-kpi]");
  assert.equal(await page.locator("[data-testid=bsc-kpi]").count(), 13);
  for (const key of ["financial", "customer", "processes", "learning"]) {
    assert.ok(await page.locator(`[data-testid=bsc-${key}] [data-testid=bsc-kpi]`).count() >= 2, key);
  }
  await page.fill("[data-testid=bsc-period]", "2026-Q1");
  await page.press("[data-testid=bsc-period]", "Tab");

  const revenue = page.locator("[data-testid=bsc-financial] [data-testid=bsc-kpi]").first();
  assert.equal(await revenue.locator("[data-testid=bsc-kpi-name]").inputValue(), "Umsatz");
  const status = () => revenue.locator("[data-testid=bsc-status]").getAttribute("data-status");
  const enter = async (row, field, value) => {
    await row.locator(`[data-testid=bsc-kpi-${field}]`).fill(value);
    await row.locator(`[data-testid=bsc-kpi-${field}]`).press("Tab");
  };
  assert.equal(await status(), "none");
  await enter(revenue, "target", "1.000.000");
  await enter(revenue, "actual", "950.000");
  await page.waitForFunction(() => document.querySelector("[data-testid=bsc-financial] [data-testid=bsc-status]").dataset.status === "yellow");
  assert.match(await revenue.locator("[data-testid=bsc-status]").textContent(), /knapp verfehlt · 95 %/);
  // Exactly 90 % is still yellow; below it red; exactly 100 % green.
  await enter(revenue, "actual", "900.000");
  await page.waitForFunction(() => /90 %/.test(document.querySelector("[data-testid=bsc-financial] [data-testid=bsc-status]").textContent));
  assert.equal(await status(), "yellow");
  await enter(revenue, "actual", "899.999");
  await page.waitForFunction(() => document.querySelector("[data-testid=bsc-financial] [data-testid=bsc-status]").dataset.status === "red");
  await enter(revenue, "actual", "1.000.000");
  await page.waitForFunction(() => document.querySelector("[data-testid=bsc-financial] [data-testid=bsc-status]").dataset.status === "green");
  assert.match(await page.textContent("[data-testid=bsc-summary-financial]"), /Finanzen\s*1 erreicht\s*0 knapp verfehlt\s*0 verfehlt/);

  // Lower is better: the age of the account plan, 90 days targeted.
  const age = page.locator("[data-testid=bsc-processes] [data-testid=bsc-kpi]").first();
  assert.equal(await age.locator("[data-testid=bsc-kpi-direction]").inputValue(), "lower");
  await enter(age, "target", "90");
  await enter(age, "actual", "99");
  await page.waitForFunction(() => document.querySelector("[data-testid=bsc-processes] [data-testid=bsc-status]").dataset.status === "yellow");
  await enter(age, "actual", "45");
  await page.waitForFunction(() => document.querySelector("[data-testid=bsc-processes] [data-testid=bsc-status]").dataset.status === "green");

  // Text in a number field is refused, the field put back.
  await enter(revenue, "target", "eine Million");
  await page.waitForFunction(() => /Bitte geben Sie eine Zahl ein/.test(document.querySelector("[data-testid=bsc-financial]").textContent));
  assert.equal(await revenue.locator("[data-testid=bsc-kpi-target]").inputValue(), "1.000.000");

  // A later quarter decides the light; the trend shows both periods.
  await page.fill("[data-testid=bsc-period]", "2026-Q2");
  await page.press("[data-testid=bsc-period]", "Tab");
  assert.equal(await revenue.locator("[data-testid=bsc-kpi-actual]").inputValue(), "", "no actual for Q2 yet");
  await enter(revenue, "actual", "850.000");
  await page.waitForFunction(() => document.querySelector("[data-testid=bsc-financial] [data-testid=bsc-status]").dataset.status === "red");
  assert.match(await revenue.locator("[data-testid=bsc-status]").textContent(), /85 %/);
  assert.match(await page.textContent("[data-testid=bsc-financial]"), /Stand 2026-Q2/);
  await page.waitForSelector("[data-testid=bsc-trend] svg");
  assert.equal(await page.locator("[data-testid=bsc-trend] circle").count(), 2);
  assert.match(await page.textContent("[data-testid=bsc-trend]"), /2026-Q1[\s\S]*2026-Q2/);
  // Edited limits: yellow from 80 % turns 85 % yellow.
  await page.fill("[data-testid=bsc-yellow-from]", "80");
  await page.press("[data-testid=bsc-yellow-from]", "Tab");
  await page.waitForFunction(() => document.querySelector("[data-testid=bsc-financial] [data-testid=bsc-status]").dataset.status === "yellow");
  // Limits that leave no yellow are refused.
  await page.fill("[data-testid=bsc-yellow-from]", "120");
  await page.press("[data-testid=bsc-yellow-from]", "Tab");
  await page.waitForFunction(() => /Erlaubt sind Werte von 1 bis 99/.test(document.querySelector("[data-testid=bsc-bands-error]").textContent));
  await saved(page);
  const card = JSON.parse(await stored(page)).data.scorecards[0].data;
  assert.deepEqual(card.bands, { green_from: 100, yellow_from: 80 });
  assert.deepEqual(card.kpis[0].history, [{ period: "2026-Q1", actual: 1000000 }, { period: "2026-Q2", actual: 850000 }]);
  assert.equal(card.kpis[0].target, 1000000);

  // The key account's page lists the scorecard under "Ergebnissicherung".
  await page.click(".kam-breadcrumb a");
  await page.waitForSelector("[data-testid=open-scorecard]");
  await done(context);
});
