import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import type { ApplySummary, CheckSummary, DataDescription, PaneActions, RepStatement, ReviewFilter, ReviewStatus, RunSummary, SettingChange, SettingView } from "../actions";
import { afterPaint, nextProgress, runWithCancel } from "./allocationRun";
import { progressStore, type ProgressSource } from "./progressStore";
import { RULE_KEYS } from "./settingsForm";

/** What the pane is busy with; while it is busy every other action is disabled. */
export type BusyKind = "data" | "mapping" | "checking" | "rules" | "saving" | "completing" | "running" | "review" | "deciding" | "applying" | "statements";


export interface RulesData {
  regions: string[];
  settings: SettingView[];
}

export interface StatementsData {
  period: string | null;
  reps: RepStatement[];
}

/** A run's notice beside its summary: cancelled (nothing written), or cancel pressed after writing began. */
export type RunNotice = "cancelled" | "cancelTooLate" | null;

/** Everything the pane shows and every command it offers; all workbook access goes through `actions`. */
export interface PaneState {
  busy: BusyKind | null;
  /** The last failure, shown (in the pane's language) until dismissed or the next command. */
  error: unknown;
  dismissError(): void;

  data: DataDescription | null;
  loadData(): Promise<boolean>;
  changeMapping(change: SettingChange): Promise<boolean>;
  check: CheckSummary | null;
  checkData(): Promise<boolean>;

  rules: RulesData | null;
  rulesSaved: boolean;
  loadRules(): Promise<boolean>;
  saveRules(changes: SettingChange[]): Promise<boolean>;
  /** The keys "List every setting" added to the settings sheet (empty: it already listed all), or null. */
  settingsAdded: string[] | null;
  completeSettings(): Promise<boolean>;

  /** Where a run is (null when none runs): read by the progress bar alone, so a tick re-renders only the bar. */
  progress: ProgressSource;
  cancelRequested: boolean;
  run: RunSummary | null;
  runNotice: RunNotice;
  /**
   * Runs the allocation with the rules as the form shows them: `unsaved` edits are saved first (and
   * `onSaved` told, so the form can drop its drafts); a failed save runs nothing.
   */
  runAllocation(unsaved?: SettingChange[], onSaved?: () => void): Promise<boolean>;
  cancelRun(): void;

  review: ReviewStatus | null;
  loadReview(): Promise<boolean>;
  /** The counts follow the proposal sheet by themselves (Excel sends its change events). */
  reviewLive: boolean;
  apply: ApplySummary | null;
  /**
   * The name written as Approver on the pane's decisions (required before Apply): remembered in the
   * settings sheet (`approverName`) the first time it is used, and read from there when the pane opens.
   */
  approver: string;
  setApprover(name: string): void;
  /** Apply or a bulk decision was asked for without an approver name (the pane says so beside the field). */
  approverMissing: boolean;
  /**
   * Approves or rejects every undecided row a filter selects (all when null); then the counts are read
   * again. Refused (false, approverMissing set) without an approver name.
   */
  decidePending(decision: "approve" | "reject", filter: ReviewFilter | null): Promise<boolean>;
  /** What the last bulk decision did, or null. */
  decided: { decision: "approve" | "reject"; count: number } | null;
  /** Refused (false, approverMissing set) while no approver name is given. */
  applyApproved(): Promise<boolean>;

  statements: StatementsData | null;
  loadStatements(): Promise<boolean>;

  /** Shows a sheet (and a cell) in the workbook; a failure goes to the message bar. */
  activate(sheet: string, row?: number | null, column?: string | number | null): void;
}

/**
 * The pane's state and commands. One action at a time: a command started while another runs is
 * refused (returns false), so double clicks and overlapping workbook writes cannot happen. Errors
 * land in `error` for the message bar; results arriving after the pane is gone are dropped.
 */
