// Screenshots of the Fitness-Check, the foundations notes and the block
// pages for review (not a test):
//   node e2e/screenshots-fitness.mjs [out-dir]   (after building dist-e2e)
import { forEachLayout } from "./screenshot-support.mjs";

await forEachLayout({}, async ({ page, context, server, tag, lang, out }) => {
    const shot = async (name) => {
      await page.waitForTimeout(250);
      await page.screenshot({ path: `${out}/${tag}-${lang}-${name}.png`, fullPage: true });
    };
    await page.goto(server.url("fitness"));
    await page.waitForSelector("[data-testid=start-check]");
    await shot("fitness-empty");
    await page.click("[data-testid=start-check]");
    await page.fill("#check-respondent", "Jana Becker");
    await page.fill("#check-unit", "Vertrieb Süd");
    await page.locator("#check-unit").blur();
    await shot("fitness-details");
    await page.click("[data-testid=check-begin]");
    await page.waitForSelector("[data-testid=check-area]");
    await shot("fitness-area");
    let value = 0;
    while (await page.locator("[data-testid=check-area]").count()) {
      const statements = page.locator("[data-testid=statement]");
      const n = await statements.count();
      for (let i = 0; i < n; i++) {
        await statements.nth(i).locator("input").first().focus();
        await page.keyboard.press(String(value++ % 5));
      }
      await page.click("[data-testid=check-next]");
      await page.waitForTimeout(50);
    }
    await page.waitForSelector("[data-testid=check-result]");
    await shot("fitness-result");
    await page.goto(server.url("fitness"));
    await page.waitForSelector("[data-testid=fitness-row]");
    await shot("fitness-list");
    await page.goto(server.url("fitness/group"));
    await page.waitForSelector(".kam-main h1");
    await shot("fitness-group");
    await page.goto(server.url("foundations"));
    await page.waitForSelector(".kam-main h1");
    await shot("foundations");
    for (const block of ["fit", "goals", "potentials", "people", "processes", "results"]) {
      await page.goto(server.url(`blocks/${block}`));
      await page.waitForSelector(".kam-main h1");
      await shot(`block-${block}`);
    }
    await page.goto(server.url("data"));
    await page.waitForSelector(".kam-main h1");
    await shot("data");
});
