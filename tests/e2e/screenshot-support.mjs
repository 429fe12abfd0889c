// What the screenshot tools share (not a test): each page at desktop and
// phone width, in German and English, in a fresh browser profile seeded
// with the language and, if given, a workspace.
import { mkdirSync } from "node:fs";
import { freshContext, launch, open, startServer } from "./support.mjs";

const LAYOUTS = [[1280, 900, "desktop"], [390, 844, "phone"]];

/// Calls `visit` once per layout and language with the page and helpers:
/// `shot(name)` takes a full-page screenshot, `pdf(name)` prints to A4.
/// The output directory is the script's first argument (default
/// /tmp/kam-shots).
export async function forEachLayout({ workspace, contextOptions = {} }, visit) {
  const out = process.argv[2] ?? "/tmp/kam-shots";
  mkdirSync(out, { recursive: true });
  const server = await startServer();
  const browser = await launch();
  for (const [width, height, tag] of LAYOUTS) {
    for (const lang of ["de", "en"]) {
      const context = await freshContext(browser, server, { viewport: { width, height }, ...contextOptions });
      const page = await open(context, server);
      await page.evaluate(([l, ws]) => {
        localStorage.setItem("kam-workbench/language", JSON.stringify(l));
        if (ws) localStorage.setItem("kam-workbench/workspace", ws);
      }, [lang, workspace ? JSON.stringify(workspace) : null]);
      const shot = (name) => page.screenshot({ path: `${out}/${tag}-${lang}-${name}.png`, fullPage: true });
      const pdf = async (name) => {
        await page.emulateMedia({ media: "print" });
        await page.pdf({ path: `${out}/${lang}-${name}.pdf`, format: "A4", printBackground: true });
        await page.emulateMedia({ media: "screen" });
      };
      await visit({ page, context, server, tag, lang, out, shot, pdf });
      if (context.problems.length) console.error(tag, lang, context.problems);
      await context.close();
    }
  }
  await browser.close();
  server.close();
  console.log(`screenshots in ${out}`);
}
