/**
 * Properties of the allocation on random teams: nothing lost or moved twice, caps and regions respected,
 * protected accounts kept, deterministic, independent of row order.
 */
import fc from "fast-check";
import { allocate, type AllocationResult } from "../../../src/engine/allocation/allocate";
import type { PastMove } from "../../../src/engine/allocation/types";
import { formatDay, idKey, monthEndDay } from "../../../src/engine/cells";
import type { CheckResult } from "../../../src/engine/check";
import { normalizeHeader } from "../../../src/engine/schema";
import type { Cell } from "../../../src/engine/table";
import { checkSheets } from "../../helpers/team";
import { ACCOUNT_HEADER, REP_HEADER, SALES_HEADER, accountRow, day, repRow, type AccountRow, type RepRow } from "./team";

const PERIOD = 2026 * 12 + 5; // 2026-06
const PERIOD_END = monthEndDay(PERIOD);
const NUM_RUNS = 60;

interface Team {
  reps: RepRow[];
  accounts: AccountRow[];
  sales: [string, string, number][];
  settings: Cell[][];
  past: PastMove[];
}

const dayIn = (from: string, to: string) => fc.integer({ min: day(from), max: day(to) }).map(formatDay);

const teamArb: fc.Arbitrary<Team> = fc
  .record({
    regions: fc.shuffledSubarray(["North", "South", "East"], { minLength: 2, maxLength: 3 }),
    nReps: fc.integer({ min: 3, max: 15 }),
    nAccounts: fc.integer({ min: 5, max: 60 }),
  })
  .chain(({ regions, nReps, nAccounts }) => {
    const repIds = Array.from({ length: nReps }, (_, i) => `R${i + 1}`);
    const rep = (id: string) =>
      fc.record({
        // mostly veterans/regulars/new reps by the period; a few hired after it or with no date
        hire: fc.oneof(
          { weight: 10, arbitrary: dayIn("2014-01-01", "2026-06-30") },
          { weight: 3, arbitrary: dayIn("2025-07-01", "2026-06-30") },
          { weight: 1, arbitrary: dayIn("2026-07-02", "2026-12-31") },
          // the day after the period end: must count as not yet hired
          { weight: 1, arbitrary: fc.constant("2026-07-01") },
          { weight: 1, arbitrary: fc.constant(null) },
        ),
        region: fc.constantFrom(...regions),
        active: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
        capacity: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null, freq: 2 }),
      }).map((r): RepRow => ({ id, ...r }));
    const owner = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...repIds) },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom("GHOST1", "GHOST2") },
    );
    const account = (id: string) =>
      fc.record({
        owner,
        region: fc.constantFrom(...regions),
        acquired: fc.option(dayIn("2023-01-01", "2026-06-30"), { nil: null }),
        protected: fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false))), // ~25%
        industry: fc.constantFrom("Retail", "Energy"),
      }).map((a): AccountRow => ({ id, ...a }));
    const accountIds = Array.from({ length: nAccounts }, (_, i) => `A${String(i + 1).padStart(2, "0")}`);
    return fc.record({
      reps: fc.tuple(...repIds.map(rep)),
      accounts: fc.tuple(...accountIds.map(account)),
      sales: fc.array(
        fc.tuple(
          dayIn("2025-01-01", "2026-06-30"),
          fc.constantFrom(...accountIds),
          fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 500000 }).map((c) => c / 100) }, { weight: 1, arbitrary: fc.integer({ min: -2000, max: -1 }) }),
        ),
        { maxLength: 200 },
      ),
      settings: fc.record({
        seed: fc.integer({ min: 0, max: 100000 }),
        sameRegionOnly: fc.boolean(),
        preferNewReps: fc.boolean(),
        releaseShare: fc.constantFrom(0, 0.3, 0.5, 1),
        keepTopAccounts: fc.integer({ min: 0, max: 3 }),
        stagnationMonths: fc.integer({ min: 1, max: 4 }),
        inactiveMonths: fc.integer({ min: 1, max: 9 }),
        cooldownMonths: fc.integer({ min: 0, max: 6 }),
        maxAccountsNew: fc.integer({ min: 0, max: 8 }),
        maxAccountsRegular: fc.integer({ min: 0, max: 10 }),
        maxAccountsVeteran: fc.integer({ min: 0, max: 12 }),
        stagnationGrowthPct: fc.constantFrom(0, 0.05, -0.05),
        maxNewAccountsPerRun: fc.integer({ min: 1, max: 6 }),
        maxShareOfMovedValue: fc.constantFrom(0.2, 0.4, 1),
        rampMonths: fc.integer({ min: 0, max: 4 }),
        underservedMonths: fc.integer({ min: 1, max: 6 }),
        underservedMinPeers: fc.integer({ min: 1, max: 5 }),
        "match.load": fc.constantFrom(0, 0.2, 1),
        "match.capability": fc.constantFrom(0, 0.25),
        "match.continuity": fc.constantFrom(0, 0.35),
      }),
      past: fc.array(
        fc.record({
          accountKey: fc.constantFrom(...accountIds),
          fromKey: fc.constantFrom(...repIds),
          toKey: fc.constantFrom(...repIds),
          day: fc.integer({ min: day("2025-10-01"), max: PERIOD_END }),
          proposalId: fc.constant("P202601-1-001"),
        }),
        { maxLength: 8 },
      ),
    });
  })
  .map(({ reps, accounts, sales, settings, past }) => ({
    reps,
    accounts,
    sales,
    settings: Object.entries(settings).map(([k, v]): Cell[] => [k, typeof v === "boolean" ? (v ? "on" : "off") : v]),
    past,
  }));

