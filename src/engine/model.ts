/**
 * Turns the input tables into typed records, collecting every data problem as an issue.
 * Sales are held column-wise in typed arrays: a 1.2M-row sheet must not become 1.2M objects.
 */
import {
  cellText,
  dayToMonth,
  idKey,
  monthEndDay,
  isBlank,
  isDateOutOfRange,
  isExcelError,
  formatDay,
  parseBool,
  parseDate,
  parseMonth,
  parseNumber,
  toCents,
  toHalfWidth,
  type DayNumber,
  type MonthIndex,
} from "./cells";
import type { ColumnMap } from "./detect";
import { IssueList } from "./issues";
import { normalizeHeader } from "./schema";
import { NOT_CALCULATED, type Cell, type Table } from "./table";

export interface Rep {
  index: number;
  id: string;
  key: string;
  name: string;
  hireDay: DayNumber | null;
  region: string;
  active: boolean;
  branch: string;
  capacity: number | null;
  quotaCents: number | null;
  manager: string;
  /** Last working day, when the roster gives one (reps who left inside a window get a prorated statement). */
  leaveDay: DayNumber | null;
  /** Draw against commission per quotaPeriod (roster Draw), when given. */
  drawCents?: number | null;
  /** Unrecovered draw carried into the window (roster Draw Balance), when given. */
  drawBalanceCents?: number | null;
  /** The roster has no Hire Date column and hireDay is the rep's first sale (see derive.ts). */
  hireDerived: boolean;
  /** 1-based sheet row. */
  row: number;
}

export interface Account {
  index: number;
  id: string;
  key: string;
  name: string;
  /** Index into reps, or -1 when unowned (blank, unknown or ambiguous owner). */
  owner: number;
  /** The owner cell as written, for messages and for apply's conflict check. */
  ownerText: string;
  /** The sheet has no Owner column and the owner was derived from sales (see derive.ts). */
  ownerDerived: boolean;
  region: string;
  acquiredDay: DayNumber | null;
  acquiredBy: number;
  protected: boolean;
  /** On a 1–5 scale (0–10 columns are halved), or null. */
  satisfaction: number | null;
  level: string;
  /** Industry or segment, when the sheet has the column (else ""). */
  industry: string;
  row: number;
}

/** Sales rows, column-wise. `rep` is -1 when the row names no (known) rep: credit goes to the owner. */
export interface Sales {
  count: number;
  account: Int32Array;
  month: Int32Array;
  /** Day of the sale (the month's last day when only the month is known). */
  day: Int32Array;
  cents: Float64Array;
  rep: Int32Array;
  row: Int32Array;
  /** Index into `categories` of the row's Category/Product, −1 when blank (absent when the sheet has no such column). */
  category?: Int32Array;
  /** The distinct categories as first written (compared trimmed and case-insensitively). */
  categories?: string[];
}

export interface Rating {
  rep: number;
  month: MonthIndex;
  teamwork: number | null;
  satisfaction: number | null;
  row: number;
}

export interface Model {
  reps: Rep[];
  accounts: Account[];
  sales: Sales;
  ratings: Rating[];
  /** Distinct regions of the roster and accounts, sorted. */
  regions: string[];
}

/** A table and where its fields are. */
export interface MappedTable {
  table: Table;
  map: ColumnMap;
}

const TOTAL_WORDS = new Set(["total", "totals", "grandtotal", "sum", "合计", "总计", "小计", "汇总", "合計", "總計"]);

/**
 * Whether a cell could read as a totals word: every one of them normalises to letters and CJK only, and
 * normalising keeps digits, so an ID with a digit never does. Checked per row before normalising (a
 * million-row sheet must not normalise a million IDs).
 */
function mayBeTotalWord(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // ASCII and full-width digits
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) return false;
  }
  return true;
}

