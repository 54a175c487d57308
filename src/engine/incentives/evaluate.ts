/**
 * Scorecards and incentive statements over the incentive window: credited sales (with handover
 * splits from the audit log), new accounts, retention, satisfaction, teamwork; scores, ranks, profiles
 * and each rep's statement. Pure and deterministic.
 */
import type { Explanation, PastMove } from "../allocation/types";
import { dayToMonth, monthEndDay, monthStartDay, type MonthIndex } from "../cells";
import type { CheckResult } from "../check";
import type { Rep } from "../model";
import { hashString } from "../random";
import { classify, compareText, tenureMonths, type RepClass } from "../snapshot";
import { shareOf, splitCents } from "./money";
import { satisfactionFromScore, satisfactionText } from "./scale";
import { planFromSettings, statement, type Statement, type TeamShare, type WonAccount } from "./plan";

export type Dimension = "sales" | "newCustomers" | "satisfaction" | "retention" | "teamwork";
export const DIMENSIONS: readonly Dimension[] = ["sales", "newCustomers", "satisfaction", "retention", "teamwork"];

/** "insufficient": less than profileMinMonths of history, so no profile is claimed. */
export type Profile = "hunter" | "farmer" | "developing" | "steady" | "insufficient";

/** The figures behind one rep's scorecard and statement, money in cents. */
export interface RepFigures {
  rep: number;
  class: RepClass;
  /** Share of the window the rep was employed (hire or leave date inside it prorate). */
  employed: number;
  quotaCents: number;
  /** Booked sales credited to the rep on their own and others' accounts, after handover shares given. */
  creditedCents: number;
  splitGivenCents: number;
  splitReceivedCents: number;
  /** Refunds (negative sales lines) credited to the rep in the window, as a positive amount (inside creditedCents). */
  refundsCents: number;
  /** The accounts won in the window (first sale in it, none in the 12 months before), for SPIFs. */
  won: WonAccount[];
  /** Net window sales per Category/Product, when the Sales sheet has that column. */
  categoryCents: { category: string; cents: number }[];
  wonAccounts: number;
  wonCents: number;
  retention: number | null;
  retainedCents: number;
  satisfaction: number | null;
  teamwork: number | null;
  /** The window's draw (roster Draw per quotaPeriod, prorated like the quota) and the balance carried in. */
  drawCents: number;
  drawBalanceCents: number;
  /** Neither the roster nor defaultQuota gives a quota (quotaCents is 0; check() warned). */
  quotaMissing: boolean;
  /** Months of sales history the rep can be judged on: the data's months to the period, or their tenure when shorter. */
  historyMonths: number;
  /** Value of owned accounts over the 12 months to the period, and how much of it came from accounts won in those months. */
  value12Cents: number;
  won12Cents: number;
}

export interface ScoreRow {
  rep: number;
  figures: RepFigures;
  /** 0–100 per dimension, null where the rep has no data. */
  dimensions: Record<Dimension, number | null>;
  /** Weights after re-normalising over the dimensions with data. */
  weights: Record<Dimension, number>;
  score: number;
  rank: number;
  percentile: number;
  moveUp: Explanation;
  profile: Profile;
  profileEvidence: Explanation;
  /** For the manager (the team view): how to weigh this rep's plan. */
  recommendation: Explanation;
  /** For the rep (their statement): what plays to their profile, addressed to them. */
  advice: Explanation;
  suggestedWeights: Record<Dimension, number>;
}

export interface IncentiveRow {
  rep: number;
  statement: Statement;
}

