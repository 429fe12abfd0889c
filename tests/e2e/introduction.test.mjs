// End-to-end: the KAM introduction project. A plan is created with the
// five phases; completing a phase's checklist moves its progress, the
// overall progress and the timeline; a phase cannot end before it starts.
// In the risk register, judging a risk moves it on the matrix and changes
// its colour class, the classes can be edited, and the programme goals
// show whether they are reached.
import { test } from "node:test";
import assert from "node:assert/strict";
import { done, freshContext, open, stored, useBrowser } from "./support.mjs";

const env = useBrowser();

const saved = (page) =>
  page.waitForFunction(() => /Gespeichert|Saved/.test(document.querySelector("[data-testid=save-state]")?.textContent ?? ""));

const data = async (page) => JSON.parse(await stored(page)).data;

const iso = (date) => date.toISOString().slice(0, 10);

/// The filled part of a timeline row: the dark rectangles of the chart.
const filled = (page) =>
  page.locator("[data-testid=intro-timeline] rect[fill='#1f4e79']").count();

test("plan the introduction, complete a phase's checklist and see the progress and the timeline change", async () => {
  const context = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const page = await open(context, env.server, "introduction");
  await page.waitForSelector("[data-testid=intro-start]");
  // The plan starts a month ago, so today's line falls in the first phases.
  const start = new Date();
  start.setDate(start.getDate() - 30);
  await page.fill("[data-testid=intro-start-date]", iso(start));
  await page.click("[data-testid=intro-plan]");
  await page.waitForSelector("[data-testid=intro-timeline] svg");
  assert.equal(await page.locator("[data-testid=intro-phase-initiation] [data-testid=intro-task]").count(), 5);
  assert.match(await page.textContent("[data-testid=intro-overall]"), /0 von 26 Aufgaben erledigt · 0 %/);
  assert.equal(await filled(page), 0, "nothing done yet");
  assert.match(await page.textContent("[data-testid=intro-timeline]"), /heute/);
  for (const phase of ["Initialisierung", "Konzeption", "Testphase (Pilot)", "Umsetzung", "Verstetigung"]) {
    assert.match(await page.textContent("[data-testid=intro-timeline]"), new RegExp(phase.replace(/[()]/g, "\\$&")));
  }

  // Complete the first phase's checklist, task by task.
  const first = page.locator("[data-testid=intro-phase-initiation]");
  await first.locator("[data-testid=intro-task-owner]").first().fill("Dr. Anna Berg");
  await first.locator("[data-testid=intro-task-owner]").first().press("Tab");
  await first.locator("[data-testid=intro-task-status]").nth(0).selectOption("in_progress");
  await page.waitForFunction(() => /1 in Arbeit/.test(document.querySelector("[data-testid=intro-phase-initiation] [data-testid=intro-phase-progress]").textContent));
  for (let i = 0; i < 5; i++) {
    await first.locator("[data-testid=intro-task-status]").nth(i).selectOption("done");
  }
  await page.waitForSelector("[data-testid=intro-phase-initiation] [data-testid=intro-phase-complete]");
  assert.match(await first.locator("[data-testid=intro-phase-progress]").textContent(), /5 von 5 Aufgaben erledigt · 100 %/);
  assert.equal(await first.locator("[role=progressbar]").getAttribute("aria-valuenow"), "100");
  assert.match(await page.textContent("[data-testid=intro-overall]"), /5 von 26 Aufgaben erledigt · 19 %/);
  assert.equal(await filled(page), 1, "the first phase's bar is filled");
  assert.match(await page.textContent("[data-testid=intro-timeline]"), /100 %/);
  // One task of the second phase done: its bar fills a sixth.
  const second = page.locator("[data-testid=intro-phase-design]");
  await second.locator("[data-testid=intro-task-status]").nth(0).selectOption("done");
  await page.waitForFunction(() => /17 %/.test(document.querySelector("[data-testid=intro-timeline]").textContent));
  assert.equal(await filled(page), 2);
  await saved(page);
  let intro = (await data(page)).introduction;
  assert.deepEqual(intro.phases[0].checklist.map((t) => t.status), ["done", "done", "done", "done", "done"]);
  assert.equal(intro.phases[0].checklist[0].owner, "Dr. Anna Berg");

  // A phase cannot end before it starts; nothing is stored.
  const before = intro.phases[2].end;
  const pilot = page.locator("[data-testid=intro-phase-pilot]");
  await pilot.locator("[data-testid=intro-phase-end]").fill(intro.phases[2].start.replace(/^(\d{4})/, (y) => String(Number(y) - 1)));
  await pilot.locator("[data-testid=intro-phase-end]").press("Tab");
  await page.waitForFunction(() => /Das Ende liegt vor dem Beginn/.test(document.querySelector("[data-testid=intro-phase-pilot]").textContent));
  assert.equal((await data(page)).introduction.phases[2].end, before);

  // Removing a task can be undone.
  await second.locator("[data-testid=intro-task-remove]").last().click();
  await page.waitForSelector("[data-testid=toast-undo]");
  assert.equal(await second.locator("[data-testid=intro-task]").count(), 5);
  await page.click("[data-testid=toast-undo]");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=intro-phase-design] [data-testid=intro-task]").length === 6);

  // The plan survives a reload.
  await page.reload();
  await page.waitForSelector("[data-testid=intro-phase-initiation] [data-testid=intro-phase-complete]");
  assert.match(await page.textContent("[data-testid=intro-overall]"), /6 von 26/);
  await done(context);
});

