// Screenshots and printed PDFs of block "Prozesse und Tools" (the customer
// satisfaction analysis, the annual review talk with its two printed
// sheets, the process cycle and the toolbox) for review (not a test):
//   node e2e/screenshots-processes.mjs [out-dir]   (after building dist-e2e)
import { forEachLayout } from "./screenshot-support.mjs";

const account = "5b1c8d2f-6e3a-4f7b-9c0d-1e2f3a4b5c01";
const id = (n) => `5b1c8d2f-6e3a-4f7b-9c0d-${String(n).padStart(12, "0")}`;
const at = "2026-11-01T09:00:00.000Z";
const score = (mean, answers) => ({ mean, answers });
const item = (n, name, importance, satisfaction) => ({ id: id(n), name, importance, satisfaction });
const surveys = [
  {
    id: id(1), title: "Kundenbefragung Herbst", date: "2026-10-15",
    items: [
      item(11, "Liefertreue", score(4.7, 24), score(2.9, 24)),
      item(12, "Technische Beratung", score(4.1, 24), score(4.4, 24)),
      item(13, "Preis-Leistungs-Verhältnis", score(4.4, 23), score(3.1, 23)),
      item(14, "Reklamationsbearbeitung", score(3.9, 22), score(2.6, 22)),
      item(15, "Erreichbarkeit des Innendienstes", score(3.2, 24), score(4.2, 24)),
      item(16, "Musterservice", score(2.1, 20), score(4.6, 20)),
      item(17, "Digitale Bestellung (EDI)", score(2.8, 21), score(2.4, 21)),
      item(18, "Nachhaltige Verpackung", null, score(3.8, 12)),
    ],
    recommendation: [0, 1, 0, 1, 1, 2, 2, 3, 4, 5, 5],
  },
  {
    id: id(2), title: "Kundenbefragung Herbst", date: "2025-10-20",
    items: [
      item(21, "Liefertreue", score(4.6, 20), score(3.4, 20)),
      item(22, "Technische Beratung", score(4.0, 20), score(4.1, 20)),
      item(23, "Preis-Leistungs-Verhältnis", score(4.5, 20), score(3.0, 20)),
      item(24, "Reklamationsbearbeitung", score(4.0, 19), score(3.1, 19)),
    ],
    recommendation: [1, 0, 1, 1, 2, 2, 3, 3, 3, 3, 1],
  },
];
const second = id(900);
const old = "2025-06-01T09:00:00.000Z";
const line = (n, year, revenue, margin) => ({ id: id(n), year, revenue, margin });
const action = (n, title, owner, due, status, talk) => ({ id: id(n), title, owner, due, status, ...(talk ? { talk } : {}) });
const point = (n, title, notes) => ({ id: id(n), title, notes });
const talks = [
  {
    id: id(61), year: 2025, date: "2026-02-10", planned_revenue: 2000000,
    participants: "Dr. Petra Hahn (Einkaufsleitung), Martin Kühn (Logistik), Eva Lang (KAM)",
    agenda: [
      point(71, "Rückblick auf das Jahr: Zahlen, Erfolge, Probleme", "Umsatz unter Plan, weil zwei Projekte ins Folgejahr gerutscht sind.\nLiefertreue im Herbst spürbar schlechter."),
      point(72, "Zufriedenheit und Rückmeldungen des Kunden", "NPS gesunken; Kritik an Reklamationsbearbeitung."),
      point(73, "Pläne und Herausforderungen des Kunden im kommenden Jahr", "Neues Zentrallager in Kassel ab Q3."),
      point(74, "Unsere Vorschläge", ""),
      point(75, "Vereinbarungen und nächste Schritte", "Siehe vereinbarte Maßnahmen."),
    ],
  },
  { id: id(62), year: 2024, date: "2025-02-14", agenda: [point(76, "Rückblick", "Gutes Jahr.")] },
];
const workspace = {
  format: "kam-workbench", version: 9, app_version: "0.1.0", exported_at: at,
  data: {
    accounts: [
      { id: account, created: at, modified: at, name: "Südwind Handel AG", industry: "Großhandel", kam_responsible: "Eva Lang" },
      { id: second, created: at, modified: at, name: "Berger Maschinenbau GmbH & Co. KG", industry: "Maschinenbau", kam_responsible: "Tom Weiß" },
    ],
    account_plans: [{ account_id: account, created: at, modified: at, data: { vision: "", strategies: "", actions: [
      action(51, "Liefertreue-Workshop mit der Logistik", "Eva Lang", "2026-03-31", "done", id(61)),
      action(52, "Reklamationsprozess gemeinsam vereinfachen", "Martin Kühn", "2026-09-30", "in_progress", id(61)),
      action(53, "Rahmenvertrag Zentrallager Kassel anbieten", "Eva Lang", "2027-01-31", "open", id(61)),
      action(54, "Musterpaket für die neue Filialserie", "Tom Weiß", "2026-10-15", "open"),
      action(55, "Besuch beim Werk Ulm", "", "2026-08-01", "open", id(62)),
    ] } }],
    own_business: [
      { account_id: account, created: at, modified: at, data: { revenue: [line(81, 2024, 1900000, 285000), line(82, 2025, 1780000, 240000)], demand: 6000000, stage: "cooperative" } },
      { account_id: second, created: old, modified: old, data: { revenue: [line(83, 2024, 640000, 70000)] } },
    ],
    satisfaction_surveys: [{ account_id: account, created: at, modified: at, data: { surveys } }],
    annual_reviews: [{ account_id: account, created: at, modified: at, data: { talks } }],
    process_cycles: [{ account_id: account, created: at, modified: at, data: { rhythms: [["analysis_update", 12], ["plan_update", 6], ["quarterly_review", 3], ["annual_review", 12], ["satisfaction_survey", 12]], done: [{ step: "quarterly_review", day: "2026-09-20" }] } }],
  },
};
const csv = Buffer.from([
  "Befragte;Liefertreue - Wichtigkeit;Liefertreue - Zufriedenheit;Beratung - Wichtigkeit;Beratung - Zufriedenheit;Weiterempfehlung",
  "A;5;2;2;5;10", "B;5;2;1;5;9", "C;4;sehr gut;2;4;9", "D;5;2;2;5;12", "E;5;3;2;5;7",
].join("\r\n") + "\r\n", "latin1");

