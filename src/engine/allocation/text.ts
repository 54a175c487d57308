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
  "commission.tiers": "{amountCents} = {terms}",
  "commission.accelerated": "{amountCents} = {terms} + {acceleratorPct} × {aboveQuotaCents} above quota",
  "commission.capped": "{amountCents}: {terms} capped at {capCents}",
  "commission.threshold": "0: quota attainment {attainmentPct} is below the {thresholdPct} threshold",
  "commission.none": "0: no credited sales",
  newCustomerBonus: "{amountCents} = {count} new accounts × {bonusCents} + {ratePct} × {salesCents}",
  retentionBonus: "{amountCents} = {ratePct} × {baseCents} retained sales (satisfaction {satisfaction} ≥ {min})",
  "retentionBonus.low": "0: satisfaction {satisfaction} is below {min}",
  "retentionBonus.noSatisfaction": "0: no satisfaction data",
  handoverSplit: "{amountCents} = commission with the {receivedCents} handover credit ({withCents}) − without it ({withoutCents})",
  "handoverSplit.none": "0: no handover credit",
  teamBonus: "{amountCents} = {sharePct} of the team pool {poolCents} ({ratePct} × {excessCents} of {region} sales above its quotas)",
  "teamBonus.none": "0: {region} sales did not exceed its quotas",
  total: "{totalCents} = commission {commissionCents} + new customers {newCents} + retention {retentionCents} + handover {splitCents} + team {teamCents}",
  moveUp: "{dimension}: {yours} vs the team median {median} (worth {points} points of score)",
  "moveUp.none": "At or above the team median on every dimension",
  "dim.sales": "Sales against quota",
  "dim.newCustomers": "New-customer development",
  "dim.satisfaction": "Customer satisfaction",
  "dim.retention": "Retention",
  "dim.teamwork": "Teamwork",
  "profile.hunter": "Hunter: {wonSharePct} of 12-month value from accounts won in the last 12 months",
  "profile.farmer": "Farmer: keeps {retentionPct} of prior value, satisfaction {satisfaction}",
  "profile.developing": "Developing: a new rep",
  "profile.steady": "Steady: won share {wonSharePct}, retention {retentionPct}",
  "recommend.hunter": "Weigh new-customer development higher and raise the new-customer bonus; pair with a farmer for handovers.",
  "recommend.farmer": "Weigh retention and satisfaction higher and raise the retention rate; give them at-risk accounts to save.",
  "recommend.developing": "Weigh new customers and teamwork higher; ramp the quota and route released accounts to them.",
  "recommend.steady": "Keep the standard plan weights.",
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
  "commission.tiers": "{amountCents} = {terms}",
  "commission.accelerated": "{amountCents} = {terms} + 超指标部分 {acceleratorPct} × {aboveQuotaCents}",
  "commission.capped": "{amountCents}：{terms}，封顶 {capCents}",
  "commission.threshold": "0：指标完成率 {attainmentPct} 低于门槛 {thresholdPct}",
  "commission.none": "0：无计入业绩",
  newCustomerBonus: "{amountCents} = {count} 个新客户 × {bonusCents} + {ratePct} × {salesCents}",
  retentionBonus: "{amountCents} = {ratePct} × 保有客户销售额 {baseCents}（满意度 {satisfaction} ≥ {min}）",
  "retentionBonus.low": "0：满意度 {satisfaction} 低于 {min}",
  "retentionBonus.noSatisfaction": "0：无满意度数据",
  handoverSplit: "{amountCents} = 含移交分成 {receivedCents} 的提成（{withCents}）− 不含时（{withoutCents}）",
  "handoverSplit.none": "0：无移交分成",
  teamBonus: "{amountCents} = 团队奖池 {poolCents} 的 {sharePct}（{region} 超出指标部分 {excessCents} × {ratePct}）",
  "teamBonus.none": "0：{region} 销售未超出指标总和",
  total: "{totalCents} = 提成 {commissionCents} + 新客户 {newCents} + 维护 {retentionCents} + 移交 {splitCents} + 团队 {teamCents}",
  moveUp: "{dimension}：{yours}，团队中位数 {median}（相当于 {points} 分）",
  "moveUp.none": "各维度均不低于团队中位数",
  "dim.sales": "销售（对比指标）",
  "dim.newCustomers": "新客户开发",
  "dim.satisfaction": "客户满意度",
  "dim.retention": "客户保有",
  "dim.teamwork": "团队协作",
  "profile.hunter": "开拓型：12 个月业绩中 {wonSharePct} 来自近 12 个月新开发的客户",
  "profile.farmer": "维护型：保有 {retentionPct} 的既有业绩，满意度 {satisfaction}",
  "profile.developing": "成长型：新人",
  "profile.steady": "稳健型：新客户占比 {wonSharePct}，保有率 {retentionPct}",
  "recommend.hunter": "提高新客户开发权重和新客户奖金；移交时与维护型搭配。",
  "recommend.farmer": "提高保有和满意度权重及维护奖比例；把即将回收的客户交给其挽回。",
  "recommend.developing": "提高新客户和团队协作权重；指标逐步爬坡，优先分配释放的客户。",
  "recommend.steady": "保持标准方案权重。",
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
  const template = ALLOCATION_TEXT[locale][e.key];
  if (template === undefined) throw new RangeError(`no text for ${e.key}`);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = e.params[name];
    if (v === undefined) return `{${name}}`;
    // A string that is itself a catalogue key (e.g. "dim.sales") is translated too.
    if (typeof v === "string" && ALLOCATION_TEXT[locale][v] !== undefined) return ALLOCATION_TEXT[locale][v];
    return formatParam(name, v, locale, undefined);
  });
}