function sheets(t: Team, order?: { reps: number[]; accounts: number[]; sales: number[] }): Record<string, Cell[][]> {
  const perm = <T>(xs: T[], p?: number[]) => (p ? p.map((i) => xs[i]) : xs);
  return {
    Reps: [REP_HEADER, ...perm(t.reps, order?.reps).map(repRow)],
    Accounts: [[...ACCOUNT_HEADER, "Industry"], ...perm(t.accounts, order?.accounts).map((a) => [...accountRow(a), a.industry ?? null])],
    Sales: [SALES_HEADER, ...perm(t.sales, order?.sales).map((s) => [...s] as Cell[])],
    "Fairshare Settings": [["Setting", "Value"], ["period", "2026-06"], ...t.settings],
  };
}

async function runTeam(t: Team, order?: { reps: number[]; accounts: number[]; sales: number[] }) {
  const check = await checkSheets(sheets(t, order));
  const errors = check.issues.filter((i) => i.severity === "error");
  if (errors.length) throw new Error(`generated team has errors: ${JSON.stringify(errors.map((e) => e.message))}`);
  return { check, result: allocate(check, { past: t.past }) };
}

function setting(t: Team, key: string): Cell {
  return t.settings.find((r) => r[0] === key)![1];
}

/** Everything of a run with indices replaced by ids, so runs on differently ordered rows compare. */
function portable(check: CheckResult, result: AllocationResult) {
  const { accounts, reps } = check.model;
  const repId = (i: number) => (i >= 0 ? reps[i].id : null);
  return {
    moves: result.moves.map(({ account, from, to, match, ...rest }) => ({
      ...rest,
      account: accounts[account].id,
      from: repId(from),
      to: repId(to),
      match: match && { ...match, runnerUp: match.runnerUp && { ...match.runnerUp, rep: repId(match.runnerUp.rep) } },
    })),
    atRisk: result.atRisk.map(({ account, ...rest }) => ({ ...rest, account: accounts[account].id })),
    stagnantReps: result.stagnantReps.map(repId),
  };
}

/** Independent cap: roster Capacity, else the class default; the class from tenure at the period end. */
function capOf(t: Team, check: CheckResult, rep: number): number {
  const r = check.model.reps[rep];
  if (r.capacity !== null) return r.capacity;
  const row = check.portfolio.find((p) => p.rep === rep)!;
  const key = row.class === "new" ? "maxAccountsNew" : row.class === "veteran" ? "maxAccountsVeteran" : "maxAccountsRegular";
  return setting(t, key) as number;
}