test("judge risks on the matrix with their colour classes, edit the classes, and track the programme goals", async () => {
  const context = await freshContext(env.browser, env.server, { locale: "de-DE" });
  const page = await open(context, env.server, "introduction/risks");
  await page.waitForSelector("[data-testid=intro-risks-empty]");
  await page.click("[data-testid=intro-add-usual-risks]");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=intro-risk]").length === 5);
  const risk = page.locator("[data-testid=intro-risk]").first();
  const score = risk.locator("[data-testid=intro-risk-score]");
  // The first usual risk: probability 3 × impact 4 = 12, medium.
  assert.equal((await score.textContent()).trim(), "12");
  assert.equal(await score.getAttribute("data-class"), "medium");
  assert.match(await page.textContent("[data-testid=intro-high-count]"), /0 offene Risiken mit hohem Risikowert/);
  // Raised to 4 × 4 = 16: high, and the matrix shows it in its cell.
  await risk.locator("[data-testid=intro-risk-probability]").selectOption("4");
  await page.waitForFunction(() => document.querySelector("[data-testid=intro-risk-score]").textContent.trim() === "16");
  assert.equal(await score.getAttribute("data-class"), "high");
  assert.match(await page.textContent("[data-testid=intro-high-count]"), /1 offenes Risiko mit hohem Risikowert/);
  // Lowered to 1 × 4 = 4: low.
  await risk.locator("[data-testid=intro-risk-probability]").selectOption("1");
  await page.waitForFunction(() => document.querySelector("[data-testid=intro-risk-score]").textContent.trim() === "4");
  assert.equal(await score.getAttribute("data-class"), "low");
  // Edited classes: low only up to 3 makes the same score medium.
  await page.selectOption("[data-testid=intro-low-max]", "3");
  await page.waitForFunction(() => document.querySelector("[data-testid=intro-risk-score]").dataset.class === "medium");
  assert.match(await page.textContent("[data-testid=intro-bands]"), /gering: bis 3.*mittel: 4 bis 14.*hoch: ab 15/s);
  // Classes that leave no room are refused with the reason.
  await page.selectOption("[data-testid=intro-high-from]", "2");
  assert.match(await page.textContent("[data-testid=intro-bands-error]"), /Erlaubt sind Werte von 4 bis 25/);
  // A closed risk leaves the matrix.
  const cellsBefore = await page.locator("[data-testid=intro-matrix] text").allTextContents();
  assert.ok(cellsBefore.includes("1"), "risk 1 is on the matrix");
  await risk.locator("[data-testid=intro-risk-status]").selectOption("closed");
  await page.waitForFunction(() => ![...document.querySelectorAll("[data-testid=intro-matrix] text")].some((t) => t.textContent === "1" && t.getAttribute("font-size") === "15"));
  await saved(page);
  const stored1 = (await data(page)).introduction;
  assert.deepEqual(stored1.bands, { low_max: 3, high_from: 15 });
  assert.equal(stored1.risks[0].reviews.length, 1, "judged again the same day: one judgement");
  assert.equal(stored1.risks[0].reviews[0].status, "closed");

  // The programme goals: reached exactly on the target, missed after the date.
  await page.click("[data-testid=intro-tab-goals]");
  await page.waitForSelector("[data-testid=intro-goals-empty]");
  await page.click("[data-testid=intro-add-usual-goals]");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=intro-goal]").length === 4);
  const share = page.locator("[data-testid=intro-goal]").first();
  assert.equal((await share.locator("[data-testid=intro-goal-state]").textContent()).trim(), "Werte fehlen");
  await share.locator("[data-testid=intro-goal-target]").fill("40");
  await share.locator("[data-testid=intro-goal-target]").press("Tab");
  await share.locator("[data-testid=intro-goal-actual]").fill("38,5");
  await share.locator("[data-testid=intro-goal-actual]").press("Tab");
  await page.waitForFunction(() => document.querySelector("[data-testid=intro-goal-state]").textContent.trim() === "noch nicht erreicht");
  await share.locator("[data-testid=intro-goal-due]").fill("2020-12-31");
  await share.locator("[data-testid=intro-goal-due]").press("Tab");
  await page.waitForFunction(() => document.querySelector("[data-testid=intro-goal-state]").textContent.trim() === "verfehlt");
  await share.locator("[data-testid=intro-goal-actual]").fill("40");
  await share.locator("[data-testid=intro-goal-actual]").press("Tab");
  await page.waitForFunction(() => document.querySelector("[data-testid=intro-goal-state]").textContent.trim() === "erreicht");
  assert.match(await page.textContent("[data-testid=intro-goals-reached]"), /1 von 4 Zielen erreicht/);
  // Text in a number field is refused and the field put back.
  await share.locator("[data-testid=intro-goal-target]").fill("vierzig");
  await share.locator("[data-testid=intro-goal-target]").press("Tab");
  await page.waitForFunction(() => /Bitte geben Sie eine Zahl ein/.test(document.querySelector("[data-testid=intro-goal]").textContent));
  assert.equal(await share.locator("[data-testid=intro-goal-target]").inputValue(), "40");
  await saved(page);
  const goal = (await data(page)).introduction.goals[0];
  assert.equal(goal.target, 40);
  assert.equal(goal.actual, 40);
  assert.equal(goal.unit, "%");

  // The block's page lists both tools as available, and they open.
  await page.goto(env.server.url("blocks/goals"));
  await page.waitForSelector("[data-tool=introduction_project] a");
  assert.equal(await page.textContent("[data-tool=introduction_project] .kam-badge"), "Verfügbar");
  await page.click("[data-tool=kam_goals] a");
  await page.waitForSelector("[data-testid=intro-goal]");
  await done(context);
});
