/**
 * The check: from the input tables to typed data, issues, the period and the portfolio snapshot.
 * Pure: the caller reads the sheets (see src/workbook/pipeline.ts) and hands over plain tables.
 */
import { INCENTIVE_COMPONENTS } from "./incentives/components";
import { dayToMonth, formatMonth, idKey, type DayNumber, type MonthIndex } from "./cells";
import { resolveColumns, type ColumnMap, type ContentPick, type RoleAssignment } from "./detect";
import { IssueList, localizeIssues, type Issue } from "./issues";
import { toLocale, type Locale } from "./messages";
import { emptySales, parseAccounts, parseRatings, parseReps, parseSales, RepLookup, type Model, type Sales } from "./model";
import { deriveMissing } from "./importing/derive";
import { wonStageKeys } from "./importing/settingsDefs";
import { normalizeHeader, SCHEMA, SETTINGS_SHEET, type Role, type RoleSpec } from "./schema";
import { checkSettingsRegions, parseSettings, REGISTRY, type Settings, type SettingsRegistry } from "./settings";
import { accountValues, compareText, fairness, portfolio, type Fairness, type PortfolioRow } from "./snapshot";
import type { Table } from "./table";

export interface CheckInput {
  /** The settings sheet, or null when the workbook has none. */
  settings: Table | null;
  /** Which sheet plays which role (null: not found). */
  assignment: RoleAssignment;
  /** The assigned sheets' tables, by role. */
  tables: Partial<Record<Role, Table>>;
  /** Hidden sheets that look like inputs or settings but were not read (not named in the settings). */
  hiddenSkipped?: readonly string[];
  /** Sheets taken for a role by their content alone (neither name nor headers told). */
  contentPicks?: Partial<Record<Role, ContentPick>>;
}

export interface CheckOptions {
  /** Office's display language (or the CLI's --lang); the `language` setting overrides it unless "auto". */
  displayLanguage?: string;
  registry?: SettingsRegistry;
  /** Today's date: a sale dated later is an issue and never sets the period. */
  today?: DayNumber;
}

export interface CheckResult {
  /** True when there are no errors (warnings allowed). */
  ok: boolean;
  locale: Locale;
  period: MonthIndex | null;
  settings: Settings;
  model: Model;
  issues: Issue[];
  portfolio: PortfolioRow[];
  fairness: Fairness | null;
  /** 12-month value per account (cents), by account index; empty without a period. */
  accountValues: Float64Array;
  assignment: RoleAssignment;
}

/**
 * Validates the input and computes the snapshot. Every data problem becomes an issue; nothing throws
 * for bad data.
 *
 * @example
 * const r = check({ settings: null, assignment, tables }, { displayLanguage: "en-US" });
 * r.ok // false when e.g. a Rep ID is duplicated
 */
