// Screenshots and a printed PDF of the Buying Center for review (not a test):
//   node e2e/screenshots-potentials.mjs [out-dir]   (after building dist-e2e)
import { mkdirSync } from "node:fs";
import { freshContext, launch, open, startServer } from "./support.mjs";

const out = process.argv[2] ?? "/tmp/kam-shots";
mkdirSync(out, { recursive: true });
const account = "3a0b7c1e-5d2f-4e6a-8b9c-0d1e2f3a4b01";
const id = (n) => `3a0b7c1e-5d2f-4e6a-8b9c-0000000000${String(n).padStart(2, "0")}`;
const at = "2026-11-01T09:00:00.000Z";
const person = (n, name, fn, extra) => ({ id: id(n), name, function: fn, owner: "", win: "", ...extra });
const persons = [
  person(1, "Dr. Anna Berg", "Geschäftsführerin", { roles: ["decider", "initiator"], influence: 5, attitude: 1, relationship: 4, owner: "Jens Vogt", last_contact: "2026-10-20", win: "Will die Logistikkosten bis 2028 um 10 % senken." }),
  person(2, "Tom Kurz", "Leiter Einkauf", { reports_to: id(1), roles: ["buyer", "gatekeeper"], influence: 4, attitude: -1, relationship: 2, owner: "Eva Lang", last_contact: "2026-05-02" }),
  person(3, "Lea Roth", "Leiterin Technik", { reports_to: id(1), roles: ["influencer"], mh_roles: ["technical_buyer"], influence: 4 }),
  person(4, "Markus Engel", "Lagerleiter Hamburg", { reports_to: id(3), roles: ["user"], influence: 2, attitude: 2, relationship: 3, owner: "Eva Lang" }),
  person(5, "Sabine Yilmaz", "Disponentin", { reports_to: id(4), roles: ["user"], influence: 1, attitude: 1 }),
  person(6, "Jörg Wendt", "Controller", { reports_to: id(1), roles: ["approver"], influence: 3, attitude: 0 }),
];
const goal = (n, horizon, text) => ({ id: id(40 + n), horizon, text });
const action = (n, title, owner, due, status, goalId) => ({ id: id(60 + n), title, owner, due, status, goal: goalId });
const plan = {
  vision: "Nordlicht sieht uns 2029 als ersten Partner für Verpackung und Lagertechnik in allen norddeutschen Standorten.",
  strategies: "Über die Technik (Lea Roth) Zugang zum Einkauf gewinnen; Pilot im Lager Hamburg als Referenz nutzen.",
  goals: [goal(1, "strategic", "Lieferanteil Verpackung von 25 % auf 45 % bis 2029"), goal(2, "operational", "Pilot im Lager Hamburg bis Juni abschließen")],
  actions: [
    action(1, "Werksbesuch Hamburg mit Lea Roth", "Eva Lang", "2026-10-15", "open", id(42)),
    action(2, "Angebot Rahmenvertrag Verpackung", "", "2027-01-20", "in_progress", id(41)),
    action(3, "Referenzbesuch bei Kunde Süd", "Jens Vogt", "2026-09-01", "done", id(41)),
    action(4, "Einkaufsleiter Tom Kurz zum Innovationstag einladen", "Jens Vogt", "2026-12-10", "open", null),
  ],
  questions: [{ id: id(90), text: "Wer verhandelt den Rahmenvertrag 2027?" }],
};
const workspace = {
  format: "kam-workbench", version: 5, app_version: "0.1.0", exported_at: at,
  data: {
    accounts: [{ id: account, created: at, modified: at, name: "Nordlicht Logistik GmbH", industry: "Logistik", kam_responsible: "Jens Vogt" }],
    buying_centers: [{ account_id: account, created: at, modified: at, data: { persons, contact_days: 90, lens: "classic" } }],
    account_plans: [{ account_id: account, created: at, modified: at, data: plan }],
  },
};
const server = await startServer();
const browser = await launch();
for (const [width, height, tag] of [[1280, 900, "desktop"], [390, 844, "phone"]]) {
  for (const lang of ["de", "en"]) {
    const context = await freshContext(browser, server, { viewport: { width, height } });
    const page = await open(context, server);
    await page.evaluate(([l, ws]) => {
      localStorage.setItem("kam-workbench/language", JSON.stringify(l));
      localStorage.setItem("kam-workbench/workspace", ws);
    }, [lang, JSON.stringify(workspace)]);
    await page.goto(server.url(`accounts/${account}`));
    await page.waitForSelector("[data-testid=account-analysis]");
    await page.screenshot({ path: `${out}/${tag}-${lang}-account-analysis.png`, fullPage: true });
    await page.goto(server.url(`potentials/buying-center/${account}`));
    await page.waitForSelector("[data-testid=bc-map] svg");
    await page.screenshot({ path: `${out}/${tag}-${lang}-buying-center.png`, fullPage: true });
    if (tag === "desktop") {
      await page.emulateMedia({ media: "print" });
      await page.pdf({ path: `${out}/${lang}-buying-center.pdf`, format: "A4", printBackground: true });
      await page.emulateMedia({ media: "screen" });
    }
    for (const [path, name, ready] of [
      [`potentials/plan/${account}`, "plan", "[data-testid=plan-actions]"],
      [`potentials/overview/${account}`, "overview", "[data-testid=overview-map] svg"],
      ["potentials/actions", "open-actions", "[data-testid=open-actions]"],
      ["accounts", "accounts", "[data-testid=account-row]"],
    ]) {
      await page.goto(server.url(path));
      await page.waitForSelector(ready);
      await page.screenshot({ path: `${out}/${tag}-${lang}-${name}.png`, fullPage: true });
      if (tag === "desktop" && name !== "accounts") {
        await page.emulateMedia({ media: "print" });
        await page.pdf({ path: `${out}/${lang}-${name}.pdf`, format: "A4", printBackground: true });
        await page.emulateMedia({ media: "screen" });
      }
    }
    await context.close();
  }
}
await browser.close();
server.close();
console.log(`screenshots in ${out}`);