/** Reads one table row by row, with the bookkeeping every sheet shares. */
class RowReader {
  constructor(
    readonly mt: MappedTable,
    readonly issues: IssueList,
  ) {}
  get sheet(): string {
    return this.mt.table.sheet;
  }
  header(field: string): string {
    return this.mt.map.headers[field] ?? field;
  }
  has(field: string): boolean {
    return this.mt.map.columns[field] !== undefined;
  }
  cell(row: readonly Cell[], field: string): Cell {
    const i = this.mt.map.columns[field];
    return i === undefined ? null : (row[i] ?? null);
  }
  /** Calls `fn` for each data row with its 1-based sheet row, skipping blank rows and totals rows. */
  forEachRow(idField: string, fn: (row: readonly Cell[], sheetRow: number) => void): void {
    const { table, map } = this.mt;
    const idCol = map.columns[idField];
    for (let r = map.headerIndex + 1; r < table.values.length; r++) {
      const row = table.values[r];
      const sheetRow = table.firstRow + r;
      let blank = true;
      for (let c = 0; c < row.length; c++) {
        if (!isBlank(row[c])) {
          blank = false;
          break;
        }
      }
      if (blank) continue;
      const first = idCol !== undefined && !isBlank(row[idCol]) ? row[idCol] : row.find((c) => !isBlank(c));
      if (typeof first === "string" && mayBeTotalWord(first) && TOTAL_WORDS.has(normalizeHeader(first))) {
        this.issues.warning("totals_row", this.sheet, sheetRow, this.header(idField), { value: first.trim() });
        continue;
      }
      fn(row, sheetRow);
    }
  }
  /** A problem with one cell: warning with what happens next. */
  warn(code: "bad_number" | "bad_date" | "date_out_of_range" | "bad_bool" | "cell_error" | "missing_value" | "future_sale", sheetRow: number, field: string, value: Cell, action: string): void {
    // An uncalculated formula is not an Excel error the user can see in the cell: say what it is.
    const c = code === "cell_error" && value === NOT_CALCULATED ? "not_calculated" : code;
    this.issues.warning(c, this.sheet, sheetRow, this.header(field), { value: cellText(value), action });
  }
  /** Reads a required id: blank or an Excel error skips the row (returns null). */
  requiredId(row: readonly Cell[], sheetRow: number, field: string): string | null {
    const v = this.cell(row, field);
    if (isExcelError(v)) {
      this.warn("cell_error", sheetRow, field, v, "action.rowSkipped");
      return null;
    }
    if (isBlank(v)) {
      this.warn("missing_value", sheetRow, field, v, "action.rowSkipped");
      return null;
    }
    return cellText(v);
  }
  /** An optional number: blank gives null; bad values warn and give null. */
  optionalNumber(row: readonly Cell[], sheetRow: number, field: string): number | null {
    const v = this.cell(row, field);
    if (isExcelError(v)) {
      this.warn("cell_error", sheetRow, field, v, "action.blank");
      return null;
    }
    const n = parseNumber(v);
    if (n === undefined) {
      this.warn("bad_number", sheetRow, field, v, "action.blank");
      return null;
    }
    return n;
  }
  optionalDate(row: readonly Cell[], sheetRow: number, field: string, action = "action.blank"): DayNumber | null {
    const v = this.cell(row, field);
    if (isExcelError(v)) {
      this.warn("cell_error", sheetRow, field, v, action);
      return null;
    }
    const d = parseDate(v);
    if (d === undefined) {
      this.warn(isDateOutOfRange(v) ? "date_out_of_range" : "bad_date", sheetRow, field, v, action);
      return null;
    }
    return d;
  }
  bool(row: readonly Cell[], sheetRow: number, field: string, fallback: boolean): boolean {
    const v = this.cell(row, field);
    const action = fallback ? "action.defaultYes" : "action.defaultNo";
    if (isExcelError(v)) {
      this.warn("cell_error", sheetRow, field, v, action);
      return fallback;
    }
    const b = parseBool(v);
    if (b === undefined) {
      this.warn("bad_bool", sheetRow, field, v, action);
      return fallback;
    }
    return b ?? fallback;
  }
  text(row: readonly Cell[], sheetRow: number, field: string): string {
    const v = this.cell(row, field);
    if (isExcelError(v)) {
      this.warn("cell_error", sheetRow, field, v, "action.blank");
      return "";
    }
    return cellText(v);
  }
}

/**
 * Parses the roster. Duplicate Rep IDs are errors; everything else defaults with a warning.
 * @example parseReps(mapped, issues)[0].id
 */
