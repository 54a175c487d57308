import { addMonths, civil, dayToMonth, monthEndDay, formatDay, formatMonth, isExcelError, parseBool, parseDate, parseMonth, parseNumber, toCents } from "../../src/engine/cells";

describe("parseNumber", () => {
  test.each([
    [1234.5, 1234.5],
    ["1,234.50", 1234.5],
    ["¥1,234", 1234],
    ["￥1,234", 1234],
    ["$1,234", 1234],
    ["(1,234)", -1234],
    ["-$5", -5],
    ["$-5", -5],
    ["１２３", 123],
    ["12%", 0.12],
    ["1.2万", 12000],
    ["RMB 88", 88],
    ["-", 0],
    [" 42 ", 42],
  ])("%p → %p", (input, expected) => {
    expect(parseNumber(input)).toBeCloseTo(expected, 10);
  });
  test.each([["abc"], ["1,23,4"], ["#N/A"], [true], ["12..3"], ["1 2 3x"]])("%p is not a number", (input) => {
    expect(parseNumber(input as never)).toBeUndefined();
  });
  test("blank is null", () => {
    expect(parseNumber(null)).toBeNull();
    expect(parseNumber("  ")).toBeNull();
  });
});

describe("parseDate", () => {
  test.each([
    [46082, "2026-03-01"], // Excel serial
    [new Date(Date.UTC(2026, 2, 1)), "2026-03-01"],
    ["2026-03-01", "2026-03-01"],
    ["2026/3/1", "2026-03-01"],
    ["2026.3.1", "2026-03-01"],
    ["2026年3月1日", "2026-03-01"],
    ["2026年3月1号", "2026-03-01"],
    ["2026-03", "2026-03-01"],
    ["2026年3月", "2026-03-01"],
    ["3/14/2026", "2026-03-14"],
    ["14/3/2026", "2026-03-14"],
    ["20260301", "2026-03-01"],
    ["Mar 2026", "2026-03-01"],
    ["2026-03-01T10:00:00Z", "2026-03-01"],
  ])("%p → %s", (input, expected) => {
    const d = parseDate(input as never);
    expect(d).not.toBeUndefined();
    expect(formatDay(d as number)).toBe(expected);
  });
  test.each([["2026-02-30"], ["yesterday"], [2026], ["2026-13"], [true]])("%p is not a date", (input) => {
    expect(parseDate(input as never)).toBeUndefined();
  });
});

describe("parseMonth", () => {
  test.each([
    ["2026-03", "2026-03"],
    [202603, "2026-03"],
    ["202603", "2026-03"],
    ["2026年3月", "2026-03"],
    [46095, "2026-03"],
  ])("%p → %s", (input, expected) => {
    expect(formatMonth(parseMonth(input as never) as number)).toBe(expected);
  });
});

describe("parseBool", () => {
  test.each([
    ["Y", true],
    ["n", false],
    ["Yes", true],
    ["no", false],
    [true, true],
    ["FALSE", false],
    [1, true],
    [0, false],
    ["1", true],
    ["是", true],
    ["否", false],
    ["在职", true],
    ["离职", false],
  ])("%p → %p", (input, expected) => {
    expect(parseBool(input as never)).toBe(expected);
  });
  test("unknown and blank", () => {
    expect(parseBool("maybe")).toBeUndefined();
    expect(parseBool(2)).toBeUndefined();
    expect(parseBool("")).toBeNull();
  });
});

test("Excel error values are recognised", () => {
  for (const e of ["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!"]) expect(isExcelError(e)).toBe(true);
  expect(isExcelError("#1 customer")).toBe(false);
});

test("toCents rounds half away from zero at the cent", () => {
  expect(toCents(1.005)).toBe(101);
  expect(toCents(-1.005)).toBe(-101);
  expect(toCents(0.1 + 0.2)).toBe(30);
  expect(toCents(1234.5)).toBe(123450);
});

describe("calendar arithmetic", () => {
  test("civil() agrees with Date on every day from 1900 to 2100", () => {
    for (let d = -25567; d < 47482; d += 1) {
      const js = new Date(d * 86400000);
      const c = civil(d);
      if (c.year !== js.getUTCFullYear() || c.month !== js.getUTCMonth() + 1 || c.day !== js.getUTCDate()) throw new Error(`day ${d}`);
      if (dayToMonth(d) !== js.getUTCFullYear() * 12 + js.getUTCMonth()) throw new Error(`month ${d}`);
    }
  });
  test("addMonths clamps to the month's end; monthEndDay", () => {
    expect(formatDay(addMonths(parseDate("2026-05-31")!, -3))).toBe("2026-02-28");
    expect(formatDay(addMonths(parseDate("2024-01-31")!, 1))).toBe("2024-02-29");
    expect(formatDay(addMonths(parseDate("2026-10-31")!, -6))).toBe("2026-04-30");
    expect(formatDay(monthEndDay(2026 * 12 + 1))).toBe("2026-02-28");
  });
});
