/**
 * Recipient matching, the limits that spread a run, rejection memory and the diagnostics funnel, on small
 * hand-built teams whose outcomes are worked out by hand.
 *
 * Period 2026-06 throughout (E = 2026-06-30); the incentive window is June 2026 (incentiveMonths 1), so the
 * scorecard that gives capability looks at June. Default weights: load 0.2, capability 0.25, continuity 0.35,
 * team 0.1, newRep 0.1 (sum 1). Load factor = ½ (1 − held ÷ cap) + ½ (1 − (value ÷ cap) ÷ the largest
 * value ÷ cap among the candidates).
 */
import { parseAuditLog, pastRejections } from "../../../src/engine/allocation/audit";
import { rampedCap } from "../../../src/engine/allocation/recipients";
import { renderDiagnostic, renderExplanation } from "../../../src/engine/allocation/text";
import type { Cell } from "../../../src/engine/table";
import { monthly, past, run, type IdMove, type TeamSpec } from "./team";

const REGULAR = "2025-01-01";
const VETERAN = "2018-03-01";

const mv = (account: string, from: string | null, to: string | null, rule: IdMove["rule"]): IdMove => ({ account, from, to, rule });

describe("capability", () => {
  /**
   * C1 (Capacity 1) holds K1 (1000) and K2 (5000): OVER_CAPACITY releases K1, the lower. R1 and R2 (regular,
   * cap 80) each hold one account of 100: equal load ½(1 − 1/80) + ½·0 = 0.49375. Region values 100, 100,
   * 1000, 5000: median 550, so K1 (1000) is a high-value account → capability = retention and satisfaction.
   * Nobody has prior-year sales (retention unknown); Ratings give satisfaction 5 (R1) → 100 → 1.0 and 2 (R2)
   * → 25 → 0.25. Scores: R1 0.2 × 0.49375 + 0.25 × 1 = 0.34875; R2 0.09875 + 0.0625 = 0.16125.
   */
  const spec: TeamSpec = {
    reps: [
      { id: "C1", hire: REGULAR, region: "North", capacity: 1 },
      { id: "R1", hire: REGULAR, region: "North" },
      { id: "R2", hire: REGULAR, region: "North" },
    ],
    accounts: [
      { id: "K1", owner: "C1", region: "North" },
      { id: "K2", owner: "C1", region: "North" },
      { id: "A", owner: "R1", region: "North" },
      { id: "B", owner: "R2", region: "North" },
    ],
    sales: [
      ["2026-06-10", "K1", 1000],
      ["2026-06-10", "K2", 5000],
      ["2026-06-10", "A", 100],
      ["2026-06-10", "B", 100],
    ],
    extraSheets: {
      Ratings: [
        ["Rep ID", "Period", "Teamwork", "Satisfaction"],
        ["R1", "2026-06", null, 5],
        ["R2", "2026-06", null, 2],
      ],
    },
  };

  test("a high-value account goes to the rep with the stronger retention and satisfaction at equal load", async () => {
    const r = await run(spec);
    expect(r.moves).toEqual([mv("K1", "C1", "R1", "OVER_CAPACITY")]);
    const m = r.result.moves[0].match!;
    expect(m.factors).toEqual({ load: 0.49375, capability: 1, continuity: 0, team: 0, newRep: 0 });
    expect(m.score).toBeCloseTo(0.34875, 12);
    expect(m.runnerUp!.score).toBeCloseTo(0.16125, 12);
    expect(r.check.model.reps[m.runnerUp!.rep].id).toBe("R2");
    expect(renderExplanation(r.result.moves[0].whyThisRep, "en-US")).toBe(
      // Only what sets R1 apart from the runner-up is named: their loads are equal.
      "R1 0.35 — retention and satisfaction 1.00; runner-up R2 0.16",
    );
    expect(renderExplanation(r.result.moves[0].whyThisRep, "zh-CN")).toBe("R1 0.35——保有与满意度 1.00；次选 R2 0.16");
  });

  test("the same ratings swapped: R2 wins; with match.capability 0 the tie goes by the seeded order", async () => {
    const swapped = { ...spec, extraSheets: { Ratings: [spec.extraSheets!.Ratings[0], ["R1", "2026-06", null, 2], ["R2", "2026-06", null, 5]] as Cell[][] } };
    expect((await run(swapped)).moves).toEqual([mv("K1", "C1", "R2", "OVER_CAPACITY")]);
    const flat = await run({ ...spec, settings: [["match.capability", 0]] });
    expect(flat.result.moves[0].match!.score).toBe(flat.result.moves[0].match!.runnerUp!.score);
  });
});