export function parseReps(mt: MappedTable, issues: IssueList): Rep[] {
  const rd = new RowReader(mt, issues);
  const reps: Rep[] = [];
  const firstRowOf = new Map<string, number>();
  rd.forEachRow("repId", (row, sheetRow) => {
    const id = rd.requiredId(row, sheetRow, "repId");
    if (id === null) return;
    const key = idKey(id);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      issues.error("duplicate_rep_id", rd.sheet, sheetRow, rd.header("repId"), { value: id, firstRow: first });
      return;
    }
    firstRowOf.set(key, sheetRow);
    let name = rd.text(row, sheetRow, "name");
    if (!name) {
      rd.warn("missing_value", sheetRow, "name", null, "action.nameFromId");
      name = id;
    }
    // Without a Hire Date column, tenure is derived from sales later, with one note for the sheet.
    const hireDay = rd.has("hireDate") ? rd.optionalDate(row, sheetRow, "hireDate", "action.tenureUnknown") : null;
    if (hireDay === null && rd.has("hireDate") && isBlank(rd.cell(row, "hireDate"))) rd.warn("missing_value", sheetRow, "hireDate", null, "action.tenureUnknown");
    const region = rd.text(row, sheetRow, "region");
    if (!region) rd.warn("missing_value", sheetRow, "region", null, "action.noRegion");
    const capacity = rd.optionalNumber(row, sheetRow, "capacity");
    const quota = rd.optionalNumber(row, sheetRow, "quota");
    const draw = rd.has("draw") ? rd.optionalNumber(row, sheetRow, "draw") : null;
    const drawBalance = rd.has("drawBalance") ? rd.optionalNumber(row, sheetRow, "drawBalance") : null;
    reps.push({
      index: reps.length,
      id,
      key,
      name,
      hireDay,
      region,
      active: rd.bool(row, sheetRow, "active", true),
      branch: rd.text(row, sheetRow, "branch"),
      capacity: capacity === null ? null : Math.max(0, Math.floor(capacity)),
      quotaCents: quota === null ? null : toCents(quota),
      manager: rd.text(row, sheetRow, "manager"),
      leaveDay: rd.has("leaveDate") ? rd.optionalDate(row, sheetRow, "leaveDate") : null,
      drawCents: draw === null ? null : toCents(draw),
      drawBalanceCents: drawBalance === null ? null : toCents(drawBalance),
      hireDerived: false,
      row: sheetRow,
    });
  });
  return reps;
}

/** Looks reps up by Rep ID, then (with a warning) by a unique name. */
export class RepLookup {
  private readonly byKey = new Map<string, number>();
  private readonly byName = new Map<string, number[]>();
  constructor(readonly reps: readonly Rep[]) {
    for (const r of reps) {
      this.byKey.set(r.key, r.index);
      const n = normalizeHeader(r.name);
      if (n) this.byName.set(n, [...(this.byName.get(n) ?? []), r.index]);
    }
  }
  byId(text: string): number {
    return this.byKey.get(idKey(text)) ?? -1;
  }
  byNameAll(text: string): number[] {
    return this.byName.get(normalizeHeader(text)) ?? [];
  }
}

/**
 * Parses accounts. Owners are Rep IDs; a name matching exactly one rep is accepted (one note for the
 * sheet: exports often give the owner's name); anything else leaves the account unowned, with a warning.
 */
