import { Caption1, Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { CheckSummary, PaneIssue } from "../actions";
import type { MessageKey } from "../i18n/en-US";
import { useLocale, useT } from "../i18n/I18nProvider";
import { formatCount, formatRatio } from "../i18n/locale";
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
  counts: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  count: {
    display: "flex",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalM,
  },
  term: { margin: 0 },
  value: { margin: 0, fontVariantNumeric: "tabular-nums" },
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
  const counts: Array<[MessageKey, string, string | undefined]> = [
    ["countErrors", formatCount(summary.errorCount, locale), summary.errorCount > 0 ? styles.errors : undefined],
    ["countWarnings", formatCount(summary.warningCount, locale), summary.warningCount > 0 ? styles.warnings : undefined],
    ["countReps", formatCount(summary.repCount, locale), undefined],
    ["countAccounts", formatCount(summary.accountCount, locale), undefined],
    ["giniLabel", summary.gini === null ? t("giniNotAvailable") : formatRatio(summary.gini, locale), undefined],
  ];
  return (
    <section className={mergeClasses(styles.root, className)} aria-label={t("summaryHeading")}>
      <Subtitle2 as="h3" className={styles.heading}>
        {t("summaryHeading")}
      </Subtitle2>
      {summary.period !== null && <Caption1 className={styles.note}>{t("summaryPeriod", { period: summary.period })}</Caption1>}
      <dl className={styles.counts}>
        {counts.map(([label, value, valueClass]) => (
          <div key={label} className={styles.count}>
            <dt className={styles.term}>
              <Text>{t(label)}</Text>
            </dt>
            <dd className={mergeClasses(styles.value, valueClass)}>
              <Text weight="semibold">{value}</Text>
            </dd>
          </div>
        ))}
      </dl>
      {summary.sheetsWritten.length > 0 && <SheetLinks sheets={summary.sheetsWritten} onSelect={onSelectSheet} disabled={disabled} />}
      <Subtitle2 as="h4" className={styles.heading}>
        {t("issuesHeading", { count: summary.issues.length })}
      </Subtitle2>
      <IssueList issues={summary.issues} onSelect={onSelectIssue} disabled={disabled} />
    </section>
  );
}