export function check(input: CheckInput, options: CheckOptions = {}): CheckResult {
  const issues = new IssueList();
  const registry = options.registry ?? REGISTRY;
  const settings = parseSettings(input.settings, registry, issues);
  const language = settings.get("language");
  const locale: Locale = language && language !== "auto" ? (language as Locale) : toLocale(options.displayLanguage);
  const derivable = (key: string) => settings.get(key) === true;
  for (const sheet of input.hiddenSkipped ?? []) issues.warning("hidden_sheet_skipped", sheet, null, null, {
      visibility: "visibility.hidden",
      hint: normalizeHeader(sheet) === normalizeHeader(SETTINGS_SHEET) ? "hint.unhideSettings" : "hint.nameInSettings",
    });

  const mapped: Partial<Record<Role, ReturnType<typeof resolveColumns>>> = {};
  for (const spec of SCHEMA) {
    const sheet = input.assignment[spec.role];
    const table = input.tables[spec.role];
    if (!sheet || !table) {
      const asked = settings.mapping.sheets[spec.role];
      const at = settings.sources.get(`sheet.${spec.role}`);
      if (asked) issues.error("mapping_sheet_not_found", input.settings?.sheet ?? "Fairshare Settings", at?.row ?? null, at?.column ?? null, { role: `role.${spec.role}`, value: asked });
      else if (spec.required) issues.error("missing_sheet", spec.label["en-US"], null, null, { role: `role.${spec.role}`, roleKey: spec.role, names: spec.sheetNames.slice(0, 4).join(", ") });
      continue;
    }
    // A sales column of IDs found on the accounts sheet is its Account ID, whatever its header.
    // Keyed only when the sales sheet's Account ID column has to be found by its content.
    const accountsMap = mapped.accounts;
    let accountKeys: Set<string> | undefined;
    const knownIds = spec.role === "sales" && accountsMap ? { get accountId() { return (accountKeys ??= columnKeys(input.tables.accounts!, accountsMap, "accountId")); } } : {};
    mapped[spec.role] = resolveColumns(spec.role, table.sheet, table.values, table.firstRow, settings.mapping, issues, derivable, knownIds);
    // A sheet taken for its headers rather than its name: say which, so a wrong guess is one setting away.
    const m = mapped[spec.role];
    const byContent = input.contentPicks?.[spec.role];
    if (m && byContent?.sheet === table.sheet) {
      const { confidence, dateColumn, amountColumn } = byContent;
      issues.warning("sheet_guessed_content", table.sheet, table.firstRow + m.headerIndex, null, { role: `role.${spec.role}`, roleKey: spec.role, confidence, dateColumn, amountColumn });
    } else if (m && !settings.mapping.sheets[spec.role] && !spec.sheetNames.some((n) => normalizeHeader(n) === normalizeHeader(table.sheet))) {
      const { named, required } = namedShare(spec, m);
      issues.info("sheet_guessed", table.sheet, table.firstRow + m.headerIndex, null, {
        role: `role.${spec.role}`,
        roleKey: spec.role,
        columns: [...new Set(Object.values(m.headers))].join(", "),
        named,
        required,
        rest: named < required ? "basis.restByContent" : "",
      });
    }
  }
  const derived = (role: Role, field: string) => mapped[role]?.derived.includes(field) ?? false;
  // Owners come from the sales sheet's Rep column; without one there is nothing to derive them from.
  if (derived("accounts", "owner") && mapped.sales && mapped.sales.columns.repId === undefined) {
    issues.error("owner_not_derivable", input.tables.accounts!.sheet, input.tables.accounts!.firstRow + mapped.accounts!.headerIndex, null, {});
    mapped.accounts = null;
  }

  // A sheet that cannot be read makes the checks that depend on it meaningless: skip them, say so once.
  const repsMap = mapped.reps;
  const reps = repsMap ? parseReps({ table: input.tables.reps!, map: repsMap }, issues) : [];
  const lookup = new RepLookup(reps);
  const repsUnreadable = !repsMap;
  const accounts = mapped.accounts ? parseAccounts({ table: input.tables.accounts!, map: mapped.accounts }, lookup, repsUnreadable ? new IssueList() : issues) : [];
  if (mapped.accounts && repsUnreadable) issues.info("checks_skipped", input.tables.accounts!.sheet, null, mapped.accounts.headers.owner ?? null, { what: "skip.accounts", reason: "reason.noReps" });
  let sales = emptySales();
  if (mapped.sales && mapped.accounts) {
    const wonStages = wonStageKeys(String(settings.get("wonStages") ?? ""));
    sales = parseSales({ table: input.tables.sales!, map: mapped.sales }, accounts, lookup, issues, { wonStages, ignoreReps: repsUnreadable, latestDay: options.today });
  } else if (mapped.sales) issues.info("checks_skipped", input.tables.sales!.sheet, null, null, { what: "skip.sales", reason: "reason.noAccounts" });
  const ratings = mapped.ratings && !repsUnreadable ? parseRatings({ table: input.tables.ratings!, map: mapped.ratings }, lookup, issues) : [];
  const model: Model = { reps, accounts, sales, ratings, regions: [] };

  let period: MonthIndex | null = (settings.get("period") as number | null) ?? null;
  if (period === null) {
    const max = latestMonth(sales);
    period = max >= 0 ? max : null;
  }
  if (period === null && mapped.sales && mapped.accounts) issues.error("no_sales", input.tables.sales!.sheet, null, null, {});
  // With the period set, later sales are outside this run: said once, so nobody reads them as counted.
  if (period !== null && settings.get("period") !== null) {
    const later = salesAfter(sales, period);
    if (later) issues.info("sales_after_period", input.tables.sales!.sheet, null, mapped.sales?.headers.date ?? mapped.sales?.headers.month ?? null, { count: later, period: formatMonth(period) });
  }
  if (period !== null) {
    deriveMissing(model, { owner: derived("accounts", "owner"), region: derived("accounts", "region"), hireDate: derived("reps", "hireDate") }, {
      period,
      seed: settings.num("seed"),
      issues,
      sheets: { reps: input.tables.reps?.sheet ?? "", accounts: input.tables.accounts?.sheet ?? "" },
    });
  }
  const regions = [...new Set([...reps.map((r) => r.region), ...accounts.map((a) => a.region)].filter((r) => r))].sort(compareText);
  model.regions = regions;

  checkSettingsRegions(settings, regions, issues);
  const newMonths = settings.get("newRepTenureMonths");
  const vetMonths = settings.get("veteranTenureMonths");
  if (typeof newMonths === "number" && typeof vetMonths === "number" && newMonths > vetMonths) {
    const src = settings.sources.get("veteranTenureMonths") ?? settings.sources.get("newRepTenureMonths");
    issues.error("settings_conflict", input.settings?.sheet ?? "Fairshare Settings", src?.row ?? null, src?.column ?? null, {
      detail: `newRepTenureMonths (${newMonths}) > veteranTenureMonths (${vetMonths})`,
    });
  }

  // Each incentive component checks its own settings against each other, for the base values and every region.
  const settingsSheet = input.settings?.sheet ?? "Fairshare Settings";
  for (const c of INCENTIVE_COMPONENTS) {
    if (!c.conflict) continue;
    const seen = new Set<string>();
    for (const region of [null, ...regions]) {
      const detail = c.conflict(settings, region);
      if (detail === null || seen.has(detail)) continue;
      seen.add(detail);
      const src = settings.sources.get("commissionBasis") ?? settings.sources.get("commissionTiers");
      issues.error("settings_conflict", settingsSheet, src?.row ?? null, region ?? src?.column ?? null, { detail });
    }
  }

  if (period !== null && repsMap) {
    // A missing quota is said, never silently replaced: no default quota unless defaultQuota is set.
    const lacking = reps.filter((r) => r.active && r.quotaCents === null && settings.get("defaultQuota", r.region || null) === null);
    if (repsMap.headers.quota !== undefined) {
      for (const rep of lacking) issues.warning("quota_missing", input.tables.reps!.sheet, rep.row, repsMap.headers.quota, { value: rep.id });
    } else if (lacking.length) {
      // No Quota column at all: one warning for the roster, naming how many reps it leaves without a quota.
      issues.warning("quota_column_missing", input.tables.reps!.sheet, null, null, { count: lacking.length, examples: lacking.slice(0, 3).map((r) => r.id).join(", ") + (lacking.length > 3 ? ", …" : "") });
    }
  }

  if (period !== null) {
    for (const rep of reps) {
      // Hired after the period: left out of this period's snapshot, visibly.
      if (rep.active && rep.hireDay !== null && dayToMonth(rep.hireDay) > period) {
        issues.warning("hired_after_period", input.tables.reps!.sheet, rep.row, repsMap!.headers.hireDate ?? "Hire Date", { value: rep.id, period: formatMonth(period) });
      }
    }
  }

  const ok = !issues.hasErrors;
  const values = period !== null ? accountValues(model, period) : new Float64Array(0);
  const rows = period !== null ? portfolio(model, settings, period, values) : [];
  return {
    ok,
    locale,
    period,
    settings,
    model,
    issues: localizeIssues(issues.items, locale),
    portfolio: rows,
    fairness: period !== null ? fairness(rows) : null,
    accountValues: values,
    assignment: input.assignment,
  };
}