export function parseAccounts(mt: MappedTable, reps: RepLookup, issues: IssueList): Account[] {
  const rd = new RowReader(mt, issues);
  const accounts: Account[] = [];
  // Account ID key → index: finds duplicates here, and parseSales reads it instead of keying 100k IDs again.
  const indexOf = new Map<string, number>();
  let ownersByName = 0;
  const sat: { account: Account; value: number; sheetRow: number }[] = [];
  rd.forEachRow("accountId", (row, sheetRow) => {
    const id = rd.requiredId(row, sheetRow, "accountId");
    if (id === null) return;
    const key = idKey(id);
    const first = indexOf.get(key);
    if (first !== undefined) {
      issues.error("duplicate_account_id", rd.sheet, sheetRow, rd.header("accountId"), { value: id, firstRow: accounts[first].row });
      return;
    }
    indexOf.set(key, accounts.length);
    const ownerCell = rd.cell(row, "owner");
    let owner = -1;
    let ownerText = "";
    if (isExcelError(ownerCell)) {
      rd.warn("cell_error", sheetRow, "owner", ownerCell, "action.blank");
    } else if (!isBlank(ownerCell)) {
      ownerText = cellText(ownerCell);
      owner = reps.byId(ownerText);
      if (owner < 0) {
        const named = reps.byNameAll(ownerText);
        if (named.length === 1) {
          owner = named[0];
          ownersByName++;
        } else if (named.length > 1) {
          issues.warning("owner_ambiguous", rd.sheet, sheetRow, rd.header("owner"), { value: ownerText, count: named.length });
        } else {
          issues.warning("unknown_owner", rd.sheet, sheetRow, rd.header("owner"), { value: ownerText });
        }
      }
    }
    let region = rd.text(row, sheetRow, "region");
    // Without a Region column every account takes its owner's region later, with one note for the sheet.
    if (!region && rd.has("region")) {
      if (owner >= 0 && reps.reps[owner].region) {
        region = reps.reps[owner].region;
        issues.warning("region_defaulted", rd.sheet, sheetRow, rd.header("region"), { value: region });
      } else rd.warn("missing_value", sheetRow, "region", null, "action.noRegion");
    }
    let acquiredBy = -1;
    const acqText = rd.has("acquiredBy") ? rd.text(row, sheetRow, "acquiredBy") : "";
    if (acqText) {
      acquiredBy = reps.byId(acqText);
      if (acquiredBy < 0) issues.warning("unknown_rep", rd.sheet, sheetRow, rd.header("acquiredBy"), { value: acqText, action: "action.blank" });
    }
    const account: Account = {
      index: accounts.length,
      id,
      key,
      name: rd.text(row, sheetRow, "accountName") || id,
      owner,
      ownerText,
      ownerDerived: false,
      region,
      acquiredDay: rd.has("acquiredDate") ? rd.optionalDate(row, sheetRow, "acquiredDate") : null,
      acquiredBy,
      protected: rd.has("protected") ? rd.bool(row, sheetRow, "protected", false) : false,
      satisfaction: null,
      level: rd.has("level") ? rd.text(row, sheetRow, "level") : "",
      industry: rd.has("industry") ? rd.text(row, sheetRow, "industry") : "",
      row: sheetRow,
    };
    if (rd.has("satisfaction")) {
      const s = rd.optionalNumber(row, sheetRow, "satisfaction");
      if (s !== null) sat.push({ account, value: s, sheetRow });
    }
    accounts.push(account);
  });
  accountIndexes.set(accounts, indexOf);
  if (ownersByName) issues.info("matched_by_name", rd.sheet, null, rd.header("owner"), { count: ownersByName, field: "field.reps.name" });
  // A column with any value above 5 is on a 0–10 scale and is halved onto 1–5.
  const tenScale = sat.some((s) => s.value > 5);
  const [min, max] = tenScale ? [0, 10] : [1, 5];
  for (const s of sat) {
    if (s.value < min || s.value > max) {
      issues.warning("value_out_of_range", rd.sheet, s.sheetRow, rd.header("satisfaction"), { column: rd.header("satisfaction"), value: s.value, min, max });
      continue;
    }
    s.account.satisfaction = tenScale ? s.value / 2 : s.value;
  }
  return accounts;
}

/** Account ID key → index of the accounts parseAccounts returned (read-only: shared with parseSales). */
const accountIndexes = new WeakMap<readonly Account[], ReadonlyMap<string, number>>();

/** Account ID key → account index: the one parseAccounts built for this list, else built here. */
function accountIndex(accounts: readonly Account[]): ReadonlyMap<string, number> {
  const built = accountIndexes.get(accounts);
  // The list as parseAccounts returned it (no account added or taken since).
  if (built && built.size === accounts.length) return built;
  const index = new Map<string, number>();
  for (const a of accounts) index.set(a.key, a.index);
  return index;
}

/**
 * Parses sales rows into typed arrays. Rows for unknown accounts, with no readable date or amount, are
 * skipped with a warning; an unknown booking rep credits the owner.
 */
