/**
 * The sentences of allocation, per locale. Moves carry data (keys and figures); this renders them.
 */
import type { Locale } from "../messages";
import { formatDate, formatMoney, formatPct, shortMonth, templateParts } from "../format";
import type { Diagnostic } from "./diagnostics";
import { ruleLabel } from "./ruleNames";
import type { Explanation, GrowthPoint, ParamValue, TierTerm } from "./types";

const EN: Record<string, string> = {
  "reason.STAGNATION": "{name}'s existing accounts showed no growth for {months} consecutive months; {count} of {owned} accounts are released (releaseShare {sharePct}), the weakest of the {notGrowing} not growing.",
  "reason.DORMANT": "No sales for {months} months (last sale {lastSaleDay}); back to the pool.",
  "reason.DORMANT.never": "No sales on record; back to the pool.",
  "reason.ORPHAN.left": "Owner {owner} has left.",
  "reason.ORPHAN.notYet": "Owner {owner} does not start until after the period.",
  "reason.ORPHAN.unknown": "Owner “{owner}” is not in the roster.",
  "reason.ORPHAN.unowned": "The account has no owner.",
  "reason.OVER_CAPACITY": "{name} holds {count} accounts, above the cap of {cap}; the lowest-value accounts are released.",
  "reason.UNDERSERVED": "Its {segment} peers in {region} grew while it shrank: its potential is not being tapped.",
  "evidence.UNDERSERVED": "This account {beforeCents} → {nowCents} ({growthPct}) over {months} months vs the {months} before; its {peers} {segment} peers in {region}: median {peerMedianPct}, a gap of at least {gapPct} (underservedGapPct).",
  "evidence.STAGNATION": "Book growth {series} ≤ {thresholdPct}; this account {beforeCents} → {nowCents} ({growthPct}) over {months} months vs the {months} before.",
  "evidence.STAGNATION.noSales": "Book growth {series} ≤ {thresholdPct}; this account had no sales in the last {months} months nor in the {months} before.",
  "evidence.DORMANT": "Last sale {lastSaleDay}; none after {cutoffDay} ({months} months).",
  "evidence.ORPHAN.left": "Roster: {owner} Active = no.",
  "evidence.ORPHAN.notYet": "Roster: {owner} hired after the period.",
  "evidence.ORPHAN.unknown": "“{owner}” matches no Rep ID or name in the roster.",
  "evidence.ORPHAN.unowned": "Owner cell is empty.",
  "evidence.OVER_CAPACITY": "{count} accounts > cap {cap} by {excess}; this account's 12-month value is {valueCents}, among the lowest.",
  "short.reason.UNDERSERVED": "Shrinking while its peers grow",
  "watch.account": "{id} {name}",
  "watch.STAGNATION": "If your accounts do not grow in {nextMonth}, {count} of them will be offered to colleagues: {accounts}.",
  "watch.DORMANT": "{account} last bought on {lastSaleDay}; without a sale by {dormantDay} it goes back to the pool.",
  "watch.UNDERSERVED": "{account} shrank {growthPct} over {months} months while similar accounts grew {peerMedianPct}; if the gap reaches {gapPct}, it will be offered to a colleague.",
  "blocked.UNDERSERVED.peers": "no account in {region} has {minPeers} peers of its Industry or Level with sales (underservedMinPeers); the most is {most}",
  "blocked.UNDERSERVED.none": "none of the {accounts} accounts in {region} fell while its peers grew by {gapPct} more (underservedGapPct)",
  "funnel.UNDERSERVED.examined": "owned accounts",
  "funnel.UNDERSERVED.inScope": "with enough peers",
  "funnel.UNDERSERVED.triggered": "underserved",
  "recipient.match": "{name} ({repId}): match score {score}, the best of {candidates} eligible reps — load {loadScore}, capability {capabilityScore} ({capabilityBasis}), continuity {continuityScore}, team {teamScore}, new rep {newRepScore}; weights {weights}. Load (12-month value ÷ cap {cap}) {loadBeforeCents} → {loadAfterCents}.",
  "recipient.none": "No eligible recipient in {region}: of {inPool} active reps, {limits}. The account stays with its owner.",
  "recipient.noneAnyRegion": "No eligible recipient: of {inPool} active reps, {limits}. The account stays with its owner.",
  "recipient.unplaced": "Unplaced: no eligible recipient in {region} (of {inPool} active reps, {limits}). The account has no active owner until someone takes it.",
  "weight.load": "load {weight}",
  "weight.capability": "capability {weight}",
  "weight.continuity": "continuity {weight}",
  "weight.team": "team {weight}",
  "weight.newRep": "new rep {weight}",
  "basis.farm": "retention and satisfaction",
  "basis.hunt": "new-customer development",
  why: "{repId} {score} — {parts}; runner-up {runnerUpId} {runnerUpScore}",
  "why.alone": "{repId} {score} — {parts}; the only eligible rep",
  "why.continuity": "sold to it in {lastMonth} ({sharePct} of its sales)",
  "why.team.manager": "same manager",
  "why.team.branch": "same branch",
  "why.capability.farm": "retention and satisfaction {capabilityScore}{own}",
  "why.capability.hunt": "new-customer development {capabilityScore}{own}",
  "why.regionMedian": " (the region's median: no data yet)",
  "why.load": "light book ({held} of {cap} accounts)",
  "why.newRep": "new rep",
  "why.tie": "equal on every factor; the seeded order decided",
  "limit.atCap": "{count} at their cap",
  "limit.ramp": "{count} at their ramp-up cap (rampMonths)",
  "limit.perRun": "{count} already got {max} accounts in this run (maxNewAccountsPerRun)",
  "limit.share": "{count} would pass {sharePct} of the region's released value (maxShareOfMovedValue)",
  "limit.cooling": "{count} lost it within cooldownMonths",
  "limit.stagnant": "{count} stagnant themselves",
  "limit.nobody": "none to consider",
  "kept.protected": "{count} protected",
  "kept.top": "{count} among the top {keepTop} growing or stable (keepTopAccounts)",
  "kept.recent": "{count} won within {months} months (protectWonWithinMonths)",
  "kept.growing": "{count} growing above {thresholdPct} (stagnationGrowthPct)",
  "kept.newer": "{count} acquired inside the {months}-month window",
  "kept.rejected": "{count} rejected within {months} months (rejectionCooldownMonths)",
  "blocked.off": "rule.{rule} is off in {region}",
  "blocked.zero.examined": "nothing to examine in {region}",
  "blocked.zero.inScope": "nothing in scope in {region}",
  "blocked.zero.triggered": "nothing triggered in {region}",
  "blocked.zero.eligible": "nothing eligible in {region}",
  "blocked.zero.released": "nothing released in {region}",
  "blocked.zero.placed": "nothing placed in {region}",
  "blocked.STAGNATION.tenure": "no rep in {region} has {months} months' tenure (veteranTenureMonths); the longest is {longest}",
  "blocked.STAGNATION.noHireDates": "no rep in {region} has a hire date, so nobody reaches {months} months' tenure (veteranTenureMonths)",
  "blocked.STAGNATION.growing": "none of the {veterans} veterans' books in {region} went {months} months without growth above {thresholdPct} (stagnationMonths, stagnationGrowthPct)",
  "blocked.STAGNATION.kept": "all {total} accounts of the {stagnant} stagnant veterans are kept: {parts}",
  "blocked.STAGNATION.share": "releaseShare {sharePct} of {owned} accounts rounds down to 0",
  "blocked.ORPHAN.none": "all {accounts} accounts in {region} have an active owner on the roster",
  "blocked.DORMANT.protected": "all {accounts} accounts in {region} are protected",
  "blocked.DORMANT.active": "all {accounts} unprotected accounts in {region} bought within {months} months (inactiveMonths)",
  "blocked.OVER_CAPACITY.none": "none of the {reps} reps in {region} holds more than their cap once this run's other releases are counted out",
  "blocked.OVER_CAPACITY.kept": "the accounts above the cap are kept: {parts}",
  "blocked.rejected": "{count} would be proposed again but were rejected within {months} months (rejectionCooldownMonths)",
  "blocked.placed": "no eligible recipient in {region}: {limits}",
  "funnel.examined": "examined",
  "funnel.inScope": "in scope",
  "funnel.triggered": "triggered",
  "funnel.eligible": "accounts eligible",
  "funnel.released": "released",
  "funnel.placed": "placed",
  "funnel.STAGNATION.examined": "reps",
  "funnel.STAGNATION.inScope": "veterans",
  "funnel.STAGNATION.triggered": "stagnant",
  "funnel.DORMANT.examined": "accounts",
  "funnel.DORMANT.inScope": "unprotected",
  "funnel.DORMANT.triggered": "dormant",
  "funnel.ORPHAN.examined": "accounts",
  "funnel.ORPHAN.triggered": "orphaned",
  "funnel.OVER_CAPACITY.examined": "reps",
  "funnel.OVER_CAPACITY.triggered": "above their cap",
  "diagnostic.line": "{rule} · {region}: {stages}",
  "diagnostic.held": "{rule} · {region}: {stages} — {held} held back; the last: {heldBy}",
  "diagnostic.blocked": "{rule} · {region}: {stages} — {blockedBy}",
  "diagnostic.off": "{rule} · {region}: {blockedBy}",
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
  "reason.STAGNATION": "{name} 的存量客户连续 {months} 个月未增长；释放 {owned} 个客户中的 {count} 个（释放比例 {sharePct}），为 {notGrowing} 个未增长客户中最弱者。",
  "reason.DORMANT": "连续 {months} 个月无销售（最后一次 {lastSaleDay}），回收公海。",
  "reason.DORMANT.never": "无任何销售记录，回收公海。",
  "reason.ORPHAN.left": "负责人 {owner} 已离职。",
  "reason.ORPHAN.notYet": "负责人 {owner} 在统计期间之后才入职。",
  "reason.ORPHAN.unknown": "负责人“{owner}”不在花名册中。",
  "reason.ORPHAN.unowned": "该客户没有负责人。",
  "reason.OVER_CAPACITY": "{name} 持有 {count} 个客户，超过上限 {cap}；释放业绩最低的客户。",
  "reason.UNDERSERVED": "{region} 同类（{segment}）客户在增长，而本客户在下滑：潜力未被挖掘。",
  "evidence.UNDERSERVED": "本客户 {beforeCents} → {nowCents}（{growthPct}），近 {months} 个月对比前 {months} 个月；{region} 的 {peers} 个同类（{segment}）客户增长中位数 {peerMedianPct}，差距不低于 {gapPct}（underservedGapPct）。",
  "evidence.STAGNATION": "客户组合环比 {series} ≤ {thresholdPct}；本客户 {beforeCents} → {nowCents}（{growthPct}），近 {months} 个月对比前 {months} 个月。",
  "evidence.STAGNATION.noSales": "客户组合环比 {series} ≤ {thresholdPct}；本客户近 {months} 个月及之前 {months} 个月均无销售。",
  "evidence.DORMANT": "最后销售 {lastSaleDay}；{cutoffDay} 之后无销售（{months} 个月）。",
  "evidence.ORPHAN.left": "花名册：{owner} 在职 = 否。",
  "evidence.ORPHAN.notYet": "花名册：{owner} 入职晚于统计期间。",
  "evidence.ORPHAN.unknown": "“{owner}”与花名册中的工号和姓名都不匹配。",
  "evidence.ORPHAN.unowned": "负责人单元格为空。",
  "evidence.OVER_CAPACITY": "{count} 个客户 > 上限 {cap}，超出 {excess}；本客户 12 个月业绩 {valueCents}，属最低之列。",
  "short.reason.UNDERSERVED": "同类客户增长而本客户下滑",
  "watch.account": "{id} {name}",
  "watch.STAGNATION": "如果您的客户在{nextMonth}仍未增长，其中 {count} 个将交由同事跟进：{accounts}。",
  "watch.DORMANT": "{account} 最后一次成交在 {lastSaleDay}；如在 {dormantDay} 前仍无成交，将回收公海。",
  "watch.UNDERSERVED": "{account} 近 {months} 个月下滑 {growthPct}，而同类客户增长 {peerMedianPct}；差距达到 {gapPct} 时将交由同事跟进。",
  "blocked.UNDERSERVED.peers": "{region} 没有客户拥有 {minPeers} 个有销售的同行业或同等级客户（underservedMinPeers）；最多为 {most} 个",
  "blocked.UNDERSERVED.none": "{region} 的 {accounts} 个客户中，没有在同类客户增长时下滑且差距达到 {gapPct} 的（underservedGapPct）",
  "funnel.UNDERSERVED.examined": "有负责人的客户",
  "funnel.UNDERSERVED.inScope": "同类客户足够",
  "funnel.UNDERSERVED.triggered": "潜力未挖掘",
  "recipient.match": "{name}（{repId}）：匹配分 {score}，{candidates} 名符合条件的业务员中最高——负荷 {loadScore}，能力 {capabilityScore}（{capabilityBasis}），延续性 {continuityScore}，团队 {teamScore}，新人 {newRepScore}；权重 {weights}。负荷（12 个月业绩 ÷ 上限 {cap}）{loadBeforeCents} → {loadAfterCents}。",
  "recipient.none": "{region} 无符合条件的接收人：{inPool} 名在职业务员中，{limits}。客户仍归原负责人。",
  "recipient.noneAnyRegion": "无符合条件的接收人：{inPool} 名在职业务员中，{limits}。客户仍归原负责人。",
  "recipient.unplaced": "未分配：{region} 无符合条件的接收人（{inPool} 名在职业务员中，{limits}）。在有人接手前，该客户没有在职负责人。",
  "weight.load": "负荷 {weight}",
  "weight.capability": "能力 {weight}",
  "weight.continuity": "延续性 {weight}",
  "weight.team": "团队 {weight}",
  "weight.newRep": "新人 {weight}",
  "basis.farm": "保有与满意度",
  "basis.hunt": "新客户开发",
  why: "{repId} {score}——{parts}；次选 {runnerUpId} {runnerUpScore}",
  "why.alone": "{repId} {score}——{parts}；唯一符合条件者",
  "why.continuity": "{lastMonth}曾向其销售（占其销售额 {sharePct}）",
  "why.team.manager": "同一主管",
  "why.team.branch": "同一分支机构",
  "why.capability.farm": "保有与满意度 {capabilityScore}{own}",
  "why.capability.hunt": "新客户开发 {capabilityScore}{own}",
  "why.regionMedian": "（暂无数据，取区域中位数）",
  "why.load": "客户较少（{held}/{cap} 个）",
  "why.newRep": "新人",
  "why.tie": "各项因素相同，按种子顺序决定",
  "limit.atCap": "{count} 名已达上限",
  "limit.ramp": "{count} 名已达新人爬坡上限（rampMonths）",
  "limit.perRun": "{count} 名本次已获得 {max} 个客户（maxNewAccountsPerRun）",
  "limit.share": "{count} 名将超过本区域释放业绩的 {sharePct}（maxShareOfMovedValue）",
  "limit.cooling": "{count} 名在冷却期内失去过该客户（cooldownMonths）",
  "limit.stagnant": "{count} 名自身停滞",
  "limit.nobody": "无人可选",
  "kept.protected": "{count} 个受保护",
  "kept.top": "{count} 个属增长或持平客户中的前 {keepTop} 名（keepTopAccounts）",
  "kept.recent": "{count} 个在 {months} 个月内获得（protectWonWithinMonths）",
  "kept.growing": "{count} 个增长高于 {thresholdPct}（stagnationGrowthPct）",
  "kept.newer": "{count} 个在近 {months} 个月窗口内获得",
  "kept.rejected": "{count} 个在 {months} 个月内被拒绝过（rejectionCooldownMonths）",
  "blocked.off": "{region} 已关闭 rule.{rule}",
  "blocked.zero.examined": "{region} 无可检查对象",
  "blocked.zero.inScope": "{region} 无适用对象",
  "blocked.zero.triggered": "{region} 无触发",
  "blocked.zero.eligible": "{region} 无可释放客户",
  "blocked.zero.released": "{region} 无释放",
  "blocked.zero.placed": "{region} 无分配",
  "blocked.STAGNATION.tenure": "{region} 没有人司龄达到 {months} 个月（veteranTenureMonths）；最长为 {longest} 个月",
  "blocked.STAGNATION.noHireDates": "{region} 没有人填写入职日期，因此无人达到 {months} 个月司龄（veteranTenureMonths）",
  "blocked.STAGNATION.growing": "{region} 的 {veterans} 名老员工中，没有人的客户组合连续 {months} 个月增长不高于 {thresholdPct}（stagnationMonths、stagnationGrowthPct）",
  "blocked.STAGNATION.kept": "{stagnant} 名停滞老员工的 {total} 个客户全部保留：{parts}",
  "blocked.STAGNATION.share": "释放比例 {sharePct} × {owned} 个客户向下取整为 0",
  "blocked.ORPHAN.none": "{region} 的 {accounts} 个客户都有花名册上的在职负责人",
  "blocked.DORMANT.protected": "{region} 的 {accounts} 个客户都受保护",
  "blocked.DORMANT.active": "{region} 的 {accounts} 个未受保护客户在 {months} 个月内都有成交（inactiveMonths）",
  "blocked.OVER_CAPACITY.none": "扣除本次其他规则释放的客户后，{region} 的 {reps} 名业务员都未超过保有上限",
  "blocked.OVER_CAPACITY.kept": "超出上限的客户全部保留：{parts}",
  "blocked.rejected": "{count} 项本应再次提出，但在 {months} 个月内被拒绝过（rejectionCooldownMonths）",
  "blocked.placed": "{region} 无符合条件的接收人：{limits}",
  "funnel.examined": "检查",
  "funnel.inScope": "适用",
  "funnel.triggered": "触发",
  "funnel.eligible": "可释放客户",
  "funnel.released": "释放",
  "funnel.placed": "已分配",
  "funnel.STAGNATION.examined": "业务员",
  "funnel.STAGNATION.inScope": "老员工",
  "funnel.STAGNATION.triggered": "停滞",
  "funnel.DORMANT.examined": "客户",
  "funnel.DORMANT.inScope": "未受保护",
  "funnel.DORMANT.triggered": "沉睡",
  "funnel.ORPHAN.examined": "客户",
  "funnel.ORPHAN.triggered": "无负责人",
  "funnel.OVER_CAPACITY.examined": "业务员",
  "funnel.OVER_CAPACITY.triggered": "超上限",
  "diagnostic.line": "{rule} · {region}：{stages}",
  "diagnostic.held": "{rule} · {region}：{stages}——{held} 个未能分配；最后一个：{heldBy}",
  "diagnostic.blocked": "{rule} · {region}：{stages}——{blockedBy}",
  "diagnostic.off": "{rule} · {region}：{blockedBy}",
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
    if (v.length && "key" in v[0]) return (v as Explanation[]).map((e) => renderExplanation(e, locale)).join(locale === "zh-CN" ? "，" : ", ");
    if (!v.length && (name === "parts" || name === "limits")) return "—";
    return formatSeries(v as GrowthPoint[], locale);
  }
  if (typeof v === "string") return v;
  switch (formatOf(name)) {
    case "score":
      return v.toFixed(2);
    case "money":
      return formatMoney(v);
    case "growth":
      return formatPct(v, 1, false);
    case "pct":
      return formatPct(v);
    case "month":
      return shortMonth(v, locale, year);
    case "day":
      return formatDate(v);
    default:
      return String(v);
  }
}

