import { Badge, Caption1, MessageBar, MessageBarBody, Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useTouchStyles } from "./touch";
import type { RunSummary } from "../actions";
import type { MessageKey } from "../i18n/en-US";
import type { Translate } from "../i18n/locale";
import { useLocale, useT } from "../i18n/I18nProvider";
import { withLabels } from "../i18n/settingLabels";
import { CountList } from "./CountList";
import { FairnessChart } from "./FairnessChart";
import { SheetLinks } from "./SheetLinks";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  heading: { margin: 0 },
  note: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  reasons: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  reason: { overflowWrap: "anywhere" },
  diagnostics: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  blocked: { color: tokens.colorNeutralForeground1, overflowWrap: "anywhere" },
  flowing: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  reasonCount: { marginLeft: tokens.spacingHorizontalS },
});

/** Catalogue keys of the allocation rules' names (ids from the engine's rule registry). */
const RULE_NAMES: Readonly<Record<string, MessageKey>> = {
  ORPHAN: "ruleOrphan",
  DORMANT: "ruleDormant",
  STAGNATION: "ruleStagnation",
  OVER_CAPACITY: "ruleOverCapacity",
  UNDERSERVED: "ruleUnderserved",
};

/**
 * A rule's name in the pane's language from its id (an unknown id, or text already in words, as it is).
 * @example ruleName("DORMANT", t) // "Dormant accounts"
 */
export function ruleName(rule: string, t: Translate): string {
  const key = RULE_NAMES[rule];
  return key ? t(key) : rule;
}

export interface RunSummaryViewProps {
  summary: RunSummary;
  onSelectSheet?: (sheet: string) => void;
  disabled?: boolean;
  className?: string;
}

/** What a run proposed: moves by rule, fairness before → after, the most common reasons, and the sheets written. */
export function RunSummaryView({ summary, onSelectSheet, disabled, className }: RunSummaryViewProps) {
  const styles = useStyles();
  const touch = useTouchStyles();
  const t = useT();
  const locale = useLocale();
  const moves = Object.values(summary.movesByRule).reduce((a, b) => a + b, 0);
  const rows = Object.entries(summary.movesByRule).map(([rule, n]) => [ruleName(rule, t), n] as const);
  // Accounts left without a recipient and accounts at risk are not moves: they are counted apart.
  const notMoves = [[t("withoutRecipient"), summary.withoutRecipient], [t("atRisk"), summary.atRisk]] as const;
  return (
    <div className={mergeClasses(styles.root, className)}>
      <Subtitle2 as="h3" className={styles.heading}>
        {t("runSummaryHeading")}
      </Subtitle2>
      {summary.period !== null && <Caption1 className={styles.note}>{t("summaryPeriod", { period: summary.period })}</Caption1>}
      {summary.errorCount > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("runBlocked", { count: summary.errorCount })}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Subtitle2 as="h4" className={styles.heading}>
            {t("movesHeading", { count: moves })}
          </Subtitle2>
          <CountList rows={rows} />
          <Subtitle2 as="h4" className={styles.heading}>
            {t("notMovesHeading")}
          </Subtitle2>
          <CountList rows={notMoves} />

          {summary.fairness.length > 0 && (
            <>
              <Subtitle2 as="h4" className={styles.heading}>
                {t("fairnessHeading")}
              </Subtitle2>
              <FairnessChart rows={summary.fairness} />
            </>
          )}

          {summary.topReasons.length > 0 && (
            <>
              <Subtitle2 as="h4" className={styles.heading}>
                {t("reasonsHeading")}
              </Subtitle2>
              <ol className={styles.reasons}>
                {summary.topReasons.map((r) => (
                  <li key={r.reason} className={styles.reason}>
                    <Text>{r.reason}</Text>
                    <Badge className={styles.reasonCount} appearance="tint" shape="rounded">
                      {t("reasonCount", { count: r.count })}
                    </Badge>
                  </li>
                ))}
              </ol>
            </>
          )}
          {summary.watch.length > 0 && (
            <details>
              <summary className={mergeClasses(touch.disclosure, touch.focus)}>
                <Subtitle2 as="span">{t("watchHeading", { count: summary.watch.length })}</Subtitle2>
              </summary>
              <Caption1 className={styles.note}>{t("watchNote")}</Caption1>
              <ul className={styles.diagnostics}>
                {summary.watch.slice(0, 20).map((w, i) => (
                  <li key={`${w.repId}/${w.rule}/${i}`} className={styles.flowing}>
                    <Text>
                      {w.repId}: {w.message}
                    </Text>
                  </li>
                ))}
              </ul>
            </details>
          )}
          {summary.diagnostics.length > 0 && (
            // Open by itself when nothing moved: then the funnel is the answer the user is looking for.
            <details open={moves === 0}>
              <summary className={mergeClasses(touch.disclosure, touch.focus)}>
                <Subtitle2 as="span">{t("diagnosticsHeading")}</Subtitle2>
              </summary>
              <Caption1 className={styles.note}>{t("diagnosticsNote")}</Caption1>
              <ul className={styles.diagnostics}>
                {[...summary.diagnostics.filter((d) => d.blocked), ...summary.diagnostics.filter((d) => !d.blocked)].map((d) => (
                  <li key={`${d.rule}/${d.region}`} className={d.blocked ? styles.blocked : styles.flowing}>
                    <Text>{withLabels(d.text.startsWith(`${d.rule} `) ? ruleName(d.rule, t) + d.text.slice(d.rule.length) : d.text, locale)}</Text>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      {summary.sheetsWritten.length > 0 && <SheetLinks sheets={summary.sheetsWritten} onSelect={onSelectSheet} disabled={disabled} />}
    </div>
  );
}
