/**
 * What the custom functions read from the workbook (the settings' plan, the newest scorecard), through
 * the Office adapter, cached until the sheet changes (liveResults.ts forgets it then) or for
 * WORKBOOK_CACHE_MS. A recalculation of 10,000 cells then reads each sheet once: the first cell starts the
 * read, the others await the same promise.
 *
 * Outside Excel (node, tests without the fake host) there is no workbook: the plan is the default one
 * and there is no scorecard. A failed read is not remembered, so the next recalculation tries again.
 */
import type { Plan } from "../engine/incentives/plan";
import { defaultPlan } from "../engine/incentives/plan";
import { SETTINGS_SHEET } from "../engine/schema";
import type { SheetInfo } from "../workbook/port";
import { OfficeWorkbook } from "../workbook/officeAdapter";
import { planFromSettingsTableCore } from "./incentive";
import { failed, type CoreResult } from "./result";
import { newestScorecard, scorecardIndexCore, type ScorecardIndex } from "./scorecard";

/**
 * How long a read stays fresh for a new invocation. Edits of the settings and scorecard sheets do not wait
 * for it: liveResults.ts forgets the read and pushes fresh results as soon as Excel reports the change. It
 * is the safety net for what no event reports at ExcelApi 1.9 (a sheet renamed to or from the settings
 * name): a recalculation (Ctrl+Alt+F9) after it reads again.
 */
export const WORKBOOK_CACHE_MS = 5000;

/**
 * How long a function waits for Excel to answer a read. While a cell is in edit mode Excel holds every
 * Excel.run, and a custom function waiting on one sits at #BUSY! or fails (office-js #1395, #6841); past
 * this the function answers #N/A with a message saying what to do.
 */
export const WORKBOOK_TIMEOUT_MS = 10_000;

/** Thrown (and caught here) when Excel does not answer within WORKBOOK_TIMEOUT_MS. */
class WorkbookTimeoutError extends Error {
  override name = "WorkbookTimeoutError";
}

/** `read()`, or a WorkbookTimeoutError after WORKBOOK_TIMEOUT_MS; the timer never outlives the read. */
function withTimeout<T>(read: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new WorkbookTimeoutError(`no answer within ${WORKBOOK_TIMEOUT_MS} ms`)), WORKBOOK_TIMEOUT_MS);
  });
  return Promise.race([read(), timeout]).finally(() => clearTimeout(timer));
}

const busy = () => failed({ code: "workbookBusy", seconds: WORKBOOK_TIMEOUT_MS / 1000 });

interface Entry<T> {
  at: number;
  value: Promise<T>;
}

/** A promise per key, fresh for WORKBOOK_CACHE_MS; rejected or failed results are dropped once settled. */
class PromiseCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  get(key: string, load: () => Promise<T>, keep: (value: T) => boolean): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < WORKBOOK_CACHE_MS) return hit.value;
    for (const [k, e] of this.entries) if (now - e.at >= WORKBOOK_CACHE_MS) this.entries.delete(k);
    const value = load();
    const entry = { at: now, value };
    this.entries.set(key, entry);
    const drop = () => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    };
    value.then((v) => (keep(v) ? undefined : drop()), drop);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

const plans = new PromiseCache<CoreResult<Plan>>();
const sheetLists = new PromiseCache<CoreResult<SheetInfo[]>>();
const scorecards = new PromiseCache<CoreResult<ScorecardIndex>>();

const keepUnlessUnreadable = <T>(r: CoreResult<T>) => r.ok || (r.issue.code !== "sheetUnreadable" && r.issue.code !== "workbookUnreadable" && r.issue.code !== "workbookBusy");

/** Whether the Excel JavaScript API is there (the add-in's runtime, or the fake host in tests). */
function inExcel(): boolean {
  return typeof Excel !== "undefined";
}

function describe(error: unknown): string {
  if (error && typeof error === "object" && "code" in error && typeof (error as { code: unknown }).code === "string") return (error as { code: string }).code;
  return error instanceof Error ? error.message : String(error);
}

/**
 * The plan from the workbook's "Fairshare Settings" sheet (the default plan when there is no such sheet
 * or no Excel), read at most once per WORKBOOK_CACHE_MS.
 */
export function workbookPlan(): Promise<CoreResult<Plan>> {
  if (!inExcel()) return Promise.resolve({ ok: true, value: defaultPlan() });
  return plans.get(
    SETTINGS_SHEET,
    async () => {
      try {
        const [table] = await withTimeout(() => new OfficeWorkbook().readTables([SETTINGS_SHEET]));
        return planFromSettingsTableCore(table ?? null);
      } catch (error) {
        if (error instanceof WorkbookTimeoutError) return busy();
        return failed({ code: "sheetUnreadable", sheet: SETTINGS_SHEET, detail: describe(error) });
      }
    },
    keepUnlessUnreadable,
  );
}

/** The newest scorecard sheet's index; the sheet list and each sheet are read at most once per WORKBOOK_CACHE_MS. */
export async function workbookScorecard(): Promise<CoreResult<ScorecardIndex>> {
  if (!inExcel()) return failed({ code: "noScorecard" });
  const sheets = await sheetLists.get(
    "",
    async () => {
      try {
        return { ok: true, value: await withTimeout(() => new OfficeWorkbook().listSheets()) };
      } catch (error) {
        if (error instanceof WorkbookTimeoutError) return busy();
        return failed({ code: "workbookUnreadable", detail: describe(error) });
      }
    },
    keepUnlessUnreadable,
  );
  if (!sheets.ok) return sheets;
  const name = newestScorecard(sheets.value);
  if (name === null) return failed({ code: "noScorecard" });
  return scorecards.get(
    name,
    async () => {
      try {
        const [table] = await withTimeout(() => new OfficeWorkbook().readTables([name]));
        // Listed a moment ago but gone now (deleted or renamed): as if there were no scorecard.
        return table ? scorecardIndexCore(table) : failed({ code: "noScorecard" });
      } catch (error) {
        if (error instanceof WorkbookTimeoutError) return busy();
        return failed({ code: "sheetUnreadable", sheet: name, detail: describe(error) });
      }
    },
    keepUnlessUnreadable,
  );
}

/** Forgets the cached plan: the settings sheet changed (or appeared, or went). */
export function forgetPlan(): void {
  plans.clear();
}

/** Forgets the cached sheet list and scorecards: a scorecard changed, or a sheet was added or deleted. */
export function forgetScorecards(): void {
  sheetLists.clear();
  scorecards.clear();
}

/** Forgets every cached read (tests; a future "refresh" command). */
export function clearWorkbookCaches(): void {
  forgetPlan();
  forgetScorecards();
}