describe("continuity", () => {
  /**
   * X's owner L has left (ORPHAN). In the last 12 months X sold 310 (Aug 2025, Rep ID R1) and 690 (Mar 2026,
   * Rep ID L): R1 has 31% of its sales → continuity 0.5 + 0.5 × 0.31 = 0.655.
   * N: hired 2026-06-01 (tenure 1 → ramped cap floor(40 × (1/3 + 2/3 × 1/3)) = 22), holds nothing: load 1,
   * new-rep bonus 1. R1 holds Y (2000, sold in June); load ½(1 − 1/80) + 0 = 0.49375. New-customer capability:
   * without a year of history before June nobody's new accounts can be told from old ones — no record for
   * anyone, so both get 0.5.
   * N = 0.2 + 0.25 × 0.5 + 0.1 = 0.425. R1 = 0.2 × 0.49375 + 0.25 × 0.5 + 0.35 × 0.655 = 0.453.
   */
  const spec = (settings: Cell[][] = []): TeamSpec => ({
    reps: [
      { id: "N", hire: "2026-06-01", region: "North" },
      { id: "R1", hire: REGULAR, region: "North" },
      { id: "L", hire: REGULAR, region: "North", active: false },
    ],
    accounts: [
      { id: "X", owner: "L", region: "North" },
      { id: "Y", owner: "R1", region: "North" },
    ],
    sales: [
      ["2025-08-15", "X", 310, "R1"],
      ["2026-03-15", "X", 690, "L"],
      ["2026-06-15", "Y", 2000],
    ],
    settings,
  });

  test("the rep already selling to the account wins over an empty new hire", async () => {
    const r = await run(spec());
    expect(r.moves).toEqual([mv("X", "L", "R1", "ORPHAN")]);
    const m = r.result.moves[0].match!;
    expect(m.factors.continuity).toBeCloseTo(0.655, 12);
    expect(m.score).toBeCloseTo(0.453, 12);
    expect(m.runnerUp!.score).toBeCloseTo(0.425, 12);
    const why = renderExplanation(r.result.moves[0].whyThisRep, "en-US");
    // Continuity is what sets R1 apart: capability is equal and N's load is lighter.
    expect(why).toBe("R1 0.45 — sold to it in Aug 2025 (31% of its sales); runner-up N 0.43");
  });

  test("without continuity (match.continuity 0) the new hire wins: 0.425 / 0.65 against 0.22375 / 0.65", async () => {
    const r = await run(spec([["match.continuity", 0]]));
    expect(r.moves).toEqual([mv("X", "L", "N", "ORPHAN")]);
    expect(r.result.moves[0].match!.score).toBeCloseTo(0.425 / 0.65, 12);
  });
});

describe("team", () => {
  test("the rep with the former owner's manager gets the team factor; without a Manager column nobody does", async () => {
    // V (veteran, stagnant, manager M1) releases A01/A06/A10. T1 (manager M1) and T2 (manager M2), regular, hold
    // nothing, no sales: equal load 1 and capability 0.5 (nobody in North has data). T1 0.2 + 0.125 + 0.1 beats T2.
    const book: TeamSpec["accounts"] = [];
    const sales: TeamSpec["sales"] = [];
    for (const [id, q1, q2] of [["A01", 100, 0], ["A06", 300, 100], ["A10", 200, 100]] as const) {
      book.push({ id, owner: "V", region: "North", acquired: "2024-01-01" });
      sales.push(...monthly(id, { "2026-01": q1, "2026-02": q1, "2026-03": q1, "2026-04": q2, "2026-05": q2, "2026-06": q2 }));
    }
    const r = await run({
      reps: [
        { id: "V", hire: VETERAN, region: "North", manager: "M1" },
        { id: "T1", hire: REGULAR, region: "North", manager: "M1" },
        { id: "T2", hire: REGULAR, region: "North", manager: "M2" },
      ],
      accounts: book,
      sales,
      settings: [["releaseShare", "34%"], ["keepTopAccounts", 0], ["maxShareOfMovedValue", "100%"]],
    });
    // floor(0.34 × 3) = 1 → the weakest, A01 (−100%), goes to T1.
    expect(r.moves).toEqual([mv("A01", "V", "T1", "STAGNATION")]);
    expect(r.result.moves[0].match!.factors.team).toBe(1);
    expect(renderExplanation(r.result.moves[0].whyThisRep, "en-US")).toContain("same manager");
  });
});

