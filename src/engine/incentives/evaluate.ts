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
import { splitCents } from "./money";
import { planFromSettings, statement, type Statement } from "./plan";

export type Dimension = "sales" | "newCustomers" | "satisfaction" | "retention" | "teamwork";
export const DIMENSIONS: readonly Dimension[] = ["sales", "newCustomers", "satisfaction", "retention", "teamwork"];

export type Profile = "hunter" | "farmer" | "developing" | "steady";

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
  wonAccounts: number;
  wonCents: number;
  retention: number | null;
  retainedCents: number;
  satisfaction: number | null;
  teamwork: number | null;
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
  recommendation: Explanation;
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
  const accByKey = new Map(model.accounts.map((a) => [a.key, a.index]));
  const moves = new Map<number, { from: number; to: number; fromMonth: number; toMonth: number; pct: number }[]>();
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
    list.push({ from, to, fromMonth: m0, toMonth: m0 + n - 1, pct: settings.num("handoverSplitPct", region) });
    moves.set(a, list);
  }

  const credited = new Float64Array(nR);
  const given = new Float64Array(nR);
  const received = new Float64Array(nR);
  const windowByAccount = new Float64Array(nA);
  const priorByAccount = new Float64Array(nA);
  const firstMonth = new Float64Array(nA).fill(Infinity);
  const hadPrior = new Uint8Array(nA);
  const firstWindowRep = new Int32Array(nA).fill(-1);
  const firstWindowDay = new Float64Array(nA).fill(Infinity);
  const value12 = new Float64Array(nA);
  for (let i = 0; i < sales.count; i++) {
    const a = sales.account[i];
    const m = sales.month[i];
    if (m > period) continue;
    if (m < firstMonth[a]) firstMonth[a] = m;
    if (m > period - 12) value12[a] += sales.cents[i];
    if (m >= priorStart && m < windowStart) {
      priorByAccount[a] += sales.cents[i];
      hadPrior[a] = 1;
    }
    if (m < windowStart) continue;
    windowByAccount[a] += sales.cents[i];
    const rep = sales.rep[i] >= 0 ? sales.rep[i] : model.accounts[a].owner;
    if (rep < 0) continue;
    if (sales.day[i] < firstWindowDay[a]) {
      firstWindowDay[a] = sales.day[i];
      firstWindowRep[a] = rep;
    }
    let cents = sales.cents[i];
    for (const mv of moves.get(a) ?? []) {
      if (mv.to === rep && m >= mv.fromMonth && m <= mv.toMonth) {
        const share = cents * mv.pct;
        cents -= share;
        given[rep] += share;
        received[mv.from] += share;
      }
    }
    credited[rep] += cents;
  }

  // Accounts won in the window: first sale in it and none in the 12 months before.
  const wonCount = new Int32Array(nR);
  const wonCents = new Float64Array(nR);
  const won12 = new Float64Array(nR);
  for (let a = 0; a < nA; a++) {
    if (firstWindowRep[a] >= 0 && !hadPrior[a] && firstMonth[a] >= windowStart) {
      wonCount[firstWindowRep[a]]++;
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
  for (const acc of model.accounts) {
    const o = acc.owner;
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

  const figures: RepFigures[] = [];
  for (const rep of model.reps) {
    const share = employed[rep.index];
    if (share <= 0) continue;
    const qp = QUOTA_MONTHS[String(settings.get("quotaPeriod", rep.region))];
    const perPeriod = rep.quotaCents ?? Math.round(settings.num("defaultQuota", rep.region) * 100);
    figures.push({
      rep: rep.index,
      class: classes[rep.index],
      employed: share,
      quotaCents: Math.round((perPeriod / qp) * months * share),
      creditedCents: credited[rep.index],
      splitGivenCents: given[rep.index],
      splitReceivedCents: received[rep.index],
      wonAccounts: wonCount[rep.index],
      wonCents: wonCents[rep.index],
      retention: priorTotal[rep.index] > 0 ? priorKept[rep.index] / priorTotal[rep.index] : null,
      retainedCents: retained[rep.index],
      satisfaction: satN[rep.index] ? satSum[rep.index] / satN[rep.index] : avg(rs.get(rep.index)),
      teamwork: avg(tw.get(rep.index)),
      value12Cents: repValue12[rep.index],
      won12Cents: won12[rep.index],
    });
  }

  const scorecard = scoreAll(check, figures, twScale);
  const byRep = new Map(scorecard.map((s) => [s.rep, s]));
  const incentives = statements(check, figures, byRep);
  const medians = {} as Record<Dimension | "score", number | null>;
  for (const d of DIMENSIONS) medians[d] = median(scorecard.map((s) => s.dimensions[d]).filter((x): x is number => x !== null));
  medians.score = median(scorecard.map((s) => s.score));
  return { period, windowStart, scorecard, medians, incentives };
}

/** Normalisation to 0–100, documented in the Scorecard sheet and README. */
/** A score onto its documented 0–100 range (NaN, from no data, counts as 0). */
function clamp100(x: number): number {
  return x > 0 ? Math.min(100, x) : 0;
}

function scoreAll(check: CheckResult, figures: RepFigures[], twScale: number): ScoreRow[] {
  const { settings, model } = check;
  const maxWonCount = Math.max(0, ...figures.map((f) => f.wonAccounts));
  const maxWonCents = Math.max(0, ...figures.map((f) => f.wonCents));
  const rows = figures.map((f) => {
    const rep = model.reps[f.rep];
    const attainment = f.quotaCents > 0 ? (f.creditedCents + f.splitReceivedCents) / f.quotaCents : null;
    const dims: Record<Dimension, number | null> = {
      // Every dimension stays within 0–100 whatever the data (refunds can make sales or retention negative).
      sales: attainment === null ? null : clamp100(100 * attainment),
      newCustomers: clamp100((maxWonCount > 0 ? (50 * f.wonAccounts) / maxWonCount : 0) + (maxWonCents > 0 ? (50 * Math.max(0, f.wonCents)) / maxWonCents : 0)),
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
  // Competition ranking (1, 2, 2, 4); ties keep the same rank, never broken by roster order.
  const scores = rows.map((r) => r.score);
  const medians = {} as Record<Dimension, number | null>;
  for (const d of DIMENSIONS) medians[d] = median(rows.map((r) => r.dims[d]).filter((x): x is number => x !== null));
  return rows
    .map(({ f, rep, dims, weights, score }) => {
      const better = scores.filter((s) => s > score + 1e-9).length;
      const lower = scores.filter((s) => s < score - 1e-9).length;
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
      const moveUp: Explanation = best
        ? { key: "moveUp", params: { dimension: `dim.${best}`, yours: Math.round(dims[best]!), median: Math.round(medians[best]!), points: Math.round(bestGap * 10) / 10 } }
        : { key: "moveUp.none", params: {} };
      const { profile, evidence, recommendation, suggested } = profileOf(f, dims, weights);
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
        suggestedWeights: suggested,
      } satisfies ScoreRow;
    })
    .sort((a, b) => a.rank - b.rank || compareText(model.reps[a.rep].key, model.reps[b.rep].key));
}

/**
 * A rep's profile from their history, with the evidence and the plan weights suggested for it. Shown
 * beside the scorecard; never applied on its own.
 */
function profileOf(f: RepFigures, dims: Record<Dimension, number | null>, weights: Record<Dimension, number>) {
  const wonShare = f.value12Cents > 0 ? f.won12Cents / f.value12Cents : 0;
  let profile: Profile = "steady";
  if (f.class === "new") profile = "developing";
  else if (wonShare >= 0.3) profile = "hunter";
  else if ((f.retention ?? 0) >= 0.85 && (f.satisfaction ?? 0) >= 4) profile = "farmer";
  const suggested = { ...weights };
  const up: Dimension[] = profile === "hunter" ? ["newCustomers", "newCustomers"] : profile === "farmer" ? ["retention", "satisfaction"] : profile === "developing" ? ["newCustomers", "teamwork"] : [];
  for (const d of up) if (dims[d] !== null) suggested[d] += 0.05;
  const sum = DIMENSIONS.reduce((s, d) => s + suggested[d], 0);
  for (const d of DIMENSIONS) suggested[d] = sum > 0 ? Math.round((suggested[d] / sum) * 100) / 100 : 0;
  const evidence: Explanation = {
    key: `profile.${profile}`,
    params: { wonSharePct: wonShare, retentionPct: f.retention ?? 0, satisfaction: f.satisfaction === null ? "—" : f.satisfaction.toFixed(1), class: f.class },
  };
  return { profile, evidence, recommendation: { key: `recommend.${profile}`, params: {} } as Explanation, suggested };
}

/** Statements, with each region's team bonus split by score × employed share. */
function statements(check: CheckResult, figures: RepFigures[], scores: Map<number, ScoreRow>): IncentiveRow[] {
  const { settings, model } = check;
  const byRegion = new Map<string, RepFigures[]>();
  for (const f of figures) {
    const r = model.reps[f.rep].region;
    byRegion.set(r, [...(byRegion.get(r) ?? []), f]);
  }
  const team = new Map<number, { cents: number; explanation: Explanation }>();
  const seed = settings.num("seed");
  for (const [region, list] of byRegion) {
    const salesCents = list.reduce((s, f) => s + f.creditedCents + f.splitReceivedCents, 0);
    const quotaCents = list.reduce((s, f) => s + f.quotaCents, 0);
    const excess = Math.max(0, salesCents - quotaCents);
    const rate = settings.num("teamBonusRate", region || null);
    const pool = Math.round(excess * rate);
    const weights = list.map((f) => (scores.get(f.rep)?.score ?? 0) * f.employed);
    const parts = splitCents(pool, weights, list.map((f) => hashString(model.reps[f.rep].key, seed)));
    const wsum = weights.reduce((s, w) => s + w, 0);
    list.forEach((f, i) =>
      team.set(f.rep, {
        cents: parts[i],
        explanation:
          pool > 0
            ? { key: "teamBonus", params: { amountCents: parts[i], sharePct: wsum > 0 ? weights[i] / wsum : 0, poolCents: pool, ratePct: rate, excessCents: excess, region: region || "—" } }
            : { key: "teamBonus.none", params: { amountCents: 0, region: region || "—" } },
      }),
    );
  }
  return figures
    .map((f) => {
      const rep = model.reps[f.rep];
      const t = team.get(f.rep)!;
      const s = statement(
        {
          creditedCents: f.creditedCents,
          splitReceivedCents: f.splitReceivedCents,
          quotaCents: f.quotaCents,
          newAccounts: f.wonAccounts,
          newAccountSalesCents: f.wonCents,
          retainedSalesCents: f.retainedCents,
          satisfaction: f.satisfaction,
          teamBonusCents: t.cents,
          employedFraction: f.employed,
        },
        planFromSettings(settings, rep.region || null),
      );
      s.components.teamBonus.explanation = t.explanation;
      return { rep: f.rep, statement: s };
    })
    .sort((a, b) => compareText(model.reps[a.rep].region, model.reps[b.rep].region) || compareText(model.reps[a.rep].key, model.reps[b.rep].key));
}

