import {
  Button,
  Caption1,
  Link,
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
import type { PaneActions } from "../actions";
import { usePane } from "../hooks/usePane";
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

export { errorText } from "../hooks/usePane";

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
  nav: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalXS,
  },
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
}

/** The pane's sections in order: element id and title. */
const SECTIONS = [
  ["fairshare-data", "sectionData"],
  ["fairshare-rules", "sectionRules"],
  ["fairshare-run", "sectionRun"],
  ["fairshare-review", "sectionReview"],
  ["fairshare-statements", "sectionStatements"],
] as const satisfies ReadonlyArray<readonly [string, MessageKey]>;

/**
 * The task pane, one scrolling page of sections: Data (sheets, columns, "Check data"), Rules,
 * Allocation ("Run allocation"), Review and apply ("Apply approved"), Statements. All workbook access
 * goes through `actions`; one action runs at a time and the others are disabled meanwhile.
 */
export function App({ actions }: AppProps) {
  const styles = useStyles();
  const t = useT();
  const pane = usePane(actions);
  const busy = pane.busy !== null;

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.heading}>
          {t("appTitle")}
        </Title3>
        <Caption1 className={styles.tagline}>{t("appTagline")}</Caption1>
        <nav className={styles.nav} aria-label={t("sectionsNav")}>
          {SECTIONS.map(([id, key]) => (
            <Link key={id} href={`#${id}`}>
              {t(key)}
            </Link>
          ))}
        </nav>
      </header>

      {pane.error !== null && (
        <div className={styles.messages}>
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
              {pane.error}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={pane.dismissError}>
                {t("dismiss")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        </div>
      )}

      <Section
        id="fairshare-data"
        title={t("sectionData")}
        actions={
          <Button appearance="subtle" size="small" disabled={busy} onClick={() => void pane.loadData()}>
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
      </Section>

      <Section
        id="fairshare-rules"
        title={t("sectionRules")}
        actions={
          <Button appearance="subtle" size="small" disabled={busy} onClick={() => void pane.loadRules()}>
            {t("reloadRules")}
          </Button>
        }
      >
        <RulesSection rules={pane.rules} loading={pane.busy === "rules"} busy={busy} saving={pane.busy === "saving"} saved={pane.rulesSaved} onSave={pane.saveRules} onComplete={() => void pane.completeSettings()} settingsAdded={pane.settingsAdded} />
      </Section>

      <Section id="fairshare-run" title={t("sectionRun")}>
        <RunSection
          running={pane.busy === "running"}
          disabled={busy}
          progress={pane.progress}
          cancelRequested={pane.cancelRequested}
          summary={pane.run}
          notice={pane.runNotice}
          onRun={() => void pane.runAllocation()}
          onCancel={pane.cancelRun}
          onSelectSheet={(sheet) => pane.activate(sheet)}
        />
      </Section>

      <Section
        id="fairshare-review"
        title={t("sectionReview")}
        actions={
          <Button appearance="subtle" size="small" disabled={busy} onClick={() => void pane.loadReview()}>
            {t("refreshReview")}
          </Button>
        }
      >
        <ReviewSection
          review={pane.review}
          apply={pane.apply}
          loading={pane.busy === "review"}
          applying={pane.busy === "applying"}
          disabled={busy}
          onApply={() => void pane.applyApproved()}
          onSelectSheet={(sheet) => pane.activate(sheet)}
        />
      </Section>

      <Section
        id="fairshare-statements"
        title={t("sectionStatements")}
        actions={
          pane.statements !== null ? (
            <Button appearance="subtle" size="small" disabled={busy} onClick={() => void pane.loadStatements()}>
              {t("refreshStatements")}
            </Button>
          ) : undefined
        }
      >
        <StatementsSection statements={pane.statements} loading={pane.busy === "statements"} disabled={busy} onLoad={() => void pane.loadStatements()} />
      </Section>
    </main>
  );
}
