import { memo, useEffect, useRef } from "react";
import { Body1, Button, Field, ProgressBar, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { RunSummary } from "../actions";
import { stepKey } from "../hooks/allocationRun";
import { useProgress, type ProgressSource } from "../hooks/progressStore";
import type { RunNotice } from "../hooks/usePane";
import { useLocale, useT } from "../i18n/I18nProvider";
import { formatPercent } from "../i18n/locale";
import { RunSummaryView } from "./RunSummaryView";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  progress: { minWidth: 0 },
  note: { overflowWrap: "anywhere" },
});

export interface RunSectionProps {
  /** A run is under way (progress and Cancel are shown). */
  running: boolean;
  /** Another action is under way (Run is disabled). */
  disabled: boolean;
  /** Where the run is: only the progress bar reads it, so a tick redraws the bar alone. */
  progress: ProgressSource;
  cancelRequested: boolean;
  summary: RunSummary | null;
  notice: RunNotice;
  /** Rule edits not yet saved: Run saves them first, and says so. */
  pendingRules?: number;
  /** Some edited rule is invalid: Run is disabled, with the reason. */
  rulesInvalid?: boolean;
  onRun: () => void;
  onCancel: () => void;
  onSelectSheet: (sheet: string) => void;
  className?: string;
}

/** The progress bar and its stage: the one part of the pane a progress tick renders again. */
const RunProgressView = memo(function RunProgressView({ source, className }: { source: ProgressSource; className: string }) {
  const t = useT();
  const locale = useLocale();
  const progress = useProgress(source);
  const step = t(stepKey(progress?.step ?? "detect"));
  const fraction = progress?.fraction ?? 0;
  return (
    // data-step: the stage's id (detect, read, check…), whatever the pane's language (the run bench reads it).
    <Field className={className} data-step={progress?.step ?? "detect"} label={t("progressLabel", { step, percent: formatPercent(fraction, locale, 0) })}>
      <ProgressBar value={fraction} max={1} thickness="large" />
    </Field>
  );
});

/** "Run allocation": the button, progress with Cancel while it runs, then what it proposed. */
export function RunSection({ running, disabled, progress, cancelRequested, summary, notice, pendingRules = 0, rulesInvalid = false, onRun, onCancel, onSelectSheet, className }: RunSectionProps) {
  const styles = useStyles();
  const t = useT();
  // When the run ends, Cancel goes away: the keyboard focus it had moves to Run, not to the page's start.
  const runButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const cancelHadFocus = useRef(false);
  useEffect(() => {
    if (running) return;
    if (cancelHadFocus.current && (document.activeElement === null || document.activeElement === document.body)) runButton.current?.focus();
    cancelHadFocus.current = false;
  }, [running]);
  return (
    <div className={mergeClasses(styles.root, className)}>
      <div className={styles.actions}>
        <Button ref={runButton} appearance="primary" disabled={running || disabled || rulesInvalid} onClick={onRun}>
          {t("runAllocation")}
        </Button>
        {running && (
          <Button
            ref={cancelButton}
            disabled={cancelRequested}
            // A stop control acts when pressed: the run stops before the browser moves focus and the pane
            // redraws for the press, which on a slow device is most of the wait. Keyboard and assistive
            // technologies press it by click.
            onPointerDown={(e) => {
              if (e.button !== 0 || cancelRequested) return;
              cancelHadFocus.current = true;
              onCancel();
            }}
            onClick={() => {
              if (cancelRequested) return;
              cancelHadFocus.current = document.activeElement === cancelButton.current;
              onCancel();
            }}
          >
            {cancelRequested ? t("cancelling") : t("cancel")}
          </Button>
        )}
      </div>
      {rulesInvalid ? (
        <Body1 className={styles.note}>{t("runBlockedByRules")}</Body1>
      ) : (
        pendingRules > 0 && !running && <Body1 className={styles.note}>{t("runSavesRules", { count: pendingRules })}</Body1>
      )}
      {running && <RunProgressView source={progress} className={styles.progress} />}
      <div aria-live="polite" className={styles.root}>
        {notice === "cancelled" && <Body1 className={styles.note}>{t("runCancelled")}</Body1>}
        {notice === "cancelTooLate" && <Body1 className={styles.note}>{t("runCancelTooLate")}</Body1>}
        {summary !== null && <RunSummaryView summary={summary} onSelectSheet={onSelectSheet} disabled={running || disabled} />}
      </div>
    </div>
  );
}
