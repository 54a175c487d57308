/**
 * A run's progress kept outside React's state: each tick re-renders the progress bar alone (the component
 * that reads it with useProgress), not the pane around it. On a slow device a pane-wide render per tick
 * held the page for 90–130 ms at a time (CPU 6×), which is how long a Cancel press waited behind it.
 */
import { useSyncExternalStore } from "react";
import type { RunProgress } from "./allocationRun";

/** Where a run is, read by the progress bar. */
export interface ProgressSource {
  get(): RunProgress | null;
  /** Calls `listener` after every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** A ProgressSource that the run sets. */
export interface ProgressStore extends ProgressSource {
  set(next: RunProgress | null | ((previous: RunProgress | null) => RunProgress | null)): void;
}

/**
 * A store holding `initial`; listeners hear only real changes.
 * @example const s = progressStore(); s.set({ step: "read", fraction: 0.1 }); s.get() // { step: "read", fraction: 0.1 }
 */
export function progressStore(initial: RunProgress | null = null): ProgressStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      const value = typeof next === "function" ? next(current) : next;
      if (value === current || (value !== null && current !== null && value.step === current.step && value.fraction === current.fraction)) return;
      current = value;
      for (const listener of [...listeners]) listener();
    },
  };
}

/** The source's progress, re-rendering the calling component (only) when it changes. */
export function useProgress(source: ProgressSource): RunProgress | null {
  return useSyncExternalStore(source.subscribe, source.get, source.get);
}
