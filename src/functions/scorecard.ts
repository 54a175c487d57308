/**
 * The core of =FAIRSHARE.SCORE: which sheet is the newest scorecard, its Rep ID → Score index, and one
 * lookup. Plain tables in, results as data out.
 */
import { cellText, idKey, isBlank, parseNumberCell } from "../engine/cells";
import { SHEET_BASES } from "../engine/report/labels";
import { normalizeHeader } from "../engine/schema";
import type { Cell, Table } from "../engine/table";
import type { SheetInfo } from "../workbook/port";
import { excelErrorOf, scalarOf } from "./arguments";
import { failed, type CoreResult } from "./result";

/**
 * Scorecard sheets are named "Fairshare Scorecard <period>" ("Fairshare 评分卡 <period>" in a Chinese
 * workbook), with " #2", " #3"… for reruns: any name that starts with either base, in any case.
 */
const SCORECARD_PREFIXES: readonly string[] = Object.values(SHEET_BASES).map((bases) => bases.scorecard.toLowerCase());

/** Header names, normalised (case, spaces and punctuation ignored): the scorecard writes one pair per locale. */
const REP_ID_HEADERS = new Set(["repid", "工号"]);
const SCORE_HEADERS = new Set(["score", "评分"]);
/** The header sits below the title and method lines; look this far down for it. */
const HEADER_SEARCH_ROWS = 20;

/** One rep on the scorecard: the sheet rows it is on, and the score of the first (null: not a number). */
interface ScoreEntry {
  rows: number[];
  score: number | null;
  text: string;
}

/** A scorecard read once and looked up by every SCORE cell. */
export interface ScorecardIndex {
  sheet: string;
  byRep: ReadonlyMap<string, ScoreEntry>;
}

/**
 * The newest scorecard sheet: the last one in tab order, since runs add their sheets at the end (the same
 * rule as the newest proposal), in either language. Names compare case-insensitively, as Excel's do.
 * @example newestScorecard([{ name: "Fairshare Scorecard 2024-05", visible: true }, { name: "Fairshare Scorecard 2024-06", visible: true }]) // "Fairshare Scorecard 2024-06"
 */
export function newestScorecard(sheets: readonly SheetInfo[]): string | null {
  for (let i = sheets.length - 1; i >= 0; i--) if (isScorecardSheet(sheets[i].name)) return sheets[i].name;
  return null;
}

/**
 * Whether a sheet name is a scorecard's (either language, any case, any rerun suffix).
 * @example isScorecardSheet("fairshare 评分卡 2024-06 #2") // true
 */
export function isScorecardSheet(name: string): boolean {
  const lower = name.toLowerCase();
  return SCORECARD_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * A score cell as a number: a number, or text that reads as one; null for blank, a dash ("—" marks a
 * missing score here, not the accounting zero it is in an amount column), a percentage or other text.
 */
function scoreOf(cell: Cell): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (isBlank(cell) || typeof cell !== "string" || /^\s*[-–—−]\s*$/.test(cell)) return null;
  const parsed = parseNumberCell(cell);
  return parsed && !parsed.percent ? parsed.value : null;
}

/**
 * Indexes a scorecard table by rep: the header is the first row (of the first 20) with a Rep ID / 工号
 * column and a Score / 评分 column; every row below with an id is a rep.
 *
 * @example scorecardIndexCore({ sheet: "Fairshare Scorecard 2024-06", firstRow: 1, firstColumn: 1, values: [["Rep ID", "Score"], ["R1", 82.5]] })
 */
export function scorecardIndexCore(table: Table): CoreResult<ScorecardIndex> {
  let headerIdx = -1;
  let idCol = -1;
  let scoreCol = -1;
  for (let r = 0; r < Math.min(table.values.length, HEADER_SEARCH_ROWS) && headerIdx < 0; r++) {
    const row = table.values[r];
    const id = row.findIndex((c) => REP_ID_HEADERS.has(normalizeHeader(cellText(c))));
    const score = row.findIndex((c) => SCORE_HEADERS.has(normalizeHeader(cellText(c))));
    if (id >= 0 && score >= 0) [headerIdx, idCol, scoreCol] = [r, id, score];
  }
  if (headerIdx < 0) return failed({ code: "scorecardNoHeader", sheet: table.sheet });
  const byRep = new Map<string, ScoreEntry>();
  for (let r = headerIdx + 1; r < table.values.length; r++) {
    const row = table.values[r];
    const key = idKey(row[idCol]);
    if (!key) continue;
    const sheetRow = table.firstRow + r;
    const seen = byRep.get(key);
    if (seen) {
      seen.rows.push(sheetRow);
      continue;
    }
    const cell: Cell = row[scoreCol] ?? null;
    const score = scoreOf(cell);
    byRep.set(key, { rows: [sheetRow], score, text: cellText(cell) });
  }
  return { ok: true, value: { sheet: table.sheet, byRep } };
}

/**
 * One rep's score. Ids compare as the engine compares them (case, width and spaces ignored; 1001 = "1001").
 * 0 is an empty id unless a rep has it (an empty cell arrives as 0 from older desktop builds).
 * @example scoreCore(index, "r1") // { ok: true, value: 82.5 }
 */
export function scoreCore(index: ScorecardIndex, repId: unknown): CoreResult<number> {
  const v = scalarOf(repId);
  const error = excelErrorOf(v);
  if (error !== null) return failed({ code: "argumentError", argument: "repId", error });
  const key = typeof v === "string" || typeof v === "number" ? idKey(v) : "";
  if (!key) return failed({ code: "repIdMissing" });
  const entry = index.byRep.get(key);
  const shown = cellText(v as Cell);
  // Older desktop builds pass an empty cell as 0 (office-js #4702): unless a rep's id is 0, it is an empty id.
  if (!entry && v === 0) return failed({ code: "repIdMissing" });
  if (!entry) return failed({ code: "unknownRep", repId: shown, sheet: index.sheet });
  if (entry.rows.length > 1) return failed({ code: "duplicateRep", repId: shown, sheet: index.sheet, rows: entry.rows.join(", ") });
  if (entry.score === null) return failed({ code: "noScore", repId: shown, sheet: index.sheet, row: entry.rows[0], value: entry.text });
  return { ok: true, value: entry.score };
}
