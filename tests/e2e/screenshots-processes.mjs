// Screenshots and printed PDFs of the customer satisfaction analysis for
// review (not a test):
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
const workspace = {
  format: "kam-workbench", version: 8, app_version: "0.1.0", exported_at: at,
  data: {
    accounts: [{ id: account, created: at, modified: at, name: "Südwind Handel AG", industry: "Großhandel", kam_responsible: "Eva Lang" }],
    satisfaction_surveys: [{ account_id: account, created: at, modified: at, data: { surveys } }],
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
});
