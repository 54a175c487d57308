/**
 * The team report's fairness series against a direct computation: for each of the last 12 months, who
 * owned what (today's owners with later applied moves undone), each active rep's 12-month value at that
 * month's end, and the pairwise Gini of those values.
 */
import { allocate } from "../../../src/engine/allocation/allocate";
import { evaluate } from "../../../src/engine/incentives/evaluate";
import { ownersAt, teamReport } from "../../../src/engine/report/teamReport";
import { checkSheets } from "../../helpers/team";
import { day, monthly, past, sheetsOf } from "../allocation/team";

const gini = (xs: number[]) => {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  if (!n || mean === 0) return 0;
  let sum = 0;
  for (const a of xs) for (const b of xs) sum += Math.abs(a - b);
  return sum / (2 * n * n * mean);
};

test("the Gini series follows ownership through an applied move, month by month", async () => {
  const M = ["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];
  const sales = [
    ...monthly("A1", Object.fromEntries(M.map((m) => [m, 500]))),
    ...monthly("A2", Object.fromEntries(M.map((m, i) => [m, 100 + 10 * i]))),
    ...monthly("A3", Object.fromEntries(M.map((m) => [m, 50]))),
  ];
  const check = await checkSheets(
    sheetsOf({
      reps: [
        { id: "R1", hire: "2018-01-01", region: "North" },
        { id: "R2", hire: "2020-01-01", region: "North" },
        { id: "N1", hire: "2025-10-01", region: "North" },
      ],
      // Today A1 is N1's: it was moved from R1 on 2026-03-05.
      accounts: [
        { id: "A1", owner: "N1", region: "North" },
        { id: "A2", owner: "R1", region: "North" },
        { id: "A3", owner: "R2", region: "North" },
      ],
      sales,
    }),
  );
  const moves = [past("A1", "R1", "N1", "2026-03-05", "P202602-1-001")];
  const result = allocate(check, { past: moves });
  const report = teamReport(check, result, evaluate(check, moves), moves, []);
  const all = report.find((s) => s.scope === "")!;
  expect(all.series.map((p) => p.month)).toEqual(M.map((m) => { const [y, mo] = m.split("-").map(Number); return y * 12 + mo - 1; }));
  // Direct: owners at each month's end; value = the last 12 months of sales up to it.
  const salesIn = (acc: string, end: number) => sales.filter(([d, a]) => a === acc && day(d) <= end && day(d) > end - 366).reduce((s, [, , v]) => s + v, 0);
  M.forEach((m, i) => {
    const [y, mo] = m.split("-").map(Number);
    const end = day(new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10)); // the month's last day
    const owner = { A1: end >= day("2026-03-05") ? "N1" : "R1", A2: "R1", A3: "R2" } as Record<string, string>;
    const active = ["R1", "R2", ...(end >= day("2025-10-01") ? ["N1"] : [])];
    const value = (rep: string) => Object.entries(owner).filter(([, o]) => o === rep).reduce((s, [a]) => s + salesIn(a, end), 0);
    const values = active.map(value);
    expect(all.series[i].gini).toBeCloseTo(gini(values), 9);
    const total = values.reduce((s, v) => s + v, 0);
    expect(all.series[i].newRepShare).toBeCloseTo(active.includes("N1") ? value("N1") / total : 0, 9);
  });
  // ownersAt on its own: before the move A1 was R1's.
  const a1 = check.model.accounts.find((a) => a.id === "A1")!.index;
  expect(check.model.reps[ownersAt(check, moves, M.indexOf("2026-02") + 2025 * 12 + 6)[a1]].id).toBe("R1");
  expect(report.map((s) => s.scope)).toEqual(["", "North"]);
  expect(all.headcount).toEqual({ new: 1, regular: 0, veteran: 2 });
});
