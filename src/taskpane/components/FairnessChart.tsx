import { Caption1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { RunSummary } from "../actions";
import { useLocale, useT } from "../i18n/I18nProvider";
import { formatPercent, formatRatio } from "../i18n/locale";
import { BAR_CHART, chartDomain, pairBars } from "./chartGeometry";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
    margin: 0,
  },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
  },
  key: {
    display: "inline-flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
  },
  swatch: {
    display: "inline-block",
    width: tokens.spacingHorizontalM,
    height: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusSmall,
  },
  swatchBefore: { backgroundColor: tokens.colorNeutralStrokeAccessible },
  swatchAfter: { backgroundColor: tokens.colorBrandBackground },
  rows: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  row: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
  },
  rowHead: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  scope: { overflowWrap: "anywhere", minWidth: 0 },
  figures: { color: tokens.colorNeutralForeground2, fontVariantNumeric: "tabular-nums" },
  svg: { display: "block", width: "100%", height: tokens.spacingVerticalXL },
  track: { fill: tokens.colorNeutralBackground3 },
  before: { fill: tokens.colorNeutralStrokeAccessible },
  after: { fill: tokens.colorBrandBackground },
});

export interface FairnessChartProps {
  rows: RunSummary["fairness"];
  className?: string;
}

/**
 * Fairness before → after per scope (all regions first): the Gini coefficient and the new reps'
 * share as text, and the Gini coefficients as a pair of bars on one zero-based scale. The bars repeat
 * the text, so they are hidden from assistive technology.
 */
export function FairnessChart({ rows, className }: FairnessChartProps) {
  const styles = useStyles();
  const t = useT();
  const locale = useLocale();
  const domain = chartDomain(rows.flatMap((r) => [r.giniBefore, r.giniAfter]));
  return (
    <figure className={mergeClasses(styles.root, className)}>
      <figcaption className={styles.legend}>
        <Caption1 className={styles.key}>
          <span className={mergeClasses(styles.swatch, styles.swatchBefore)} />
          {t("chartBefore")}
        </Caption1>
        <Caption1 className={styles.key}>
          <span className={mergeClasses(styles.swatch, styles.swatchAfter)} />
          {t("chartAfter")}
        </Caption1>
      </figcaption>
      <ul className={styles.rows}>
        {rows.map((r) => {
          const bars = pairBars(r.giniBefore, r.giniAfter, domain);
          return (
            <li key={r.scope} className={styles.row}>
              <div className={styles.rowHead}>
                <Text weight="semibold" className={styles.scope}>
                  {r.scope === "" ? t("allRegions") : r.scope}
                </Text>
                <Caption1 className={styles.figures}>
                  {t("giniChange", { before: formatRatio(r.giniBefore, locale), after: formatRatio(r.giniAfter, locale) })}
                </Caption1>
              </div>
              <Caption1 className={styles.figures}>
                {t("newRepShareChange", { before: formatPercent(r.newRepShareBefore, locale), after: formatPercent(r.newRepShareAfter, locale) })}
              </Caption1>
              <svg className={styles.svg} viewBox={bars.viewBox} preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect className={styles.track} x={0} y={bars.before.y} width={BAR_CHART.width} height={bars.before.height} />
                <rect className={styles.before} {...bars.before} />
                <rect className={styles.track} x={0} y={bars.after.y} width={BAR_CHART.width} height={bars.after.height} />
                <rect className={styles.after} {...bars.after} />
              </svg>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
