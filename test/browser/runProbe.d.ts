/** Types of test/browser/runProbe.js. */
export interface StageLabel {
  at: number;
  /** The stage's id (data-step), or null once the bar is gone. */
  step: string | null;
  text: string;
  /** The bar had a box of its own (it was drawn). */
  bar: boolean;
}
export interface LongTask {
  start: number;
  duration: number;
}
export interface HostWork {
  start: number;
  end: number;
}
/** An Event Timing entry of a press (pointerdown or click) that took 16 ms or more. */
export interface InputTiming {
  name: string;
  start: number;
  processingStart: number;
  processingEnd: number;
  duration: number;
}
export interface RunProbeResults {
  labels: StageLabel[];
  longTasks: LongTask[];
  inputs: InputTiming[];
  press: number | null;
  shown: number | null;
  stopped: number | null;
  host: HostWork[];
}
export function installRunProbe(options: { cancelName: string; cancelledText: string; workerSteps: readonly string[] }): void;
export function cancelWhenWorkerComputes(options: { cancelName: string; workerSteps: readonly string[] }): Promise<{ x: number; y: number }>;
export function pressCancelWhileWorkerComputes(page: import("playwright-core").Page, cancelName: string, workerSteps: readonly string[]): Promise<void>;
export function runProbeResults(stoppedMark: string): RunProbeResults;
export function paneShare(task: LongTask, host: readonly HostWork[]): number;
export function stageAt(labels: readonly StageLabel[], time: number): string | null;
