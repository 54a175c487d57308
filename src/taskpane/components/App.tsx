import { useCallback, useEffect, useRef, useState } from "react";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ApplySummary, CheckSummary, DetectedSheets, PaneActions, RunSummary } from "../actions";
import { useT } from "../i18n/I18nProvider";
import { CheckSummaryView } from "./CheckSummaryView";
import { SheetList } from "./SheetList";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    paddingTop: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalXXL,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    boxSizing: "border-box",
    minWidth: 0,
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  heading: { margin: 0 },
  tagline: { color: tokens.colorNeutralForeground2 },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  sectionHeader: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
});

/** What the user sees of a failure: the error's own message (never only the console). */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

export interface AppProps {
  actions: PaneActions;
}

type Status = "idle" | "detecting" | "checking" | "running" | "applying";

/** The task pane: detected input sheets, "Check data" and its result. All workbook access goes through `actions`. */
export function App({ actions }: AppProps) {
  const styles = useStyles();
  const t = useT();
  const [sheets, setSheets] = useState<DetectedSheets | null>(null);
  const [summary, setSummary] = useState<CheckSummary | null>(null);
  const [runSummary, setRunSummary] = useState<RunSummary | null>(null);
  const [applySummary, setApplySummary] = useState<ApplySummary | null>(null);
  const [status, setStatus] = useState<Status>("detecting");
  const [error, setError] = useState<string | null>(null);
  // Results that arrive after the pane is gone are dropped instead of updating an unmounted tree.
  const mounted = useRef(false);

  const run = useCallback(async (kind: Exclude<Status, "idle">, task: () => Promise<void>) => {
    setStatus(kind);
    setError(null);
    try {
      await task();
    } catch (err) {
      if (mounted.current) setError(errorText(err));
    } finally {
      if (mounted.current) setStatus("idle");
    }
  }, []);

  const detect = useCallback(
    () =>
      run("detecting", async () => {
        const found = await actions.detectSheets();
        if (mounted.current) setSheets(found);
      }),
    [actions, run]
  );

  const check = useCallback(
    () =>
      run("checking", async () => {
        setSummary(null);
        const result = await actions.checkData();
        if (mounted.current) setSummary(result);
      }),
    [actions, run]
  );

  const allocate = useCallback(
    () =>
      run("running", async () => {
        setRunSummary(null);
        const result = await actions.runAllocation();
        if (mounted.current) setRunSummary(result);
      }),
    [actions, run]
  );

  const apply = useCallback(
    () =>
      run("applying", async () => {
        setApplySummary(null);
        const result = await actions.applyApproved();
        if (mounted.current) setApplySummary(result);
      }),
    [actions, run]
  );

  useEffect(() => {
    mounted.current = true;
    void detect();
    return () => {
      mounted.current = false;
    };
  }, [detect]);

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.heading}>
          {t("appTitle")}
        </Title3>
        <Caption1 className={styles.tagline}>{t("appTagline")}</Caption1>
      </header>

      {error !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
            {error}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => setError(null)}>
              {t("dismiss")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      <section className={styles.section} aria-label={t("sheetsHeading")}>
        <div className={styles.sectionHeader}>
          <Subtitle2 as="h2" className={styles.heading}>
            {t("sheetsHeading")}
          </Subtitle2>
          <Button appearance="subtle" size="small" disabled={status !== "idle"} onClick={() => void detect()}>
            {t("refreshSheets")}
          </Button>
        </div>
        {status === "detecting" ? (
          <Spinner size="tiny" labelPosition="after" label={t("sheetsLoading")} />
        ) : (
          sheets !== null && <SheetList sheets={sheets} />
        )}
      </section>

      <div className={styles.actions}>
        <Button appearance="primary" disabled={status !== "idle"} onClick={() => void check()}>
          {t("checkData")}
        </Button>
        {status === "checking" && <Spinner size="tiny" labelPosition="after" label={t("checking")} />}
      </div>

      {summary !== null && <CheckSummaryView summary={summary} />}

      <div className={styles.actions}>
        <Button appearance="primary" disabled={status !== "idle"} onClick={() => void allocate()}>
          {t("runAllocation")}
        </Button>
        <Button disabled={status !== "idle"} onClick={() => void apply()}>
          {t("applyApproved")}
        </Button>
        {status === "running" && <Spinner size="tiny" labelPosition="after" label={t("running")} />}
        {status === "applying" && <Spinner size="tiny" labelPosition="after" label={t("applying")} />}
      </div>

      {runSummary !== null && (
        <section className={styles.section} aria-live="polite">
          {runSummary.errorCount > 0 ? (
            <MessageBar intent="warning">
              <MessageBarBody>{t("runBlocked", { count: runSummary.errorCount })}</MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <Caption1>
                {t("runResult", {
                  moves: Object.values(runSummary.movesByRule).reduce((a, b) => a + b, 0),
                  byRule: Object.entries(runSummary.movesByRule).map(([k, v]) => `${k} ${v}`).join(t("listSeparator")),
                  stays: runSummary.withoutRecipient,
                  atRisk: runSummary.atRisk,
                })}
              </Caption1>
              {runSummary.giniBefore !== null && runSummary.giniAfter !== null && (
                <Caption1>{t("runFairness", { before: runSummary.giniBefore.toFixed(3), after: runSummary.giniAfter.toFixed(3) })}</Caption1>
              )}
            </>
          )}
          <Caption1>{t("sheetsWritten", { sheets: runSummary.sheetsWritten.join(t("listSeparator")) })}</Caption1>
        </section>
      )}

      {applySummary !== null && (
        <section className={styles.section} aria-live="polite">
          {applySummary.proposalSheet === null ? (
            <Caption1>{t("applyNoProposal")}</Caption1>
          ) : (
            <Caption1>
              {t("applyResult", {
                sheet: applySummary.proposalSheet,
                applied: applySummary.applied,
                already: applySummary.alreadyApplied,
                rejected: applySummary.rejected,
                pending: applySummary.pending,
              })}
            </Caption1>
          )}
          {applySummary.conflicts.map((c) => (
            <Caption1 key={c.proposalId}>{t("applyConflict", { id: c.proposalId, account: c.accountId, detail: c.detail })}</Caption1>
          ))}
        </section>
      )}
    </main>
  );
}
