import { Caption1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { DetectedSheets } from "../actions";
import type { MessageKey } from "../i18n/en-US";
import { useT } from "../i18n/I18nProvider";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalM,
  },
  role: { margin: 0 },
  sheet: { margin: 0, minWidth: 0, overflowWrap: "anywhere" },
  missing: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
});

/** The roles in the order the pane lists them, with their labels. */
const ROLES: ReadonlyArray<[keyof DetectedSheets, MessageKey]> = [
  ["reps", "roleReps"],
  ["accounts", "roleAccounts"],
  ["sales", "roleSales"],
  ["ratings", "roleRatings"],
  ["settings", "roleSettings"],
];

export interface SheetListProps {
  sheets: DetectedSheets;
  className?: string;
}

/** Which sheet plays which role, or "not found". */
export function SheetList({ sheets, className }: SheetListProps) {
  const styles = useStyles();
  const t = useT();
  return (
    <dl className={mergeClasses(styles.root, className)}>
      {ROLES.map(([role, label]) => {
        const name = sheets[role];
        return (
          <div key={role} className={styles.row}>
            <dt className={styles.role}>
              <Text weight="semibold">{t(label)}</Text>
            </dt>
            <dd className={styles.sheet}>
              {name !== null ? <Text>{name}</Text> : <Caption1 className={styles.missing}>{t("sheetNotFound")}</Caption1>}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
