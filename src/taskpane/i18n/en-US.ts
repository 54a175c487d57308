/**
 * The task pane's English text: the reference catalogue. Every other locale has exactly these keys
 * (the `Messages` type enforces it; test/taskpane/i18n.test.ts checks keys and {placeholders}).
 * Placeholders in braces are filled by `t(key, { name: value })`.
 */
export const enUS = {
  appTitle: "Fairshare",
  appTagline: "Fair account allocation, scorecards and incentives",

  sheetsHeading: "Input sheets",
  sheetsLoading: "Looking for input sheets…",
  roleReps: "Reps",
  roleAccounts: "Accounts",
  roleSales: "Sales",
  roleRatings: "Ratings",
  roleSettings: "Settings",
  sheetNotFound: "not found",
  refreshSheets: "Look again",

  checkData: "Check data",
  checking: "Checking the data…",

  summaryHeading: "Result",
  summaryPeriod: "Period {period}",
  countErrors: "Errors",
  countWarnings: "Warnings",
  countReps: "Reps",
  countAccounts: "Accounts",
  giniLabel: "Gini coefficient",
  giniNotAvailable: "not available",
  sheetsWritten: "Sheets written: {sheets}",
  listSeparator: ", ",

  issuesHeading: "Issues ({count})",
  noIssues: "No issues found.",
  issuesMore: "…and {count} more. Fix the issues above and check again.",
  severityError: "Error",
  severityWarning: "Warning",
  issueAtCell: "{sheet}, row {row}, column {column}",
  issueAtRow: "{sheet}, row {row}",
  issueAtColumn: "{sheet}, column {column}",
  issueInSheet: "{sheet}",

  errorTitle: "Something went wrong",
  dismiss: "Dismiss",
};

/** The shape every catalogue has: the English keys, each a string. */
export type Messages = { readonly [K in keyof typeof enUS]: string };
export type MessageKey = keyof Messages;
