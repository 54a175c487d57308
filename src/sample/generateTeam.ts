/**
 * A deterministic generator of a realistic sales team: regions, reps of mixed tenure (some who left),
 * accounts concentrated on veterans, and monthly sales with growth, decline, seasonality and dormancy.
 * Used for the committed sample workbook, the demo and the benchmarks.
 */
import { dayFromParts, dayToSerial, formatMonth } from "../engine/cells";
import { seededRandom } from "../engine/random";
import type { Cell } from "../engine/table";

export interface TeamOptions {
  seed?: number;
  regions?: string[];
  reps?: number;
  accounts?: number;
  /** Months of sales history, ending with `lastMonth`. */
  months?: number;
  /** The last month with sales, "YYYY-MM". */
  lastMonth?: string;
  /** Average orders per account per active month. */
  ordersPerMonth?: number;
  /** Dates as Excel serial numbers (as Office.js reads them) or as Date objects (as ExcelJS does). */
  dates?: "serial" | "date";
  /** Include the Fairshare Settings sheet. */
  settings?: boolean;
}

export interface GeneratedTeam {
  sheets: Record<string, Cell[][]>;
  /** Tab order. */
  order: string[];
}

const FIRST = ["Wei", "Li", "Jun", "Ming", "Hui", "Xin", "Yan", "Lei", "Anna", "Ben", "Chloe", "David", "Emma", "Frank", "Grace", "Henry", "Iris", "Jack", "Kate", "Leo", "Mia", "Noah", "Olivia", "Paul", "Qing", "Rui", "Sara", "Tom", "Uma", "Victor"];
const LAST = ["Zhang", "Wang", "Chen", "Liu", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Smith", "Brown", "Lee", "Martin", "Clark", "Lopez", "Young", "King", "Scott", "Green"];
const COMPANY_A = ["Bright", "Golden", "Harbor", "Summit", "Pioneer", "Lotus", "Jade", "Silver", "Eastern", "Northern", "Evergreen", "Crystal", "Dragon", "Phoenix", "Oak", "Maple", "River", "Blue Sky", "Sunrise", "Unity"];
const COMPANY_B = ["Trading", "Logistics", "Foods", "Electronics", "Textiles", "Machinery", "Pharma", "Retail", "Builders", "Motors", "Media", "Chemicals", "Packaging", "Furniture", "Optics", "Software"];
const COMPANY_C = ["Co.", "Ltd.", "Group", "Inc.", "Corp.", "Holdings"];

/**
 * Builds the sheets of a sample team (Reps, Accounts, Sales and optionally Fairshare Settings).
 * @example generateTeam({ reps: 40, accounts: 1500 }).sheets.Reps[0][0] // "Rep ID"
 */
export function generateTeam(options: TeamOptions = {}): GeneratedTeam {
  const seed = options.seed ?? 20261127;
  const rnd = seededRandom(seed);
  const regions = options.regions ?? ["North", "East", "South"];
  const nReps = options.reps ?? 40;
  const nAccounts = options.accounts ?? 1500;
  const nMonths = options.months ?? 24;
  const [ly, lm] = (options.lastMonth ?? "2026-10").split("-").map(Number);
  const lastMonth = ly * 12 + lm - 1;
  const firstMonth = lastMonth - nMonths + 1;
  const orders = options.ordersPerMonth ?? 1.2;
  const asDate = (day: number): Cell => (options.dates === "serial" ? dayToSerial(day) : new Date(day * 86400000));
  const monthStart = (m: number) => dayFromParts(Math.floor(m / 12), (m % 12) + 1, 1)!;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());

  // Reps: a quarter veterans (3–10 years), a quarter regular, a third new; a few have left.
  type RepGen = { id: string; region: string; tenure: number; active: boolean; kind: "veteran" | "regular" | "new"; stagnant: boolean };
  const reps: RepGen[] = [];
  const repRows: Cell[][] = [["Rep ID", "Name", "Hire Date", "Region", "Active", "Branch", "Capacity", "Quota", "Manager", "Leave Date"]];
  const width = String(nReps).length < 3 ? 3 : String(nReps).length;
  for (let i = 0; i < nReps; i++) {
    const region = regions[i % regions.length];
    const u = rnd();
    const kind = u < 0.3 ? "veteran" : u < 0.6 ? "regular" : "new";
    const tenure = kind === "veteran" ? 30 + Math.floor(rnd() * 90) : kind === "regular" ? 13 + Math.floor(rnd() * 10) : 1 + Math.floor(rnd() * 11);
    const active = !(rnd() < 0.08);
    const id = `R${String(i + 1).padStart(width, "0")}`;
    // About half the veterans have stopped growing their book.
    reps.push({ id, region, tenure, active, kind, stagnant: kind === "veteran" && rnd() < 0.5 });
    const hire = monthStart(lastMonth - tenure + 1) + Math.floor(rnd() * 27);
    // Monthly quotas.
    const quota = kind === "veteran" ? 450000 : kind === "regular" ? 250000 : 80000;
    repRows.push([
      id,
      `${pick(FIRST)} ${pick(LAST)}`,
      asDate(hire),
      region,
      active ? "Yes" : "No",
      `${region} ${1 + Math.floor(rnd() * 2)}`,
      rnd() < 0.15 ? 60 : null,
      quota,
      null,
      active ? null : asDate(monthStart(lastMonth - 1 - Math.floor(rnd() * 4)) + Math.floor(rnd() * 27)),
    ]);
  }
  // Managers: the longest-serving active rep of each region.
  for (const region of regions) {
    const lead = reps.filter((r) => r.region === region && r.active).sort((a, b) => b.tenure - a.tenure)[0];
    if (!lead) continue;
    reps.forEach((r, i) => {
      if (r.region === region && r !== lead) repRows[i + 1][8] = lead.id;
    });
  }

  // Accounts: owners drawn with weight by seniority, so veterans hold the big books.
  const weight = (r: RepGen) => (r.kind === "veteran" ? 6 : r.kind === "regular" ? 3 : 1);
  const byRegion = new Map(regions.map((g) => [g, reps.filter((r) => r.region === g)]));
  const accRows: Cell[][] = [["Account ID", "Account Name", "Owner", "Region", "Acquired Date", "Acquired By", "Protected", "Satisfaction", "Level"]];
  type AccGen = { base: number; trend: number; dormantFrom: number; startMonth: number; owner: RepGen | null };
  const accs: AccGen[] = [];
  const aWidth = Math.max(4, String(nAccounts).length);
  for (let i = 0; i < nAccounts; i++) {
    const region = regions[Math.floor(rnd() * regions.length)];
    const pool = byRegion.get(region)!;
    let owner: RepGen | null = null;
    if (rnd() > 0.04 && pool.length) {
      const total = pool.reduce((s, r) => s + weight(r), 0);
      let x = rnd() * total;
      for (const r of pool) {
        x -= weight(r);
        if (x <= 0) {
          owner = r;
          break;
        }
      }
      owner ??= pool[pool.length - 1];
    }
    // An account is no older than its owner's tenure (plus history from before, for veterans).
    const maxAge = owner ? Math.min(owner.tenure + 24, 120) : 60;
    const age = 1 + Math.floor(rnd() * maxAge);
    const acquired = monthStart(lastMonth - age + 1) + Math.floor(rnd() * 27);
    const base = Math.round(Math.exp(8 + 1.1 * normal())); // lognormal monthly value, median ~3,000
    const stagnant = owner?.stagnant ?? false;
    const trend = stagnant ? -0.03 - rnd() * 0.05 : -0.01 + rnd() * 0.04;
    const dormantFrom = rnd() < 0.09 ? lastMonth - 4 - Math.floor(rnd() * 12) : Number.POSITIVE_INFINITY;
    accs.push({ base, trend, dormantFrom, startMonth: Math.max(firstMonth, lastMonth - age + 1), owner });
    const level = base > 12000 ? "A" : base > 3000 ? "B" : "C";
    accRows.push([
      `A${String(i + 1).padStart(aWidth, "0")}`,
      `${pick(COMPANY_A)} ${pick(COMPANY_B)} ${pick(COMPANY_C)}`,
      owner ? owner.id : null,
      region,
      asDate(acquired),
      owner && rnd() < 0.7 ? owner.id : null,
      rnd() < 0.03 ? "Y" : null,
      rnd() < 0.6 ? Math.round((2.5 + rnd() * 2.5) * 10) / 10 : null,
      level,
    ]);
  }

  // Sales: per account and month, Poisson-ish order counts around a trended, seasonal base.
  const salesRows: Cell[][] = [["Date", "Account ID", "Amount", "Rep ID"]];
  const season = [0.85, 0.7, 1.0, 1.0, 1.05, 1.1, 0.95, 0.95, 1.05, 1.1, 1.2, 1.3]; // Feb dips (New Year), Q4 peaks
  for (let m = firstMonth; m <= lastMonth; m++) {
    const start = monthStart(m);
    const days = monthStart(m + 1) - start;
    // Stagnant veterans' books turn down over the last six months.
    for (let i = 0; i < nAccounts; i++) {
      const a = accs[i];
      if (m < a.startMonth || m >= a.dormantFrom) continue;
      const t = m - firstMonth;
      const stagnantPhase = a.owner?.stagnant && m > lastMonth - 6;
      if (stagnantPhase) {
        // A stagnant book: one steady order a month, shrinking a few percent each month.
        const peak = a.base * Math.pow(1 + Math.abs(a.trend) * 0.5 + 0.002, lastMonth - 6 - firstMonth);
        const amount = Math.round(peak * Math.pow(1 + a.trend, m - (lastMonth - 6)) * (0.98 + 0.04 * rnd()) * 100) / 100;
        salesRows.push([asDate(start + Math.floor(rnd() * days)), accRows[i + 1][0], amount, a.owner!.active ? a.owner!.id : null]);
        continue;
      }
      const trend = Math.abs(a.trend) * 0.5 + 0.002;
      const expected = a.base * Math.pow(1 + trend, t) * season[m % 12];
      let k = 0;
      const lambda = orders;
      let p = Math.exp(-lambda);
      let cdf = p;
      const u = rnd();
      while (u > cdf && k < 8) {
        k++;
        p *= lambda / k;
        cdf += p;
      }
      for (let j = 0; j < k; j++) {
        const amount = Math.max(10, Math.round((expected / lambda) * (0.7 + 0.6 * rnd()) * 100) / 100);
        const bookedBy = a.owner && a.owner.active && rnd() < 0.97 ? a.owner.id : null;
        salesRows.push([asDate(start + Math.floor(rnd() * days)), accRows[i + 1][0], amount, bookedBy]);
      }
    }
  }

  // Ratings: a manager's teamwork rating (1–5) per rep for the last three months.
  const ratingRows: Cell[][] = [["Rep ID", "Period", "Teamwork"]];
  for (let m = lastMonth - 2; m <= lastMonth; m++) {
    for (const r of reps) if (r.active) ratingRows.push([r.id, formatMonth(m), Math.round((2.5 + rnd() * 2.5) * 2) / 2]);
  }
  const sheets: Record<string, Cell[][]> = { Reps: repRows, Accounts: accRows, Sales: salesRows, Ratings: ratingRows };
  const order = ["Reps", "Accounts", "Sales", "Ratings"];
  if (options.settings ?? true) {
    sheets["Fairshare Settings"] = [
      ["Setting", "Value", "Description", ...regions],
      ["period", formatMonth(lastMonth), "Month to report on (YYYY-MM)", ...regions.map(() => null)],
      ["language", "auto", "auto, en-US or zh-CN", ...regions.map(() => null)],
      ["seed", 7, "Seed of the tie-break order", ...regions.map(() => null)],
      ["newRepTenureMonths", 12, "Below this tenure a rep is new", ...regions.map((g, i) => (i === regions.length - 1 ? 9 : null))],
      ["veteranTenureMonths", 24, "From this tenure a rep is a veteran", ...regions.map(() => null)],
    ];
    order.push("Fairshare Settings");
  }
  return { sheets, order };
}
