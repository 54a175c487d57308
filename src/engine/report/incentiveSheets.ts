/**
 * "Fairshare Scorecard <period>" and "Fairshare Incentives <period>": every score with its dimensions,
 * every bonus with its base, rate, amount and arithmetic.
 */
import { formatMonth } from "../cells";
import type { CheckResult } from "../check";
import { DIMENSIONS, type Evaluation } from "../incentives/evaluate";
import { INCENTIVE_COMPONENTS } from "../incentives/components";
import { renderIncentive as renderExplanation } from "../incentives/text";
import { fillTemplate } from "../format";
import type { Locale } from "../messages";
import type { Cell, OutputSheet } from "../table";
import { label } from "./labels";

const TEXT: Record<Locale, Record<string, string>> = {
  "en-US": {
    scoreTitle: "Fairshare scorecard, {from} to {period}: team median score {median}",
    method:
      "Dimensions 0–100: sales = attainment × 100 (capped at 100); new customers = 50 × won ÷ team best + 50 × won value ÷ team best; satisfaction = (avg − 1) ÷ 4 × 100; retention = share of prior-12-month value still buying × 100; teamwork = rating ÷ scale × 100. Weights re-normalised over the dimensions with data.",
    score: "Score",
    rank: "Rank",
    percentile: "Percentile",
    "dim.sales": "Sales",
    "dim.newCustomers": "New customers",
    "dim.satisfaction": "Satisfaction",
    "dim.retention": "Retention",
    "dim.teamwork": "Teamwork",
    attainment: "Attainment",
    won: "Accounts won",
    moveUp: "What would move you up",
    profile: "Profile",
    recommendation: "Recommendation",
    suggested: "Suggested weights",
    incTitle: "Fairshare incentive statements, {from} to {period}",
    component: "Component",
    base: "Base",
    rate: "Rate",
    amount: "Amount",
    explanation: "Explanation",
    "c.total": "Total",
  },
  "zh-CN": {
    scoreTitle: "Fairshare 评分卡，{from} 至 {period}：团队评分中位数 {median}",
    method:
      "各维度 0–100：销售 = 指标完成率 × 100（封顶 100）；新客户 = 50 × 开发数 ÷ 团队最高 + 50 × 开发金额 ÷ 团队最高；满意度 = (均值 − 1) ÷ 4 × 100；保有 = 前 12 个月业绩中仍在成交的占比 × 100；团队协作 = 评分 ÷ 满分 × 100。权重在有数据的维度间重新归一。",
    score: "评分",
    rank: "排名",
    percentile: "百分位",
    "dim.sales": "销售",
    "dim.newCustomers": "新客户",
    "dim.satisfaction": "满意度",
    "dim.retention": "保有",
    "dim.teamwork": "团队协作",
    attainment: "完成率",
    won: "新开发客户数",
    moveUp: "提升方向",
    profile: "画像",
    recommendation: "建议",
    suggested: "建议权重",
    incTitle: "Fairshare 激励明细，{from} 至 {period}",
    component: "项目",
    base: "基数",
    rate: "比例",
    amount: "金额",
    explanation: "计算说明",
    "c.total": "合计",
  },
};

function t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  return fillTemplate(TEXT[locale][key], (n) => (params[n] == null ? undefined : String(params[n])));
}

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/** The scorecard: one row per rep, best first. */
export function scorecardSheet(check: CheckResult, ev: Evaluation, name: string): OutputSheet {
  const L = check.locale;
  const { model } = check;
  return {
    name,
    preamble: [
      [t(L, "scoreTitle", { from: formatMonth(ev.windowStart), period: formatMonth(ev.period), median: ev.medians.score === null ? "—" : ev.medians.score.toFixed(1) })],
      [t(L, "method")],
      ...ev.notes.map((n) => [renderExplanation(n, L)]),
    ],
    columns: [
      { header: label(L, "col.repId"), width: 10 },
      { header: label(L, "col.name"), width: 18 },
      { header: label(L, "col.region"), width: 10 },
      { header: t(L, "score"), format: "number", width: 9 },
      { header: t(L, "rank"), format: "integer", width: 7 },
      { header: t(L, "percentile"), format: "integer", width: 10 },
      ...DIMENSIONS.map((d) => ({ header: t(L, `dim.${d}`), format: "number" as const, width: 12 })),
      { header: t(L, "attainment"), format: "percent", width: 11 },
      { header: t(L, "won"), format: "integer", width: 10 },
      { header: t(L, "moveUp"), width: 48 },
      { header: t(L, "profile"), width: 44 },
      { header: t(L, "recommendation"), width: 60 },
      { header: t(L, "suggested"), width: 40 },
    ],
    rows: ev.scorecard.map((s) => {
      const rep = model.reps[s.rep];
      const f = s.figures;
      return [
        rep.id,
        rep.name,
        rep.region,
        s.score,
        s.rank,
        s.percentile,
        ...DIMENSIONS.map((d) => round1(s.dimensions[d])),
        f.quotaCents > 0 ? (f.creditedCents + f.splitReceivedCents) / f.quotaCents : null,
        f.wonAccounts,
        renderExplanation(s.moveUp, L),
        renderExplanation(s.profileEvidence, L),
        renderExplanation(s.recommendation, L),
        DIMENSIONS.map((d) => `${t(L, `dim.${d}`)} ${s.suggestedWeights[d]}`).join(", "),
      ] as Cell[];
    }),
    asTable: true,
  };
}

/** The statements: per rep one row per component, then the total, each with its arithmetic. */
export function incentivesSheet(check: CheckResult, ev: Evaluation, name: string): OutputSheet {
  const L = check.locale;
  const { model } = check;
  const rows: Cell[][] = [];
  for (const inc of ev.incentives) {
    const rep = model.reps[inc.rep];
    for (const entry of INCENTIVE_COMPONENTS) {
      const c = inc.statement.components[entry.id];
      rows.push([rep.id, rep.name, rep.region, entry.label[L], c.baseCents / 100, c.rate, c.amountCents / 100, renderExplanation(c.explanation, L)]);
    }
    rows.push([rep.id, rep.name, rep.region, t(L, "c.total"), null, null, inc.statement.totalCents / 100, renderExplanation(inc.statement.explanation, L)]);
  }
  return {
    name,
    preamble: [[t(L, "incTitle", { from: formatMonth(ev.windowStart), period: formatMonth(ev.period) })]],
    columns: [
      { header: label(L, "col.repId"), width: 10 },
      { header: label(L, "col.name"), width: 18 },
      { header: label(L, "col.region"), width: 10 },
      { header: t(L, "component"), width: 18 },
      { header: t(L, "base"), format: "money", width: 14 },
      { header: t(L, "rate"), format: "percent", width: 8 },
      { header: t(L, "amount"), format: "money", width: 12 },
      { header: t(L, "explanation"), width: 80 },
    ],
    rows,
    asTable: true,
  };
}

export { componentLabel } from "../incentives/components";

/** The sheet's own text per locale (exported for the catalogue parity test). */
export { TEXT as INCENTIVE_SHEET_TEXT };
