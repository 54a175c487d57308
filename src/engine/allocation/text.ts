/**
 * The sentences of allocation, per locale. Moves carry data (keys and figures); this renders them.
 */
import type { Locale } from "../messages";
import { formatDate, formatMoney, formatPct, shortMonth } from "../format";
import type { Explanation, GrowthPoint, ParamValue, TierTerm } from "./types";

const EN: Record<string, string> = {
  "reason.STAGNATION": "{name}'s existing accounts showed no growth for {months} consecutive months; {count} of {owned} accounts are released ({sharePct}), weakest growth first.",
  "reason.DORMANT": "No sales for {months} months (last sale {lastSaleDay}); back to the pool.",
  "reason.DORMANT.never": "No sales on record; back to the pool.",
  "reason.ORPHAN.left": "Owner {owner} has left.",
  "reason.ORPHAN.notYet": "Owner {owner} does not start until after the period.",
  "reason.ORPHAN.unknown": "Owner “{owner}” is not in the roster.",
  "reason.ORPHAN.unowned": "The account has no owner.",
  "reason.OVER_CAPACITY": "{name} holds {count} accounts, above the cap of {cap}; the lowest-value accounts are released.",
  "evidence.STAGNATION": "Book growth {series} ≤ {thresholdPct}; this account {beforeCents} → {nowCents} ({growthPct}) over {months} months vs the {months} before.",
  "evidence.DORMANT": "Last sale {lastSaleDay}; none after {cutoffDay} ({months} months).",
  "evidence.ORPHAN.left": "Roster: {owner} Active = no.",
  "evidence.ORPHAN.notYet": "Roster: {owner} hired after the period.",
  "evidence.ORPHAN.unknown": "“{owner}” matches no Rep ID or name in the roster.",
  "evidence.ORPHAN.unowned": "Owner cell is empty.",
  "evidence.OVER_CAPACITY": "{count} accounts > cap {cap} by {excess}; this account's 12-month value is {valueCents}, among the lowest.",
  "recipient.new": "{name} ({repId}): the lowest load of {candidates} eligible new reps; load (12-month value ÷ cap {cap}) {loadBeforeCents} → {loadAfterCents}.",
  "recipient.any": "{name} ({repId}): the lowest load of {candidates} eligible reps; load (12-month value ÷ cap {cap}) {loadBeforeCents} → {loadAfterCents}.",
  "recipient.none": "No eligible recipient in {region}: of {inPool} active reps, {atCap} at their cap, {cooling} in cooldown, {stagnant} stagnant. The account stays.",
  "recipient.noneAnyRegion": "No eligible recipient: of {inPool} active reps, {atCap} at their cap, {cooling} in cooldown, {stagnant} stagnant. The account stays.",
  handover: "{repId} keeps {sharePct} of this account's sales credit for {months} months.",
  "series.none": "no sales",
  "short.reason.STAGNATION": "A veteran's book stopped growing",
  "short.reason.DORMANT": "No sales for months: back to the pool",
  "short.reason.DORMANT.never": "Never bought: back to the pool",
  "short.reason.ORPHAN.left": "The owner has left",
  "short.reason.ORPHAN.notYet": "The owner has not started yet",
  "short.reason.ORPHAN.unknown": "The owner is not in the roster",
  "short.reason.ORPHAN.unowned": "No owner",
  "short.reason.OVER_CAPACITY": "The owner holds more than the cap",
};