describe("ramp and spread", () => {
  test("rampedCap: a third at hire, all of it after rampMonths", () => {
    expect(rampedCap(40, 0, 3)).toBe(13);
    expect(rampedCap(40, 1, 3)).toBe(22); // 40 × 5/9 = 22.2
    expect(rampedCap(40, 2, 3)).toBe(31); // 40 × 7/9 = 31.1
    expect(rampedCap(40, 3, 3)).toBe(40);
    expect(rampedCap(40, 0, 0)).toBe(40);
  });

  // One new rep hired 2026-06-01 (tenure 1), five orphans worth 500…100 whose owner L left.
  const orphans = (n: number, settings: Cell[][], hire = "2026-06-01"): TeamSpec => ({
    reps: [
      { id: "N", hire, region: "North" },
      { id: "L", hire: REGULAR, region: "North", active: false },
    ],
    accounts: Array.from({ length: n }, (_, i) => ({ id: `X${i + 1}`, owner: "L", region: "North" })),
    sales: Array.from({ length: n }, (_, i): [string, string, number] => ["2026-06-10", `X${i + 1}`, (n - i) * 100]),
    settings,
  });

  test("a new rep's ramp-up cap binds (maxAccountsNew 6 → floor(6 × 5/9) = 3 in the second month) and is named", async () => {
    const r = await run(orphans(5, [["maxAccountsNew", 6]]));
    expect(r.sorted).toEqual([mv("X1", "L", "N", "ORPHAN"), mv("X2", "L", "N", "ORPHAN"), mv("X3", "L", "N", "ORPHAN"), mv("X4", "L", null, "ORPHAN"), mv("X5", "L", null, "ORPHAN")]);
    const x4 = r.result.moves.find((m) => r.check.model.accounts[m.account].id === "X4")!;
    expect(x4.recipient).toEqual({ key: "recipient.unplaced", params: { region: "North", inPool: 1, limits: [{ key: "limit.ramp", params: { count: 1 } }] } });
    expect(renderExplanation(x4.recipient, "en-US")).toBe(
      "Unplaced: no eligible recipient in North (of 1 active reps, 1 at their ramp-up cap (rampMonths)). The account has no active owner until someone takes it.",
    );
    // rampMonths 0: the whole cap of 6 → all five placed.
    expect((await run(orphans(5, [["maxAccountsNew", 6], ["rampMonths", 0]]))).moves.every((m) => m.to === "N")).toBe(true);
  });

  test("maxNewAccountsPerRun (5) binds: of 7 orphans the 5 biggest are placed, the other 2 say why", async () => {
    const r = await run(orphans(7, [], REGULAR));
    expect(r.sorted.filter((m) => m.to === "N").map((m) => m.account)).toEqual(["X1", "X2", "X3", "X4", "X5"]);
    const x6 = r.result.moves.find((m) => r.check.model.accounts[m.account].id === "X6")!;
    expect(x6.recipient.params.limits).toEqual([{ key: "limit.perRun", params: { count: 1, max: 5 } }]);
    // The funnel says 2 of the 7 were held back, and by what.
    const d = r.result.diagnostics.find((x) => x.rule === "ORPHAN" && x.region === "North")!;
    expect(d.stages.map((x) => x.count)).toEqual([7, 7, 7, 5]);
    expect([d.blockedBy, d.held]).toEqual([null, 2]);
    expect(renderDiagnostic(d, "en-US")).toBe(
      "ORPHAN · North: accounts 7 → orphaned 7 → released 7 → placed 5 — 2 held back; the last: no eligible recipient in North: 1 already got 5 accounts in this run (maxNewAccountsPerRun)",
    );
    expect((await run(orphans(7, [["maxNewAccountsPerRun", 7]], REGULAR))).moves.every((m) => m.to === "N")).toBe(true);
  });

  test("maxShareOfMovedValue (40%) binds when two reps are eligible; one rep alone takes everything", async () => {
    // Released 1000 + 600 + 400 = 2000 → 40% = 800. X1 (1000) may go to a rep with nothing yet. X2 (600)
    // cannot join it (1600 > 800) → the other rep. X3 (400): 1400 and 1000 both > 800 → unplaced.
    const spec = (reps: string[]): TeamSpec => ({
      reps: [...reps.map((id) => ({ id, hire: REGULAR, region: "North" })), { id: "L", hire: REGULAR, region: "North", active: false }],
      accounts: ["X1", "X2", "X3"].map((id) => ({ id, owner: "L", region: "North" })),
      sales: [
        ["2026-06-10", "X1", 1000],
        ["2026-06-10", "X2", 600],
        ["2026-06-10", "X3", 400],
      ],
    });
    const two = await run(spec(["RA", "RB"]));
    const to = Object.fromEntries(two.moves.map((m) => [m.account, m.to]));
    expect(to.X1).not.toBeNull();
    expect(to.X2).not.toBeNull();
    expect(to.X2).not.toBe(to.X1);
    expect(to.X3).toBeNull();
    const x3 = two.result.moves.find((m) => two.check.model.accounts[m.account].id === "X3")!;
    expect(x3.recipient.params.limits).toEqual([{ key: "limit.share", params: { count: 2, sharePct: 0.4 } }]);
    expect(renderExplanation(x3.recipient, "en-US")).toContain("2 would pass 40% of the region's released value (maxShareOfMovedValue)");
    // One eligible rep: the limit does not apply.
    expect((await run(spec(["RA"]))).moves.map((m) => m.to)).toEqual(["RA", "RA", "RA"]);
  });
});

