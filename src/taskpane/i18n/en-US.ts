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

  runAllocation: "Run allocation",
  running: "Running the allocation rules…",
  runResult: "{moves} moves proposed ({byRule}); {stays} without a recipient; {atRisk} accounts at risk.",
  runFairness: "Gini {before} → {after} if every move is approved.",
  runBlocked: "The data has {count} errors: see the Fairshare Data Check sheet.",
  applyApproved: "Apply approved",
  applying: "Applying approved moves…",
  applyResult: "{sheet}: {applied} applied, {already} already applied, {rejected} rejected, {pending} pending.",
  applyConflict: "Conflict {id} ({account}): {detail}",
  applyNoProposal: "No proposal sheet yet: run the allocation first.",

  errorTitle: "Something went wrong",
  dismiss: "Dismiss",
};

/** The shape every catalogue has: the English keys, each a string. */
export type Messages = { readonly [K in keyof typeof enUS]: string };
export type MessageKey = keyof Messages;