export function parseSales(mt: MappedTable, accounts: readonly Account[], reps: RepLookup, issues: IssueList, options: SalesOptions = {}): Sales {
  const rd = new RowReader(mt, issues);
  const stageCol = mt.map.columns.stage;
  const won = stageCol !== undefined && options.wonStages ? wonFilter(mt, stageCol, options.wonStages, rd) : null;
  const skippedByStage = new Map<string, number>();
  let skipped = 0;
  // Built when a row first fails to match an ID (100k names are not keyed for sheets that never need them).
  let accountByName: Map<string, number[]> | null = null;
  const accountsNamed = (text: string): number[] => {
    if (!accountByName) {
      accountByName = new Map();
      for (const a of accounts) {
        const k = nameKey(a.name);
        if (k) accountByName.set(k, [...(accountByName.get(k) ?? []), a.index]);
      }
    }
    return accountByName.get(nameKey(text)) ?? [];
  };
  let accountsByName = 0;
  let repsByName = 0;
  // Raw cells that matched by name rather than ID, counted for one note.
  const namedRaw = new Set<string | number>();
  const capacity = Math.max(0, mt.table.values.length - mt.map.headerIndex - 1);
  const out: Sales = {
    count: 0,
    account: new Int32Array(capacity),
    month: new Int32Array(capacity),
    day: new Int32Array(capacity),
    cents: new Float64Array(capacity),
    rep: new Int32Array(capacity),
    row: new Int32Array(capacity),
  };
  const categoryCol = mt.map.columns.category;
  const categoryByKey = new Map<string, number>();
  if (categoryCol !== undefined) {
    out.category = new Int32Array(capacity);
    out.categories = [];
  }
  const accountByKey = accountIndex(accounts);
  // Raw cell → account index: most sheets repeat the same few thousand ids a million times.
  const accountByRaw = new Map<string | number, number>();
  const repByRaw = new Map<string | number, number>();
  const { columns } = mt.map;
  const dateCol = columns.date;
  const monthCol = columns.month;
  const accountCol = columns.accountId;
  const amountCol = columns.amount;
  const repCol = options.ignoreReps ? undefined : columns.repId;
  rd.forEachRow("accountId", (row, sheetRow) => {
    // Open and lost deals are not sales: counted for one note, never a warning each.
    if (won) {
      const stage = cellText(row[stageCol!] ?? null);
      if (!won.has(normalizeHeader(stage))) {
        skipped++;
        skippedByStage.set(stage, (skippedByStage.get(stage) ?? 0) + 1);
        return;
      }
    }
    // When: a date, else a month (whose sales then count as of the month's last day)
    let month: MonthIndex | null | undefined = undefined;
    let day = 0;
    let whenField = dateCol !== undefined ? "date" : "month";
    if (dateCol !== undefined) {
      const v = row[dateCol] ?? null;
      const d = typeof v === "number" && v >= 3000 && v <= 2958465 ? Math.floor(v) - 25569 : parseDate(v);
      if (d !== null && d !== undefined) {
        day = d;
        month = dayToMonth(d);
      } else month = d;
    }
    if ((month === null || month === undefined) && monthCol !== undefined && !isBlank(row[monthCol])) {
      whenField = "month";
      month = parseMonth(row[monthCol]);
      if (month !== null && month !== undefined) day = monthEndDay(month);
    }
    if (month === null || month === undefined) {
      const whenCell = rd.cell(row, whenField);
      if (isExcelError(whenCell)) rd.warn("cell_error", sheetRow, whenField, whenCell, "action.rowSkipped");
      else if (month === null) rd.warn("missing_value", sheetRow, whenField, null, "action.rowSkipped");
      else rd.warn(isDateOutOfRange(whenCell) ? "date_out_of_range" : "bad_date", sheetRow, whenField, whenCell, "action.rowSkipped");
      return;
    }
    // A sale after today cannot have happened yet: it would move the period. One issue each, never counted.
    if (options.latestDay !== undefined && day > options.latestDay) {
      issues.warning("future_sale", rd.sheet, sheetRow, rd.header(whenField), { value: formatDay(day), limit: formatDay(options.latestDay) });
      return;
    }
    // Which account
    const rawAccount = row[accountCol] ?? null;
    let account = typeof rawAccount === "string" || typeof rawAccount === "number" ? accountByRaw.get(rawAccount) : undefined;
    if (account === undefined) {
      if (isExcelError(rawAccount)) return rd.warn("cell_error", sheetRow, "accountId", rawAccount, "action.rowSkipped");
      if (isBlank(rawAccount)) return rd.warn("missing_value", sheetRow, "accountId", null, "action.rowSkipped");
      account = accountByKey.get(idKey(rawAccount)) ?? -1;
      // Exports often name the account instead of giving its ID: a unique name matches, an ambiguous one never does.
      if (account < 0) {
        const named = accountsNamed(cellText(rawAccount));
        if (named.length === 1) {
          account = named[0];
          if (typeof rawAccount === "string" || typeof rawAccount === "number") namedRaw.add(rawAccount);
        } else if (named.length > 1) account = -2 - named.length;
      }
      if (typeof rawAccount === "string" || typeof rawAccount === "number") accountByRaw.set(rawAccount, account);
    }
    if (account <= -3) {
      issues.warning("account_ambiguous", rd.sheet, sheetRow, rd.header("accountId"), { value: cellText(rawAccount), count: -2 - account });
      return;
    }
    if (namedRaw.size && namedRaw.has(rawAccount as string | number)) accountsByName++;
    if (account < 0) {
      issues.warning("unknown_account", rd.sheet, sheetRow, rd.header("accountId"), { value: cellText(rawAccount) });
      return;
    }
    // How much
    const rawAmount = row[amountCol] ?? null;
    let amount: number | null | undefined;
    if (typeof rawAmount === "number") amount = Number.isFinite(rawAmount) ? rawAmount : undefined;
    else if (isExcelError(rawAmount)) return rd.warn("cell_error", sheetRow, "amount", rawAmount, "action.rowSkipped");
    else amount = parseNumber(rawAmount);
    if (amount === null) return rd.warn("missing_value", sheetRow, "amount", null, "action.rowSkipped");
    if (amount === undefined) return rd.warn("bad_number", sheetRow, "amount", rawAmount, "action.rowSkipped");
    // Who booked it
    let rep = -1;
    if (repCol !== undefined) {
      const rawRep = row[repCol] ?? null;
      if (!isBlank(rawRep)) {
        const cached = typeof rawRep === "string" || typeof rawRep === "number" ? repByRaw.get(rawRep) : undefined;
        if (cached !== undefined) rep = cached;
        else if (isExcelError(rawRep)) rd.warn("cell_error", sheetRow, "repId", rawRep, "action.creditOwner");
        else {
          rep = reps.byId(cellText(rawRep));
          if (rep < 0) {
            const named = reps.byNameAll(cellText(rawRep));
            if (named.length === 1) {
              rep = named[0];
              if (typeof rawRep === "string" || typeof rawRep === "number") namedRaw.add(rawRep);
            } else if (named.length > 1) rep = -2 - named.length;
          }
          if (typeof rawRep === "string" || typeof rawRep === "number") repByRaw.set(rawRep, rep);
        }
        if (rep <= -3) {
          issues.warning("rep_ambiguous", rd.sheet, sheetRow, rd.header("repId"), { value: cellText(rawRep), count: -2 - rep, action: "action.creditOwner" });
          rep = -1;
        } else if (rep < 0 && !isExcelError(rawRep)) {
          issues.warning("unknown_rep", rd.sheet, sheetRow, rd.header("repId"), { value: cellText(rawRep), action: "action.creditOwner" });
        } else if (namedRaw.size && namedRaw.has(rawRep as string | number)) repsByName++;
      }
    }
    const i = out.count++;
    out.account[i] = account;
    out.month[i] = month;
    out.day[i] = day;
    out.cents[i] = toCents(amount);
    out.rep[i] = rep;
    out.row[i] = sheetRow;
    if (out.category) {
      const text = cellText(row[categoryCol!] ?? null);
      const key = text.toLowerCase();
      let c = key ? categoryByKey.get(key) : -1;
      if (c === undefined) {
        c = out.categories!.length;
        out.categories!.push(text);
        categoryByKey.set(key, c);
      }
      out.category[i] = c;
    }
  });
  const header = mt.map.headers;
  if (skipped) {
    const byStage = [...skippedByStage].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, n]) => `${k || "—"} ${n}`).join(", ");
    issues.info("deals_skipped", rd.sheet, null, header.stage ?? null, { count: skipped, stages: byStage });
  }
  let refunds = 0;
  let refundCents = 0;
  for (let i = 0; i < out.count; i++) {
    if (out.cents[i] < 0) {
      refunds++;
      refundCents += out.cents[i];
    }
  }
  if (refunds) issues.info("refunds", rd.sheet, null, header.amount ?? null, { count: refunds, total: (refundCents / 100).toFixed(2) });
  if (accountsByName) issues.info("matched_by_name", rd.sheet, null, header.accountId ?? null, { count: accountsByName, field: "field.accounts.accountName" });
  if (repsByName) issues.info("matched_by_name", rd.sheet, null, header.repId ?? null, { count: repsByName, field: "field.reps.name" });
  return out;
}

