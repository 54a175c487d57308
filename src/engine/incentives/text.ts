/**
 * The sentences of scorecards and statements, per locale: the scorecard's own, each incentive
 * component's (declared in its registry entry) and the total, whose sum is generated from the registry.
 */
import { renderWith } from "../allocation/text";
import type { Explanation } from "../allocation/types";
import type { Locale } from "../messages";
import { INCENTIVE_COMPONENTS } from "./components";

const SCORECARD: Record<Locale, Record<string, string>> = {
  "en-US": {
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
    "profile.insufficient": "Not enough history: {months} months of sales data, a profile needs {minMonths}",
    "recommend.hunter": "Weigh new-customer development higher and raise the new-customer bonus; pair with a farmer for handovers.",
    "recommend.farmer": "Weigh retention and satisfaction higher and raise the retention rate; give them at-risk accounts to save.",
    "recommend.developing": "Weigh new customers and teamwork higher; ramp the quota and route released accounts to them.",
    "recommend.steady": "Keep the standard plan weights.",
    "recommend.insufficient": "Keep the standard plan weights until there is enough history.",
    "note.dimensionDropped": "{dimension} is left out of every score: nobody in the scope has data for it ({why}).",
    "why.newCustomers.history": "sales history starts {historyMonths} months before the period; telling a new account from an old one needs the 12 months before the window",
    "why.newCustomers.none": "no account was won in the window",
    "why.noData": "no rep has any",
    "note.quotaMissing": "{count} reps have no quota (no Quota on the roster, no defaultQuota set): no sales score, commission threshold, accelerator or team bonus for them or their region's team.",
    "total.prorated": "; quota prorated to {employedPct} of the window (employed {days} of {windowDays} days)",
  },
  "zh-CN": {
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
    "profile.insufficient": "历史数据不足：仅有 {months} 个月的销售数据，画像需要 {minMonths} 个月",
    "recommend.hunter": "提高新客户开发权重和新客户奖金；移交时与维护型搭配。",
    "recommend.farmer": "提高保有和满意度权重及维护奖比例；把即将回收的客户交给其挽回。",
    "recommend.developing": "提高新客户和团队协作权重；指标逐步爬坡，优先分配释放的客户。",
    "recommend.steady": "保持标准方案权重。",
    "recommend.insufficient": "历史数据充足前保持标准方案权重。",
    "note.dimensionDropped": "所有评分均不计“{dimension}”：范围内无人有此项数据（{why}）。",
    "why.newCustomers.history": "销售记录仅始于统计月前 {historyMonths} 个月，区分新老客户需要窗口前 12 个月的数据",
    "why.newCustomers.none": "窗口内没有开发任何新客户",
    "why.noData": "无人有此数据",
    "note.quotaMissing": "{count} 名业务员没有指标（花名册未填且未设置 defaultQuota）：其本人及所在区域不计销售评分、提成门槛、加速提成和团队奖。",
    "total.prorated": "；指标按在职比例 {employedPct} 折算（在职 {days} / {windowDays} 天）",
  },
};

function catalogue(L: Locale): Record<string, string> {
  const texts: Record<string, string> = { ...SCORECARD[L] };
  for (const c of INCENTIVE_COMPONENTS) Object.assign(texts, c.text[L]);
  const sep = L === "zh-CN" ? " + " : " + ";
  texts.total = `{totalCents} = ${INCENTIVE_COMPONENTS.map((c) => `${c.term[L]} {${c.id}Cents}`).join(sep)}`;
  texts["total.prorated"] = texts.total + SCORECARD[L]["total.prorated"];
  // One full sentence per reason a dimension is dropped, so each keeps its own figures.
  for (const why of ["why.noData", "why.newCustomers.history", "why.newCustomers.none"]) {
    texts[`note.dimensionDropped.${why}`] = SCORECARD[L]["note.dimensionDropped"].replace("{why}", SCORECARD[L][why]);
  }
  return texts;
}

/** Every scorecard and statement sentence, per locale. */
export const INCENTIVE_TEXT: Record<Locale, Record<string, string>> = { "en-US": catalogue("en-US"), "zh-CN": catalogue("zh-CN") };

/**
 * Renders a scorecard or statement explanation in a locale. An unknown key is a programming error and throws.
 * @example renderIncentive({ key: "commission.none", params: { amountCents: 0 } }, "en-US") // "0: no credited sales"
 */
export function renderIncentive(e: Explanation, locale: Locale): string {
  return renderWith(INCENTIVE_TEXT, e, locale);
}
