// Screenshots and printed PDFs of the KAM introduction project (the plan
// with its timeline, the risk register, the programme goals) and of a key
// account's Balanced Scorecard, for review (not a test):
//   node e2e/screenshots-introduction.mjs [out-dir]   (after building dist-e2e)
import { forEachLayout } from "./screenshot-support.mjs";

const id = (n) => `5a1b2c3d-4e5f-4a6b-8c7d-${String(n).padStart(12, "0")}`;
const at = new Date().toISOString();
const day = (offset) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return d.toISOString().slice(0, 10);
};
let n = 100;
const task = (text, owner, due, status) => ({ id: id(n++), text, owner, due, status });
const phase = (key, start, end, checklist) => ({ phase: key, start: day(start), end: day(end), checklist });
const review = (offset, probability, impact, status = "open") => ({ date: day(offset), probability, impact, status });
const kpi = (k, perspective, name, unit, target, history) => ({
  id: id(k), perspective, name, unit, direction: "higher", target,
  history: history.map(([period, actual]) => ({ period, actual })),
});
const workspace = {
  format: "kam-workbench", version: 11, app_version: "0.1.0", exported_at: at,
  data: {
    accounts: [{ id: id(900), created: at, modified: at, name: "Südwind Handel AG", industry: "Großhandel", kam_responsible: "Eva Lang" }],
    scorecards: [{ account_id: id(900), created: at, modified: at, data: { kpis: [
      kpi(901, "financial", "Umsatz", "€", 2_400_000, [["2025-Q3", 2_050_000], ["2025-Q4", 2_280_000], ["2026-Q1", 2_310_000], ["2026-Q2", 2_455_000]]),
      kpi(902, "financial", "Deckungsbeitrag", "€", 720_000, [["2026-Q1", 640_000], ["2026-Q2", 668_000]]),
      kpi(903, "financial", "Lieferanteil (Share of Wallet)", "%", 35, [["2026-Q2", 28.5]]),
      kpi(904, "financial", "Umsatzwachstum zum Vorjahr", "%", 6, [["2026-Q2", 6.4]]),
      kpi(905, "customer", "Kundenzufriedenheit", "Punkte (1–5)", 4.2, [["2026-Q2", 4.0]]),
      kpi(906, "customer", "Net Promoter Score", "NPS", 30, [["2025-Q4", 12], ["2026-Q2", 22]]),
      kpi(907, "customer", "Whitespace abgedeckt", "%", 60, [["2026-Q2", 55]]),
      { ...kpi(908, "processes", "Alter des Account-Plans", "Tage", 90, [["2026-Q2", 75]]), direction: "lower" },
      kpi(909, "processes", "Maßnahmen termingerecht erledigt", "%", 80, [["2026-Q2", 64]]),
      kpi(910, "processes", "Jahresgespräche geführt", "Anzahl", 1, [["2026", 1]]),
      kpi(911, "learning", "Kompetenzen des Key-Account-Teams", "Punkte (1–5)", 4, [["2026-Q2", 3.6]]),
      kpi(912, "learning", "Kontakte je Entscheiderrolle im Buying Center", "Anzahl", 2, []),
    ] } }],
    introduction: {
      modified: at,
      goals: [
        { id: id(1), name: "Umsatzanteil der Key Accounts am Gesamtumsatz", unit: "%", target: 45, actual: 38.5, due: day(400) },
        { id: id(2), name: "Key Accounts mit aktuellem Account-Plan", unit: "Key Accounts", target: 12, actual: 12, due: day(200) },
        { id: id(3), name: "Umsatzwachstum der Key Accounts pro Jahr", unit: "%", target: 8, actual: 5.2, due: day(-20) },
        { id: id(4), name: "Reklamationsquote der Key Accounts", unit: "%", direction: "lower", target: 1.5 },
      ],
      phases: [
        phase("initiation", -90, -60, [
          task("Auftrag klären und einen Sponsor in der Geschäftsleitung gewinnen", "Dr. Sabine Roth", day(-80), "done"),
          task("Lenkungskreis und Projektleitung benennen", "Dr. Sabine Roth", day(-75), "done"),
          task("Ausgangslage mit dem KAM-Fitness-Check erheben", "Eva Lang", day(-70), "done"),
          task("Programmziele festlegen", "Lenkungskreis", day(-62), "done"),
        ]),
        phase("design", -59, 0, [
          task("Kriterien der Zielkundenauswahl festlegen und Key Accounts auswählen", "Eva Lang", day(-40), "done"),
          task("Organisationsform und Befugnisse der Key Account Manager bestimmen", "Dr. Sabine Roth", day(-20), "done"),
          task("Rollenbeschreibung und Soll-Profil ausarbeiten", "Personalabteilung", day(-10), "in_progress"),
          task("KAM-Prozesszyklus und Tools festlegen (Account-Plan, Jahresgespräch)", "Eva Lang", day(-5)),
          task("Kommunikation mit dem Vertrieb und den Schnittstellen planen", "Jonas Frei", day(5)),
        ]),
        phase("pilot", 1, 120, [
          task("Key Accounts und Teams für die Testphase auswählen", "Eva Lang", day(10)),
          task("Die Key Account Manager der Testphase schulen", "Trainer", day(30)),
          task("Account-Pläne für die Key Accounts der Testphase erstellen", "Key Account Manager", day(60)),
        ]),
        phase("roll_out", 121, 300, [task("Alle Beteiligten schulen", "Personalabteilung", day(200))]),
        { phase: "anchoring", checklist: [task("Dem Lenkungskreis regelmäßig über die Kennzahlen berichten", "Eva Lang")] },
      ],
      risks: [
        { id: id(11), title: "Der Vertrieb sieht KAM als Konkurrenz und zieht nicht mit", phase: "roll_out", owner: "Dr. Sabine Roth",
          mitigation: "Gebietsverkäufer früh einbinden; Provision für Key-Account-Umsatz teilen.",
          reviews: [review(-80, 4, 5), review(-30, 4, 4, "mitigating")] },
        { id: id(12), title: "Die Geschäftsleitung steht nicht sichtbar hinter dem Programm", phase: "initiation", owner: "Projektleitung",
          mitigation: "Auftakt durch den Geschäftsführer; Bericht im Lenkungskreis jedes Quartal.", reviews: [review(-80, 2, 5), review(-40, 1, 5, "closed")] },
        { id: id(13), title: "Rollen und Befugnisse der Key Account Manager bleiben unklar", phase: "design", owner: "Personalabteilung",
          mitigation: "Rollenbeschreibung bis Ende der Konzeption freigeben.", reviews: [review(-60, 3, 4)] },
        { id: id(14), title: "Für die Key Accounts der Testphase fehlen verlässliche Daten", phase: "pilot", owner: "Eva Lang",
          mitigation: "Steckbriefe und Buying Center vor dem Start vervollständigen.", reviews: [review(-20, 4, 3)] },
        { id: id(15), title: "Nach Projektende fällt die Organisation in alte Muster zurück", phase: "anchoring", owner: "Lenkungskreis",
          mitigation: "KAM-Ziele in die Zielvereinbarungen aufnehmen.", reviews: [review(-20, 3, 4)] },
        { id: id(16), title: "CRM-Schnittstelle verzögert sich", owner: "IT", mitigation: "", reviews: [review(-10, 2, 2)] },
      ],
    },
  },
};

await forEachLayout({ workspace }, async ({ page, server, tag, shot, pdf }) => {
  for (const [path, name, ready] of [
    ["introduction", "introduction", "[data-testid=intro-timeline] svg"],
    ["introduction/risks", "risks", "[data-testid=intro-risk]"],
    ["introduction/goals", "goals", "[data-testid=intro-goal]"],
    [`results/scorecard/${id(900)}`, "scorecard", "[data-testid=bsc-trend] svg"],
  ]) {
    await page.goto(server.url(path));
    await page.waitForSelector(ready, { state: "attached", timeout: 10000 });
    await shot(name);
    if (tag === "desktop") await pdf(name);
  }
});
