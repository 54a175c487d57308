import { Badge, Caption1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
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

export interface IssueListProps {
  issues: readonly PaneIssue[];
  className?: string;
}

/** The issues found, each with its severity, where it is, and what is wrong. */
export function IssueList({ issues, className }: IssueListProps) {
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
              <Caption1 className={styles.location}>{issueLocation(issue, t)}</Caption1>
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