/** What a sales sheet needs besides its table: the won stages (normalised) when it has a Stage column. */
export interface SalesOptions {
  wonStages?: ReadonlySet<string>;
  /** The roster could not be read: the Rep column is not checked (its warnings would all be noise). */
  ignoreReps?: boolean;
  /** Today: a sale dated later is an issue and is not counted. */
  latestDay?: DayNumber;
}

/**
 * The won stages to filter on, or null when the Stage column holds none of them: a "Status" column
 * of paid/shipped orders is not a pipeline, so every row counts (with one warning saying so).
 */
function wonFilter(mt: MappedTable, stageCol: number, wonStages: ReadonlySet<string>, rd: RowReader): ReadonlySet<string> | null {
  const { values } = mt.table;
  for (let r = mt.map.headerIndex + 1; r < values.length; r++) {
    if (wonStages.has(normalizeHeader(cellText(values[r][stageCol] ?? null)))) return wonStages;
  }
  rd.issues.warning("stage_no_won", rd.sheet, null, rd.header("stage"), {});
  return null;
}

/**
 * A name as compared when rows link by name: case, spaces and full-width characters ignored.
 * @example nameKey(" ＡＣＭＥ  Corp ") // "acmecorp"
 */
export function nameKey(s: string): string {
  return toHalfWidth(s).toLowerCase().replace(/\s+/g, "");
}

