/**
 * A failure as the pane shows it: in the pane's language, saying what happened and what to do. Office
 * errors are recognised by their documented codes; the pipeline's own errors by their class; anything
 * else keeps its message inside a localized sentence (never only the console).
 */
import { SheetExistsError } from "../workbook/port";
import { InvalidSettingError } from "../workbook/panePipeline";
import type { MessageKey } from "./i18n/en-US";
import type { Translate } from "./i18n/locale";

/** Office.js error codes (OfficeExtension.Error.code) with advice of their own. */
const OFFICE_CODES: Readonly<Record<string, MessageKey>> = {
  InvalidOperationInCellEditMode: "errorCellEditMode",
  EditModeCannotAcquireLock: "errorCellEditMode",
  AccessDenied: "errorAccessDenied",
  RequestPayloadSizeLimitExceeded: "errorTooLarge",
  ResponsePayloadSizeLimitExceeded: "errorTooLarge",
  ItemNotFound: "errorItemNotFound",
  ItemAlreadyExists: "errorItemNotFound",
  ApiNotFound: "errorApiNotFound",
  ApiNotAvailable: "errorApiNotFound",
  ActivityLimitReached: "errorBusy",
  MemoryLimitReached: "errorBusy",
  Conflict: "errorConflict",
};

/** The message key and values for a failure. */
export function describeError(err: unknown): { key: MessageKey; vars: Record<string, string> } {
  if (err instanceof SheetExistsError) return { key: "errorSheetExists", vars: { sheet: err.sheets.join(", ") } };
  if (err instanceof InvalidSettingError) return { key: "errorInvalidSetting", vars: { detail: err.message } };
  const code = typeof err === "object" && err !== null && "code" in err && typeof (err as { code: unknown }).code === "string" ? (err as { code: string }).code : null;
  const detail = err instanceof Error ? err.message || err.name : String(err);
  if (code && OFFICE_CODES[code]) return { key: OFFICE_CODES[code], vars: { code, detail } };
  if (code) return { key: "errorExcel", vars: { code, detail } };
  return { key: "errorUnexpected", vars: { detail } };
}

/**
 * The failure in the pane's words.
 * @example paneErrorText(new FakeRichApiError("InvalidOperationInCellEditMode", "…"), t) // "Excel is editing a cell: …"
 */
export function paneErrorText(err: unknown, t: Translate): string {
  const { key, vars } = describeError(err);
  return t(key, vars);
}
