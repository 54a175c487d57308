import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Tab,
  TabList,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { memo, useCallback, useRef, useState, type ReactNode } from "react";
import type { PaneActions } from "../actions";
import { usePane } from "../hooks/usePane";
import { useSettingsEditor } from "../hooks/useSettingsEditor";
import { stepStates, type StepId, type StepState } from "./steps";
import { useTouchStyles } from "./touch";
import type { MessageKey } from "../i18n/en-US";
import { useT } from "../i18n/I18nProvider";
import { CheckSummaryView } from "./CheckSummaryView";
import { DataMapping } from "./DataMapping";
import { issueTarget } from "./IssueList";
import { ReviewSection } from "./ReviewSection";
import { RulesSection } from "./RulesSection";
import { RunSection } from "./RunSection";
import { Section } from "./Section";
import { StatementsSection } from "./StatementsSection";
import { paneErrorText } from "../errors";


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
    maxWidth: "100%",
    minHeight: "100vh",
    overflowX: "hidden",
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
  // The steps wrap at 320 px rather than scroll sideways; each tab is at least 44 px tall for touch.
  tabs: {
    display: "flex",
    flexWrap: "wrap",
    paddingTop: tokens.spacingVerticalXS,
  },
  // 44 px: 32 (tokens.spacingVerticalXXXL) + 12, the touch target Office asks for on iPad.
  tab: { minHeight: `calc(${tokens.spacingVerticalXXXL} + ${tokens.spacingVerticalM})` },
  tabLabel: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
  done: { color: tokens.colorPaletteGreenForeground1 },
  attention: { color: tokens.colorPaletteRedForeground1 },
  todo: { color: tokens.colorNeutralForeground3 },
  // The message bar stays in view while the user works further down the pane.
  messages: {
    position: "sticky",
    top: tokens.spacingVerticalS,
    zIndex: 1,
    minWidth: 0,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  live: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
});

export interface AppProps {
  actions: PaneActions;
  /** Office reports a touch device: every control is at least 44 px tall instead of 32. */
  touch?: boolean;
}

interface StepPanelProps {
  id: StepId;
  active: boolean;
  children?: ReactNode;
}

interface StepTabsProps {
  step: StepId;
  states: Record<StepId, StepState>;
  onSelect: (step: StepId) => void;
}

/** The steps as tabs, each with its state under its title. */
const StepTabs = memo(
  function StepTabs({ step, states, onSelect }: StepTabsProps) {
    const styles = useStyles();
    const t = useT();
    return (
      <TabList className={styles.tabs} aria-label={t("sectionsNav")} selectedValue={step} onTabSelect={(_, d) => onSelect(d.value as StepId)}>
        {STEPS.map(([id, key]) => (
          <Tab key={id} id={`fairshare-${id}-tab`} value={id} className={styles.tab} aria-controls={`fairshare-${id}-panel`}>
            <span className={styles.tabLabel}>
              <span>{t(key)}</span>
              <Caption1 className={styles[states[id]]}>{t(STATE_KEYS[states[id]])}</Caption1>
            </span>
          </Tab>
        ))}
      </TabList>
    );
  },
  (before, after) => before.step === after.step && before.onSelect === after.onSelect && STEPS.every(([id]) => before.states[id] === after.states[id])
);

/**
 * One step's panel (`fairshare-<id>-panel`). A hidden step is not rendered again while it stays hidden
 * (its DOM, and what was typed in it, stay as they were): a click, a progress tick or a live count
 * re-renders the step in view only, which keeps the pane quick on slow devices. Shown again, it renders
 * with everything current.
 */
const StepPanel = memo(
  function StepPanel({ id, active, children }: StepPanelProps) {
    return (
      <div role="tabpanel" id={`fairshare-${id}-panel`} aria-labelledby={`fairshare-${id}-tab`} hidden={!active}>
        {children}
      </div>
    );
  },
  (before, after) => !before.active && !after.active && before.id === after.id
);

/** The pane's steps in order: id (the panel's element id is `fairshare-<id>`) and title. */
const STEPS = [
  ["data", "sectionData"],
  ["rules", "sectionRules"],
  ["run", "sectionRun"],
  ["review", "sectionReview"],
  ["statements", "sectionStatements"],
] as const satisfies ReadonlyArray<readonly [StepId, MessageKey]>;

const STATE_KEYS: Readonly<Record<StepState, MessageKey>> = { done: "stepStateDone", attention: "stepStateAttention", todo: "stepStateTodo" };

/**
 * The task pane as the job's steps: Data (sheets, columns, "Check data"), Rules, Run ("Run
 * allocation"), Review and apply ("Apply approved"), Statements — one step shown at a time, each tab
 * saying whether its step is done or needs attention. The other steps stay mounted (hidden), so what
 * was typed in one survives a visit to another. All workbook access goes through `actions`; one action
 * runs at a time and the others are disabled meanwhile.
 */
