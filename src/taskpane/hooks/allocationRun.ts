/**
 * "Run allocation" with progress and cancel, as plain functions the pane's hook calls (and node tests
 * drive with fake actions): progress that never moves backwards, and a cancelled run told apart
 * from a failed one.
 */
import type { PaneActions, ProgressListener, RunSummary } from "../actions";
import type { MessageKey } from "../i18n/en-US";

/** Where a run is: the step id the pipeline reported and how far along (0–1). */
export interface RunProgress {
  step: string;
  fraction: number;
}

/**
 * What Cancel sets: an AbortSignal (the pane's, heard at once: a run in the engine's worker stops then), or
 * a plain flag the pipeline reads between steps.
 */
export type CancelFlag = { aborted: boolean } | AbortSignal;

/** How a run ended: with a summary (cancel pressed too late to stop the write, or not at all) or cancelled. */
export type RunOutcome = { kind: "done"; summary: RunSummary; cancelTooLate: boolean } | { kind: "cancelled" };

/**
 * Whether an error is the pipeline's "cancelled before anything was written" (matched by name: the
 * class lives in the workbook layer, and errors may cross realms).
 * @example isCancelled(Object.assign(new Error(), { name: "CancelledError" })) // true
 */
export function isCancelled(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { name?: unknown }).name === "CancelledError";
}

/**
 * The next progress to show: the new step, with a fraction that never goes backwards (the pipeline's
 * steps are not reported in increasing order: allocate 0.85 comes before evaluate 0.8).
 * @example nextProgress({ step: "allocate", fraction: 0.85 }, "evaluate", 0.8) // { step: "evaluate", fraction: 0.85 }
 */
export function nextProgress(previous: RunProgress | null, step: string, fraction: number): RunProgress {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  return { step, fraction: Math.max(previous?.fraction ?? 0, f) };
}

/** The catalogue key naming each pipeline step. */
const STEP_KEYS: Readonly<Record<string, MessageKey>> = {
  detect: "stepDetect",
  read: "stepRead",
  check: "stepCheck",
  allocate: "stepAllocate",
  evaluate: "stepEvaluate",
  write: "stepWrite",
  done: "stepDone",
};

/**
 * The catalogue key for a step id; an unknown step reads as "working".
 * @example stepKey("write") // "stepWrite"
 */
export function stepKey(step: string): MessageKey {
  return STEP_KEYS[step] ?? "stepWorking";
}

/** Longest wait for a frame: a hidden pane gets no animation frames, and the run must not stall there. */
const FRAME_WAIT_MS = 100;

/**
 * Resolves once the browser has had the chance to paint (and to run queued input such as a Cancel
 * click): after the next animation frame's paint, or after FRAME_WAIT_MS when no frame comes; in node
 * (no frames at all), after one task. The pane's progress listener returns it, and the run waits.
 * @example await afterPaint() // the progress bar is on screen
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== "function") {
      setTimeout(resolve, 0);
      return;
    }
    const timer = setTimeout(resolve, FRAME_WAIT_MS);
    // A frame's callbacks run before its paint; the task queued from one runs after it.
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0)
    );
  });
}

/**
 * Runs the allocation, reporting progress, with `flag` as the cancel signal. Resolves with the
 * outcome; a CancelledError becomes `{ kind: "cancelled" }`, any other error is rethrown. `onStopped`
 * is told at once when a cancel stops a run in the worker (see PaneActions.runAllocation).
 *
 * @example await runWithCancel(actions, flag, setProgress) // { kind: "done", summary, cancelTooLate: false }
 */
export async function runWithCancel(actions: Pick<PaneActions, "runAllocation">, flag: CancelFlag, onProgress: ProgressListener, onStopped?: () => void): Promise<RunOutcome> {
  try {
    const summary = await actions.runAllocation({ progress: onProgress, signal: flag, onStopped });
    return { kind: "done", summary, cancelTooLate: flag.aborted };
  } catch (err) {
    if (isCancelled(err)) return { kind: "cancelled" };
    throw err;
  }
}
