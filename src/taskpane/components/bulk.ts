/**
 * The choices of the Review step's bulk decisions, as pure functions: for a kind of filter (rule, region,
 * From rep, size band), each value the undecided rows have, in words, with how many rows it selects.
 */
import { bulkRows, sizeBand, type ReviewFilter, type ReviewRow } from "../../workbook/panePipeline";
import { formatCount, type PaneLocale, type Translate } from "../i18n/locale";
import { ruleName } from "./RunSummaryView";

export type BulkKind = "all" | "rule" | "region" | "from" | "size";
export const BULK_KINDS: readonly BulkKind[] = ["all", "rule", "region", "from", "size"];

export interface BulkChoice {
  value: string;
  label: string;
  /** Undecided rows the choice selects. */
  count: number;
}

/** The key of a row for a kind of filter. */
function keyOf(row: ReviewRow, kind: Exclude<BulkKind, "all">): string {
  if (kind === "rule") return row.rule;
  if (kind === "region") return row.region;
  if (kind === "from") return row.from;
  return sizeBand(row.value);
}

/**
 * A size band in words: "10,000 to under 100,000"; the lowest band starts at 0.
 * @example sizeBandLabel("4", translator("en-US"), "en-US") // "10,000 to under 100,000"
 */
export function sizeBandLabel(band: string, t: Translate, locale: PaneLocale): string {
  if (band === "none") return t("sizeBandNone");
  const e = Number(band);
  return t("sizeBandRange", { from: e === 0 ? formatCount(0, locale) : formatCount(10 ** e, locale), to: formatCount(10 ** (e + 1), locale) });
}

/**
 * The values of one kind of filter among the undecided rows, in words, each with its row count: rules,
 * regions and reps by name; size bands largest first.
 * @example bulkChoices(rows, "rule", t, "en-US") // [{ value: "DORMANT", label: "Dormant accounts", count: 9 }, …]
 */
export function bulkChoices(rows: readonly ReviewRow[], kind: Exclude<BulkKind, "all">, t: Translate, locale: PaneLocale): BulkChoice[] {
  const counts = new Map<string, { count: number; row: ReviewRow }>();
  for (const row of rows) {
    const key = keyOf(row, kind);
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { count: 1, row });
  }
  const label = (key: string, row: ReviewRow): string => {
    if (kind === "rule") return key === "" ? t("valueUnknown") : ruleName(key, t);
    if (kind === "region") return key === "" ? t("valueUnknown") : key;
    if (kind === "from") return key === "" ? t("valueUnknown") : row.fromName && row.fromName !== key ? t("repWithId", { name: row.fromName, id: key }) : key;
    return sizeBandLabel(key, t, locale);
  };
  const choices = [...counts].map(([value, { count, row }]) => ({ value, label: label(value, row), count }));
  if (kind === "size") return choices.sort((a, b) => (b.value === "none" ? -1 : a.value === "none" ? 1 : Number(b.value) - Number(a.value)));
  return choices.sort((a, b) => a.label.localeCompare(b.label, locale));
}

/** The filter for a kind and a chosen value (the value is ignored for "all"). */
export function bulkFilter(kind: BulkKind, value: string): ReviewFilter {
  return kind === "all" ? { kind: "all" } : { kind, value };
}

/**
 * How many rows each decision would decide, as the buttons state them before a click.
 * @example bulkCounts(rows, { kind: "all" }) // { approve: 315, reject: 319 }
 */
export function bulkCounts(rows: readonly ReviewRow[], filter: ReviewFilter): { approve: number; reject: number } {
  return { approve: bulkRows(rows, filter, "approve").length, reject: bulkRows(rows, filter, "reject").length };
}