type ParamFormat = "score" | "money" | "growth" | "pct" | "month" | "day" | "plain";

/** How a numeric param is formatted, by its name (decided once per name: sentences are rendered per move). */
function formatOf(name: string): ParamFormat {
  let f = formats.get(name);
  if (f === undefined) {
    f =
      name === "score" || name.endsWith("Score")
        ? "score"
        : name.endsWith("Cents")
          ? "money"
          : name === "growthPct"
            ? "growth"
            : name.endsWith("Pct")
              ? "pct"
              : name.endsWith("Month")
                ? "month"
                : name.endsWith("Day")
                  ? "day"
                  : "plain";
    formats.set(name, f);
  }
  return f;
}
const formats = new Map<string, ParamFormat>();

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
  const parts = templateParts(template);
  // Joined once: a flat string, not a chain of concatenations kept alive in every proposal row.
  const out = parts.slice();
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    const v = e.params[name];
    if (v === undefined) out[i] = `{${name}}`;
    // A string that is itself a catalogue key (e.g. "dim.sales") is translated too.
    else if (typeof v === "string" && texts[v] !== undefined) out[i] = texts[v];
    else out[i] = formatParam(name, v, locale, undefined);
  }
  return out.join("");
}

/** The label of a funnel stage for a rule ("veterans", "accounts eligible"…). */
export function funnelLabel(rule: string, stage: string, locale: Locale): string {
  return ALLOCATION_TEXT[locale][`funnel.${rule}.${stage}`] ?? ALLOCATION_TEXT[locale][`funnel.${stage}`];
}