await forEachLayout({ workspace }, async ({ page, server, tag, shot, pdf }) => {
  for (const [path, name, ready] of [
    [`processes/satisfaction/${account}`, "satisfaction-entry", "[data-testid=sat-survey]"],
    [`processes/satisfaction/results/${account}`, "satisfaction-results", "[data-testid=sat-grid] svg"],
    [`processes/satisfaction/import/${account}`, "satisfaction-import", "[data-testid=sat-file]"],
  ]) {
    await page.goto(server.url(path));
    await page.waitForSelector(ready, { state: "attached", timeout: 10000 });
    if (name === "satisfaction-import") {
      await page.setInputFiles("[data-testid=sat-file]", { name: "Befragung.csv", mimeType: "text/csv", buffer: csv });
      await page.waitForSelector("[data-testid=sat-preview]");
    }
    await shot(name);
    if (tag === "desktop" && name === "satisfaction-results") await pdf(name);
  }
  for (const [page_, name, ready] of [["review/prep", "review-prep", "[data-testid=rev-figures]"], ["review", "review-minutes", "[data-testid=rev-agreed-row]"]]) {
    await page.goto(server.url(`processes/${page_}/${account}?talk=${id(61)}`));
    await page.waitForSelector(ready);
    await shot(name);
    if (tag === "desktop") await pdf(name);
  }
  for (const [path, name, ready] of [
    ["processes/cycle", "cycle", "[data-testid=cyc-row]"],
    ["processes/toolbox", "toolbox", "[data-testid=toolbox-row]"],
  ]) {
    await page.goto(server.url(path));
    await page.waitForSelector(ready);
    await shot(name);
    if (tag === "desktop") await pdf(name);
  }
});
