/**
 * The watch list on hand-built teams: one step before STAGNATION, DORMANT and UNDERSERVED fire.
 */
import { renderExplanation } from "../../../src/engine/allocation/text";
import type { Cell } from "../../../src/engine/table";
import { monthly, run, type TeamSpec } from "./team";

const VETERAN = "2018-03-01";
const MONTHS = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07"];

/**
 * V holds S1..S5 (1000 a month, flat), G1 (0 until March, 600 from April), D1 (200 → 100 from April),
 * D2 (300 → 100), D3 (400 → 300), D4 (100 flat). Book: 6000 a month Jan–Mar, 6200 from April: April grows
 * (+3.3%), May and June are flat. With stagnationMonths 3 the June window (Apr, May, Jun) has one month of
 * growth: V is one flat month away. floor(0.3 × 10) = 3 would go: of D1 (−50%), D2 (−66.7%), D3 (−25%),
 * D4 (0%) — G1 grows, S1..S5 are the top 5 stable — the weakest three, D2, D1, D3.
 */
function veteran(period: string): TeamSpec {
  const flows: Record<string, (m: number) => number> = {
    S1: () => 1000, S2: () => 1000, S3: () => 1000, S4: () => 1000, S5: () => 1000,
    G1: (m) => (m < 3 ? 0 : 600),
    D1: (m) => (m < 3 ? 200 : 100),
    D2: (m) => (m < 3 ? 300 : 100),
    D3: (m) => (m < 3 ? 400 : 300),
    D4: () => 100,
  };
  const upto = MONTHS.indexOf(period);
  return {
    reps: [
      { id: "V", hire: VETERAN, region: "North" },
      { id: "N", hire: "2026-01-01", region: "North" },
    ],
    accounts: Object.keys(flows).map((id) => ({ id, owner: "V", region: "North", acquired: "2024-01-01" })),
    sales: Object.entries(flows).flatMap(([id, f]) => monthly(id, Object.fromEntries(MONTHS.slice(0, upto + 1).map((m, i) => [m, f(i)])))),
    settings: [["period", period]] as Cell[][],
  };
}

describe("watch list", () => {
  test("a veteran one flat month from STAGNATION, with the accounts a flat month would release; after it, the rule releases exactly those", async () => {
    const june = await run(veteran("2026-06"));
    expect(june.moves).toEqual([]);
    const w = june.result.watch.filter((x) => x.rule === "STAGNATION");
    expect(w.map((x) => [june.check.model.reps[x.rep].id, x.accounts.map((a) => june.check.model.accounts[a].id), x.monthsLeft])).toEqual([["V", ["D2", "D1", "D3"], 1]]);
    expect(renderExplanation(w[0].message, "en-US")).toBe("If your accounts do not grow in Jul 2026, 3 of them will be offered to colleagues: D2 Acct D2, D1 Acct D1, D3 Acct D3.");
    expect(renderExplanation(w[0].message, "zh-CN")).toBe("如果您的客户在2026年7月仍未增长，其中 3 个将交由同事跟进：D2 Acct D2，D1 Acct D1，D3 Acct D3。");
    // July is flat too: STAGNATION fires on exactly the accounts the watch list named.
    const july = await run(veteran("2026-07"));
    expect(july.moves.filter((m) => m.rule === "STAGNATION").map((m) => m.account).sort()).toEqual(["D1", "D2", "D3"]);
    expect(july.result.watch.filter((x) => x.rule === "STAGNATION")).toEqual([]);
  });

  test("accounts about to be recycled as dormant are on it, addressed to their owner", async () => {
    // Z last bought 2026-01-05; inactiveMonths 6 → dormant from 2026-07-06, 6 days after E (remindDays 30).
    const r = await run({
      reps: [{ id: "R1", hire: "2025-01-01", region: "North" }],
      accounts: [{ id: "Z", owner: "R1", region: "North" }],
      sales: [["2026-01-05", "Z", 100]],
    });
    const w = r.result.watch.filter((x) => x.rule === "DORMANT");
    expect(w.map((x) => [r.check.model.reps[x.rep].id, r.check.model.accounts[x.account!].id, x.monthsLeft])).toEqual([["R1", "Z", 1]]);
    expect(renderExplanation(w[0].message, "en-US")).toBe("Z Acct Z last bought on 2026-01-05; without a sale by 2026-07-06 it goes back to the pool.");
  });

  test("an account shrinking while its peers grow, within watchMarginPct (10 points) of underservedGapPct, is on it", async () => {
    const BEFORE = ["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"];
    const AFTER = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];
    const flows = (id: string, b: number, a: number) => monthly(id, Object.fromEntries([...BEFORE.map((m) => [m, b]), ...AFTER.map((m) => [m, a])]));
    const spec = (uAfter: number): TeamSpec => ({
      reps: [
        { id: "R1", hire: "2025-01-01", region: "North" },
        { id: "R2", hire: "2025-01-01", region: "North" },
      ],
      accounts: [...["P1", "P2", "P3", "P4", "P5"].map((id) => ({ id, owner: "R1", region: "North", industry: "Retail" })), { id: "U", owner: "R2", region: "North", industry: "Retail" }],
      sales: [...["P1", "P2", "P3", "P4", "P5"].flatMap((id) => flows(id, 100, 120)), ...flows("U", 100, uAfter)],
    });
    // U −5% against +20%: a gap of 25 points, under 30 but within 10 of it.
    const near = await run(spec(95));
    expect(near.moves).toEqual([]);
    const w = near.result.watch.filter((x) => x.rule === "UNDERSERVED");
    expect(w.map((x) => near.check.model.accounts[x.account!].id)).toEqual(["U"]);
    expect(renderExplanation(w[0].message, "en-US")).toBe(
      "U Acct U shrank −5.0% over 6 months while similar accounts grew 20%; if the gap reaches 30%, it will be offered to a colleague.",
    );
    // −15%: a gap of 35 — released, not watched. +5%: it did not fall — neither. With watchMarginPct 4%
    // the −5% account (25 points, 5 short of 30) is not close enough.
    const released = await run(spec(85));
    expect(released.moves.map((m) => m.account)).toEqual(["U"]);
    expect(released.result.watch.filter((x) => x.rule === "UNDERSERVED")).toEqual([]);
    expect((await run(spec(105))).result.watch.filter((x) => x.rule === "UNDERSERVED")).toEqual([]);
    expect((await run({ ...spec(95), settings: [["watchMarginPct", "4%"]] })).result.watch.filter((x) => x.rule === "UNDERSERVED")).toEqual([]);
  });
});
