/**
 * The engine's fast paths against the plain definitions they replaced: per-row and per-sentence helpers
 * scan characters, cache or reuse instead of matching patterns, and must answer exactly as before.
 */
import fc from "fast-check";
import { civil, dayToMonth, formatDay, idKey, isBlank, isExcelError, toHalfWidth } from "../../src/engine/cells";
import { fillTemplate, formatMoney, formatPct, templateParts } from "../../src/engine/format";
import { buildContext } from "../../src/engine/allocation/allocate";
import { NOT_CALCULATED } from "../../src/engine/table";
import { checkSheets, smallTeam } from "../helpers/team";

const MINUS = "\u2212";
const EXCEL_ERROR = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

// The definitions as they were written before the fast paths.
const reference = {
  toHalfWidth: (s: string) => s.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " "),
  isExcelError: (cell: unknown) => typeof cell === "string" && (EXCEL_ERROR.test(cell.trim()) || cell === NOT_CALCULATED),
  isBlank: (cell: unknown) => cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === ""),
  idKey: (text: string) => reference.toHalfWidth(text.trim()).replace(/\s+/g, "").toUpperCase(),
  dayToMonth: (day: number) => {
    const c = civil(day);
    return c.year * 12 + c.month - 1;
  },
  formatDay: (day: number) => new Date(day * 86400000).toISOString().slice(0, 10),
  formatPct: (fraction: number, digits = 1, trimZeros = true) => {
    if (fraction === Infinity) return "+∞";
    if (fraction === -Infinity) return `${MINUS}∞`;
    const fixed = (Math.abs(fraction) * 100).toFixed(digits);
    const s = trimZeros ? fixed.replace(/\.0+$/, "") : fixed;
    const zero = Number(s) === 0;
    return `${fraction < 0 && !zero ? MINUS : ""}${s}%`;
  },
  formatMoney: (cents: number) => {
    const neg = cents < 0;
    const abs = Math.round(Math.abs(cents));
    const units = Math.floor(abs / 100);
    const rest = abs % 100;
    return `${neg ? MINUS : ""}${String(units).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${rest ? `.${String(rest).padStart(2, "0")}` : ""}`;
  },
  fill: (template: string, params: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, n: string) => params[n] ?? `{${n}}`),
};

/** Text as cells hold it: ASCII, spaces of every kind, full-width forms, CJK, error-like and totals-like words. */
const cellText = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom("a", "Z", "0", "7", " ", "\t", "\u00a0", "\u3000", "Ｒ", "０", "－", "#", "N", "/", "A", "!", "合", "计", "\ufeff") }),
  fc.constantFrom("#N/A", " #n/a ", "#REF!", "#DIV/0!", NOT_CALCULATED, "#NOT_CALCULATED ", "#", "", "   ", "\u3000", "R-０１", " r 01 ", "A000123"),
);

test("toHalfWidth, isBlank, isExcelError and idKey answer as their definitions", () => {
  fc.assert(
    fc.property(cellText, (s) => {
      expect(toHalfWidth(s)).toBe(reference.toHalfWidth(s));
      expect(isBlank(s)).toBe(reference.isBlank(s));
      expect(isExcelError(s)).toBe(reference.isExcelError(s));
      expect(idKey(s)).toBe(reference.idKey(s));
    }),
    { numRuns: 5000 },
  );
  for (const cell of [null, undefined, 0, 1.5, true, new Date(0)]) {
    expect(isBlank(cell as never)).toBe(reference.isBlank(cell));
    expect(isExcelError(cell as never)).toBe(reference.isExcelError(cell));
  }
});

test("dayToMonth and formatDay (cached) answer as the calendar does, in any order of days", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -25567, max: 2932896 }), { maxLength: 200 }), (days) => {
      for (const d of days) {
        expect(dayToMonth(d)).toBe(reference.dayToMonth(d));
        expect(formatDay(d)).toBe(reference.formatDay(d));
      }
    }),
  );
  // Month boundaries, leap days and runs of the same month.
  for (let d = 10900; d < 11400; d++) expect(dayToMonth(d)).toBe(reference.dayToMonth(d));
  expect(() => formatDay(Number.POSITIVE_INFINITY)).toThrow(RangeError);
});

test("formatPct and formatMoney answer as their pattern-based definitions", () => {
  const fraction = fc.oneof(fc.double({ noNaN: false }), fc.double({ min: -2, max: 2 }), fc.constantFrom(0, -0, 0.0004, -0.0004, -0.00049, 1e21, -1e21, 0.5, 123.456));
  fc.assert(
    fc.property(fraction, fc.integer({ min: 0, max: 4 }), fc.boolean(), (x, digits, trim) => {
      expect(formatPct(x, digits, trim)).toBe(reference.formatPct(x, digits, trim));
    }),
    { numRuns: 5000 },
  );
  const cents = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, 99, 100, 1000, 123456789, 1e25, -1e25, Number.POSITIVE_INFINITY, Number.NaN));
  fc.assert(
    fc.property(cents, (c) => {
      expect(formatMoney(c)).toBe(reference.formatMoney(c));
    }),
    { numRuns: 5000 },
  );
});

test("a compiled template fills as the pattern did", () => {
  expect(templateParts("Hi {name}, {n} left")).toEqual(["Hi ", "name", ", ", "n", " left"]);
  const word = fc.constantFrom("a", "name", "x1", "count_2");
  const template = fc.array(fc.oneof(fc.string({ unit: fc.constantFrom("a", " ", "{", "}", "-", "é") }), word.map((w) => `{${w}}`)), { maxLength: 8 }).map((p) => p.join(""));
  fc.assert(
    fc.property(template, fc.dictionary(word, fc.string()), (t, params) => {
      expect(fillTemplate(t, (n) => params[n])).toBe(reference.fill(t, params));
    }),
    { numRuns: 3000 },
  );
});

test("the released set answers as a Set, account indices and anything else alike", async () => {
  const ctx = buildContext(await checkSheets(smallTeam()), []);
  const released = ctx.released;
  const plain = new Set<number>();
  const n = ctx.model.accounts.length;
  const ops: [string, number][] = [["add", 0], ["add", n - 1], ["add", n], ["add", -1], ["add", 1.5], ["add", 0], ["delete", n - 1], ["add", 2], ["delete", n], ["delete", 7]];
  for (const [op, v] of ops) {
    if (op === "add") {
      released.add(v);
      plain.add(v);
    } else expect(released.delete(v)).toBe(plain.delete(v));
    for (const probe of [0, 1, 2, n - 1, n, -1, 1.5, Number.NaN]) expect(released.has(probe)).toBe(plain.has(probe));
    expect([...released]).toEqual([...plain]);
    expect(released.size).toBe(plain.size);
  }
  released.clear();
  expect(released.has(0)).toBe(false);
  expect(released.size).toBe(0);
});
