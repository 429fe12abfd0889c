// Screenshots and printed PDFs of the account analysis for review (not a test):
//   node e2e/screenshots-potentials.mjs [out-dir]   (after building dist-e2e)
import { forEachLayout } from "./screenshot-support.mjs";

const account = "3a0b7c1e-5d2f-4e6a-8b9c-0d1e2f3a4b01";
const id = (n) => `3a0b7c1e-5d2f-4e6a-8b9c-${String(n).padStart(12, "0")}`;
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
const rival = (n, name) => ({ id: id(20 + n), name });
const rivals = [rival(1, "Packtec GmbH"), rival(2, "Nordverpackung AG"), rival(3, "LogiBox Europe")];
const req = (n, text, importance, ours, theirs) => ({
  id: id(100 + n), text, importance, ours,
  theirs: theirs.map((value, i) => ({ competitor: rivals[i].id, value })).filter((s) => s.value),
});
const requirements = {
  competitors: rivals,
  requirements: [
    req(1, "Liefertreue (termingenau, vollständig)", 5, 3, [4, 3, 4]),
    req(2, "Preis je Palettenplatz", 4, 2, [4, 3, 5]),
    req(3, "Technische Beratung vor Ort", 4, 5, [3, 2, 2]),
    req(4, "Nachhaltige Verpackung (Recyclinganteil)", 3, 4, [3, 4, 2]),
    req(5, "Digitale Bestellung über EDI", 3, 2, [3, 3, 4]),
    req(6, "Reaktionszeit bei Reklamationen", 5, 4, [3, 3, 3]),
    req(7, "Musterservice und Prototypen", 2, 5, [2, 3, 1]),
    req(8, "Rahmenvertrag mit Preisgleitklausel", 2, 1, [3, 2, 2]),
  ],
};
const site = (n, name) => ({ id: id(120 + n), name });
const group = (n, name) => ({ id: id(140 + n), name });
const sites = [site(1, "Lager Hamburg"), site(2, "Lager Bremen"), site(3, "Umschlag Kiel"), site(4, "Zentrale Hannover"), site(5, "Lager Rostock")];
const groups = [group(1, "Faltkartons"), group(2, "Stretchfolie"), group(3, "Paletten"), group(4, "Regalsysteme"), group(5, "Etiketten"), group(6, "Service")];
const states = ["supplied", "pipeline", "competitor", "gap", "not_relevant"];
const cells = [];
sites.forEach((s, r) => groups.forEach((g, c) => {
  const k = (r * 7 + c * 3) % 6;
  if (k < 5) cells.push({ site: s.id, group: g.id, state: states[k], ...(k < 4 ? { value: 20000 + 15000 * ((r + c) % 5) } : {}) });
}));
const line = (n, year, revenue, margin, siteId) => ({ id: id(160 + n), year, revenue, margin, ...(siteId ? { site: siteId } : {}) });
const business = {
  sites, groups, cells,
  revenue: [line(1, 2021, 610000, 140000), line(2, 2022, 700000, 150000), line(3, 2023, 760000, 171000), line(4, 2024, 690000, 120000), line(5, 2025, 520000, 110000, sites[0].id), line(6, 2025, 330000, 70000, sites[1].id)],
  demand: 3400000,
  stage: "cooperative",
};
const profile = {
  employees: 2400,
  revenue: 1450000000,
  key_products: "Kontraktlogistik für Handel und Industrie, Lagerhaltung, Kommissionierung, Verpackungsdienstleistungen.",
  decision_process: "Der Einkauf (Tom Kurz) holt drei Angebote ein; die Technik (Lea Roth) prüft Muster; ab 250.000 € gibt die Geschäftsführung frei. Rahmenverträge laufen jeweils zum 1. Januar aus.",
  strategy: "Bis 2029 zum Marktführer für Kontraktlogistik in Norddeutschland werden; Lager automatisieren; Verpackungsmaterial um 20 % reduzieren.",
  history: "Seit 2017 Lieferant für Faltkartons in Hamburg; 2023 Reklamationswelle bei Stretchfolie, seitdem gemeinsames Qualitätsgespräch je Quartal.",
  team: "Jens Vogt (KAM), Eva Lang (Innendienst), Dr. Paul Sommer (Anwendungstechnik)",
};
const named = (n, name) => ({ id: id(200 + n), name });
const trend = (n, text, area, meaning, consequence) => ({ id: id(220 + n), text, ...(area ? { area } : {}), ...(meaning ? { meaning } : {}), ...(consequence ? { consequence } : {}) });
const market = {
  markets: [named(1, "Lebensmitteleinzelhandel Norddeutschland"), named(2, "E-Commerce-Fulfillment"), named(3, "Ersatzteillogistik Automobil")],
  customers: [named(4, "Frischmarkt Nord eG"), named(5, "Bauhaus-Kette Hanse"), named(6, "Autoteile24 GmbH")],
  competitors: [named(7, "Hanse Logistik AG"), named(8, "Fiege-ähnliche Großanbieter")],
  trends: [
    trend(1, "Verpackungsgesetz: höhere Recyclingquoten", "legal", "opportunity", "Unsere Kartons mit 90 % Recyclinganteil als Lösung anbieten."),
    trend(2, "Automatisierung der Lager", "technological", "threat", "Automaten brauchen Normkartons – unser Sortiment prüfen, sonst verlieren wir Hamburg."),
    trend(3, "Kostendruck durch Mindestlohn und Energie", "economic", "threat", ""),
    trend(4, "Kunden wollen CO₂-Bilanz je Sendung", "environmental", null, ""),
  ],
};
const source = (n, name, tells, reliability, date, link) => ({ id: id(240 + n), name, tells, reliability, date, ...(link ? { link } : {}) });
const sources = {
  sources: [
    source(1, "Geschäftsbericht 2025", "Umsatz, Investitionen in Automatisierung, Standortplanung", "high", "2026-04-30", "https://www.nordlicht-logistik.example/investoren/bericht-2025.pdf"),
    source(2, "Gespräch mit Lea Roth auf der LogiMAT", "Pilot mit Normkartons geplant, Budget offen", "medium", "2026-03-12", ""),
    source(3, "Branchendienst Logistik heute", "Marktanteile im Norden", "medium", "2023-06-01", "javascript:alert(1)"),
  ],
};
const workspace = {
  format: "kam-workbench", version: 7, app_version: "0.1.0", exported_at: at,
  data: {
    accounts: [{ id: account, created: at, modified: at, name: "Nordlicht Logistik GmbH", industry: "Logistik", kam_responsible: "Jens Vogt" }],
    buying_centers: [{ account_id: account, created: at, modified: at, data: { persons, contact_days: 90, lens: "classic" } }],
    account_plans: [{ account_id: account, created: at, modified: at, data: plan }],
    requirements: [{ account_id: account, created: at, modified: at, data: requirements }],
    own_business: [{ account_id: account, created: at, modified: at, data: business }],
    account_profiles: [{ account_id: account, created: at, modified: at, data: profile }],
    markets: [{ account_id: account, created: at, modified: at, data: market }],
    information_sources: [{ account_id: account, created: at, modified: at, data: sources }],
  },
};
await forEachLayout({ workspace }, async ({ page, server, tag, shot, pdf }) => {
  await page.goto(server.url(`accounts/${account}`));
  await page.waitForSelector("[data-testid=account-analysis]");
  await shot("account-analysis");
  await page.goto(server.url(`potentials/buying-center/${account}`));
  await page.waitForSelector("[data-testid=bc-map] svg");
  await shot("buying-center");
  if (tag === "desktop") await pdf("buying-center");
  for (const [path, name, ready] of [
    [`potentials/profile/${account}`, "profile", "[data-testid=profile-basics]"],
    [`potentials/market/${account}`, "market", "[data-testid=mkt-summary]"],
    [`potentials/sources/${account}`, "sources", "[data-testid=src-item]"],
    [`potentials/plan/${account}`, "plan", "[data-testid=plan-actions]"],
    [`potentials/requirements/${account}`, "requirements", "[data-testid=req-grid] svg"],
    [`potentials/business/${account}`, "business", "[data-testid=biz-chart] svg"],
    [`potentials/whitespace/${account}`, "whitespace", "[data-testid=biz-matrix]"],
    [`potentials/overview/${account}`, "overview", "[data-testid=overview-map] svg"],
    ["potentials/actions", "open-actions", "[data-testid=open-actions]"],
    ["accounts", "accounts", "[data-testid=account-row]"],
  ]) {
    await page.goto(server.url(path));
    await page.waitForSelector(ready, { timeout: 10000 }).catch(async (e) => {
      console.error(path, (await page.textContent("main")).slice(0, 600));
      throw e;
    });
    await shot(name);
    if (tag === "desktop" && name !== "accounts") await pdf(name);
  }
});
