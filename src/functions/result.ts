/**
 * The shape every function core returns: the value, or the first issue that prevents computing it.
 * Only the wrappers in functions.ts turn an issue into an Excel error.
 */
import type { FunctionIssue } from "./messages";

/** A result as data: the value, or the first issue that prevents computing it. */
export type CoreResult<T> = { ok: true; value: T } | { ok: false; issue: FunctionIssue };

/**
 * A failed result.
 * @example failed({ code: "repIdMissing" }) // { ok: false, issue: { code: "repIdMissing" } }
 */
export function failed(issue: FunctionIssue): { ok: false; issue: FunctionIssue } {
  return { ok: false, issue };
}
