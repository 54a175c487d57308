import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useLocale } from "../i18n/I18nProvider";
import { formatCount } from "../i18n/locale";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    minWidth: 0,
  },
  row: {
    display: "flex",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  term: { margin: 0, minWidth: 0, overflowWrap: "anywhere" },
  value: { margin: 0, fontVariantNumeric: "tabular-nums" },
});

export interface CountListProps {
  /** [label, value, class for the value] per row; labels already translated. Numbers are shown in the locale's notation, text as given. */
  rows: ReadonlyArray<readonly [label: string, value: number | string, valueClass?: string]>;
  className?: string;
}

/** Label → value rows as a description list, values right-aligned (counts in the locale's notation). */
export function CountList({ rows, className }: CountListProps) {
  const styles = useStyles();
  const locale = useLocale();
  return (
    <dl className={mergeClasses(styles.root, className)}>
      {rows.map(([label, value, valueClass]) => (
        <div key={label} className={styles.row}>
          <dt className={styles.term}>
            <Text>{label}</Text>
          </dt>
          <dd className={mergeClasses(styles.value, valueClass)}>
            <Text weight="semibold">{typeof value === "number" ? formatCount(value, locale) : value}</Text>
          </dd>
        </div>
      ))}
    </dl>
  );
}