export function App({ actions, touch = false }: AppProps) {
  const styles = useStyles();
  const touchStyles = useTouchStyles();
  const t = useT();
  const pane = usePane(actions);
  const busy = pane.busy !== null;
  const [step, setStep] = useState<StepId>("data");
  // The rules form lives here, not in its step: Run must see (and save) what it shows.
  const editor = useSettingsEditor(pane.rules?.settings ?? [], pane.saveRules);
  const rulesInvalid = Object.keys(editor.problems).length > 0;
  const states = stepStates({ check: pane.check, run: pane.run, review: pane.review, apply: pane.apply, statements: pane.statements !== null, rulesPending: editor.changes.length, rulesInvalid });
  const next = (id: StepId) => {
    const i = STEPS.findIndex(([s]) => s === id);
    const following = STEPS[i + 1];
    return following === undefined ? null : (
      <div className={styles.actions}>
        <Button onClick={() => openStep(following[0])}>{t("nextStep", { step: t(following[1]) })}</Button>
      </div>
    );
  };

  // One function for the pane's lifetime, so the tabs render again only when a step or a state changes.
  const latest = useRef({ busy, loadReview: pane.loadReview });
  latest.current = { busy, loadReview: pane.loadReview };
  const openStep = useCallback((id: StepId) => {
    setStep(id);
    // Decisions are made in the grid meanwhile: opening the step reads the counts again.
    if (id === "review" && !latest.current.busy) void latest.current.loadReview();
  }, []);

  return (
    <main className={mergeClasses(styles.root, touch && touchStyles.touchDevice)}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.heading}>
          {t("appTitle")}
        </Title3>
        <Caption1 className={styles.tagline}>{t("appTagline")}</Caption1>
        <StepTabs step={step} states={states} onSelect={openStep} />
      </header>

      {pane.error !== null && (
        <div className={styles.messages}>
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
              {paneErrorText(pane.error, t)}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={pane.dismissError}>
                {t("dismiss")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        </div>
      )}

      <StepPanel id="data" active={step === "data"}>
        <Section
          id="fairshare-data"
          title={t("sectionData")}
          actions={
            <Button appearance="subtle" disabled={busy} onClick={() => void pane.loadData()}>
              {t("refreshSheets")}
            </Button>
          }
        >
          <Subtitle2 as="h3" className={styles.heading}>
            {t("sheetsHeading")}
          </Subtitle2>
          {pane.data === null
            ? pane.busy === "data" && <Spinner size="tiny" labelPosition="after" label={t("sheetsLoading")} />
            : <DataMapping data={pane.data} disabled={busy} onChange={(change) => void pane.changeMapping(change)} />}
          {pane.busy === "mapping" && <Spinner size="tiny" labelPosition="after" label={t("savingMapping")} />}
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy} onClick={() => void pane.checkData()}>
              {t("checkData")}
            </Button>
            {pane.busy === "checking" && <Spinner size="tiny" labelPosition="after" label={t("checking")} />}
          </div>
          <div aria-live="polite" className={styles.live}>
            {pane.check !== null && (
              <CheckSummaryView
                summary={pane.check}
                disabled={busy}
                onSelectIssue={(issue) => pane.activate(...issueTarget(issue))}
                onSelectSheet={(sheet) => pane.activate(sheet)}
              />
            )}
          </div>
          {next("data")}
        </Section>
      </StepPanel>

      <StepPanel id="rules" active={step === "rules"}>
        <Section
          id="fairshare-rules"
          title={t("sectionRules")}
          actions={
            <Button appearance="subtle" disabled={busy} onClick={() => void pane.loadRules()}>
              {t("reloadRules")}
            </Button>
          }
        >
          <RulesSection editor={editor} rules={pane.rules} loading={pane.busy === "rules"} busy={busy} saving={pane.busy === "saving"} saved={pane.rulesSaved} onSave={pane.saveRules} onComplete={() => void pane.completeSettings()} settingsAdded={pane.settingsAdded} />
          {next("rules")}
        </Section>
      </StepPanel>

      <StepPanel id="run" active={step === "run"}>
        <Section id="fairshare-run" title={t("sectionRun")}>
          <RunSection
            running={pane.busy === "running"}
            disabled={busy}
            progress={pane.progress}
            cancelRequested={pane.cancelRequested}
            summary={pane.run}
            notice={pane.runNotice}
            pendingRules={editor.changes.length}
            rulesInvalid={rulesInvalid}
            onRun={() => void pane.runAllocation(editor.changes, editor.discard)}
            onCancel={pane.cancelRun}
            onSelectSheet={(sheet) => pane.activate(sheet)}
          />
          {next("run")}
        </Section>
      </StepPanel>

      <StepPanel id="review" active={step === "review"}>
        <Section
          id="fairshare-review"
          title={t("sectionReview")}
          actions={
            <Button appearance="subtle" disabled={busy} onClick={() => void pane.loadReview()}>
              {t("refreshReview")}
            </Button>
          }
        >
          <ReviewSection
            review={pane.review}
            apply={pane.apply}
            loading={pane.busy === "review"}
            applying={pane.busy === "applying" || pane.busy === "deciding"}
            disabled={busy}
            live={pane.reviewLive}
            approver={pane.approver}
            onApproverChange={pane.setApprover}
            approverMissing={pane.approverMissing}
            onDecide={(decision, filter) => void pane.decidePending(decision, filter)}
            decided={pane.decided}
            onApply={() => void pane.applyApproved()}
            onSelectSheet={(sheet) => pane.activate(sheet)}
          />
          {next("review")}
        </Section>
      </StepPanel>

      <StepPanel id="statements" active={step === "statements"}>
        <Section
          id="fairshare-statements"
          title={t("sectionStatements")}
          actions={
            pane.statements !== null ? (
              <Button appearance="subtle" disabled={busy} onClick={() => void pane.loadStatements()}>
                {t("refreshStatements")}
              </Button>
            ) : undefined
          }
        >
          <StatementsSection statements={pane.statements} loading={pane.busy === "statements"} disabled={busy} onLoad={() => void pane.loadStatements()} />
        </Section>
      </StepPanel>
    </main>
  );
}
