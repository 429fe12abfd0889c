// End-to-end: each area of the app is its own wasm (src/areas.json). A
// page fetches only the code of its area, deep links under the sub-path
// start the right area, and links between areas load the other area's
// page, with unsaved edits kept.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { done, freshContext, open, stored, useBrowser } from "./support.mjs";

const env = useBrowser();
const { areas } = JSON.parse(readFileSync(new URL("../../src/areas.json", import.meta.url), "utf8"));

/// The wasm files a page requests while `action` runs.
async function wasmRequests(page, action) {
  const seen = [];
  const listener = (request) => {
    if (request.url().endsWith(".wasm")) seen.push(request.url().split("/").pop());
  };
  page.on("request", listener);
  await action();
  page.off("request", listener);
  return seen;
}

/// An example path of each area, as a user would open it.
const EXAMPLES = {
  home: "",
  accounts: "accounts",
  account: "accounts/00000000-0000-4000-8000-000000000001",
  fitness: "fitness",
  "fitness-check": "fitness/00000000-0000-4000-8000-000000000001",
  "fitness-questionnaire": "fitness/questionnaire",
  "fitness-group": "fitness/group",
  foundations: "foundations",
  targets: "targets",
  "targets-import": "targets/import",
  "targets-abc": "targets/abc",
  "targets-scoring": "targets/scoring",
  "targets-portfolio": "targets/portfolio",
  "targets-compare": "targets/compare",
  "targets-overview": "targets/overview",
  "buying-center": "potentials/buying-center/00000000-0000-4000-8000-000000000001",
  "account-overview": "potentials/overview/00000000-0000-4000-8000-000000000001",
  "account-plan": "potentials/plan/00000000-0000-4000-8000-000000000001",
  requirements: "potentials/requirements/00000000-0000-4000-8000-000000000001",
  business: "potentials/business/00000000-0000-4000-8000-000000000001",
  whitespace: "potentials/whitespace/00000000-0000-4000-8000-000000000001",
  profile: "potentials/profile/00000000-0000-4000-8000-000000000001",
  market: "potentials/market/00000000-0000-4000-8000-000000000001",
  sources: "potentials/sources/00000000-0000-4000-8000-000000000001",
  "open-actions": "potentials/actions",
  satisfaction: "processes/satisfaction/00000000-0000-4000-8000-000000000001",
  "satisfaction-results": "processes/satisfaction/results/00000000-0000-4000-8000-000000000001",
  "satisfaction-import": "processes/satisfaction/import/00000000-0000-4000-8000-000000000001",
  review: "processes/review/00000000-0000-4000-8000-000000000001",
  "review-prep": "processes/review/prep/00000000-0000-4000-8000-000000000001",
  cycle: "processes/cycle",
  introduction: "introduction",
  "introduction-risks": "introduction/risks",
  "introduction-goals": "introduction/goals",
  scorecard: "results/scorecard/00000000-0000-4000-8000-000000000001",
  people: "people",
  team: "people/team/00000000-0000-4000-8000-000000000001",
  competency: "people/competency/00000000-0000-4000-8000-000000000001",
  "competency-development": "people/competency/development/00000000-0000-4000-8000-000000000001",
  data: "data",
  "data-check-potentials": "data/check/potentials",
  "data-check-processes": "data/check/processes",
  settings: "settings",
};

test("every area's deep link under the sub-path loads that area's wasm and nothing else", async () => {
  assert.deepEqual(Object.keys(EXAMPLES).sort(), areas.map((a) => a.name).sort(), "an example path for every area");
  const context = await freshContext(env.browser, env.server);
  const page = await context.newPage();
  for (const area of areas) {
    const wasm = await wasmRequests(page, async () => {
      await page.goto(env.server.url(EXAMPLES[area.name]));
      await page.waitForSelector("main h1");
    });
    assert.equal(wasm.length, 1, `${area.name}: one wasm, got ${wasm.join(", ")}`);
    assert.match(wasm[0], new RegExp(`^${area.bin}-[0-9a-f]+_bg\\.wasm$`), `${area.name} loads ${area.bin}`);
    assert.equal(await page.locator("[data-testid=not-found]").count(), 0, `${area.name}: a page, not "not found"`);
  }
  await done(context);
});

test("links between areas load the other area; an edit made just before is kept", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server, "");
  // A link inside a page (not marked as leading elsewhere) goes through the
  // router, which hands the path to the page loader.
  const toNew = await wasmRequests(page, async () => {
    await page.click("[data-testid=getting-started] a[href$='/accounts/new']");
    await page.waitForSelector("#account-name");
  });
  assert.ok(toNew.some((f) => /^kam-account-[0-9a-f]+_bg\.wasm$/.test(f)), `account wasm loaded, got ${toNew}`);
  assert.equal(new URL(page.url()).pathname, "/kam-workbench/accounts/new");
  await page.fill("#account-name", "Nordlicht Logistik GmbH");
  await page.click("[data-testid=submit-account]");
  await page.waitForSelector("[data-testid=account-title]");
  // The header link to another area, right after the edit: the debounced
  // save must not be lost with the page.
  const toTargets = await wasmRequests(page, async () => {
    await page.click(".kam-nav a[href$='/targets']");
    await page.waitForSelector("[data-testid=load-sample], [data-testid=customer-table]");
  });
  assert.ok(toTargets.some((f) => /^kam-targets-[0-9a-f]+_bg\.wasm$/.test(f)), `targets wasm loaded, got ${toTargets}`);
  assert.match(await stored(page), /Nordlicht Logistik GmbH/);
  // Back returns to the key account, served by its own area again.
  await page.goBack();
  await page.waitForSelector("[data-testid=account-title]");
  assert.match(await page.textContent("[data-testid=account-title]"), /Nordlicht Logistik GmbH/);
  await done(context);
});

test("an unknown path shows \"page not found\" with a way home", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server, "gibt-es-nicht");
  await page.waitForSelector("[data-testid=not-found]");
  await page.click("[data-testid=not-found] a");
  await page.waitForSelector("[data-testid=getting-started]");
  await done(context);
});

test("an undo carried to the next area is withdrawn once something is edited there", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server, "targets");
  await page.click("[data-testid=load-sample]");
  await page.waitForSelector("[data-testid=customer-table]");
  await page.click("[data-testid=targets-tabs] a[href$='/targets/scoring']");
  await page.waitForSelector("[data-testid=ranking]");
  // The notice came along: undo would bring back the empty list.
  await page.waitForSelector("[data-testid=toast-undo]");
  // An edit here: undoing now would also undo it, so the offer is gone.
  const weight = page.locator("[data-testid=criterion-weight]").first();
  await weight.fill("30");
  await weight.press("Tab");
  await page.waitForSelector("[data-testid=toast-undo]", { state: "detached" });
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("kam-workbench/workspace") ?? "{}").data?.targets?.customers?.length === 14);
  await done(context);
});
