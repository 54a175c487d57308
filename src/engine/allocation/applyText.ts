/**
 * Why an approved row could not be applied, per locale. planApply records the reason as a key and
 * values; the CLI, the pane and the audit log render it in their language.
 */
import type { Locale } from "../messages";
import { renderWith } from "./text";

const EN = {
  "conflict.notApprover": "needs approval by {approvers} ({region}); Approver is “{approver}”",
  "conflict.accountNotFound": "account not found",
  "conflict.noRecipient": "no recipient",
  "conflict.ownerChanged": "owner is now “{owner}”",
  "conflict.noRoster": "no roster to check To against",
  "conflict.toUnknown": "To “{to}” is not a Rep ID on the roster",
  "conflict.toLeft": "To {to} has left (Active = no)",
  "conflict.toOtherRegion": "To {to} is in {repRegion}, the account is in {region} (sameRegionOnly)",
  "conflict.noRegion": "no region",
  or: " or ",
};

export type ConflictKey = Exclude<keyof typeof EN, "or" | "conflict.noRegion">;

const ZH: Record<keyof typeof EN, string> = {
  "conflict.notApprover": "需由 {approvers} 审批（{region}）；审批人为“{approver}”",
  "conflict.accountNotFound": "未找到该客户",
  "conflict.noRecipient": "没有接收人",
  "conflict.ownerChanged": "负责人已变为“{owner}”",
  "conflict.noRoster": "没有花名册可核对接收人",
  "conflict.toUnknown": "接收人“{to}”不是花名册中的工号",
  "conflict.toLeft": "接收人 {to} 已离职（在职 = 否）",
  "conflict.toOtherRegion": "接收人 {to} 属于{repRegion}，该客户属于{region}（sameRegionOnly）",
  "conflict.noRegion": "无区域",
  or: " 或 ",
};

/** Both catalogues, for the parity test. */
export const APPLY_TEXT: Record<Locale, Record<string, string>> = { "en-US": EN, "zh-CN": ZH };

/** Why a decided row is a conflict: a catalogue key and its values (approvers as a list). */
export interface ConflictReason {
  key: ConflictKey;
  params: Record<string, string>;
  approvers?: readonly string[];
}

/**
 * The reason in words.
 * @example conflictText({ key: "conflict.ownerChanged", params: { owner: "R7" } }, "zh-CN") // "负责人已变为“R7”"
 */
export function conflictText(reason: ConflictReason, locale: Locale): string {
  const params: Record<string, string> = { ...reason.params };
  if (reason.approvers) params.approvers = reason.approvers.join(APPLY_TEXT[locale].or);
  if (params.repRegion === "") params.repRegion = APPLY_TEXT[locale]["conflict.noRegion"];
  return renderWith(APPLY_TEXT, { key: reason.key, params }, locale);
}
