/**
 * UNDERSERVED on hand-built teams. Period 2026-06, underservedMonths 6: the window Jan–Jun 2026 against
 * Jul–Dec 2025. Five Retail peers P1..P5 (owner R1) sell 100 a month before and 120 after: +20% each.
 * U (owner R2, Retail) sells 100 before and 80 after: −20%. U's peers' median is +20%: a gap of 40 points.
 */
import { renderDiagnostic, renderExplanation } from "../../../src/engine/allocation/text";
import { medianWithout } from "../../../src/engine/allocation/underserved";
import type { Cell } from "../../../src/engine/table";
import { monthly, run, type AccountRow, type TeamSpec } from "./team";

const REGULAR = "2025-01-01";
const BEFORE = ["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"];
const AFTER = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];

function flows(id: string, before: number, after: number) {
  return monthly(id, Object.fromEntries([...BEFORE.map((m) => [m, before]), ...AFTER.map((m) => [m, after])]));
}

function team(opts: { peers?: number; peerAfter?: number; uAfter?: number; settings?: Cell[][]; segment?: "industry" | "level"; protectU?: boolean } = {}): TeamSpec {
  const n = opts.peers ?? 5;
  const seg = (a: AccountRow): AccountRow => (opts.segment === "level" ? { ...a, level: "Gold" } : { ...a, industry: "Retail" });
  const accounts: AccountRow[] = [
    ...Array.from({ length: n }, (_, i) => seg({ id: `P${i + 1}`, owner: "R1", region: "North", acquired: "2024-01-01" })),
    seg({ id: "U", owner: "R2", region: "North", acquired: "2024-01-01", protected: opts.protectU }),
  ];
  return {
    reps: [
      { id: "R1", hire: REGULAR, region: "North" },
      { id: "R2", hire: REGULAR, region: "North" },
      { id: "R3", hire: REGULAR, region: "North" },
    ],
    accounts,
    sales: [...Array.from({ length: n }, (_, i) => flows(`P${i + 1}`, 100, opts.peerAfter ?? 120)).flat(), ...flows("U", 100, opts.uAfter ?? 80)],
    settings: opts.settings,
  };
}

describe("UNDERSERVED", () => {
  test("an account shrinking −20% among peers growing +20% (gap 40 ≥ 30 points) is released with its evidence", async () => {
    const r = await run(team());
    expect(r.moves.map((m) => [m.account, m.from, m.rule])).toEqual([["U", "R2", "UNDERSERVED"]]);
    const m = r.result.moves[0];
    expect(m.to).not.toBe(-1);
    expect(m.evidence.params).toMatchObject({ segment: "Retail", peers: 5, beforeCents: 60000, nowCents: 48000, months: 6, gapPct: 0.3 });
    expect(m.evidence.params.growthPct as number).toBeCloseTo(-0.2, 12);
    expect(m.evidence.params.peerMedianPct as number).toBeCloseTo(0.2, 12);
    expect(renderExplanation(m.evidence, "en-US")).toBe(
      "This account 600 → 480 (−20.0%) over 6 months vs the 6 before; its 5 Retail peers in North: median 20%, a gap of at least 30% (underservedGapPct).",
    );
    expect(renderExplanation(m.reason, "zh-CN")).toBe("North 同类（Retail）客户在增长，而本客户在下滑：潜力未被挖掘。");
    // The former owner is still here: they hand over with a share, as for STAGNATION.
    expect(m.handover?.params.repId).toBe("R2");
  });

  test("not when the peers shrink too, nor when the gap is under underservedGapPct", async () => {
    // Peers −10%: they did not grow.
    expect((await run(team({ peerAfter: 90 }))).moves).toEqual([]);
    // U −5% against +20%: a gap of 25 points < 30; at 20% it triggers.
    expect((await run(team({ uAfter: 95 }))).moves).toEqual([]);
    expect((await run(team({ uAfter: 95, settings: [["underservedGapPct", "20%"]] }))).moves.map((m) => m.account)).toEqual(["U"]);
  });

  test("not with fewer than underservedMinPeers (5) peers: the funnel says so", async () => {
    const r = await run(team({ peers: 4 }));
    expect(r.moves).toEqual([]);
    const d = r.result.diagnostics.find((x) => x.rule === "UNDERSERVED" && x.region === "North")!;
    expect(d.stages.map((s) => s.count)).toEqual([5, 0, 0, 0, 0]);
    expect(renderDiagnostic(d, "en-US")).toBe(
      "UNDERSERVED · North: owned accounts 5 → with enough peers 0 → underserved 0 → released 0 → placed 0 — no account in North has 5 peers of its Industry or Level with sales (underservedMinPeers); the most is 4",
    );
    // With underservedMinPeers 4 the same team triggers.
    expect((await run(team({ peers: 4, settings: [["underservedMinPeers", 4]] }))).moves.map((m) => m.account)).toEqual(["U"]);
  });

  test("Level is the segment when there is no Industry column; protection and rule.UNDERSERVED are respected", async () => {
    expect((await run(team({ segment: "level" }))).result.moves[0].evidence.params.segment).toBe("Gold");
    expect((await run(team({ protectU: true }))).moves).toEqual([]);
    expect((await run(team({ settings: [["rule.UNDERSERVED", "off"]] }))).moves).toEqual([]);
  });
});

describe("medianWithout", () => {
  test("the median of the peers, the account itself taken out, against a direct computation", () => {
    const direct = (xs: number[], x: number | null) => {
      const rest = [...xs];
      if (x !== null) rest.splice(rest.indexOf(x), 1);
      rest.sort((a, b) => a - b);
      if (!rest.length) return null;
      const m = rest.length >> 1;
      return rest.length % 2 ? rest[m] : (rest[m - 1] + rest[m]) / 2;
    };
    const sorted = [-0.5, -0.2, 0, 0, 0.1, 0.3, 0.3, Infinity];
    for (const x of [null, ...sorted]) expect(medianWithout(sorted, x)).toBe(direct(sorted, x));
    expect(medianWithout([0.2], 0.2)).toBeNull();
    expect(medianWithout([], null)).toBeNull();
  });
});
