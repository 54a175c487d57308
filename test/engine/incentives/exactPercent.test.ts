import { parseNumberCell } from "../../../src/engine/cells";
import { IssueList } from "../../../src/engine/issues";
import { defaultPlan, planFromSettings, statement } from "../../../src/engine/incentives/plan";
import { parseTiers, type Tier } from "../../../src/engine/incentives/tiers";
import { parseSettings, REGISTRY } from "../../../src/engine/settings";
import type { Table } from "../../../src/engine/table";

const WHOLE_PERCENTS = Array.from({ length: 200 }, (_, i) => i + 1);

function settingsTable(rows: [string, unknown][]): Table {
  return { sheet: "Fairshare Settings", firstRow: 1, firstColumn: 1, values: [["Setting", "Value"], ...rows] } as unknown as Table;
}

describe("percent text parses exactly", () => {
  // The independent path: p / 100 divides two exactly representable integers, and IEEE division is
  // correctly rounded, so it is the double nearest to the decimal p/100 — what "p%" must mean.
  test.each(WHOLE_PERCENTS)("%i%% is exactly that number / 100", (p) => {
    expect(parseNumberCell(`${p}%`)).toEqual({ value: p / 100, percent: true });
  });

  test.each([
    ["12.5%", 125 / 1000],
    ["0.1%", 1 / 1000],
    ["33.33%", 3333 / 10000],
    ["(7%)", -7 / 100],
    ["1.1万", 11000],
    ["0.07亿", 7000000],
    ["1e1%", 1 / 10],
    ["５７％", 57 / 100],
  ])("%p → %p", (text, value) => {
    expect(parseNumberCell(text)!.value).toBe(value);
  });
});

describe("commissionThreshold at the exact boundary, every whole percent 1..200", () => {
  // A rep at exactly p% attainment: quota 1,000.00, credited p × 10.00. Attainment p × 1,000 / 100,000
  // cents is again a correctly rounded quotient, equal to p / 100; at the boundary commission is paid.
  test.each(WHOLE_PERCENTS)("threshold %i%%: at the boundary commission is paid, a cent below it is not", (p) => {
    const issues = new IssueList();
    const settings = parseSettings(settingsTable([["commissionThreshold", `${p}%`], ["commissionTiers", "0:10%"]]), REGISTRY, issues);
    expect(issues.items).toEqual([]);
    const plan = planFromSettings(settings);
    expect(plan.threshold).toBe(p / 100);
    const at = statement({ creditedCents: p * 1000, quotaCents: 100000 }, plan);
    expect(at.components.commission.amountCents).toBe(p * 100); // 10% of p × 10.00
    const below = statement({ creditedCents: p * 1000 - 1, quotaCents: 100000 }, plan);
    expect(below.components.commission.amountCents).toBe(0);
  });

  // Tier rates stop at 100% (a rate above it is rejected as a likely typo).
  test.each(WHOLE_PERCENTS.filter((p) => p <= 100))("a tier rate of %i%% pays exactly p cents per 1.00", (p) => {
    const tiers = parseTiers(`0:${p}%`) as Tier[];
    expect(tiers[0].rate).toBe(p / 100);
    // 1,000.00 at p% is p × 10.00 — with `× 0.01` some rates came out a fraction of a cent off before rounding.
    expect(statement({ creditedCents: 100000, quotaCents: null }, { ...defaultPlan(), tiers }).components.commission.amountCents).toBe(p * 1000);
  });
});

describe("the other boundary comparisons of the statement, each at its exact boundary", () => {
  const C = (units: number) => Math.round(units * 100);
  test("retention bonus: satisfaction exactly retentionMinSatisfaction pays, a hundredth below does not", () => {
    const base = { creditedCents: 0, quotaCents: null, retainedSalesCents: C(10000) };
    expect(statement({ ...base, satisfaction: 4 }, defaultPlan()).components.retentionBonus.amountCents).toBe(C(100));
    expect(statement({ ...base, satisfaction: 3.99 }, defaultPlan()).components.retentionBonus.amountCents).toBe(0);
  });
  test("accelerator: at exactly 100% of quota nothing extra, one cent above pays the rate on that cent", () => {
    const plan = { ...defaultPlan(), tiers: parseTiers("0:0%") as Tier[], acceleratorRate: 0.5 };
    expect(statement({ creditedCents: C(1000), quotaCents: C(1000) }, plan).components.commission.amountCents).toBe(0);
    expect(statement({ creditedCents: C(1000) + 2, quotaCents: C(1000) }, plan).components.commission.amountCents).toBe(1);
  });
  test("cap: exactly at the cap is paid in full and not marked capped", () => {
    const plan = { ...defaultPlan(), tiers: parseTiers("0:10%") as Tier[], capCents: C(100) };
    const s = statement({ creditedCents: C(1000), quotaCents: null }, plan);
    expect(s.components.commission.amountCents).toBe(C(100));
    expect(s.components.commission.explanation.key).toBe("commission.tiers");
  });
  test("SPIF size: exactly spifMinAmount qualifies, a cent less does not", () => {
    const spif = { bonusCents: C(100), categories: [], minCents: C(5000), from: null, to: null };
    const won = (cents: number) => [{ accountId: "A", month: 0, category: "", cents }];
    expect(statement({ creditedCents: 0, quotaCents: null, won: won(C(5000)) }, { ...defaultPlan(), spif }).components.spif.amountCents).toBe(C(100));
    expect(statement({ creditedCents: 0, quotaCents: null, won: won(C(5000) - 1) }, { ...defaultPlan(), spif }).components.spif.amountCents).toBe(0);
  });
  test("draw: earnings exactly equal to the draw neither top up nor recover", () => {
    const s = statement({ creditedCents: C(10000), quotaCents: null, draw: { drawCents: C(300), balanceCents: C(50) } }, defaultPlan());
    expect(s.components.commission.amountCents).toBe(C(300));
    expect(s.components.draw.amountCents).toBe(0);
  });
});
