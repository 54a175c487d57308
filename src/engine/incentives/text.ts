/**
 * The sentences of scorecards and statements, per locale: the scorecard's own, each incentive
 * component's (declared in its registry entry) and the total, whose sum is generated from the registry.
 */
import { renderWith } from "../allocation/text";
import type { Explanation } from "../allocation/types";
import { PLURAL, pluralForms, type Locale } from "../messages";
import { INCENTIVE_COMPONENTS } from "./components";

const SCORECARD: Record<Locale, Record<string, string>> = {
  "en-US": {
    "moveUp.sales": "Raise your attainment from {yoursPct} to the team median {medianPct}: worth {points|# point|# points} on your score",
    "moveUp.newCustomers": "Win more new customers: your new-customer score is {yours}, the team median {median}; worth {points|# point|# points} on your score",
    "moveUp.satisfaction": "Raise your customers' satisfaction from {yours} to the team median {median} (on the 1–5 scale): worth {points|# point|# points} on your score",
    "moveUp.retention": "Keep more of your customers buying: {yoursPct} of their earlier value still buys, the team median {medianPct}; worth {points|# point|# points} on your score",
    "moveUp.teamwork": "Raise your teamwork rating from {yours} to the team median {median} (out of 100): worth {points|# point|# points} on your score",
    "moveUp.none": "You are at or above the team median on every dimension",
    "moveUp.near": "You are within a tenth of a point of the team median on every dimension",
    "dim.sales": "Sales against quota",
    "dim.newCustomers": "New-customer development",
    "dim.satisfaction": "Customer satisfaction",
    "dim.retention": "Retention",
    "dim.teamwork": "Teamwork",
    "profile.hunter": "Hunter: {wonSharePct} of 12-month value from accounts won in the last 12 months",
    "profile.farmer": "Farmer: keeps {retentionPct} of prior value, satisfaction {satisfaction}",
    "profile.developing": "Developing: a new rep",
    "profile.steady": "Steady: won share {wonSharePct}, retention {retentionPct}",
    "profile.insufficient": "Not enough history: {months|# month|# months} of sales data, a profile needs {minMonths}",
    "recommend.hunter": "Weigh new-customer development higher and raise the new-customer bonus; pair with a farmer for handovers.",
    "recommend.farmer": "Weigh retention and satisfaction higher and raise the retention rate; give them at-risk accounts to save.",
    "recommend.developing": "Weigh new customers and teamwork higher; ramp the quota and route released accounts to them.",
    "recommend.steady": "Keep the standard plan weights.",
    "recommend.insufficient": "Keep the standard plan weights until there is enough history.",
    "advice.hunter": "Your strength is winning new customers: keep prospecting, and when you hand accounts over, pair with a colleague who keeps customers.",
    "advice.farmer": "Your strength is keeping customers: keep them satisfied, and offer to take on accounts at risk of being recycled.",
    "advice.developing": "You are new: focus on winning your first customers and on working with the team.",
    "advice.steady": "Keep your balance of winning new customers and keeping the ones you have.",
    "advice.insufficient": "There is not enough history yet for advice on your profile.",
    "note.dimensionDropped": "{dimension} is left out of every score: nobody in the scope has data for it ({why}).",
    "why.newCustomers.history": "sales history starts {historyMonths|# month|# months} before the period; telling a new account from an old one needs the 12 months before the window",
    "why.newCustomers.none": "no account was won in the window",
    "why.noData": "no rep has any",
    "note.quotaMissing": "{count|# rep has|# reps have} no quota (no Quota on the roster, no defaultQuota set): no sales score, commission threshold, accelerator or team bonus for them or their region's team.",
    "total.prorated": "; quota prorated to {employedPct} of the window (employed {days} of {windowDays} days)",
  },
  "zh-CN": {
    "moveUp.sales": "将您的指标完成率从 {yoursPct} 提高到团队中位数 {medianPct}：评分可提高 {points} 分",
    "moveUp.newCustomers": "多开发新客户：您的新客户得分为 {yours}，团队中位数为 {median}；评分可提高 {points} 分",
    "moveUp.satisfaction": "将您的客户满意度从 {yours} 提高到团队中位数 {median}（1–5 分制）：评分可提高 {points} 分",
    "moveUp.retention": "让更多老客户继续购买：您的既有业绩中仍在购买的占 {yoursPct}，团队中位数为 {medianPct}；评分可提高 {points} 分",
    "moveUp.teamwork": "将您的团队协作评分从 {yours} 提高到团队中位数 {median}（百分制）：评分可提高 {points} 分",
    "moveUp.none": "您在各维度均不低于团队中位数",
    "moveUp.near": "您在各维度与团队中位数的差距均不到 0.1 分",
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
    "advice.hunter": "您擅长开发新客户：继续开拓；移交客户时，可与擅长维护客户的同事搭档。",
    "advice.farmer": "您擅长维护客户：保持客户满意，并可主动接手即将被回收的客户。",
    "advice.developing": "您是新人：重点开发第一批客户，多与团队协作。",
    "advice.steady": "请继续保持您在开发新客户与维护老客户之间的平衡。",
    "advice.insufficient": "历史数据尚不足，暂无针对您画像的建议。",
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

/** The keys whose sentence has a plural placeholder, per locale (most have none and render directly). */
const WITH_PLURALS: Record<Locale, ReadonlySet<string>> = {
  "en-US": new Set(Object.keys(INCENTIVE_TEXT["en-US"]).filter((k) => INCENTIVE_TEXT["en-US"][k].match(PLURAL))),
  "zh-CN": new Set(Object.keys(INCENTIVE_TEXT["zh-CN"]).filter((k) => INCENTIVE_TEXT["zh-CN"][k].match(PLURAL))),
};

export { pluralForms };

/**
 * Renders a scorecard or statement explanation in a locale. An unknown key is a programming error and throws.
 * @example renderIncentive({ key: "commission.none", params: { amountCents: 0 } }, "en-US") // "0: no credited sales"
 * @example renderIncentive({ key: "newCustomerBonus.fixed", params: { amountCents: 50000, count: 1, bonusCents: 50000 } }, "en-US") // "500 = 1 new account × 500"
 */
export function renderIncentive(e: Explanation, locale: Locale): string {
  if (!WITH_PLURALS[locale].has(e.key)) return renderWith(INCENTIVE_TEXT, e, locale);
  // The sentence with its forms chosen, over the catalogue (so params that are catalogue keys still translate).
  const texts = Object.create(INCENTIVE_TEXT[locale]) as Record<string, string>;
  texts[e.key] = pluralForms(INCENTIVE_TEXT[locale][e.key], e.params, locale);
  return renderWith({ ...INCENTIVE_TEXT, [locale]: texts }, e, locale);
}
