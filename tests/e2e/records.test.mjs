// End-to-end: the record model keeps its promise that whatever the app saves
// it can load again — merges within the limits, deletions that travel,
// emptiness that counts every kind of record, and errors in the user's words.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createAccount, done, freshContext, open, stored, useBrowser } from "./support.mjs";

const env = useBrowser();

/// A workspace file of `count` key accounts with ids starting at `from`.
function accountsFile(from, count) {
  const accounts = [];
  for (let n = from; n < from + count; n++) {
    const id = `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
    accounts.push({ id, created: "2026-01-01T00:00:00.000Z", modified: "2026-01-01T00:00:00.000Z", name: `Kunde ${n}` });
  }
  return Buffer.from(JSON.stringify({ format: "kam-workbench", version: 4, app_version: "0.1.0", exported_at: "2026-01-02T00:00:00.000Z", data: { accounts } }));
}

async function importFile(page, name, buffer) {
  await page.setInputFiles("[data-testid=import-file]", { name, mimeType: "application/json", buffer });
  await page.waitForSelector("[data-testid=import-preview], [data-testid=import-error]");
}

// Regression: export and reset were greyed out when the workspace held only
// a customer list (emptiness looked at the key accounts alone).
test("a workspace with only a customer list can be exported and reset", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server, "targets");
  await page.click("[data-testid=load-sample]");
  await page.waitForSelector("[data-testid=customer-table]");
  await page.goto(env.server.url("data"));
  assert.equal(await page.isEnabled("[data-testid=export-workspace]"), true);
  await page.goto(env.server.url("settings"));
  assert.equal(await page.isEnabled("[data-testid=reset]"), true);
  await done(context);
});

// Regression: two files of 3,000 key accounts each merged into 6,000, over
// the limit of 5,000; it was saved and the next start moved everything to
// recovery.
test("a merge beyond the limit is refused in the preview; the next start loads normally", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server, "data");
  await importFile(page, "teil-1.json", accountsFile(1, 3000));
  await page.click("[data-testid=apply-import]");
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("kam-workbench/workspace") ?? "{}").data?.accounts?.length === 3000);
  await importFile(page, "teil-2.json", accountsFile(10001, 3000));
  const refusal = await page.textContent("[data-testid=merge-refused]");
  assert.match(refusal, /Es wären 6000 Key Accounts; die KAM Workbench verwaltet höchstens 5000/);
  assert.doesNotMatch(refusal.split("Technische Angabe")[0], /accounts|records/, "no technical words in the sentence");
  assert.equal(await page.isEnabled("[data-testid=apply-import]"), false);
  await page.reload();
  await page.waitForSelector(".kam-header");
  assert.equal(await page.locator("[data-testid=banner]").count(), 0, "no recovery banner");
  assert.equal(JSON.parse(await stored(page)).data.accounts.length, 3000);
  await done(context);
});

// Regression: a file with a broken reference was reported with English
// technical text inside the German sentence.
test("a broken file is explained in German, with the technical place only as a detail", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server, "data");
  const file = JSON.parse(accountsFile(1, 1).toString());
  file.data.accounts[0].parent_id = "00000000-0000-4000-8000-0000000000ff";
  await importFile(page, "verweis.json", Buffer.from(JSON.stringify(file)));
  const sentence = await page.locator("[data-testid=import-error] p").first().textContent();
  assert.match(sentence, /Key Account 1, Feld „Gehört zum Konzern“: Verweist auf einen Key Account, den es nicht gibt/);
  assert.doesNotMatch(sentence, /points to|accounts\[/);
  assert.match(await page.textContent("[data-testid=error-detail]"), /data\.accounts\[0\]\.parent_id/);
  await done(context);
});

// Regression: merging a colleague's file from before a delete brought the
// deleted key account back.
test("a deleted key account stays deleted when an older file is merged, and the preview says so", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server);
  await createAccount(page, env.server, { name: "Bleibt AG" });
  await createAccount(page, env.server, { name: "Weg GmbH" });
  const before = await stored(page);
  await page.click("[data-testid=delete-account]");
  await page.click("[data-testid=confirm-delete]");
  await page.waitForSelector("[data-testid=toast]");
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("kam-workbench/workspace")).data.accounts.length === 1);
  await page.goto(env.server.url("data"));
  await importFile(page, "kollege-alt.json", Buffer.from(before));
  const rows = await page.locator("[data-testid=plan-row]").allTextContents();
  assert.deepEqual(rows, ["Bleibt AGbleibt unverändert (identisch)", "Weg GmbHbleibt gelöscht – hier erst nach der letzten Änderung in der Datei gelöscht"]);
  await page.reload();
  await page.goto(env.server.url("accounts"));
  await page.waitForSelector("[data-testid=account-row]");
  assert.deepEqual(await page.locator("[data-testid=account-row] th").allTextContents(), ["Bleibt AG"]);
  // The deletion travels in the exported file, so the colleague's merge drops it too.
  const saved = JSON.parse(await stored(page));
  assert.equal(saved.version, 11);
  assert.equal(saved.data.deleted.length, 1);
  assert.equal(saved.data.deleted[0].family, "account");
  await done(context);
});

test("a deleted Fitness-Check comes back with undo", async () => {
  const context = await freshContext(env.browser, env.server);
  const page = await open(context, env.server, "fitness");
  await page.click("[data-testid=start-check]");
  await page.waitForSelector("#check-respondent");
  await page.goto(env.server.url("fitness"));
  await page.waitForSelector("[data-testid=fitness-row]");
  await page.click("[data-testid=fitness-row] button");
  await page.waitForSelector("[data-testid=toast-undo]");
  assert.equal(await page.locator("[data-testid=fitness-row]").count(), 0);
  await page.click("[data-testid=toast-undo]");
  await page.waitForSelector("[data-testid=fitness-row]");
  await page.waitForFunction(() => {
    const ws = JSON.parse(localStorage.getItem("kam-workbench/workspace"));
    return ws.data.fitness_checks.length === 1 && !ws.data.deleted;
  });
  await done(context);
});
