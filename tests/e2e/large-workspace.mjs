// The large workspace the benchmarks use: 200 key accounts with a full
// profile (some in groups), 10,000 customers with seven ratings each (150
// linked to key accounts), as a version-3 file, so that builds before and
// after format 4 read the same data. Deterministic (seeded).

/// The id of the n-th key account of the large workspace.
export const accountId = (n) => `00000001-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

/// The large workspace as the text of a workspace file (2.4 million
/// characters with 10,000 customers; 20,000 make about 4.8 MB).
export function largeWorkspaceFile(customerCount = 10_000) {
  let seed = 11;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const id = (prefix, n) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
  const at = "2026-06-01T08:00:00.000Z";
  const accounts = Array.from({ length: 200 }, (_, n) => ({
    id: id("00000001", n), created: at, modified: at,
    name: `Key Account ${n + 1} Industrie GmbH`, industry: "Maschinenbau", country: "Deutschland",
    sites: "Stuttgart\nLeipzig\nLyon\nBrno", kam_responsible: "Jana Becker", revenue_last_year: Math.round(rand() * 5e6),
    notes: "Rahmenvertrag bis 2027. ".repeat(20), parent_id: n % 10 === 0 || n < 10 ? null : id("00000001", n - (n % 10)),
  }));
  const criteria = ["Umsatzpotenzial", "Wachstum", "Marge", "Passung", "Lieferanteil", "Beziehung", "Zufriedenheit"].map((name, i) => ({
    id: `c${i + 1}`, name, description: "", weight: [25, 15, 15, 15, 10, 10, 10][i], group: i < 4 ? "attractiveness" : "position",
  }));
  const customers = Array.from({ length: customerCount }, (_, n) => ({
    id: id("00000002", n), number: String(10_000 + n), name: `Kunde ${n + 1} Handel GmbH`,
    revenue: Math.round(1_000 + 2e6 * rand() ** 4), margin: Math.round(rand() * 2e5), potential: Math.round(rand() * 3e6),
    grades: Object.fromEntries(criteria.map((c) => [c.id, 1 + Math.floor(rand() * 5)])),
    account_id: n < 150 ? accounts[n].id : null,
  }));
  const data = {
    accounts, fitness_checks: [], foundations: {},
    targets: { modified: at, customers, measure: "revenue", cut_offs: { a: 80, b: 95 }, scale: "one_to_five", criteria, top_n: 10, split: null, goals: { key_accounts: 10, revenue_share: 50 } },
  };
  return JSON.stringify({ format: "kam-workbench", version: 3, app_version: "0.1.0", exported_at: at, data });
}
