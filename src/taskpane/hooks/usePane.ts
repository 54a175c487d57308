import { useCallback, useEffect, useRef, useState } from "react";
import type { ApplySummary, CheckSummary, DataDescription, PaneActions, RepStatement, ReviewStatus, RunSummary, SettingChange, SettingView } from "../actions";
import { afterPaint, nextProgress, runWithCancel, type CancelFlag, type RunProgress } from "./allocationRun";
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

  progress: RunProgress | null;
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
  apply: ApplySummary | null;
  /** The name written as Approver on the pane's decisions (required before Apply). */
  approver: string;
  setApprover(name: string): void;
  /** Approves or rejects every undecided row (of one rule when given); then the counts are read again. */
  decidePending(decision: "approve" | "reject", rule: string | null): Promise<boolean>;
  /** How many rows the last bulk decision decided, or null. */
  decided: number | null;
  /** Refused (false) while no approver name is given. */
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
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [cancelRequested, setCancelRequested] = useState(false);
  const [run, setRun] = useState<RunSummary | null>(null);
  const [runNotice, setRunNotice] = useState<RunNotice>(null);
  const [review, setReview] = useState<ReviewStatus | null>(null);
  const [apply, setApply] = useState<ApplySummary | null>(null);
  const [approver, setApprover] = useState("");
  const [decided, setDecided] = useState<number | null>(null);
  const [statements, setStatements] = useState<StatementsData | null>(null);

  const mounted = useRef(false);
  // The busy flag as a ref too: a second click in the same tick must see the first one's claim.
  const busyRef = useRef<BusyKind | null>(null);
  const cancelFlag = useRef<CancelFlag>({ aborted: false });

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
        const flag: CancelFlag = { aborted: false };
        cancelFlag.current = flag;
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
          const outcome = await runWithCancel(actions, flag, (step, fraction) => {
            alive(setProgress)((p: RunProgress | null) => nextProgress(p, step, fraction));
            return afterPaint();
          });
          if (outcome.kind === "cancelled") {
            alive(setRunNotice)("cancelled");
            return;
          }
          alive(setRun)(outcome.summary);
          alive(setDecided)(null);
          alive(setRunNotice)(outcome.cancelTooLate ? "cancelTooLate" : null);
          // A run writes a new proposal sheet: its counts replace the old ones.
          alive(setApply)(null);
          alive(setReview)(await actions.reviewStatus());
        } finally {
          alive(setProgress)(null);
          alive(setCancelRequested)(false);
        }
      }),
    [actions, task]
  );

  const cancelRun = useCallback(() => {
    cancelFlag.current.aborted = true;
    setCancelRequested(true);
  }, []);

  const loadReview = useCallback(() => task("review", async () => alive(setReview)(await actions.reviewStatus())), [actions, task]);

  const decidePending = useCallback(
    (decision: "approve" | "reject", rule: string | null) =>
      approver.trim() === ""
        ? Promise.resolve(false)
        : task("deciding", async () => {
            setDecided(null);
            const { decided } = await actions.decidePending({ decision, rule, approver: approver.trim() });
            alive(setDecided)(decided);
            alive(setReview)(await actions.reviewStatus());
          }),
    [actions, task, approver]
  );

  const applyApproved = useCallback(
    () =>
      approver.trim() === ""
        ? Promise.resolve(false)
        : task("applying", async () => {
            setApply(null);
            setDecided(null);
            alive(setApply)(await actions.applyApproved({ approver: approver.trim() }));
            alive(setReview)(await actions.reviewStatus());
          }),
    [actions, task, approver]
  );

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
    apply,
    approver,
    setApprover,
    decidePending,
    decided,
    applyApproved,
    statements,
    loadStatements,
    activate,
  };
}