export function usePane(actions: PaneActions): PaneState {
  // The pane opens by reading the data mapping (see the effect below): busy from the first render.
  const [busy, setBusy] = useState<BusyKind | null>("data");
  const [error, setError] = useState<unknown>(null);
  const [data, setData] = useState<DataDescription | null>(null);
  const [check, setCheck] = useState<CheckSummary | null>(null);
  const [rules, setRules] = useState<RulesData | null>(null);
  const [rulesSaved, setRulesSaved] = useState(false);
  const [settingsAdded, setSettingsAdded] = useState<string[] | null>(null);
  const [progress] = useState(progressStore);
  const setProgress = progress.set;
  const [cancelRequested, setCancelRequested] = useState(false);
  const [run, setRun] = useState<RunSummary | null>(null);
  const [runNotice, setRunNotice] = useState<RunNotice>(null);
  const [review, setReviewState] = useState<ReviewStatus | null>(null);
  const [reviewLive, setReviewLive] = useState(false);
  const [apply, setApply] = useState<ApplySummary | null>(null);
  const [approver, setApproverState] = useState("");
  const [approverMissing, setApproverMissing] = useState(false);
  const [decided, setDecided] = useState<{ decision: "approve" | "reject"; count: number } | null>(null);
  const [statements, setStatements] = useState<StatementsData | null>(null);

  const mounted = useRef(false);
  // The busy flag as a ref too: a second click in the same tick must see the first one's claim.
  const busyRef = useRef<BusyKind | null>(null);
  const cancelRef = useRef<AbortController | null>(null);
  /** The approver's name as the settings sheet holds it ("" when none), and whether the user typed since. */
  const savedApprover = useRef("");
  const approverTyped = useRef(false);
  /** Counts every review read that is shown, so a background read never overwrites a newer one. */
  const reviewVersion = useRef(0);
  /** Excel reported changes while an action ran: the counts are read again when it ends. */
  const reviewStale = useRef(false);
  const refreshQuietly = useRef<() => void>(() => undefined);

  const setReview = useCallback((value: ReviewStatus | null) => {
    reviewVersion.current += 1;
    setReviewState(value);
  }, []);

  const task = useCallback(async (kind: BusyKind, body: () => Promise<void>): Promise<boolean> => {
    if (busyRef.current !== null) return false;
    busyRef.current = kind;
    setBusy(kind);
    setError(null);
    try {
      await body();
      return true;
    } catch (err) {
      if (mounted.current) setError(err ?? new Error(String(err)));
      return false;
    } finally {
      busyRef.current = null;
      if (mounted.current) setBusy(null);
      if (reviewStale.current) refreshQuietly.current();
    }
  }, []);

  /** A setter that sets only while the pane is shown (one function for the pane's lifetime). */
  const alive = useRef(
    <T>(set: (value: T) => void) =>
      (value: T) => {
        if (mounted.current) set(value);
      }
  ).current;

  const loadData = useCallback(
    () =>
      task("data", async () => {
        // The sheets are read again: a check of what they held before would be stale beside them.
        setCheck(null);
        alive(setData)(await actions.describeData());
      }),
    [actions, task]
  );

  const changeMapping = useCallback(
    (change: SettingChange) =>
      task("mapping", async () => {
        await actions.saveSettings([change]);
        // The old check read the old mapping.
        alive(setCheck)(null);
        alive(setData)(await actions.describeData());
      }),
    [actions, task]
  );

  const checkData = useCallback(
    () =>
      task("checking", async () => {
        setCheck(null);
        alive(setCheck)(await actions.checkData());
      }),
    [actions, task]
  );

  const loadRules = useCallback(
    () =>
      task("rules", async () => {
        setRulesSaved(false);
        alive(setRules)(await actions.readSettings([...RULE_KEYS]));
      }),
    [actions, task]
  );

  const saveRules = useCallback(
    (changes: SettingChange[]) =>
      task("saving", async () => {
        setRulesSaved(false);
        await actions.saveSettings(changes);
        alive(setRules)(await actions.readSettings([...RULE_KEYS]));
        alive(setRulesSaved)(true);
      }),
    [actions, task]
  );

  const completeSettings = useCallback(
    () =>
      task("completing", async () => {
        alive(setSettingsAdded)(await actions.completeSettings());
        alive(setRules)(await actions.readSettings([...RULE_KEYS]));
      }),
    [actions, task]
  );

  const runAllocation = useCallback(
    (unsaved: SettingChange[] = [], onSaved?: () => void) =>
      task("running", async () => {
        const cancel = new AbortController();
        cancelRef.current = cancel;
        setRun(null);
        setRunNotice(null);
        setCancelRequested(false);
        setProgress(null);
        try {
          if (unsaved.length > 0) {
            setRulesSaved(false);
            await actions.saveSettings(unsaved);
            alive(setRules)(await actions.readSettings([...RULE_KEYS]));
            if (mounted.current) onSaved?.();
            alive(setRulesSaved)(true);
          }
          // Each step is painted (and a Cancel click handled) before the run goes on.
          // Stopped by Cancel (in the worker): the pane says so in the click's own frame; what follows
          // when the promise settles sets the same.
          const stopped = () => {
            if (!mounted.current) return;
            setRunNotice("cancelled");
            setCancelRequested(false);
            setBusy(null);
          };
          const outcome = await runWithCancel(
            actions,
            cancel.signal,
            (step, fraction) => {
              if (mounted.current) setProgress((p) => nextProgress(p, step, fraction));
              return afterPaint();
            },
            stopped
          );
          if (outcome.kind === "cancelled") {
            alive(setRunNotice)("cancelled");
            return;
          }
          // The summary (fairness chart, reasons, links) is drawn as a transition: React draws it in slices
          // with the page free between them; drawn at once it held a slow device's page 200–370 ms.
          startTransition(() => {
            alive(setRun)(outcome.summary);
            alive(setDecided)(null);
            alive(setRunNotice)(outcome.cancelTooLate ? "cancelTooLate" : null);
            // A run writes a new proposal sheet: its counts replace the old ones.
            alive(setApply)(null);
          });
          const review = await actions.reviewStatus();
          startTransition(() => alive(setReview)(review));
        } finally {
          // The bar goes with the run (running ends); its store is cleared when the next run starts, so
          // the bar never shows an emptied stage on its way out.
          alive(setCancelRequested)(false);
        }
      }),
    [actions, task]
  );

  const cancelRun = useCallback(() => {
    setCancelRequested(true);
    // A run in the worker stops here and now (see `stopped` above): one render shows it cancelled.
    cancelRef.current?.abort();
  }, []);

  const loadReview = useCallback(
    () =>
      task("review", async () => {
        reviewStale.current = false;
        alive(setReview)(await actions.reviewStatus());
        // The approver's name the workbook remembers, unless one was typed meanwhile.
        if (!approverTyped.current) {
          const name = (await actions.approverName()) ?? "";
          savedApprover.current = name;
          if (!approverTyped.current) alive(setApproverState)(name);
        }
      }),
    [actions, task]
  );

  // The counts read again without taking the pane's one action (Excel said the proposal changed). While
  // an action runs, the read waits for its end; a read overtaken by a newer one is dropped.
  refreshQuietly.current = () => {
    if (!mounted.current) return;
    if (busyRef.current !== null) {
      reviewStale.current = true;
      return;
    }
    reviewStale.current = false;
    const version = reviewVersion.current;
    actions.reviewStatus().then(
      (status) => {
        if (mounted.current && reviewVersion.current === version) setReview(status);
      },
      (err: unknown) => {
        if (mounted.current) setError(err ?? new Error(String(err)));
      }
    );
  };

  const setApprover = useCallback((name: string) => {
    approverTyped.current = true;
    setApproverState(name);
    if (name.trim() !== "") setApproverMissing(false);
  }, []);

  /** Writes the approver's name to the settings sheet when it differs from what is there (inside a task). */
  const rememberApprover = useCallback(
    async (name: string) => {
      if (name === savedApprover.current) return;
      await actions.saveSettings([{ key: "approverName", value: name }]);
      savedApprover.current = name;
    },
    [actions]
  );

  const decidePending = useCallback(
    (decision: "approve" | "reject", filter: ReviewFilter | null) => {
      const name = approver.trim();
      if (name === "") {
        setApproverMissing(true);
        return Promise.resolve(false);
      }
      return task("deciding", async () => {
        setDecided(null);
        await rememberApprover(name);
        const { decided } = await actions.decidePending({ decision, filter, approver: name });
        alive(setDecided)({ decision, count: decided });
        alive(setReview)(await actions.reviewStatus());
      });
    },
    [actions, task, approver, rememberApprover]
  );

  const applyApproved = useCallback(() => {
    const name = approver.trim();
    if (name === "") {
      setApproverMissing(true);
      return Promise.resolve(false);
    }
    return task("applying", async () => {
      setApply(null);
      setDecided(null);
      await rememberApprover(name);
      alive(setApply)(await actions.applyApproved({ approver: name }));
      alive(setReview)(await actions.reviewStatus());
    });
  }, [actions, task, approver, rememberApprover]);

  // Live counts: Excel's change events on the current proposal sheet read the counts again. Without
  // events (older Excel, or a host without them) the step reads them when it is opened. A rerun
  // replaces the proposal sheet under the same name (a handler dies with its sheet): each run listens anew.
  const proposalSheet = review?.proposalSheet ?? null;
  useEffect(() => {
    if (proposalSheet === null || !actions.watchSheet) {
      setReviewLive(false);
      return;
    }
    let stop: (() => Promise<void>) | null = null;
    let ended = false;
    actions.watchSheet(proposalSheet, () => refreshQuietly.current()).then(
      (stopWatching) => {
        if (ended) void stopWatching?.().catch(() => undefined);
        else {
          stop = stopWatching;
          if (mounted.current) setReviewLive(stopWatching !== null);
        }
      },
      () => {
        // No events (the sheet went away meanwhile, or the host refused): the step still reads on opening.
        if (!ended && mounted.current) setReviewLive(false);
      }
    );
    return () => {
      ended = true;
      void stop?.().catch(() => undefined);
    };
  }, [actions, proposalSheet, run]);

  const loadStatements = useCallback(() => task("statements", async () => alive(setStatements)(await actions.statements())), [actions, task]);

  const activate = useCallback(
    (sheet: string, row?: number | null, column?: string | number | null) => {
      setError(null);
      actions.activate(sheet, row, column).catch((err: unknown) => {
        if (mounted.current) setError(err ?? new Error(String(err)));
      });
    },
    [actions]
  );

  // On open: the data mapping first (what the pane is about), then the review counts, then the rules;
  // the first failure stops the chain so its message stays in the message bar.
  useEffect(() => {
    mounted.current = true;
    void (async () => {
      for (const load of [loadData, loadReview, loadRules]) {
        if (!mounted.current || !(await load())) break;
      }
    })();
    return () => {
      mounted.current = false;
    };
  }, [loadData, loadReview, loadRules]);

  return {
    busy,
    error,
    dismissError: useCallback(() => setError(null), []),
    data,
    loadData,
    changeMapping,
    check,
    checkData,
    rules,
    rulesSaved,
    loadRules,
    saveRules,
    settingsAdded,
    completeSettings,
    progress,
    cancelRequested,
    run,
    runNotice,
    runAllocation,
    cancelRun,
    review,
    loadReview,
    reviewLive,
    apply,
    approver,
    setApprover,
    approverMissing,
    decidePending,
    decided,
    applyApproved,
    statements,
    loadStatements,
    activate,
  };
}