/** The latest month with a sale, −1 without sales (a function of its own, so its loop is optimised alone). */
function latestMonth(sales: Sales): number {
  let max = -1;
  for (let i = 0; i < sales.count; i++) if (sales.month[i] > max) max = sales.month[i];
  return max;
}

/** How many sales fall after `period`. */
function salesAfter(sales: Sales, period: MonthIndex): number {
  let later = 0;
  for (let i = 0; i < sales.count; i++) if (sales.month[i] > period) later++;
  return later;
}

/** The ID keys of one column of a mapped table's data rows. */
function columnKeys(table: Table, map: ColumnMap, field: string): Set<string> {
  const out = new Set<string>();
  const c = map.columns[field];
  if (c === undefined) return out;
  for (let r = map.headerIndex + 1; r < table.values.length; r++) {
    const k = idKey(table.values[r][c] ?? null);
    if (k) out.add(k);
  }
  return out;
}

/**
 * How many of a role's required columns (a group such as Date-or-Month counts once; derived ones not at
 * all) were found by their header rather than their content.
 */
function namedShare(spec: RoleSpec, m: ColumnMap): { named: number; required: number } {
  const units = new Map<string, string[]>();
  for (const f of spec.fields) {
    if (f.required === true && !m.derived.includes(f.key)) units.set(f.key, [f.key]);
    if (typeof f.required === "string") units.set(f.required, [...(units.get(f.required) ?? []), f.key]);
  }
  let named = 0;
  for (const keys of units.values()) if (keys.some((k) => m.columns[k] !== undefined && !m.guessed.includes(k))) named++;
  return { named, required: units.size };
}
