/**
 * The text of every error a custom function can return, per locale, keyed by issue code.
 * The cores return issues as data; only the wrappers turn them into text, through here.
 */

/** Why a range could not be used. Row and column are 1-based positions inside the argument. */
export type FunctionIssue =
  | { code: "negativeValue"; row: number; column: number; value: number }
  | { code: "errorValue"; row: number; column: number; error: string }
  | { code: "notFinite"; row: number; column: number };

export type FunctionLocale = "en-US" | "zh-CN";

type Catalogue = { [C in FunctionIssue["code"]]: (issue: Extract<FunctionIssue, { code: C }>) => string };

const catalogues: Record<FunctionLocale, Catalogue> = {
  "en-US": {
    negativeValue: (i) => `Value ${i.value} at row ${i.row}, column ${i.column} of the range is negative; values must be 0 or more.`,
    errorValue: (i) => `The range holds the error ${i.error} at row ${i.row}, column ${i.column}.`,
    notFinite: (i) => `The value at row ${i.row}, column ${i.column} of the range is not a finite number.`,
  },
  "zh-CN": {
    negativeValue: (i) => `区域第 ${i.row} 行第 ${i.column} 列的值 ${i.value} 为负数;数值必须大于或等于 0。`,
    errorValue: (i) => `区域第 ${i.row} 行第 ${i.column} 列包含错误 ${i.error}。`,
    notFinite: (i) => `区域第 ${i.row} 行第 ${i.column} 列的值不是有限数值。`,
  },
};

/**
 * The message for an issue in the given locale.
 *
 * @example
 * functionMessage({ code: "negativeValue", row: 2, column: 1, value: -3 }, "en-US")
 * // "Value -3 at row 2, column 1 of the range is negative; values must be 0 or more."
 */
export function functionMessage(issue: FunctionIssue, locale: FunctionLocale): string {
  const render = catalogues[locale][issue.code] as (issue: FunctionIssue) => string;
  return render(issue);
}

/** "zh-CN" for any Chinese display language, "en-US" otherwise (also when it is unknown). */
export function functionLocale(displayLanguage: string | undefined | null): FunctionLocale {
  return displayLanguage && displayLanguage.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}