describe("proposal order", () => {
  test("moves a manager can approve come first; a bigger account a limit held follows them", async () => {
    // BIG (1000) cannot go to N, who lost it on 2026-05-01 (cooldown); SMALL (100) can.
    const r = await run(
      {
        reps: [
          { id: "N", hire: REGULAR, region: "North" },
          { id: "L", hire: REGULAR, region: "North", active: false },
        ],
        accounts: [
          { id: "BIG", owner: "L", region: "North" },
          { id: "SMALL", owner: "L", region: "North" },
        ],
        sales: [
          ["2026-06-10", "BIG", 1000],
          ["2026-06-10", "SMALL", 100],
        ],
      },
      { past: [past("BIG", "N", "L", "2026-05-01")] },
    );
    expect(r.moves).toEqual([mv("SMALL", "L", "N", "ORPHAN"), mv("BIG", "L", null, "ORPHAN")]);
    expect(r.result.moves.map((m) => m.proposalId)).toEqual(["P202606-1-001", "P202606-1-002"]);
  });
});

describe("rejection memory", () => {
  /** The stagnation book of rules.test.ts in short: V releases the 3 weakest of p01, p06, p09, p10 (declining). */
  const AUDIT: Cell[] = ["Timestamp", "Proposal ID", "Account ID", "From", "To", "Rule", "Approver", "Result", "Proposal Sheet", "Note"];
  /** Runs the team with the rejections an audit log holds, read the way a run reads the log. */
  const runWith = (audit: Cell[][] | null, settings: Cell[][] = []) =>
    run(team(settings), { rejections: audit ? pastRejections(parseAuditLog({ sheet: "Fairshare Audit Log", firstRow: 1, firstColumn: 1, values: [AUDIT, ...audit] })) : [] });
  const team = (settings: Cell[][] = []): TeamSpec => {
    const flows: Record<string, [number, number]> = { "01": [1600, 400], "02": [1000, 1000], "03": [1000, 1000], "04": [1000, 1000], "05": [1000, 1000], "06": [300, 100], "07": [200, 200], "08": [100, 120], "09": [400, 200], "10": [100, 0] };
    const accounts: TeamSpec["accounts"] = [];
    const sales: TeamSpec["sales"] = [];
    for (const [n, [q1, q2]] of Object.entries(flows)) {
      accounts.push({ id: `A${n}`, owner: "V", region: "North", acquired: "2024-01-01" });
      sales.push(...monthly(`A${n}`, { "2026-01": q1, "2026-02": q1, "2026-03": q1, "2026-04": q2, "2026-05": q2, "2026-06": q2 }));
    }
    return {
      reps: [
        { id: "V", hire: VETERAN, region: "North" },
        { id: "N", hire: "2026-01-01", region: "North" },
      ],
      accounts,
      sales,
      settings,
    };
  };
  const rejected = (date: string, account = "A01", rule = "STAGNATION", from = "V"): Cell[] => [date, "P202605-1-001", account, from, "N", rule, "Mia", "rejected", "Fairshare Proposal 2026-05", "keeps the relationship"];

  test("a move rejected within rejectionCooldownMonths (3) is not proposed again; the next-weakest goes instead", async () => {
    // Without memory: p10, p01, p06. With A01 rejected on 2026-05-01 (after addMonths(E, −3) = 2026-03-30): p10, p06, p09.
    expect((await runWith(null)).sorted.map((m) => m.account)).toEqual(["A01", "A06", "A10"]);
    const r = await runWith([rejected("2026-05-01")]);
    expect(r.sorted.map((m) => m.account)).toEqual(["A06", "A09", "A10"]);
  });

  test("after the cooldown (rejected 2026-03-30, the cutoff itself) it is proposed again", async () => {
    expect((await runWith([rejected("2026-03-30")])).sorted.map((m) => m.account)).toEqual(["A01", "A06", "A10"]);
    expect((await runWith([rejected("2026-03-31")])).sorted.map((m) => m.account)).toEqual(["A06", "A09", "A10"]);
    // rejectionCooldownMonths 0: forgotten at once, even for a decision logged after the period (as they are).
    expect((await runWith([rejected("2026-07-03")], [["rejectionCooldownMonths", 0]])).sorted.map((m) => m.account)).toEqual(["A01", "A06", "A10"]);
    // …while with the default 3 months that late decision is remembered.
    expect((await runWith([rejected("2026-07-03")])).sorted.map((m) => m.account)).toEqual(["A06", "A09", "A10"]);
  });

  test("a Chinese audit log (停滞老员工, 已拒绝) is remembered as the English one is; other results are not rejections", async () => {
    const ZH: Cell[] = ["时间", "建议编号", "客户编号", "原负责人", "新负责人", "规则", "审批人", "结果", "建议表", "备注"];
    const zh = (rule: string, result: string): Cell[] => ["2026-05-01", "P202605-1-001", "A01", "V", "N", rule, "王芳", result, "Fairshare 调整建议 2026-05", ""];
    const runZh = (rows: Cell[][]) => run(team(), { rejections: pastRejections(parseAuditLog({ sheet: "Fairshare 审计日志", firstRow: 1, firstColumn: 1, values: [ZH, ...rows] })) });
    expect((await runZh([zh("停滞老员工", "已拒绝")])).sorted.map((m) => m.account)).toEqual(["A06", "A09", "A10"]);
    // Full-width and spacing are folded like the English codes' case.
    expect((await runZh([zh(" 停滞老员工 ", "已拒绝")])).sorted.map((m) => m.account)).toEqual(["A06", "A09", "A10"]);
    expect((await runZh([zh("停滞老员工", "冲突")])).sorted.map((m) => m.account)).toEqual(["A01", "A06", "A10"]);
    expect((await runZh([zh("休眠客户", "已拒绝")])).sorted.map((m) => m.account)).toEqual(["A01", "A06", "A10"]);
  });

  test("only the same account, rule and owner are remembered", async () => {
    const other = [rejected("2026-05-01", "A01", "DORMANT"), rejected("2026-05-01", "A01", "STAGNATION", "W"), rejected("2026-05-01", "A02")];
    expect((await runWith(other)).sorted.map((m) => m.account)).toEqual(["A01", "A06", "A10"]);
  });
});

