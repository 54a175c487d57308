/**
 * Issues grouped by code, as people read them: one line per kind of problem with how many there are
 * and the first few examples, so 2,089 warnings of one kind read as one line. Shared by the CLI
 * summary, the Data Check sheet and the pane's issue list.
 */

/** How many examples each group shows. */
export const GROUP_EXAMPLES = 3;

/** The fields grouping needs; the engine's Issue and the pane's PaneIssue both have them. */
export interface GroupableIssue {
  severity: "error" | "warning" | "info";
  code: string;
}

export interface IssueGroup<T extends GroupableIssue> {
  severity: T["severity"];
  code: string;
  count: number;
  /** The first issues of the group, in the order given. */
  examples: T[];
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Groups issues by severity and code: errors first, then warnings, then notes; within a severity in
 * order of first appearance.
 *
 * @param issues issues in the order they should be shown
 * @param examples how many examples each group keeps
 * @returns one group per severity and code
 * @example
 * groupIssues([{ severity: "warning", code: "unknown_account" }, { severity: "warning", code: "unknown_account" }])
 * // [{ severity: "warning", code: "unknown_account", count: 2, examples: [...2 issues] }]
 */
export function groupIssues<T extends GroupableIssue>(issues: readonly T[], examples = GROUP_EXAMPLES): IssueGroup<T>[] {
  const groups = new Map<string, IssueGroup<T> & { first: number }>();
  issues.forEach((issue, index) => {
    const key = `${issue.severity}\u0000${issue.code}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { severity: issue.severity, code: issue.code, count: 0, examples: [], first: index }));
    g.count++;
    if (g.examples.length < examples) g.examples.push(issue);
  });
  return [...groups.values()]
    .sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.first - b.first)
    .map(({ first: _first, ...g }) => g);
}

/**
 * Counts issues per severity.
 * @example countBySeverity([{ severity: "error", code: "x" }]) // { error: 1, warning: 0, info: 0 }
 */
export function countBySeverity(issues: readonly GroupableIssue[]): Record<GroupableIssue["severity"], number> {
  const n = { error: 0, warning: 0, info: 0 };
  for (const i of issues) n[i.severity]++;
  return n;
}