/** Parses the optional ratings sheet (teamwork and satisfaction per rep and period). */
export function parseRatings(mt: MappedTable, reps: RepLookup, issues: IssueList): Rating[] {
  const rd = new RowReader(mt, issues);
  const out: Rating[] = [];
  rd.forEachRow("repId", (row, sheetRow) => {
    const id = rd.requiredId(row, sheetRow, "repId");
    if (id === null) return;
    const rep = reps.byId(id);
    if (rep < 0) {
      issues.warning("unknown_rep", rd.sheet, sheetRow, rd.header("repId"), { value: id, action: "action.rowSkipped" });
      return;
    }
    const pv = rd.cell(row, "period");
    const month = parseMonth(pv);
    if (month === null || month === undefined) {
      if (isExcelError(pv)) rd.warn("cell_error", sheetRow, "period", pv, "action.rowSkipped");
      else if (month === null) rd.warn("missing_value", sheetRow, "period", null, "action.rowSkipped");
      else rd.warn("bad_date", sheetRow, "period", pv, "action.rowSkipped");
      return;
    }
    out.push({
      rep,
      month,
      teamwork: rd.has("teamwork") ? rd.optionalNumber(row, sheetRow, "teamwork") : null,
      satisfaction: rd.has("satisfaction") ? rd.optionalNumber(row, sheetRow, "satisfaction") : null,
      row: sheetRow,
    });
  });
  return out;
}

/** An empty sales store. */
export function emptySales(): Sales {
  return { count: 0, account: new Int32Array(0), month: new Int32Array(0), day: new Int32Array(0), cents: new Float64Array(0), rep: new Int32Array(0), row: new Int32Array(0) };
}
