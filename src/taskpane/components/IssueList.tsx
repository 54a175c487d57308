import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Caption1, Link, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useTouchStyles } from "./touch";
import { groupIssues } from "../../engine/report/issueGroups";
import type { PaneIssue } from "../actions";
import { useLocale, useT } from "../i18n/I18nProvider";
import { issueLabel } from "../i18n/issueLabels";
import { withLabels } from "../i18n/settingLabels";
import type { Translate } from "../i18n/locale";

/** At most this many kinds of issue are listed: the pane stays quick and the first ones are the ones to fix. */
export const MAX_ISSUES_SHOWN = 200;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
  },
  list: {
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

const SEVERITY_BADGE = { error: "danger", warning: "warning", info: "informative" } as const;
const SEVERITY_TEXT = { error: "severityError", warning: "severityWarning", info: "severityInfo" } as const;

/**
 * The issues found, grouped by kind: each group (errors first) shows its severity, kind in words and count and
 * expands to its first examples — each with where it is (a link that selects the cell when `onSelect`
 * is given) and what is wrong. Groups start open (at most three examples each) and can be collapsed.
 */
export function IssueList({ issues, onSelect, disabled, className }: IssueListProps) {
  const styles = useStyles();
  const touch = useTouchStyles();
  const t = useT();
  const locale = useLocale();
  if (issues.length === 0) return <Text className={className}>{t("noIssues")}</Text>;
  const groups = groupIssues(issues).slice(0, MAX_ISSUES_SHOWN);
  const key = (g: (typeof groups)[number]) => `${g.severity}:${g.code}`;
  return (
    <Accordion multiple collapsible defaultOpenItems={groups.map(key)} className={mergeClasses(styles.root, className)}>
      {groups.map((g) => (
        <AccordionItem key={key(g)} value={key(g)}>
          <AccordionHeader size="small">
            <span className={styles.meta}>
              <Badge appearance="tint" shape="rounded" color={SEVERITY_BADGE[g.severity]}>
                {t(SEVERITY_TEXT[g.severity])}
              </Badge>
              <Text>{t("issueGroup", { count: g.count, kind: issueLabel(g.code, locale) })}</Text>
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {g.examples.map((issue, index) => (
                <li key={index} className={styles.item}>
                  {onSelect ? (
                    <Link as="button" className={mergeClasses(styles.locationLink, touch.target, touch.focus)} disabled={disabled} onClick={() => onSelect(issue)}>
                      {issueLocation(issue, t)}
                    </Link>
                  ) : (
                    <Caption1 className={styles.location}>{issueLocation(issue, t)}</Caption1>
                  )}
                  <Text className={styles.message}>{withLabels(issue.message, locale)}</Text>
                </li>
              ))}
            </ul>
            {g.count > g.examples.length && <Caption1 className={styles.more}>{t("issueGroupMore", { count: g.count - g.examples.length })}</Caption1>}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