describe("diagnostics funnel", () => {
  test("nobody has 24 months' tenure: STAGNATION says so with the longest tenure (14)", async () => {
    const r = await run({
      reps: [
        { id: "R1", hire: "2025-05-01", region: "North" },
        { id: "R2", hire: "2025-09-01", region: "North" },
      ],
      accounts: [{ id: "A", owner: "R1", region: "North" }],
      sales: [["2026-06-10", "A", 100]],
    });
    expect(r.moves).toEqual([]);
    const d = r.result.diagnostics.find((x) => x.rule === "STAGNATION" && x.region === "North")!;
    expect(d.stages).toEqual([
      { stage: "examined", count: 2 },
      { stage: "inScope", count: 0 },
      { stage: "triggered", count: 0 },
      { stage: "eligible", count: 0 },
      { stage: "released", count: 0 },
      { stage: "placed", count: 0 },
    ]);
    expect(renderDiagnostic(d, "en-US")).toBe(
      "STAGNATION · North: reps 2 → veterans 0 → stagnant 0 → accounts eligible 0 → released 0 → placed 0 — no rep in North has 24 months' tenure (veteranTenureMonths); the longest is 14",
    );
    expect(renderDiagnostic(d, "zh-CN")).toBe(
      "停滞老员工 · North：业务员 2 → 老员工 0 → 停滞 0 → 可释放客户 0 → 释放 0 → 已分配 0——North 没有人司龄达到 24 个月（veteranTenureMonths）；最长为 14 个月",
    );
  });

  test("a stagnant veteran whose accounts are all kept by keepTopAccounts: the funnel stops at eligible and says why", async () => {
    // V's 4 accounts are flat (0%): stagnant, but all are among the top 5 growing or stable.
    const accounts = ["F1", "F2", "F3", "F4"].map((id) => ({ id, owner: "V", region: "North", acquired: "2024-01-01" }));
    const sales = accounts.flatMap((a) => monthly(a.id, { "2026-01": 100, "2026-02": 100, "2026-03": 100, "2026-04": 100, "2026-05": 100, "2026-06": 100 }));
    const r = await run({ reps: [{ id: "V", hire: VETERAN, region: "North" }, { id: "N", hire: "2026-01-01", region: "North" }], accounts, sales, settings: [["releaseShare", "50%"]] });
    expect(r.moves).toEqual([]);
    const d = r.result.diagnostics.find((x) => x.rule === "STAGNATION")!;
    expect(d.stages.map((s) => s.count)).toEqual([2, 1, 1, 0, 0, 0]);
    expect(renderDiagnostic(d, "en-US")).toMatch(/— all 4 accounts of the 1 stagnant veterans are kept: 4 among the top 5 growing or stable \(keepTopAccounts\)$/);
  });

  test("every rule and region gets an entry; a rule switched off says so; placed counts the moves with a recipient", async () => {
    const r = await run({
      reps: [{ id: "R1", hire: REGULAR, region: "North" }, { id: "L", hire: REGULAR, region: "North", active: false }],
      accounts: [
        { id: "X", owner: "L", region: "North" },
        { id: "S1", owner: "R1", region: "South" },
      ],
      sales: [["2026-06-10", "X", 100], ["2026-06-10", "S1", 100]],
      regionColumns: ["South"],
      settings: [["rule.DORMANT", "on", "off"]],
    });
    const keys = r.result.diagnostics.map((d) => `${d.rule}/${d.region}`);
    expect(keys).toEqual([
      "ORPHAN/North",
      "ORPHAN/South",
      "DORMANT/North",
      "DORMANT/South",
      "STAGNATION/North",
      "STAGNATION/South",
      "UNDERSERVED/North",
      "UNDERSERVED/South",
      "OVER_CAPACITY/North",
      "OVER_CAPACITY/South",
    ]);
    const orphanNorth = r.result.diagnostics[0];
    expect(orphanNorth.stages).toEqual([
      { stage: "examined", count: 1 },
      { stage: "triggered", count: 1 },
      { stage: "released", count: 1 },
      { stage: "placed", count: 1 },
    ]);
    expect(orphanNorth.blockedBy).toBeNull();
    const dormantSouth = r.result.diagnostics.find((d) => d.rule === "DORMANT" && d.region === "South")!;
    expect(dormantSouth.stages).toEqual([]);
    expect(renderDiagnostic(dormantSouth, "en-US")).toBe("DORMANT · South: rule.DORMANT is off in South");
  });
});
