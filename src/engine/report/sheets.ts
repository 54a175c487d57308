/**
 * The check's output sheets, as plain data for any adapter to write.
 */
import { formatMonth } from "../cells";
import type { CheckResult } from "../check";
import type { Issue } from "../issues";
import type { FairnessFigures } from "../snapshot";
import { countBySeverity, groupIssues } from "./issueGroups";
import type { Cell, OutputSheet } from "../table";
import { label, SHEET_NAMES } from "./labels";

/**
 * A sheet name not yet taken: the base, else "base #2", "base #3"…, shortened to Excel's 31 characters.
 * @example uniqueSheetName("Fairshare Portfolio", ["Fairshare Portfolio"]) // "Fairshare Portfolio #2"
 */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const fit = (s: string, suffix: string) => s.slice(0, 31 - suffix.length).trimEnd() + suffix;
  let name = fit(base, "");
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = fit(base, ` #${k}`);
  return name;
}

/**
 * "Fairshare Data Check": above, one line per kind of issue (severity, code, count, first example);
 * below, every issue with its place, grouped the same way (errors, then warnings, then notes).
 */
export function dataCheckSheet(result: CheckResult, name: string = SHEET_NAMES.dataCheck): OutputSheet {
  const L = result.locale;
  const n = countBySeverity(result.issues);
  const period = result.period === null ? "—" : formatMonth(result.period);
  const groups = groupIssues(result.issues, Infinity);
  const severity = (s: Issue["severity"]) => label(L, `severity.${s}`);
  const preamble: Cell[][] = [[label(L, "check.title")], [result.issues.length ? label(L, "check.summary", { errors: n.error, warnings: n.warning, notes: n.info, period }) : label(L, "check.none")]];
  if (groups.length) {
    preamble.push([], [label(L, "col.severity"), label(L, "col.code"), label(L, "col.count"), label(L, "col.firstExample")]);
    for (const g of groups) preamble.push([severity(g.severity), g.code, g.count, g.examples[0].message]);
  }
  return {
    name,
    preamble,
    preambleFormats: [undefined, undefined, "integer"],
    columns: [
      { header: label(L, "col.severity"), width: 10 },
      { header: label(L, "col.code"), width: 24 },
      { header: label(L, "col.sheet"), width: 18 },
      { header: label(L, "col.row"), format: "integer", width: 8 },
      { header: label(L, "col.column"), width: 16 },
      { header: label(L, "col.message"), width: 80 },
    ],
    rows: groups.flatMap((g) => g.examples).map((i) => [severity(i.severity), i.code, i.sheet, i.row, i.column, i.message]),
    asTable: true,
    highlights: [{ column: label(L, "col.severity"), when: { op: "equals", text: label(L, "severity.error") }, style: "bad" }],
  };
}

/** "Fairshare Portfolio": fairness overall and per region above, one row per active rep below. */
export function portfolioSheet(result: CheckResult, name: string = SHEET_NAMES.portfolio): OutputSheet {
  const L = result.locale;
  const f = result.fairness;
  // Only a roster without hire dates gets the column that says tenure was derived.
  const derivedTenure = result.portfolio.some((p) => p.tenureDerived);
  const fairRow = (scope: string, x: FairnessFigures): Cell[] => [scope, x.reps, x.gini, x.top10Share, x.newRepShare, x.valueCents / 100];
  const preamble: Cell[][] = [
    [label(L, "portfolio.title", { period: result.period === null ? "—" : formatMonth(result.period) })],
    [label(L, "col.scope"), label(L, "col.reps"), label(L, "col.gini"), label(L, "col.top10Share"), label(L, "col.newRepShare"), label(L, "col.totalValue")],
  ];
  if (f) {
    preamble.push(fairRow(label(L, "scope.all"), f));
    for (const [region, x] of Object.entries(f.byRegion)) preamble.push(fairRow(region, x));
  }
  return {
    name,
    preamble,
    preambleFormats: [undefined, "integer", "number", "percent", "percent", "money"],
    columns: [
      { header: label(L, "col.repId"), width: 12 },
      { header: label(L, "col.name"), width: 20 },
      { header: label(L, "col.region"), width: 12 },
      { header: label(L, "col.branch"), width: 14 },
      { header: label(L, "col.class"), width: 10 },
      { header: label(L, "col.tenure"), format: "integer", width: 10 },
      ...(derivedTenure ? [{ header: label(L, "col.tenureBasis"), width: 22 }] : []),
      { header: label(L, "col.accounts"), format: "integer", width: 10 },
      { header: label(L, "col.value12m"), format: "money", width: 16 },
      { header: label(L, "col.regionShare"), format: "percent", width: 12 },
    ],
    rows: result.portfolio.map((p) => [
      p.repId,
      p.name,
      p.region,
      p.branch,
      label(L, `class.${p.class}`),
      p.tenureMonths,
      ...(derivedTenure ? [p.tenureDerived ? label(L, "tenure.firstSale") : ""] : []),
      p.accounts,
      p.value12mCents / 100,
      p.regionShare,
    ]),
    asTable: true,
  };
}
