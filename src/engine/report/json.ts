/**
 * The JSON of `fairshare check` and `fairshare run`: a contract later issues extend, never rename.
 */
import { formatMonth } from "../cells";
import type { CheckResult } from "../check";
import type { Fairness, FairnessFigures } from "../snapshot";

export interface IssueJson {
  severity: "error" | "warning";
  code: string;
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
}

export interface FairnessJson {
  gini: number;
  top10Share: number;
  newRepShare: number;
  reps: number;
  value12m: number;
}

export interface CheckJson {
  period: string | null;
  ok: boolean;
  sheets: Record<string, string | null>;
  issues: IssueJson[];
  portfolio: Array<{
    repId: string;
    name: string;
    region: string;
    branch: string;
    class: string;
    tenureMonths: number | null;
    accounts: number;
    value12m: number;
    regionShare: number;
  }>;
  fairness: { before: (FairnessJson & { byRegion: Record<string, FairnessJson> }) | null };
}

const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

function figures(f: FairnessFigures): FairnessJson {
  return { gini: round(f.gini), top10Share: round(f.top10Share), newRepShare: round(f.newRepShare), reps: f.reps, value12m: f.valueCents / 100 };
}

function fairnessJson(f: Fairness | null) {
  if (!f) return null;
  const byRegion: Record<string, FairnessJson> = {};
  for (const [k, v] of Object.entries(f.byRegion)) byRegion[k] = figures(v);
  return { ...figures(f), byRegion };
}

/**
 * The JSON document of a check. Money in currency units (exact: cents ÷ 100), shares as fractions.
 * @example toCheckJson(result).fairness.before?.gini
 */
export function toCheckJson(result: CheckResult): CheckJson {
  return {
    period: result.period === null ? null : formatMonth(result.period),
    ok: result.ok,
    sheets: { ...result.assignment },
    issues: result.issues.map(({ severity, code, sheet, row, column, message }) => ({ severity, code, sheet, row, column, message })),
    portfolio: result.portfolio.map((p) => ({
      repId: p.repId,
      name: p.name,
      region: p.region,
      branch: p.branch,
      class: p.class,
      tenureMonths: p.tenureMonths,
      accounts: p.accounts,
      value12m: p.value12mCents / 100,
      regionShare: round(p.regionShare),
    })),
    fairness: { before: fairnessJson(result.fairness) },
  };
}
