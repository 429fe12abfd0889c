// Screenshots of the target customer selection for review (not a test):
//   node e2e/screenshots-targets.mjs [out-dir]   (after building dist-e2e)
import { writeFileSync } from "node:fs";
import { forEachLayout } from "./screenshot-support.mjs";

const fixture = (name) => new URL(`../fixtures/${name}`, import.meta.url).pathname;
// bypassCSP: the tool adds a style that lays out every card, so that
// full-page pictures are not blank below the fold (content-visibility).
await forEachLayout({ contextOptions: { bypassCSP: true } }, async ({ page, context, server, tag, lang, out }) => {
    await page.goto(server.url("targets"));
    await page.waitForSelector("[data-testid=targets-empty]");
    await page.screenshot({ path: `${out}/${tag}-${lang}-targets-empty.png`, fullPage: true });
    await page.goto(server.url("targets/import"));
    await page.setInputFiles("[data-testid=csv-file]", fixture("kunden-bewertet-de-1252.csv"));
    await page.waitForSelector("[data-testid=import-preview]");
    await page.screenshot({ path: `${out}/${tag}-${lang}-targets-import.png`, fullPage: true });
    await page.click("[data-testid=import-apply]");
    await page.setInputFiles("[data-testid=csv-file]", fixture("kunden-de-excel-1252.csv"));
    await page.waitForSelector("[data-testid=row-problems]");
    await page.screenshot({ path: `${out}/${tag}-${lang}-targets-import-problems.png`, fullPage: true });
    for (const [path, name, ready] of [
      ["targets", "list", "[data-testid=customer-table]"],
      ["targets/abc", "abc", "[data-testid=pareto] svg"],
      ["targets/scoring", "scoring", "[data-testid=grade-grid]"],
      ["targets/portfolio", "portfolio", "[data-testid=portfolio] svg"],
      ["targets/compare", "compare", "[data-testid=compare-table]"],
      ["targets/overview", "overview", "[data-testid=overview] svg"],
    ]) {
      await page.goto(server.url(path));
      await page.waitForSelector(ready);
      if (name === "portfolio" && (await page.locator(".kam-bubble-list button").count()) > 3) {
        await page.click(".kam-bubble-list summary");
        await page.click(".kam-bubble-list button >> nth=3");
        await page.waitForSelector("[data-testid=bubble-detail]");
      }
      await page.addStyleTag({ content: ".kam-targets > .kam-card { content-visibility: visible !important; }" });
      await page.waitForTimeout(200);
      await page.screenshot({ path: `${out}/${tag}-${lang}-targets-${name}.png`, fullPage: true });
      if (name === "overview" && tag === "desktop") {
        writeFileSync(`${out}/print-overview-${lang}.pdf`, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      }
    }
});
