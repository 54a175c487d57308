import { Body1, Caption1, Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { RepStatement } from "../actions";
import { useLocale, useT } from "../i18n/I18nProvider";
import { formatDecimal, formatMoney, formatPercent } from "../i18n/locale";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  heading: { display: "block", margin: 0, overflowWrap: "anywhere" },
  note: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  facts: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    minWidth: 0,
  },
  fact: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
  },
  term: { margin: 0, color: tokens.colorNeutralForeground2 },
  value: { margin: 0, minWidth: 0, overflowWrap: "anywhere" },
  components: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  component: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  line: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  label: { minWidth: 0, overflowWrap: "anywhere" },
  money: { fontVariantNumeric: "tabular-nums", marginLeft: "auto" },
  text: { overflowWrap: "anywhere" },
  total: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalXS,
  },
});

export interface StatementViewProps {
  rep: RepStatement;
  className?: string;
}

/** One rep's place in the team and incentive statement: each component with its figures and explanation, and the total. */
export function StatementView({ rep, className }: StatementViewProps) {
  const styles = useStyles();
  const t = useT();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const score = formatDecimal(rep.score, locale, 1);
  const facts: Array<[string, string]> = [
    [t("rankLabel"), t("rankOf", { rank: rep.rank, size: rep.teamSize })],
    [t("percentileLabel"), t("percentileText", { percent: formatPercent(rep.percentile / 100, locale, 0) })],
    [t("scoreLabel"), rep.medianScore === null ? score : t("scoreVsMedian", { score, median: formatDecimal(rep.medianScore, locale, 1) })],
    [t("moveUpLabel"), rep.moveUp],
    [t("profileLabel"), rep.profile],
    [t("recommendationLabel"), rep.recommendation],
  ];
  return (
    <article className={mergeClasses(styles.root, className)} aria-labelledby={`statement-${rep.repId}`}>
      <div>
        <Subtitle2 as="h3" id={`statement-${rep.repId}`} className={styles.heading}>
          {t("statementHeading", { name: rep.name, id: rep.repId })}
        </Subtitle2>
        {rep.region !== "" && <Caption1 as="p" className={mergeClasses(styles.note, styles.heading)}>{rep.region}</Caption1>}
      </div>

      <Subtitle2 as="h4" className={styles.heading}>
        {t("placeHeading")}
      </Subtitle2>
      <dl className={styles.facts}>
        {facts
          .filter(([, value]) => value !== "")
          .map(([label, value]) => (
            <div key={label} className={styles.fact}>
              <dt className={styles.term}>
                <Caption1>{label}</Caption1>
              </dt>
              <dd className={styles.value}>
                <Body1>{value}</Body1>
              </dd>
            </div>
          ))}
      </dl>

      <Subtitle2 as="h4" className={styles.heading}>
        {t("componentsHeading")}
      </Subtitle2>
      <ul className={styles.components}>
        {rep.components.map((c) => (
          <li key={c.id} className={styles.component}>
            <div className={styles.line}>
              <Text weight="semibold" className={styles.label}>
                {c.label}
              </Text>
              <Text weight="semibold" className={styles.money}>
                {money(c.amountCents)}
              </Text>
            </div>
            <Caption1 className={styles.note}>
              {c.rate === null ? t("componentBase", { base: money(c.baseCents) }) : t("componentBaseRate", { base: money(c.baseCents), rate: formatPercent(c.rate, locale, 2) })}
            </Caption1>
            {c.explanation !== "" && <Body1 className={styles.text}>{c.explanation}</Body1>}
          </li>
        ))}
      </ul>
      <div className={styles.total}>
        <div className={styles.line}>
          <Text weight="semibold" size={400} className={styles.label}>
            {t("totalLabel")}
          </Text>
          <Text weight="semibold" size={400} className={styles.money}>
            {money(rep.totalCents)}
          </Text>
        </div>
        {rep.total !== "" && <Body1 className={styles.text}>{rep.total}</Body1>}
      </div>
    </article>
  );
}
