// Screenshots and printed PDFs of block "Menschen im KAM" (the people and
// their load, organising KAM, the role description, a key account team and
// a competency profile) for review (not a test):
//   node e2e/screenshots-people.mjs [out-dir]   (after building dist-e2e)
import { forEachLayout } from "./screenshot-support.mjs";

const id = (n) => `7c2d9e3f-1a4b-4c5d-8e6f-${String(n).padStart(12, "0")}`;
const at = "2026-11-01T09:00:00.000Z";
const [sued, berger] = [id(1), id(2)];
const [eva, martin, petra, tom] = [id(11), id(12), id(13), id(14)];
const area = (n, name, target, development) => ({ id: id(n), name, target, development });
const areas = [
  area(21, "Geschäft des Kunden verstehen", 5, "Geschäftsbericht und Strategie des Kunden durcharbeiten und mit ihm über seine Ziele sprechen."),
  area(22, "Strategische Account-Planung", 5, "Den nächsten Account-Plan gemeinsam mit einem erfahrenen Key Account Manager aufstellen."),
  area(23, "Nutzen in Zahlen verkaufen", 4, "Für zwei Angebote den Nutzen für den Kunden in Euro berechnen und im Team vorstellen."),
  area(24, "Verhandeln", 4, "Ein Verhandlungstraining besuchen und die nächste Jahresverhandlung gemeinsam vorbereiten."),
  area(25, "Team ohne Weisungsbefugnis führen", 4, "Jedes Quartal eine Besprechung des Key-Account-Teams leiten und sich danach Rückmeldung geben lassen."),
  area(26, "Beziehungen im Buying Center aufbauen", 5, "Für jede Entscheiderrolle im Buying Center einen Kontaktplan aufstellen und einhalten."),
  area(27, "Kennzahlen und Deckungsbeiträge lesen", 4, "Mit dem Controlling die Deckungsbeitragsrechnung des eigenen Key Accounts durchgehen."),
  area(28, "Die eigene Organisation bewegen", 4, "Ein Kundenprojekt mit zwei anderen Funktionen planen und die Abstimmung selbst steuern."),
];
const rate = (ratings) => ratings.map(([n, own, superior]) => ({ area: id(n), own, superior }));
const task = (n, name, raci) => ({ id: id(n), name, raci });
const workspace = {
  format: "kam-workbench", version: 10, app_version: "0.1.0", exported_at: at,
  data: {
    accounts: [
      { id: sued, created: at, modified: at, name: "Südwind Handel AG", industry: "Großhandel", kam_responsible: "Eva Lang" },
      { id: berger, created: at, modified: at, name: "Berger Maschinenbau GmbH & Co. KG", industry: "Maschinenbau", kam_responsible: "Eva Lang" },
    ],
    account_teams: [
      { account_id: sued, created: at, modified: at, data: {
        members: [
          { person: eva, role: "Leitung des Teams", days: 6 },
          { person: martin, role: "Lieferketten und Lager", days: 2 },
          { person: petra, role: "Konditionen und Verträge", days: 1.5 },
        ],
        tasks: [
          task(31, "Analyse des Key Accounts", [[eva, "accountable"], [eva, "responsible"], [martin, "consulted"]]),
          task(32, "Account-Plan", [[eva, "accountable"], [eva, "responsible"], [petra, "consulted"]]),
          task(33, "Jahresgespräch", [[eva, "accountable"], [eva, "responsible"], [martin, "informed"]]),
          task(34, "Angebote und Preise", [[petra, "accountable"], [eva, "responsible"]]),
          task(35, "Lieferung und Service", [[martin, "responsible"]]),
          task(36, "Reklamationen", [[eva, "accountable"], [martin, "accountable"], [martin, "responsible"]]),
          task(37, "Reporting", [[eva, "accountable"]]),
        ],
      } },
      { account_id: berger, created: at, modified: at, data: {
        members: [{ person: eva, role: "Leitung des Teams", days: 5 }, { person: tom, role: "Anwendungstechnik", days: 3 }],
        tasks: [task(41, "Analyse des Key Accounts", [[eva, "accountable"], [tom, "responsible"]])],
      } },
    ],
    people: {
      modified: at,
      organisation: {
        form: "account_teams", reporting_line: "Vertriebsleitung (Dr. Sabine Roth)",
        authority: { prices: "within_limits", contracts: "proposes", resources: "within_limits" },
        authority_note: "Rabatte bis 5 % ohne Rücksprache; Rahmenverträge zeichnet die Vertriebsleitung mit.",
        interfaces: [
          { id: id(51), function: "Marketing", contact: "Jonas Frei", rule: "Kampagnen für Key Accounts stimmen wir sechs Wochen vorher ab." },
          { id: id(52), function: "Produktmanagement", contact: "", rule: "" },
          { id: id(53), function: "Logistik", contact: "Martin Kühn", rule: "Lieferengpässe meldet die Logistik am selben Tag." },
          { id: id(54), function: "Service", contact: "Petra Hahn", rule: "" },
          { id: id(55), function: "Finanzen und Controlling", contact: "Ute Berg", rule: "Monatlicher Deckungsbeitrag je Key Account bis zum 5. Arbeitstag." },
        ],
      },
      role: {
        tasks: "Account-Plan jährlich erstellen und mit dem Kunden abstimmen\nKey-Account-Team führen und Aufgaben verteilen\nJahresgespräch vorbereiten und leiten\nPlan-Ist-Abweichungen erklären und gegensteuern",
        areas,
      },
      colleagues: [
        { id: eva, name: "Eva Lang", function: "Key Account Manager", availability: 10,
          assessments: [
            { id: id(61), date: "2025-11-15", ratings: rate([[21, 3, 3], [22, 3, 2], [23, 3, 3], [24, 4, 3], [25, 2, 2], [26, 3, 3], [27, 2, 2], [28, 3, 3]]) },
            { id: id(62), date: "2026-11-10", ratings: rate([[21, 4, 4], [22, 4, 3], [23, 3, 3], [24, 4, 4], [25, 3, 2], [26, 4, 3], [27, 3, 2], [28, 4, 3]]) },
          ],
          development: [
            { id: id(71), area: id(27), text: "Mit dem Controlling die Deckungsbeitragsrechnung des eigenen Key Accounts durchgehen.", due: "2026-09-30" },
            { id: id(72), area: id(25), text: "Jedes Quartal eine Besprechung des Key-Account-Teams leiten.", due: "2027-02-28", done: true },
          ] },
        { id: martin, name: "Martin Kühn", function: "Logistik", availability: 3 },
        { id: petra, name: "Petra Hahn", function: "Innendienst und Verträge" },
        { id: tom, name: "Tom Weiß", function: "Anwendungstechnik", availability: 8 },
      ],
    },
  },
};

await forEachLayout({ workspace }, async ({ page, server, tag, shot, pdf }) => {
  for (const [path, name, ready] of [
    ["people", "people", "[data-testid=ppl-row]"],
    ["people/organisation", "organisation", "[data-testid=org-interface]"],
    ["people/role", "role", "[data-testid=role-area]"],
    [`people/team/${sued}`, "team", "[data-testid=team-task]"],
    [`people/competency/${eva}`, "competency", "[data-testid=comp-radar] svg"],
    [`people/competency/development/${eva}`, "competency-development", "[data-testid=comp-change]"],
  ]) {
    await page.goto(server.url(path));
    await page.waitForSelector(ready, { state: "attached", timeout: 10000 });
    await shot(name);
    if (tag === "desktop") await pdf(name);
  }
});
