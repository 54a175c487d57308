import { Badge, Caption1, Link, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { PaneIssue } from "../actions";
import { useT } from "../i18n/I18nProvider";
import type { Translate } from "../i18n/locale";

/** More than this many issues are summarized in one line: the pane stays quick and the first issues are the ones to fix. */
export const MAX_ISSUES_SHOWN = 200;

const useStyles = makeStyles({
  root: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  meta: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  location: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  locationLink: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, whiteSpace: "normal", overflowWrap: "anywhere", textAlign: "start" },
  message: { overflowWrap: "anywhere" },
  more: { color: tokens.colorNeutralForeground2 },
});

/** "Sales, row 12, column Owner" — as much of the location as the issue has. */
export function issueLocation(issue: PaneIssue, t: Translate): string {
  const { sheet, row, column } = issue;
  if (row !== null && column !== null) return t("issueAtCell", { sheet, row, column });
  if (row !== null) return t("issueAtRow", { sheet, row });
  if (column !== null) return t("issueAtColumn", { sheet, column });
  return t("issueInSheet", { sheet });
}

/**
 * What `actions.activate` gets to select an issue's cell: its sheet, row and column (by header).
 * @example issueTarget({ sheet: "Accounts", row: 12, column: "Owner", … }) // ["Accounts", 12, "Owner"]
 */
export function issueTarget(issue: PaneIssue): [sheet: string, row: number | null, column: string | null] {
  return [issue.sheet, issue.row, issue.column];
}

export interface IssueListProps {
  issues: readonly PaneIssue[];
  /** Selects the issue's cell in the workbook; without it the location is plain text. */
  onSelect?: (issue: PaneIssue) => void;
  disabled?: boolean;
  className?: string;
}

/** The issues found, each with its severity, where it is (a link to the cell when `onSelect` is given), and what is wrong. */
export function IssueList({ issues, onSelect, disabled, className }: IssueListProps) {
  const styles = useStyles();
  const t = useT();
  if (issues.length === 0) return <Text className={className}>{t("noIssues")}</Text>;
  const shown = issues.slice(0, MAX_ISSUES_SHOWN);
  return (
    <>
      <ul className={mergeClasses(styles.root, className)}>
        {shown.map((issue, index) => (
          <li key={index} className={styles.item}>
            <div className={styles.meta}>
              <Badge
                appearance="tint"
                shape="rounded"
                color={issue.severity === "error" ? "danger" : "warning"}
              >
                {t(issue.severity === "error" ? "severityError" : "severityWarning")}
              </Badge>
              {onSelect ? (
                <Link as="button" className={styles.locationLink} disabled={disabled} onClick={() => onSelect(issue)}>
                  {issueLocation(issue, t)}
                </Link>
              ) : (
                <Caption1 className={styles.location}>{issueLocation(issue, t)}</Caption1>
              )}
            </div>
            <Text className={styles.message}>{issue.message}</Text>
          </li>
        ))}
      </ul>
      {issues.length > shown.length && (
        <Caption1 className={styles.more}>{t("issuesMore", { count: issues.length - shown.length })}</Caption1>
      )}
    </>
  );
}
