// Takes screenshots of the release build for review and for the README:
//   node e2e/screenshots.mjs [out-dir]   (after building dist-e2e)
// Not a test; run it and look at the pictures.
import { mkdirSync, writeFileSync } from "node:fs";
import { createAccount, freshContext, launch, startServer } from "./support.mjs";

const out = process.argv[2] ?? "/tmp/kam-shots";
mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await launch();
const accounts = [
  { name: "Rheinwerk Chemie AG", industry: "Spezialchemie", country: "Deutschland", kam: "Jana Becker", revenue: "4.250.000" },
  { name: "Nordstahl AG", industry: "Stahl", country: "Deutschland", kam: "Tobias Krüger", revenue: "2.180.000" },
  { name: "Lumen Medical B.V.", industry: "Medizintechnik", country: "Niederlande", kam: "Jana Becker", revenue: "960.000" },
  { name: "Südfrucht eG", industry: "Lebensmittel", country: "Italien", kam: "Aylin Demir" },
];
for (const [width, height, tag] of [[1280, 900, "desktop"], [390, 844, "phone"]]) {
  for (const lang of ["de", "en"]) {
    const context = await freshContext(browser, server, { viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(server.url());
    await page.waitForSelector(".kam-header");
    await page.evaluate((l) => localStorage.setItem("kam-workbench/language", JSON.stringify(l)), lang);
    await page.reload();
    await page.waitForSelector(".kam-header");
    await page.screenshot({ path: `${out}/${tag}-${lang}-home-empty.png`, fullPage: true });
    for (const a of accounts) await createAccount(page, server, { ...a, revenue: lang === "en" ? a.revenue?.replaceAll(".", ",") : a.revenue });
    for (const [path, name] of [["", "home"], ["accounts", "accounts"], ["blocks/potentials", "block"], ["settings", "settings"]]) {
      await page.goto(server.url(path));
      await page.waitForSelector(".kam-main h1");
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/${tag}-${lang}-${name}.png`, fullPage: true });
    }
    await page.goto(server.url("accounts"));
    await page.click("[data-testid=account-row] th a >> nth=0");
    await page.fill("#account-name", "");
    await page.fill("#account-revenue", "viel");
    await page.click("[data-testid=submit-account]");
    await page.screenshot({ path: `${out}/${tag}-${lang}-account-invalid.png`, fullPage: true });
    const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("kam-workbench/workspace")));
    stored.data.accounts[0].modified = "2099-01-01T00:00:00.000Z";
    stored.data.accounts[0].industry = "Chemie (aus der Datei)";
    stored.data.accounts.push({ ...stored.data.accounts[1], id: "00000000-0000-4000-8000-000000000077", name: "Kollegen-Kunde GmbH" });
    await page.goto(server.url("data"));
    await page.setInputFiles("[data-testid=import-file]", { name: "kollege.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(stored)) });
    await page.waitForSelector("[data-testid=import-preview]");
    await page.screenshot({ path: `${out}/${tag}-${lang}-import-preview.png`, fullPage: true });
    await page.setInputFiles("[data-testid=import-file]", { name: "kunden.csv", mimeType: "text/csv", buffer: Buffer.from("Kunde;Umsatz\n") });
    await page.waitForSelector("[data-testid=import-error]");
    await page.screenshot({ path: `${out}/${tag}-${lang}-import-error.png`, fullPage: true });
    if (tag === "desktop" && lang === "de") {
      await page.goto(server.url("accounts"));
      await page.waitForSelector("[data-testid=accounts-table]");
      writeFileSync(`${out}/print-accounts.pdf`, await page.pdf({ format: "A4", printBackground: true }));
      await page.goto(server.url());
      await page.waitForSelector(".kam-blocks");
      writeFileSync(`${out}/print-home.pdf`, await page.pdf({ format: "A4", printBackground: true }));
    }
    if (context.problems.length) console.error(tag, lang, context.problems);
    await context.close();
  }
}
await browser.close();
server.close();
console.log(`screenshots in ${out}`);
