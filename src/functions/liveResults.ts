/**
 * Keeps =FAIRSHARE.INCENTIVE, BREAKDOWN and SCORE fresh. They read the Fairshare Settings sheet and the
 * newest scorecard through the API, which Excel does not see as inputs: left to Excel, an edited setting
 * would leave every result stale until a full recalculation.
 *
 * Chosen over making them volatile (figures in `npm run bench:functions` and the README): the functions are
 * streaming, and the shared runtime listens for changes to the workbook's sheets (OfficeWorkbook.watchSheets).
 * An edit of the settings sheet, or of a scorecard, or a scorecard sheet added or deleted, forgets the cached
 * read and recomputes every live result that depends on it from one fresh read, pushing only the values that
 * changed (`setResult`). An edit anywhere else costs a lookup of the sheet's name and nothing more; a volatile
 * function would be called again in every cell on every edit of any cell.
 *
 * The listener is registered once, by the first live result. Where it cannot be (outside Excel, in node tests
 * without the fake host), results are computed once, as before.
 */
import { normalizeHeader, SETTINGS_SHEET } from "../engine/schema";
import { OfficeWorkbook, type SheetEvent } from "../workbook/officeAdapter";
import { isScorecardSheet } from "./scorecard";
import { forgetPlan, forgetScorecards } from "./workbookData";

/** What a result depends on: the settings' plan, or the newest scorecard. */
export type LiveSource = "plan" | "scorecard";

/** The part of a streaming invocation (CustomFunctions.StreamingInvocation) used here. */
export interface ResultSink<T> {
  setResult(value: T | Error): void;
  onCanceled?: () => void;
}

interface Follower {
  source: LiveSource;
  refresh(): void;
}

const followers = new Set<Follower>();
let watching: Promise<void> | null = null;
const stale = new Set<LiveSource>();
let refreshScheduled = false;

/** Which source a sheet feeds, by its name; null for any other sheet. */
export function sourceOf(sheet: string): LiveSource | null {
  if (normalizeHeader(sheet) === normalizeHeader(SETTINGS_SHEET)) return "plan";
  return isScorecardSheet(sheet) ? "scorecard" : null;
}

/**
 * Sends `compute()`'s result to the cell now, and again whenever `source` changes, until Excel cancels the
 * invocation (the formula is edited or deleted). A result equal to the last one sent is not sent again; a
 * rejection is sent as the error it is (a CustomFunctions.Error).
 */
export function follow<T>(invocation: ResultSink<T>, source: LiveSource, compute: () => Promise<T>): void {
  let cancelled = false;
  let last: string | undefined;
  let generation = 0;
  const follower: Follower = {
    source,
    refresh() {
      const mine = ++generation;
      compute().then(
        (value) => {
          if (cancelled || mine !== generation) return;
          const json = JSON.stringify(value);
          if (json === last) return;
          last = json;
          invocation.setResult(value);
        },
        (error: Error) => {
          if (cancelled || mine !== generation) return;
          last = undefined;
          invocation.setResult(error);
        },
      );
    },
  };
  invocation.onCanceled = () => {
    cancelled = true;
    followers.delete(follower);
  };
  followers.add(follower);
  follower.refresh();
  startWatching();
}

/** Registers the sheet listener once (again after a failed attempt), when there is an Excel to listen to. */
function startWatching(): void {
  if (watching || typeof Excel === "undefined") return;
  const attempt = new OfficeWorkbook().watchSheets(onSheetEvent);
  watching = attempt;
  attempt.catch(() => {
    if (watching === attempt) watching = null;
  });
}

function onSheetEvent(event: SheetEvent): void {
  const source = sourceOf(event.sheet);
  if (source === null) return;
  stale.add(source);
  if (refreshScheduled) return;
  // Events come in bursts (a paste, a run writing a scorecard in chunks): one refresh per burst.
  refreshScheduled = true;
  void Promise.resolve().then(refresh);
}

function refresh(): void {
  refreshScheduled = false;
  const sources = [...stale];
  stale.clear();
  if (sources.includes("plan")) forgetPlan();
  if (sources.includes("scorecard")) forgetScorecards();
  for (const f of [...followers]) if (sources.includes(f.source)) f.refresh();
}

/** How many results are live (tests, the bench). */
export function liveResultCount(): number {
  return followers.size;
}

/** Forgets the listener and every live result (tests: each installs a new fake host). */
export function resetLiveResults(): void {
  followers.clear();
  watching = null;
  stale.clear();
  refreshScheduled = false;
}