describe("allocation properties on random teams", () => {
  test("no account is lost or moved twice", async () => {
    await fc.assert(
      fc.asyncProperty(teamArb, async (t) => {
        const { check, result } = await runTeam(t);
        const n = check.model.accounts.length;
        expect(n).toBe(t.accounts.length);
        const seen = new Set<number>();
        for (const m of result.moves) {
          expect(m.account).toBeGreaterThanOrEqual(0);
          expect(m.account).toBeLessThan(n);
          expect(seen.has(m.account)).toBe(false);
          seen.add(m.account);
          // from is the current owner; to is an existing rep or −1, never the owner itself
          expect(m.from).toBe(check.model.accounts[m.account].owner);
          expect(m.to).toBeGreaterThanOrEqual(-1);
          expect(m.to).toBeLessThan(check.model.reps.length);
          if (m.to >= 0) expect(m.to).not.toBe(m.from);
        }
        // After applying: every account still there exactly once, with one owner (or none).
        const after = check.model.accounts.map((a) => a.owner);
        for (const m of result.moves) if (m.to >= 0) after[m.account] = m.to;
        expect(after).toHaveLength(n);
        // Books after the moves (−1: no owner), flattened: each account id exactly once.
        const books = new Map<number, string[]>();
        after.forEach((o, i) => books.set(o, [...(books.get(o) ?? []), check.model.accounts[i].id]));
        const flat = [...books.values()].flat().sort();
        expect(flat).toEqual(t.accounts.map((a) => a.id).sort());
        // The portfolio after counts the same number of owned accounts as the applied owners.
        const owned = after.filter((o) => o >= 0 && check.portfolio.some((p) => p.rep === o)).length;
        expect(result.portfolioAfter.reduce((s, p) => s + p.accounts, 0)).toBe(owned);
        // Proposal ids are unique and in order.
        const ids = result.moves.map((m) => m.proposalId);
        expect(new Set(ids).size).toBe(ids.length);
        expect([...ids].sort()).toEqual(ids);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test("caps respected: a rep that receives accounts ends with no more than its cap", async () => {
    await fc.assert(
      fc.asyncProperty(teamArb, async (t) => {
        const { check, result } = await runTeam(t);
        const { accounts, reps } = check.model;
        const after = accounts.map((a) => a.owner);
        for (const m of result.moves) if (m.to >= 0) after[m.account] = m.to;
        const receivers = new Set(result.moves.filter((m) => m.to >= 0).map((m) => m.to));
        for (const r of receivers) {
          const countAfter = after.filter((o) => o === r).length;
          const cap = capOf(t, check, r);
          if (countAfter > cap) {
            throw new Error(`${reps[r].id} ends with ${countAfter} accounts, above its cap ${cap}: moves ${JSON.stringify(portable(check, result).moves.map((m) => [m.account, m.from, m.to, m.rule]))}`);
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test("recipients are active reps hired by the period end, not the owner, not cooling down, not stagnant", async () => {
    // addMonths(E, −k), E = 2026-06-30: the 30th k months earlier, clamped to the month's end
    const cooldownFromOf = (k: number) => {
      const m = PERIOD - k;
      const y = Math.floor(m / 12);
      const last = new Date(Date.UTC(y, (m % 12) + 1, 0)).getUTCDate();
      return day(`${y}-${String((m % 12) + 1).padStart(2, "0")}-${String(Math.min(30, last)).padStart(2, "0")}`);
    };
    await fc.assert(
      fc.asyncProperty(teamArb, async (t) => {
        const { check, result } = await runTeam(t);
        const { accounts, reps } = check.model;
        const cooldownFrom = cooldownFromOf(setting(t, "cooldownMonths") as number);
        for (const m of result.moves) {
          if (m.to < 0) continue;
          const rep = reps[m.to];
          expect(rep.active).toBe(true);
          if (rep.hireDay !== null && rep.hireDay > PERIOD_END) throw new Error(`${rep.id}, hired ${formatDay(rep.hireDay)} after the period end, receives ${accounts[m.account].id}`);
          expect(m.to).not.toBe(accounts[m.account].owner);
          expect(result.stagnantReps).not.toContain(m.to);
          const cooling = t.past.some((p) => idKey(p.accountKey) === accounts[m.account].key && idKey(p.fromKey) === rep.key && p.day > cooldownFrom);
          expect(cooling).toBe(false);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test("no move across regions when sameRegionOnly is on", async () => {
    await fc.assert(
      fc.asyncProperty(
        teamArb.map((t) => ({ ...t, settings: t.settings.map((r) => (r[0] === "sameRegionOnly" ? ["sameRegionOnly", "on"] : r)) })),
        async (t) => {
          const { check, result } = await runTeam(t);
          for (const m of result.moves) {
            if (m.to < 0) continue;
            expect(normalizeHeader(check.model.reps[m.to].region)).toBe(normalizeHeader(check.model.accounts[m.account].region));
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  test("protected accounts move only under ORPHAN; every orphan (protected or not) is released by ORPHAN", async () => {
    await fc.assert(
      fc.asyncProperty(teamArb, async (t) => {
        const { check, result } = await runTeam(t);
        const { accounts } = check.model;
        for (const m of result.moves) if (accounts[m.account].protected) expect(m.rule).toBe("ORPHAN");
        // What orphan.ts does: owner blank, unknown, inactive or not counted in the period — Protected is not looked at.
        const counted = new Set(check.portfolio.map((p) => p.rep));
        const orphans = accounts.filter((a) => a.owner < 0 || !counted.has(a.owner)).map((a) => a.id).sort();
        const released = result.moves.filter((m) => m.rule === "ORPHAN").map((m) => accounts[m.account].id).sort();
        expect(released).toEqual(orphans);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test("the same input and seed give the same output", async () => {
    await fc.assert(
      fc.asyncProperty(teamArb, async (t) => {
        const a = await runTeam(t);
        const b = await runTeam(t);
        expect(b.result).toEqual(a.result);
        // and a fresh allocate on the same check result too
        expect(allocate(a.check, { past: t.past })).toEqual(a.result);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test("limits hold and every row's words agree with its numbers (1,000 random teams)", async () => {
    await fc.assert(
      fc.asyncProperty(teamArb, async (t) => {
        const { check, result } = await runTeam(t);
        const { accounts, reps } = check.model;
        const num = (k: string) => setting(t, k) as number;
        // Refunds make values negative; for spreading they count as 0.
        const received = new Map<number, { count: number; byRegion: Map<string, { value: number; count: number }>; alone: boolean }>();
        const released = new Map<string, number>();
        const values = new Map(result.moves.map((m) => [m.account, m.valueCents]));
        for (const m of result.moves) {
          const region = accounts[m.account].region.toLowerCase();
          released.set(region, (released.get(region) ?? 0) + Math.max(0, m.valueCents));
          if (m.to < 0) continue;
          const r = received.get(m.to) ?? { count: 0, byRegion: new Map(), alone: false };
          r.count++;
          const g = r.byRegion.get(region) ?? { value: 0, count: 0 };
          r.byRegion.set(region, { value: g.value + Math.max(0, m.valueCents), count: g.count + 1 });
          if (m.match!.candidates === 1) r.alone = true;
          received.set(m.to, r);
          // the row names its recipient, and the runner-up never scored higher
          expect(m.whyThisRep.params.repId).toBe(reps[m.to].id);
          expect(m.recipient.params.repId).toBe(reps[m.to].id);
          if (m.match!.runnerUp) expect(m.match!.runnerUp.score).toBeLessThanOrEqual(m.match!.score);
        }
        for (const [rep, r] of received) {
          // per-run limit
          expect(r.count).toBeLessThanOrEqual(num("maxNewAccountsPerRun"));
          // share limit: above it only with a single account, or where it was the only candidate
          for (const [region, { value: v, count }] of r.byRegion) {
            const limit = num("maxShareOfMovedValue") * released.get(region)!;
            if (v > limit + 1e-6 && count > 1 && !r.alone) throw new Error(`${reps[rep].id} received ${v} of ${released.get(region)} in ${region}, above the share limit`);
          }
        }
        const threshold = num("stagnationGrowthPct");
        const byOwner = new Map<string, number>();
        for (const m of result.moves) if (m.rule === "STAGNATION" || m.rule === "OVER_CAPACITY") byOwner.set(`${m.rule}/${m.from}`, (byOwner.get(`${m.rule}/${m.from}`) ?? 0) + 1);
        for (const m of result.moves) {
          const p = { ...m.reason.params, ...m.evidence.params };
          if (m.rule === "STAGNATION") {
            // Reason "book not growing, weakest released" and the account's own figures agree.
            expect(m.evidence.key === "evidence.STAGNATION.noSales" || (p.growthPct as number) <= threshold + 1e-9).toBe(true);
            // the growth shown is the one of the figures shown
            if (typeof p.growthPct === "number" && p.beforeCents !== 0) expect((p.nowCents as number) / (p.beforeCents as number) - 1).toBeCloseTo(p.growthPct, 9);
            for (const pt of p.series as { growth: number | null }[]) if (pt.growth !== null) expect(pt.growth).toBeLessThanOrEqual(threshold + 1e-9);
            expect(p.count).toBe(byOwner.get(`STAGNATION/${m.from}`));
            expect(p.count as number).toBeLessThanOrEqual(Math.floor(num("releaseShare") * (p.owned as number) + 1e-9));
            expect(p.count as number).toBeLessThanOrEqual(p.notGrowing as number);
          } else if (m.rule === "UNDERSERVED") {
            // It fell while its peers grew, by at least the gap.
            expect(p.growthPct as number).toBeLessThan(0);
            expect(p.peerMedianPct as number).toBeGreaterThan(0);
            expect((p.peerMedianPct as number) - (p.growthPct as number)).toBeGreaterThanOrEqual((p.gapPct as number) - 1e-9);
            expect(p.peers as number).toBeGreaterThanOrEqual(num("underservedMinPeers"));
          } else if (m.rule === "DORMANT") {
            if (p.lastSaleDay !== "—") expect(p.lastSaleDay as number).toBeLessThanOrEqual(p.cutoffDay as number);
          } else if (m.rule === "OVER_CAPACITY") {
            expect(p.count as number).toBeGreaterThan(p.cap as number);
            expect(p.excess).toBe((p.count as number) - (p.cap as number));
            expect(byOwner.get(`OVER_CAPACITY/${m.from}`)!).toBeLessThanOrEqual(p.excess as number);
            expect(p.valueCents).toBe(values.get(m.account));
          } else {
            const owner = m.from >= 0 ? reps[m.from] : null;
            if (m.reason.key === "reason.ORPHAN.left") expect(owner?.active).toBe(false);
            if (m.reason.key === "reason.ORPHAN.unowned") expect(accounts[m.account].ownerText).toBe("");
            if (m.reason.key === "reason.ORPHAN.unknown") expect(owner).toBeNull();
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  test("row order does not matter: shuffled Reps, Accounts and Sales give the same moves in the same proposal order", async () => {
    const withOrder = teamArb.chain((t) =>
      fc.record({
        t: fc.constant(t),
        reps: fc.shuffledSubarray([...t.reps.keys()], { minLength: t.reps.length, maxLength: t.reps.length }),
        accounts: fc.shuffledSubarray([...t.accounts.keys()], { minLength: t.accounts.length, maxLength: t.accounts.length }),
        sales: fc.shuffledSubarray([...t.sales.keys()], { minLength: t.sales.length, maxLength: t.sales.length }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(withOrder, async ({ t, reps, accounts, sales }) => {
        const a = await runTeam(t);
        const b = await runTeam(t, { reps, accounts, sales });
        const pa = portable(a.check, a.result);
        const pb = portable(b.check, b.result);
        const tuples = (p: typeof pa) => p.moves.map((m) => `${m.account}|${m.from}|${m.to}|${m.rule}`).sort();
        expect(tuples(pb)).toEqual(tuples(pa));
        const seq = (p: typeof pa) => [...p.moves].sort((x, y) => (x.proposalId < y.proposalId ? -1 : 1)).map((m) => m.account);
        expect(seq(pb)).toEqual(seq(pa));
        // and everything else the moves say (explanations, values), the at-risk list and the stagnant reps
        expect(pb).toEqual(pa);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
