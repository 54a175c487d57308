/**
 * Names of proposal sheets, and which sheets make one run's proposal. A run writes either one proposal
 * sheet, "Fairshare Proposal 2026-10", or (with proposalPerRegion) one per region, "Fairshare Proposal
 * 2026-10 East". A later run of the same period whose predecessor already holds decisions adds " #2",
 * " #3"… at the end of each name ("Fairshare Proposal 2026-10 East #2"). The sheets of a period that end
 * in the same suffix are one run's proposal; the newest run is the one of the last proposal sheet in tab
 * order. Sheet names are at most 31 characters, so a region's part is cut to the room left (and numbered
 * when two regions would cut to the same text); the region itself is read from the sheet's accounts, never
 * from its name.
 */
import type { Locale } from "../messages";
import { SHEET_BASES, sheetName } from "./labels";

/** Excel's limit on a sheet name's length. */
export const SHEET_NAME_LIMIT = 31;

/** A proposal sheet's name taken apart. */
export interface ProposalName {
  period: string;
  /** The region part of a per-region sheet (as written, possibly cut), null for a run's one sheet. */
  label: string | null;
  /** "" for a period's first run, else " #2", " #3"…. */
  suffix: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const PATTERNS = (["en-US", "zh-CN"] as const).map((L) => new RegExp(`^${escapeRegExp(SHEET_BASES[L].proposal)} (\\d{4}-\\d{2})(?: ([^#]*[^#\\s]))?( #\\d+)?$`));

/**
 * A proposal sheet's period, region part and run suffix, in either language; null for any other name.
 * @example parseProposalName("Fairshare Proposal 2026-10 East #2") // { period: "2026-10", label: "East", suffix: " #2" }
 */
export function parseProposalName(name: string): ProposalName | null {
  for (const re of PATTERNS) {
    const m = re.exec(name);
    if (m) return { period: m[1], label: m[2] ?? null, suffix: m[3] ?? "" };
  }
  return null;
}

/**
 * The sheets of the newest run's proposal of a period (or, without a period, of the last proposal sheet
 * in tab order): every proposal sheet of that period with the run's suffix, in tab order. A proposal sheet
 * whose name does not parse is a set of its own.
 * @example newestRun(["Fairshare Proposal 2026-10 East", "Fairshare Proposal 2026-10 West"]) // both
 */
export function newestRun(names: readonly string[], period?: string): string[] {
  const parsed = names.map((n) => ({ name: n, p: parseProposalName(n) }));
  const candidates = period === undefined ? parsed.filter((x) => x.p !== null || isProposalLike(x.name)) : parsed.filter((x) => x.p?.period === period);
  const last = candidates[candidates.length - 1];
  if (!last) return [];
  if (!last.p) return [last.name];
  return parsed.filter((x) => x.p && x.p.period === last.p!.period && x.p.suffix === last.p!.suffix).map((x) => x.name);
}

/**
 * Every run's proposal among sheet names, oldest first: each run its sheets in tab order (a period's
 * sheets with the same suffix; a proposal sheet whose name does not parse is a run of its own). Runs are
 * ordered by their last sheet in tab order, so the last run is the one newestRun finds.
 * @example proposalRuns(["Fairshare Proposal 2026-10", "Reps", "Fairshare Proposal 2026-10 #2"]) // [["Fairshare Proposal 2026-10"], ["Fairshare Proposal 2026-10 #2"]]
 */
export function proposalRuns(names: readonly string[]): string[][] {
  const runs = new Map<string, { sheets: string[]; last: number }>();
  names.forEach((name, i) => {
    const p = parseProposalName(name);
    if (!p && !isProposalLike(name)) return;
    const key = p ? `${p.period}|${p.suffix}` : `sheet|${name}`;
    const run = runs.get(key) ?? { sheets: [], last: i };
    run.sheets.push(name);
    run.last = i;
    runs.set(key, run);
  });
  return [...runs.values()].sort((a, b) => a.last - b.last).map((r) => r.sheets);
}

const isProposalLike = (name: string) => (["en-US", "zh-CN"] as const).some((L) => name === SHEET_BASES[L].proposal || name.startsWith(`${SHEET_BASES[L].proposal} `));

/**
 * The run suffix no proposal sheet of the period has yet ("" first, then " #2", " #3"…), in either
 * language and either form, so a new run's sheets never join an older run's set.
 * @example freeRunSuffix(["Fairshare Proposal 2026-10 East"], "2026-10") // " #2"
 */
export function freeRunSuffix(names: readonly string[], period: string): string {
  const used = new Set(names.map(parseProposalName).filter((p) => p?.period === period).map((p) => p!.suffix));
  let suffix = "";
  for (let k = 2; used.has(suffix); k++) suffix = ` #${k}`;
  return suffix;
}

/**
 * A region as a sheet name can hold it: without the characters Excel refuses ([ ] : * ? / \) and "#"
 * (which marks a run), spaces collapsed, no apostrophe at either end; "-" when nothing is left.
 * @example regionLabel("North/East") // "North-East"
 */
export function regionLabel(region: string): string {
  const clean = region
    .replace(/[[\]:*?/\\]/g, "-")
    .replace(/[#\p{Cc}]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  return clean || "-";
}

/**
 * The first `n` UTF-16 units of a string, never ending inside a surrogate pair, with trailing spaces and
 * apostrophes dropped (a sheet name must not end with an apostrophe).
 */
function cut(s: string, n: number): string {
  let out = s.slice(0, Math.max(0, n));
  if (/[\ud800-\udbff]$/.test(out)) out = out.slice(0, -1);
  return out.replace(/['\s]+$/, "");
}

/**
 * The sheet name of each region's proposal for one run ("Fairshare Proposal 2026-10 East #2"), in the
 * regions' order: the region part cut to fit 31 characters and, where two regions would then share a
 * name (or a name is taken), numbered ("Nor2"). Null when the run's suffix leaves no room for a region
 * (English names from run #10 on): the run then writes one proposal sheet.
 * @example regionSheetNames("en-US", "2026-10", "", ["East", "North", "Northwest"], []) // ["… East", "… Nort", "… Nor2"]
 */
export function regionSheetNames(locale: Locale, period: string, suffix: string, regions: readonly string[], taken: readonly string[]): string[] | null {
  const prefix = `${sheetName("proposal", locale, period)} `;
  const room = SHEET_NAME_LIMIT - prefix.length - suffix.length;
  if (room < 1) return null;
  const used = new Set(taken.map((n) => n.toLowerCase()));
  const out: string[] = [];
  for (const region of regions) {
    const label = regionLabel(region);
    let name = `${prefix}${cut(label, room)}${suffix}`;
    for (let k = 2; used.has(name.toLowerCase()); k++) {
      const digits = String(k);
      if (digits.length > room) return null;
      name = `${prefix}${cut(label, room - digits.length)}${digits}${suffix}`;
    }
    used.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}
