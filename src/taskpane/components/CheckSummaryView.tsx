import { Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { CheckSummary, PaneIssue } from "../actions";
import type { MessageKey } from "../i18n/en-US";
import { useLocale, useT } from "../i18n/I18nProvider";
import { formatRatio } from "../i18n/locale";
import { CountList } from "./CountList";
import { IssueList } from "./IssueList";
import { SheetLinks } from "./SheetLinks";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  heading: { margin: 0 },
  errors: { color: tokens.colorPaletteRedForeground1 },
  warnings: { color: tokens.colorPaletteDarkOrangeForeground1 },
  note: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

export interface CheckSummaryViewProps {
  summary: CheckSummary;
  /** Selects an issue's cell in the workbook. */
  onSelectIssue?: (issue: PaneIssue) => void;
  /** Shows a written sheet. */
  onSelectSheet?: (sheet: string) => void;
  /** Links are disabled while the pane is busy. */
  disabled?: boolean;
  className?: string;
}

/** The outcome of "Check data": counts, the Gini coefficient and the list of issues. */
export function CheckSummaryView({ summary, onSelectIssue, onSelectSheet, disabled, className }: CheckSummaryViewProps) {
  const styles = useStyles();
  const t = useT();
  const locale = useLocale();
  const counts: Array<[MessageKey, number | string, string | undefined]> = [
    ["countErrors", summary.errorCount, summary.errorCount > 0 ? styles.errors : undefined],
    ["countWarnings", summary.warningCount, summary.warningCount > 0 ? styles.warnings : undefined],
    ["countReps", summary.repCount, undefined],
    ["countAccounts", summary.accountCount, undefined],
    ["giniLabel", summary.gini === null ? t("giniNotAvailable") : formatRatio(summary.gini, locale), undefined],
  ];
  return (
    <section className={mergeClasses(styles.root, className)} aria-label={t("summaryHeading")}>
      <Subtitle2 as="h3" className={styles.heading}>
        {t("summaryHeading")}
      </Subtitle2>
      {summary.period !== null && <Caption1 className={styles.note}>{t("summaryPeriod", { period: summary.period })}</Caption1>}
      <CountList rows={counts.map(([label, value, valueClass]) => [t(label), value, valueClass] as const)} />
      {summary.sheetsWritten.length > 0 && <SheetLinks sheets={summary.sheetsWritten} onSelect={onSelectSheet} disabled={disabled} />}
      <Subtitle2 as="h4" className={styles.heading}>
        {t("issuesHeading", { count: summary.issues.length })}
      </Subtitle2>
      <IssueList issues={summary.issues} onSelect={onSelectIssue} disabled={disabled} />
    </section>
  );
}
