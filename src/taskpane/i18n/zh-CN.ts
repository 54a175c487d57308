import type { Messages } from "./en-US";

/** 任务窗格的简体中文文本。键与 en-US 完全一致。 */
export const zhCN: Messages = {
  appTitle: "Fairshare",
  appTagline: "公平分配客户、计分卡与激励",

  sheetsHeading: "输入工作表",
  sheetsLoading: "正在查找输入工作表…",
  roleReps: "销售代表",
  roleAccounts: "客户",
  roleSales: "销售额",
  roleRatings: "评分",
  roleSettings: "设置",
  sheetNotFound: "未找到",
  refreshSheets: "重新查找",

  checkData: "检查数据",
  checking: "正在检查数据…",

  summaryHeading: "结果",
  summaryPeriod: "期间 {period}",
  countErrors: "错误",
  countWarnings: "警告",
  countReps: "销售代表",
  countAccounts: "客户",
  giniLabel: "基尼系数",
  giniNotAvailable: "不可用",
  sheetsWritten: "已写入的工作表:{sheets}",
  listSeparator: "、",

  issuesHeading: "问题({count})",
  noIssues: "未发现问题。",
  issuesMore: "……另有 {count} 个问题。请先修正以上问题,然后重新检查。",
  severityError: "错误",
  severityWarning: "警告",
  issueAtCell: "{sheet},第 {row} 行,{column} 列",
  issueAtRow: "{sheet},第 {row} 行",
  issueAtColumn: "{sheet},{column} 列",
  issueInSheet: "{sheet}",

  runAllocation: "运行分配",
  running: "正在运行分配规则…",
  runResult: "建议移交 {moves} 项（{byRule}）；{stays} 个客户无接收人；{atRisk} 个客户即将回收。",
  runFairness: "若全部批准，基尼系数 {before} → {after}。",
  runBlocked: "数据有 {count} 个错误：请查看 Fairshare Data Check 工作表。",
  applyApproved: "应用已批准",
  applying: "正在应用已批准的移交…",
  applyResult: "{sheet}：已应用 {applied} 项，此前已应用 {already} 项，拒绝 {rejected} 项，待审批 {pending} 项。",
  applyConflict: "冲突 {id}（{account}）：{detail}",
  applyNoProposal: "还没有调整建议表：请先运行分配。",

  errorTitle: "出现问题",
  dismiss: "关闭",
};