export interface Evaluation {
  period: MonthIndex;
  windowStart: MonthIndex;
  scorecard: ScoreRow[];
  medians: Record<Dimension | "score", number | null>;
  incentives: IncentiveRow[];
  /** What the scorecard could not judge and why (a dimension nobody has data for), to show beside it. */
  notes: Explanation[];
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const QUOTA_MONTHS: Record<string, number> = { month: 1, quarter: 3, year: 12 };

/** Whether a rep belongs in the window's evaluation, and the employed share of it. */
function employedShare(rep: Rep, startDay: number, endDay: number): number {
  const from = Math.max(startDay, rep.hireDay ?? startDay);
  const to = Math.min(endDay, rep.leaveDay ?? endDay);
  if (!rep.active && (rep.leaveDay === null || rep.leaveDay < startDay)) return 0;
  if (to < from) return 0;
  return (to - from + 1) / (endDay - startDay + 1);
}

/**
 * Scorecards and statements for the incentive window ending with the period.
 * @example evaluate(checkResult, pastMoves).incentives[0].statement.totalCents
 */
export function evaluate(check: CheckResult, past: readonly PastMove[] = []): Evaluation {
  const { model, settings } = check;
  const period = check.period!;
  const months = settings.num("incentiveMonths");
  const windowStart = period - months + 1;
  const startDay = monthStartDay(windowStart);
  const endDay = monthEndDay(period);
  const priorStart = windowStart - 12;
  const nR = model.reps.length;
  const nA = model.accounts.length;
  const { sales } = model;

  // Who is evaluated: active in the period, or left inside the window (with a leave date).
  const employed = model.reps.map((r) => employedShare(r, startDay, endDay));
  const classes: RepClass[] = model.reps.map((r) => classify(r.hireDay === null ? null : tenureMonths(r.hireDay, period), r, settings));

  // Handover splits: the latest applied move per account (by day), with its terms.
  const repByKey = new Map(model.reps.map((r) => [r.key, r.index]));
  // Keyed only when there are past moves to look up (100k accounts otherwise go unasked).
  const accByKey = past.length ? new Map(model.accounts.map((a) => [a.key, a.index])) : new Map<string, number>();
  const moves = new Map<number, { from: number; to: number; fromMonth: number; toMonth: number; pct: number; baseCents: number }[]>();
  for (const p of past) {
    const a = accByKey.get(p.accountKey);
    const from = repByKey.get(p.fromKey);
    const to = repByKey.get(p.toKey);
    if (a === undefined || from === undefined || to === undefined) continue;
    const region = model.accounts[a].region || null;
    const m0 = dayToMonth(p.day);
    const n = settings.num("handoverSplitMonths", region);
    if (n <= 0) continue;
    const list = moves.get(a) ?? [];
    list.push({ from, to, fromMonth: m0, toMonth: m0 + n - 1, pct: settings.num("handoverSplitPct", region), baseCents: 0 });
    moves.set(a, list);
  }

  // Who held each account when: the owner now, unless an applied move happened after that day, in which
  // case the earliest such move's former owner held it. A run after a later move still credits the holder.
  const history = new Map<number, { day: number; from: number }[]>();
  for (const p of past) {
    const a = accByKey.get(p.accountKey);
    const from = repByKey.get(p.fromKey);
    if (a === undefined || from === undefined) continue;
    history.set(a, [...(history.get(a) ?? []), { day: p.day, from }]);
  }
  for (const list of history.values()) list.sort((x, y) => x.day - y.day);
  const holderOn = (a: number, day: number): number => {
    const list = history.size ? history.get(a) : undefined;
    if (list) for (const mv of list) if (mv.day > day) return mv.from;
    return model.accounts[a].owner;
  };

  const credited = new Float64Array(nR);
  const refunds = new Float64Array(nR);
  // Net sales per rep and Category/Product, for rate.<category> overrides.
  const byCategory = new Map<number, Map<number, number>>();
  const given = new Float64Array(nR);
  const received = new Float64Array(nR);
  const windowByAccount = new Float64Array(nA);
  const priorByAccount = new Float64Array(nA);
  const firstMonth = new Float64Array(nA).fill(Infinity);
  const hadPrior = new Uint8Array(nA);
  const firstWindowRep = new Int32Array(nA).fill(-1);
  const firstWindowDay = new Float64Array(nA).fill(Infinity);
  const firstWindowCategory = new Int32Array(nA).fill(-1);
  const value12 = new Float64Array(nA);
  // The long loops below run in functions of their own: a loop inside this long function would run
  // unoptimised until the whole function is compiled for it, and again after each loop that follows.
  const salesPass = (): number => {
    let dataStart = Infinity;
    for (let i = 0; i < sales.count; i++) {
      const a = sales.account[i];
      const m = sales.month[i];
      if (m > period) continue;
      if (m < dataStart) dataStart = m;
      if (m < firstMonth[a]) firstMonth[a] = m;
      if (m > period - 12) value12[a] += sales.cents[i];
      if (m >= priorStart && m < windowStart) {
        priorByAccount[a] += sales.cents[i];
        hadPrior[a] = 1;
      }
      if (m < windowStart) continue;
      windowByAccount[a] += sales.cents[i];
      const rep = sales.rep[i] >= 0 ? sales.rep[i] : holderOn(a, sales.day[i]);
      if (rep < 0) continue;
      if (sales.day[i] < firstWindowDay[a]) {
        firstWindowDay[a] = sales.day[i];
        firstWindowRep[a] = rep;
        firstWindowCategory[a] = sales.category ? sales.category[i] : -1;
      }
      credited[rep] += sales.cents[i];
      if (sales.cents[i] < 0) refunds[rep] -= sales.cents[i];
      if (sales.category && sales.category[i] >= 0) {
        const byCat = byCategory.get(rep) ?? new Map<number, number>();
        byCat.set(sales.category[i], (byCat.get(sales.category[i]) ?? 0) + sales.cents[i]);
        byCategory.set(rep, byCat);
      }
      const handovers = moves.size ? moves.get(a) : undefined;
      if (handovers) for (const mv of handovers) if (mv.to === rep && m >= mv.fromMonth && m <= mv.toMonth) mv.baseCents += sales.cents[i];
    }
    return dataStart;
  };
  const dataStart = salesPass();
  // Each handover's share is split once, over all its sales in the window, by the one rounding rule.
  for (const list of moves.values()) {
    for (const mv of list) {
      if (!mv.baseCents) continue;
      const { share } = shareOf(mv.baseCents, mv.pct);
      credited[mv.to] -= share;
      given[mv.to] += share;
      received[mv.from] += share;
    }
  }

  // Accounts won in the window: first sale in it and none in the 12 months before.
  const wonCount = new Int32Array(nR);
  const wonList: WonAccount[][] = model.reps.map(() => []);
  const wonCents = new Float64Array(nR);
  const won12 = new Float64Array(nR);
  for (let a = 0; a < nA; a++) {
    if (firstWindowRep[a] >= 0 && !hadPrior[a] && firstMonth[a] >= windowStart) {
      wonCount[firstWindowRep[a]]++;
      const c = firstWindowCategory[a];
      wonList[firstWindowRep[a]].push({ accountId: model.accounts[a].id, month: dayToMonth(firstWindowDay[a]), category: c >= 0 ? sales.categories![c] : "", cents: windowByAccount[a] });
      wonCents[firstWindowRep[a]] += windowByAccount[a];
    }
  }
  // Retention and the portfolio's won share, over the accounts each rep owns now.
  const priorTotal = new Float64Array(nR);
  const priorKept = new Float64Array(nR);
  const retained = new Float64Array(nR);
  const repValue12 = new Float64Array(nR);
  const satSum = new Float64Array(nR);
  const satN = new Int32Array(nR);
  const accountsPass = (): void => {
    for (let i = 0; i < model.accounts.length; i++) {
      const acc = model.accounts[i];
      const o = holderOn(acc.index, endDay);
      if (o < 0) continue;
      repValue12[o] += value12[acc.index];
      if (firstMonth[acc.index] > period - 12) won12[o] += value12[acc.index];
      if (priorByAccount[acc.index] > 0) {
        priorTotal[o] += priorByAccount[acc.index];
        if (windowByAccount[acc.index] > 0) {
          priorKept[o] += priorByAccount[acc.index];
          retained[o] += windowByAccount[acc.index];
        }
      }
      if (acc.satisfaction !== null) {
        satSum[o] += acc.satisfaction;
        satN[o]++;
      }
    }
  };
  accountsPass();
  // Ratings in the window: teamwork, and satisfaction where accounts have none.
  const rated = model.ratings.filter((r) => r.month >= windowStart && r.month <= period);
  const twMax = Math.max(0, ...rated.map((r) => r.teamwork ?? 0));
  const twScale = twMax <= 5 ? 5 : twMax <= 10 ? 10 : 100;
  const rsMax = Math.max(0, ...rated.map((r) => r.satisfaction ?? 0));
  const tw = new Map<number, number[]>();
  const rs = new Map<number, number[]>();
  for (const r of rated) {
    if (r.teamwork !== null) tw.set(r.rep, [...(tw.get(r.rep) ?? []), r.teamwork]);
    if (r.satisfaction !== null) rs.set(r.rep, [...(rs.get(r.rep) ?? []), rsMax > 5 ? r.satisfaction / 2 : r.satisfaction]);
  }
  const avg = (xs: number[] | undefined) => (xs && xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

  const dataMonths = dataStart === Infinity ? 0 : period - dataStart + 1;
  const figures: RepFigures[] = [];
  for (const rep of model.reps) {
    const share = employed[rep.index];
    if (share <= 0) continue;
    const qp = QUOTA_MONTHS[String(settings.get("quotaPeriod", rep.region))];
    const fallback = settings.get("defaultQuota", rep.region || null);
    const perPeriod = rep.quotaCents ?? (typeof fallback === "number" ? Math.round(fallback * 100) : null);
    figures.push({
      quotaMissing: perPeriod === null,
      rep: rep.index,
      class: classes[rep.index],
      employed: share,
      quotaCents: perPeriod === null ? 0 : Math.round((perPeriod / qp) * months * share),
      drawCents: rep.drawCents ? Math.round((rep.drawCents / qp) * months * share) : 0,
      drawBalanceCents: rep.drawBalanceCents ?? 0,
      creditedCents: credited[rep.index],
      splitGivenCents: given[rep.index],
      splitReceivedCents: received[rep.index],
      refundsCents: refunds[rep.index],
      won: wonList[rep.index],
      categoryCents: [...(byCategory.get(rep.index) ?? new Map<number, number>())].map(([c, cents]) => ({ category: sales.categories![c], cents })),
      wonAccounts: wonCount[rep.index],
      wonCents: wonCents[rep.index],
      retention: priorTotal[rep.index] > 0 ? priorKept[rep.index] / priorTotal[rep.index] : null,
      retainedCents: retained[rep.index],
      satisfaction: satN[rep.index] ? satSum[rep.index] / satN[rep.index] : avg(rs.get(rep.index)),
      teamwork: avg(tw.get(rep.index)),
      value12Cents: repValue12[rep.index],
      won12Cents: won12[rep.index],
      historyMonths: Math.max(0, Math.min(dataMonths, rep.hireDay === null ? dataMonths : period - dayToMonth(rep.hireDay) + 1)),
    });
  }

  // A won account is one with no sales in the 12 months before the window: unknowable without them.
  const wonKnown = dataStart <= priorStart;
  const { rows: scorecard, notes } = scoreAll(check, figures, twScale, wonKnown, dataMonths);
  const byRep = new Map(scorecard.map((s) => [s.rep, s]));
  const incentives = statements(check, figures, byRep, endDay - startDay + 1);
  const medians = {} as Record<Dimension | "score", number | null>;
  for (const d of DIMENSIONS) medians[d] = median(scorecard.map((s) => s.dimensions[d]).filter((x): x is number => x !== null));
  medians.score = median(scorecard.map((s) => s.score));
  return { period, windowStart, scorecard, medians, incentives, notes };
}

/** Normalisation to 0–100, documented in the Scorecard sheet and README. */
/** A score onto its documented 0–100 range (NaN, from no data, counts as 0). */
function clamp100(x: number): number {
  return x > 0 ? Math.min(100, x) : 0;
}

function scoreAll(check: CheckResult, figures: RepFigures[], twScale: number, wonKnown: boolean, dataMonths: number): { rows: ScoreRow[]; notes: Explanation[] } {
  const { settings, model } = check;
  const maxWonCount = Math.max(0, ...figures.map((f) => f.wonAccounts));
  const maxWonCents = Math.max(0, ...figures.map((f) => f.wonCents));
  const rows = figures.map((f) => {
    const rep = model.reps[f.rep];
    const attainment = f.quotaCents > 0 ? (f.creditedCents + f.splitReceivedCents) / f.quotaCents : null;
    const dims: Record<Dimension, number | null> = {
      // Every dimension stays within 0–100 whatever the data (refunds can make sales or retention negative).
      sales: attainment === null ? null : clamp100(100 * attainment),
      newCustomers: !wonKnown || maxWonCount === 0 ? null : clamp100((50 * f.wonAccounts) / maxWonCount + (maxWonCents > 0 ? (50 * Math.max(0, f.wonCents)) / maxWonCents : 0)),
      satisfaction: f.satisfaction === null ? null : clamp100(((f.satisfaction - 1) / 4) * 100),
      retention: f.retention === null ? null : clamp100(100 * f.retention),
      teamwork: f.teamwork === null ? null : clamp100((100 * f.teamwork) / twScale),
    };
    const raw: Record<Dimension, number> = {
      sales: settings.num("weight.sales", rep.region),
      newCustomers: settings.num("weight.newCustomers", rep.region),
      satisfaction: settings.num("weight.satisfaction", rep.region),
      retention: settings.num("weight.retention", rep.region),
      teamwork: settings.num("weight.teamwork", rep.region),
    };
    const total = DIMENSIONS.reduce((s, d) => s + (dims[d] === null ? 0 : raw[d]), 0);
    const weights = {} as Record<Dimension, number>;
    for (const d of DIMENSIONS) weights[d] = dims[d] === null || total === 0 ? 0 : raw[d] / total;
    const score = DIMENSIONS.reduce((s, d) => s + (dims[d] ?? 0) * weights[d], 0);
    return { f, rep, dims, weights, score, attainment };
  });
  // A dimension nobody has data for is out of every score (re-normalised away above); say so.
  const notes: Explanation[] = [];
  if (rows.length) {
    for (const d of DIMENSIONS) {
      if (rows.some((r) => r.dims[d] !== null)) continue;
      const why = d !== "newCustomers" ? "why.noData" : !wonKnown ? "why.newCustomers.history" : "why.newCustomers.none";
      notes.push({ key: `note.dimensionDropped.${why}`, params: { dimension: `dim.${d}`, historyMonths: dataMonths } });
    }
  }
  const noQuota = figures.filter((f) => f.quotaMissing).length;
  if (noQuota) notes.push({ key: "note.quotaMissing", params: { count: noQuota } });
  // Competition ranking (1, 2, 2, 4); ties keep the same rank, never broken by roster order.
  const scores = rows.map((r) => r.score);
  const medians = {} as Record<Dimension, number | null>;
  for (const d of DIMENSIONS) medians[d] = median(rows.map((r) => r.dims[d]).filter((x): x is number => x !== null));
  const minMonths = settings.num("profileMinMonths");
  const won12Known = dataMonths > 12;
  const ranked = rows
    .map(({ f, rep, dims, weights, score }) => {
      let better = 0;
      let lower = 0;
      for (let k = 0; k < scores.length; k++) {
        if (scores[k] > score + 1e-9) better++;
        if (scores[k] < score - 1e-9) lower++;
      }
      let best: Dimension | null = null;
      let bestGap = 0;
      for (const d of DIMENSIONS) {
        const m = medians[d];
        if (dims[d] === null || m === null) continue;
        const gap = weights[d] * (m - dims[d]!);
        if (gap > bestGap + 1e-9) {
          best = d;
          bestGap = gap;
        }
      }
      const moveUp = moveUpOf(best, dims, medians, bestGap);
      const { profile, evidence, recommendation, advice, suggested } = profileOf(f, dims, weights, settings.num("profileMinMonths", rep.region || null), won12Known);
      return {
        rep: f.rep,
        figures: f,
        dimensions: dims,
        weights,
        score: Math.round(score * 10) / 10,
        rank: better + 1,
        percentile: rows.length > 1 ? Math.round((100 * lower) / (rows.length - 1)) : 100,
        moveUp,
        profile,
        profileEvidence: evidence,
        recommendation,
        advice,
        suggestedWeights: suggested,
      } satisfies ScoreRow;
    })
    .sort((a, b) => a.rank - b.rank || compareText(model.reps[a.rep].key, model.reps[b.rep].key));
  return { rows: ranked, notes };
}

/**
 * A rep's profile from their history, with the evidence and the plan weights suggested for it. Shown
 * beside the scorecard; never applied on its own.
 */
function profileOf(f: RepFigures, dims: Record<Dimension, number | null>, weights: Record<Dimension, number>, minMonths: number, won12Known: boolean) {
  // "Won in the last 12 months" needs the months before them; with less data every account looks new.
  const wonShare = won12Known && f.value12Cents > 0 ? f.won12Cents / f.value12Cents : 0;
  let profile: Profile = "steady";
  // A new rep is developing by tenure alone; every other profile is a claim about history.
  if (f.class === "new") profile = "developing";
  else if (f.historyMonths < minMonths) profile = "insufficient";
  else if (won12Known && wonShare >= 0.3) profile = "hunter";
  else if ((f.retention ?? 0) >= 0.85 && (f.satisfaction ?? 0) >= 4) profile = "farmer";
  const suggested = { ...weights };
  const up: Dimension[] = profile === "hunter" ? ["newCustomers", "newCustomers"] : profile === "farmer" ? ["retention", "satisfaction"] : profile === "developing" ? ["newCustomers", "teamwork"] : [];
  for (const d of up) if (dims[d] !== null) suggested[d] += 0.05;
  const sum = DIMENSIONS.reduce((s, d) => s + suggested[d], 0);
  for (const d of DIMENSIONS) suggested[d] = sum > 0 ? Math.round((suggested[d] / sum) * 100) / 100 : 0;
  const evidence: Explanation = {
    key: `profile.${profile}`,
    params: { wonSharePct: wonShare, retentionPct: f.retention ?? 0, satisfaction: satisfactionText(f.satisfaction), class: f.class, months: f.historyMonths, minMonths },
  };
  return { profile, evidence, recommendation: { key: `recommend.${profile}`, params: {} } as Explanation, advice: { key: `advice.${profile}`, params: {} } as Explanation, suggested };
}

/**
 * "What would move you up", addressed to the rep: the dimension whose gap to the team median costs the
 * most score, in that dimension's own terms (attainment and retention in percent, satisfaction on its
 * 1–5 scale, the others as 0–100 scores) and the score points it is worth. A gain that rounds to 0.0
 * points is no advice.
 */
export function moveUpOf(best: Dimension | null, dims: Record<Dimension, number | null>, medians: Record<Dimension, number | null>, gap: number): Explanation {
  if (best === null) return { key: "moveUp.none", params: {} };
  const points = Math.round(gap * 10) / 10;
  if (points <= 0) return { key: "moveUp.near", params: {} };
  const yours = dims[best]!;
  const median = medians[best]!;
  switch (best) {
    case "sales":
    case "retention":
      return { key: `moveUp.${best}`, params: { yoursPct: yours / 100, medianPct: median / 100, points } };
    case "satisfaction":
      return { key: "moveUp.satisfaction", params: { yours: satisfactionText(satisfactionFromScore(yours)), median: satisfactionText(satisfactionFromScore(median)), points } };
    default:
      return { key: `moveUp.${best}`, params: { yours: Math.round(yours), median: Math.round(median), points } };
  }
}

/** Statements, with each region's team bonus split by score × employed share. */
function statements(check: CheckResult, figures: RepFigures[], scores: Map<number, ScoreRow>, windowDays: number): IncentiveRow[] {
  const { settings, model } = check;
  const byRegion = new Map<string, RepFigures[]>();
  for (const f of figures) {
    const r = model.reps[f.rep].region;
    byRegion.set(r, [...(byRegion.get(r) ?? []), f]);
  }
  const team = new Map<number, TeamShare>();
  const seed = settings.num("seed");
  for (const [region, list] of byRegion) {
    const salesCents = list.reduce((s, f) => s + f.creditedCents + f.splitReceivedCents, 0);
    const quotaCents = list.reduce((s, f) => s + f.quotaCents, 0);
    // Without every rep's quota the region's quota is unknown: no pool rather than a made-up one.
    const withoutQuota = list.filter((f) => f.quotaMissing).length;
    const excess = withoutQuota ? 0 : Math.max(0, salesCents - quotaCents);
    const rate = settings.num("teamBonusRate", region || null);
    const pool = Math.round(excess * rate);
    const weights = list.map((f) => (scores.get(f.rep)?.score ?? 0) * f.employed);
    const parts = splitCents(pool, weights, list.map((f) => hashString(model.reps[f.rep].key, seed)));
    const wsum = weights.reduce((s, w) => s + w, 0);
    list.forEach((f, i) => team.set(f.rep, { amountCents: parts[i], share: wsum > 0 ? weights[i] / wsum : 0, poolCents: pool, rate, excessCents: excess, region, withoutQuota }));
  }
  return figures
    .map((f) => {
      const rep = model.reps[f.rep];
      const s = statement(
        {
          creditedCents: f.creditedCents,
          splitReceivedCents: f.splitReceivedCents,
          refundsCents: f.refundsCents,
          categorySales: f.categoryCents,
          won: f.won,
          draw: { drawCents: f.drawCents, balanceCents: f.drawBalanceCents },
          quotaCents: f.quotaCents,
          newAccounts: f.wonAccounts,
          newAccountSalesCents: f.wonCents,
          retainedSalesCents: f.retainedCents,
          satisfaction: f.satisfaction,
          teamBonus: team.get(f.rep)!,
          employedFraction: f.employed,
          windowDays,
        },
        planFromSettings(settings, rep.region || null),
      );
      return { rep: f.rep, statement: s };
    })
    .sort((a, b) => compareText(model.reps[a.rep].region, model.reps[b.rep].region) || compareText(model.reps[a.rep].key, model.reps[b.rep].key));
}