/**
 * One line of the diagnostics funnel: "STAGNATION · East: reps 14 → veterans 0 → … — no rep in East has
 * 24 months' tenure (veteranTenureMonths); the longest is 14".
 * @example renderDiagnostic(result.diagnostics[0], "en-US")
 */
export function renderDiagnostic(d: Diagnostic, locale: Locale): string {
  const stages = d.stages.map((s) => `${funnelLabel(d.rule, s.stage, locale)} ${s.count}`).join(" → ");
  const region = d.region || "—";
  // The rule by its name in a Chinese sheet (the id in English); its switch, rule.<ID>, stays a setting key.
  const rule = ruleLabel(d.rule, locale);
  if (!d.stages.length) return renderExplanation({ key: "diagnostic.off", params: { rule, region, blockedBy: d.blockedBy ? renderExplanation(d.blockedBy, locale) : "" } }, locale);
  if (!d.blockedBy && d.heldBy) {
    return renderExplanation({ key: "diagnostic.held", params: { rule, region, stages, held: d.held, heldBy: renderExplanation(d.heldBy, locale) } }, locale);
  }
  if (!d.blockedBy) return renderExplanation({ key: "diagnostic.line", params: { rule, region, stages } }, locale);
  return renderExplanation({ key: "diagnostic.blocked", params: { rule, region, stages, blockedBy: renderExplanation(d.blockedBy, locale) } }, locale);
}