const ZH: Record<string, string> = {
  "reason.STAGNATION": "{name} 的存量客户连续 {months} 个月未增长；释放 {owned} 个客户中的 {count} 个（{sharePct}），增长最弱者优先。",
  "reason.DORMANT": "连续 {months} 个月无销售（最后一次 {lastSaleDay}），回收公海。",
  "reason.DORMANT.never": "无任何销售记录，回收公海。",
  "reason.ORPHAN.left": "负责人 {owner} 已离职。",
  "reason.ORPHAN.notYet": "负责人 {owner} 在统计期间之后才入职。",
  "reason.ORPHAN.unknown": "负责人“{owner}”不在花名册中。",
  "reason.ORPHAN.unowned": "该客户没有负责人。",
  "reason.OVER_CAPACITY": "{name} 持有 {count} 个客户，超过上限 {cap}；释放业绩最低的客户。",
  "evidence.STAGNATION": "客户组合环比 {series} ≤ {thresholdPct}；本客户 {beforeCents} → {nowCents}（{growthPct}），近 {months} 个月对比前 {months} 个月。",
  "evidence.DORMANT": "最后销售 {lastSaleDay}；{cutoffDay} 之后无销售（{months} 个月）。",
  "evidence.ORPHAN.left": "花名册：{owner} 在职 = 否。",
  "evidence.ORPHAN.notYet": "花名册：{owner} 入职晚于统计期间。",
  "evidence.ORPHAN.unknown": "“{owner}”与花名册中的工号和姓名都不匹配。",
  "evidence.ORPHAN.unowned": "负责人单元格为空。",
  "evidence.OVER_CAPACITY": "{count} 个客户 > 上限 {cap}，超出 {excess}；本客户 12 个月业绩 {valueCents}，属最低之列。",
  "recipient.new": "{name}（{repId}）：{candidates} 名符合条件的新人中负荷最低；负荷（12 个月业绩 ÷ 上限 {cap}）{loadBeforeCents} → {loadAfterCents}。",
  "recipient.any": "{name}（{repId}）：{candidates} 名符合条件的业务员中负荷最低；负荷（12 个月业绩 ÷ 上限 {cap}）{loadBeforeCents} → {loadAfterCents}。",
  "recipient.none": "{region} 无符合条件的接收人：{inPool} 名在职业务员中 {atCap} 名已达上限，{cooling} 名在冷却期，{stagnant} 名停滞。客户保持不变。",
  "recipient.noneAnyRegion": "无符合条件的接收人：{inPool} 名在职业务员中 {atCap} 名已达上限，{cooling} 名在冷却期，{stagnant} 名停滞。客户保持不变。",
  handover: "{repId} 在 {months} 个月内保留该客户 {sharePct} 的业绩分成。",
  "series.none": "无销售",
  "short.reason.STAGNATION": "老员工客户组合停止增长",
  "short.reason.DORMANT": "数月无销售，回收公海",
  "short.reason.DORMANT.never": "从未成交，回收公海",
  "short.reason.ORPHAN.left": "负责人已离职",
  "short.reason.ORPHAN.notYet": "负责人尚未入职",
  "short.reason.ORPHAN.unknown": "负责人不在花名册中",
  "short.reason.ORPHAN.unowned": "没有负责人",
  "short.reason.OVER_CAPACITY": "负责人超过保有上限",
};

export const ALLOCATION_TEXT: Record<Locale, Record<string, string>> = { "en-US": EN, "zh-CN": ZH };

function formatParam(name: string, v: ParamValue, locale: Locale, year: number | undefined): string {
  if (Array.isArray(v)) {
    if (v.length && "rate" in v[0]) return (v as TierTerm[]).map((x) => `${formatPct(x.rate, 2)} × ${formatMoney(x.baseCents)}`).join(" + ");
    return formatSeries(v as GrowthPoint[], locale);
  }
  if (typeof v === "string") return v;
  if (name.endsWith("Cents")) return formatMoney(v);
  if (name === "growthPct") return formatPct(v, 1, false);
  if (name.endsWith("Pct")) return formatPct(v);
  if (name.endsWith("Month")) return shortMonth(v, locale, year);
  if (name.endsWith("Day")) return formatDate(v);
  return String(v);
}

/**
 * "Aug −4.8%, Sep −6.1%, Oct −5.3%" (or "8月 −4.8%…").
 * @example formatSeries([{ month: 2026 * 12 + 7, growth: -0.048 }], "en-US") // "Aug 2026 −4.8%"
 */
export function formatSeries(series: readonly GrowthPoint[], locale: Locale): string {
  const year = series.length ? Math.floor(series[series.length - 1].month / 12) : undefined;
  return series
    .map((p) => `${shortMonth(p.month, locale, year)} ${p.growth === null ? ALLOCATION_TEXT[locale]["series.none"] : formatPct(p.growth, 1, false)}`)
    .join(locale === "zh-CN" ? "，" : ", ");
}

/**
 * Renders an explanation in a locale. An unknown key is a programming error and throws.
 * @example renderExplanation({ key: "handover", params: { repId: "R1", sharePct: 0.2, months: 3 } }, "en-US")
 *   // "R1 keeps 20% of this account's sales credit for 3 months."
 */
export function renderExplanation(e: Explanation, locale: Locale): string {
  return renderWith(ALLOCATION_TEXT, e, locale);
}

/**
 * Renders an explanation from a catalogue (allocation's, or another feature's own), formatting each
 * param by its name. An unknown key is a programming error and throws.
 * @example renderWith({ "en-US": { hi: "{amountCents}" }, "zh-CN": { hi: "{amountCents}" } }, { key: "hi", params: { amountCents: 150 } }, "en-US") // "1.50"
 */
export function renderWith(catalogue: Record<Locale, Record<string, string>>, e: Explanation, locale: Locale): string {
  const texts = catalogue[locale];
  const template = texts[e.key];
  if (template === undefined) throw new RangeError(`no text for ${e.key}`);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = e.params[name];
    if (v === undefined) return `{${name}}`;
    // A string that is itself a catalogue key (e.g. "dim.sales") is translated too.
    if (typeof v === "string" && texts[v] !== undefined) return texts[v];
    return formatParam(name, v, locale, undefined);
  });
}
