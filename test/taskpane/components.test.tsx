/**
 * The pane's components rendered to HTML in node (react-dom/server; no DOM needed) with fake data:
 * the right text in the right language. Interaction is for the browser tests.
 */
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ApplySummary, CheckSummary, DataDescription, PaneActions, PaneIssue, RepStatement, ReviewStatus, RunSummary, SettingView } from "../../src/taskpane/actions";
import { REGISTRY } from "../../src/engine/settings";
import { DataMapping } from "../../src/taskpane/components/DataMapping";
import { FairnessChart } from "../../src/taskpane/components/FairnessChart";
import { ReviewSection } from "../../src/taskpane/components/ReviewSection";
import { bulkChoices, bulkCounts, bulkFilter, sizeBandLabel } from "../../src/taskpane/components/bulk";
import { RulesSection } from "../../src/taskpane/components/RulesSection";
import { RunSection } from "../../src/taskpane/components/RunSection";
import { SettingField } from "../../src/taskpane/components/SettingField";
import { StatementView } from "../../src/taskpane/components/StatementView";
import { StatementsSection, filterReps, repOptionText } from "../../src/taskpane/components/StatementsSection";
import { RULE_KEYS } from "../../src/taskpane/hooks/settingsForm";
import { progressStore } from "../../src/taskpane/hooks/progressStore";
import { App } from "../../src/taskpane/components/App";
import { paneErrorText } from "../../src/taskpane/errors";
import { FakeRichApiError } from "../../src/fakes/fakeExcel";
import { SheetExistsError } from "../../src/workbook/port";
import { CheckSummaryView } from "../../src/taskpane/components/CheckSummaryView";
import { IssueList, MAX_ISSUES_SHOWN, issueLocation, issueTarget } from "../../src/taskpane/components/IssueList";
import { enUS } from "../../src/taskpane/i18n/en-US";
import { I18nProvider } from "../../src/taskpane/i18n/I18nProvider";
import { translator, type PaneLocale } from "../../src/taskpane/i18n/locale";
import { zhCN } from "../../src/taskpane/i18n/zh-CN";
import { isDarkOfficeTheme } from "../../src/taskpane/officeContext";

/** The HTML of a tree rendered in the pane's providers. */
function html(node: ReactElement, locale: PaneLocale = "en-US"): string {
  return renderToString(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider locale={locale}>{node}</I18nProvider>
    </FluentProvider>
  );
}

/** The visible text of a rendered tree (tags dropped, entities decoded, whitespace collapsed). */
function render(node: ReactElement, locale: PaneLocale = "en-US"): string {
  return html(node, locale)
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    // React's separators between adjacent text nodes are not text.
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

const issues: PaneIssue[] = [
  { severity: "error", code: "missing_value", sheet: "Accounts", row: 12, column: "Owner", message: "The owner is empty." },
  { severity: "warning", code: "unknown_rep", sheet: "Sales", row: 4, column: null, message: "Rep R9 is not on the Reps sheet." },
];

const summary: CheckSummary = {
  period: "2025-Q1",
  issues,
  errorCount: 1,
  warningCount: 1,
  sheetsWritten: ["Check 2025-Q1", "Fairness 2025-Q1"],
  repCount: 12,
  accountCount: 1340,
  gini: 0.3125,
};

describe("CheckSummaryView", () => {
  it("shows the counts, the Gini coefficient and the issues", () => {
    const text = render(<CheckSummaryView summary={summary} />);
    for (const expected of [
      "Result",
      "Period 2025-Q1",
      "Errors 1",
      "Warnings 1",
      "Reps 12",
      "Accounts 1,340",
      "Gini coefficient (lower is fairer) 0.313",
      "Sheets written: Check 2025-Q1, Fairness 2025-Q1",
      "Issues (2)",
      "Error Empty cell (1) Accounts, row 12, column Owner The owner is empty.",
      "Warning Rep not on the roster (1) Sales, row 4 Rep R9 is not on the Reps sheet.",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("says when the Gini coefficient is not available and when there are no issues", () => {
    const text = render(<CheckSummaryView summary={{ ...summary, gini: null, issues: [], errorCount: 0, warningCount: 0, period: null }} />);
    expect(text).toContain("Gini coefficient (lower is fairer) not available");
    expect(text).toContain("No issues found.");
    expect(text).not.toContain("Period");
  });

  it("in Chinese shows no English catalogue text", () => {
    // Issue messages arrive already rendered in the pane's language.
    const zhIssues = issues.map((issue, i) => ({ ...issue, message: ["负责人为空。", "销售代表 R9 不在名单中。"][i] }));
    const text = render(<CheckSummaryView summary={{ ...summary, issues: zhIssues }} />, "zh-CN");
    expect(text).toContain("基尼系数（越低越公平） 0.313");
    expect(text).toContain("问题（2）");
    expect(text).toContain("错误 单元格为空（1 条） Accounts，第 12 行，Owner 列");
    const english = Object.entries(enUS)
      .filter(([key, value]) => value !== zhCN[key as keyof typeof enUS] && !value.includes("{"))
      .map(([, value]) => value);
    expect(english.filter((value) => new RegExp(`(^| )${value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( |$)`).test(text))).toEqual([]);
  });
});

describe("IssueList", () => {
  it("groups issues by kind: count, the first three examples, and how many more", () => {
    const many = Array.from({ length: 205 }, (_, i): PaneIssue => ({ ...issues[1], row: i + 1, message: `m${i}` }));
    const text = render(<IssueList issues={[issues[0], ...many]} />);
    // the error group comes first; each group is listed with its count and examples
    expect(text).toContain("Error Empty cell (1) Accounts, row 12, column Owner The owner is empty. Warning Rep not on the roster (205) Sales, row 1 m0 Sales, row 2 m1 Sales, row 3 m2 …and 202 more like these");
    expect(text).not.toContain("m3");
    expect(render(<IssueList issues={many} />, "zh-CN")).toContain("业务员不在花名册中（205 条）");
    expect(MAX_ISSUES_SHOWN).toBeGreaterThan(0);
  });

  it("makes each location a button that selects the issue's cell when it can", () => {
    const markup = html(<IssueList issues={issues} onSelect={() => {}} />);
    expect(markup.match(/<button[^>]*>Accounts, row 12, column Owner<\/button>/)).not.toBeNull();
    expect(markup.match(/<button[^>]*>Sales, row 4<\/button>/)).not.toBeNull();
    expect(html(<IssueList issues={issues} />)).not.toMatch(/<button[^>]*>(Accounts|Sales), row/);
    expect(issueTarget(issues[0])).toEqual(["Accounts", 12, "Owner"]);
    expect(issueTarget(issues[1])).toEqual(["Sales", 4, null]);
  });

  it.each<[Partial<PaneIssue>, string]>([
    [{ row: 3, column: "B" }, "Sales, row 3, column B"],
    [{ row: 3, column: null }, "Sales, row 3"],
    [{ row: null, column: "B" }, "Sales, column B"],
    [{ row: null, column: null }, "Sales"],
  ])("locates %o as %s", (where, expected) => {
    expect(issueLocation({ ...issues[0], sheet: "Sales", ...where }, translator("en-US"))).toBe(expected);
  });
});

describe("App", () => {
  const pending = () => new Promise<never>(() => {});
  const actions: PaneActions = new Proxy({} as PaneActions, { get: () => pending });

  it("starts at the Data step, the job's steps as tabs each saying its state, the other steps hidden", () => {
    const text = render(<App actions={actions} />);
    expect(text).toContain("Fairshare");
    expect(text).toContain("Looking for input sheets…");
    const markup = html(<App actions={actions} />);
    const tabs = [...markup.matchAll(/<button[^>]*role="tab"[^>]*>([\s\S]*?)<\/button>/g)].map((m) => m[1].replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim())
      // An unselected Fluent tab also holds a hidden copy of its content (the room its bold form needs).
      .map((s) => (s.length % 2 === 1 && s.slice(0, (s.length - 1) / 2) === s.slice((s.length + 1) / 2) ? s.slice(0, (s.length - 1) / 2) : s));
    expect(tabs).toEqual(["Data To do", "Rules Done", "Allocation To do", "Review and apply To do", "Statements To do"]);
    expect(markup).toMatch(/<button[^>]*aria-selected="true"[^>]*id="fairshare-data-tab"|<button[^>]*id="fairshare-data-tab"[^>]*aria-selected="true"/);
    const panels = [...markup.matchAll(/<div role="tabpanel" id="(fairshare-[a-z]+)-panel"[^>]*?( hidden="")?>/g)].map((m) => [m[1], m[2] !== undefined]);
    expect(panels).toEqual([
      ["fairshare-data", false],
      ["fairshare-rules", true],
      ["fairshare-run", true],
      ["fairshare-review", true],
      ["fairshare-statements", true],
    ]);
    for (const expected of ["Check data", "Run allocation", "Apply approved", "Show statements", "Next: Rules"]) expect(text).toContain(expected);
  });

  it("disables its actions while it opens (one action at a time)", () => {
    const markup = html(<App actions={actions} />);
    for (const label of ["Check data", "Run allocation", "Apply approved"]) {
      expect(markup).toMatch(new RegExp(`<button[^>]*disabled=""[^>]*>${label}</button>`));
    }
  });

  it("renders in Chinese", () => {
    const text = render(<App actions={actions} />, "zh-CN");
    expect(text).toContain("正在查找输入工作表…");
    for (const expected of ["检查数据", "运行分配", "应用已批准", "数据", "规则", "审批与应用", "激励明细"]) expect(text).toContain(expected);
  });

  /** Shaped as Office.js rejects: an Error with a documented `code` (codes the fake host does not model too). */
  const officeError = (code: string, message: string) => Object.assign(new Error(message), { name: "RichApi.Error", code });
  it.each<[unknown, PaneLocale, string]>([
    [new Error("Sheet Reps is protected"), "en-US", "Fairshare could not finish: Sheet Reps is protected"],
    [new TypeError(""), "zh-CN", "Fairshare 未能完成：TypeError"],
    ["plain text", "en-US", "Fairshare could not finish: plain text"],
    [officeError("InvalidOperationInCellEditMode", "The operation is not allowed in cell edit mode."), "zh-CN", "Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试。"],
    [officeError("AccessDenied", "denied"), "en-US", "Excel refused the change: the sheet or workbook may be protected, or open read-only. Unprotect it or open an editable copy, then try again. (AccessDenied)"],
    [new FakeRichApiError("RequestPayloadSizeLimitExceeded", "too big"), "zh-CN", "数据量超过 Excel 单次请求的上限（网页版 Excel 为 5 MB）。请重试；若仍失败，请使用桌面版 Excel 或 fairshare 命令行。（RequestPayloadSizeLimitExceeded）"],
    [new FakeRichApiError("InvalidArgument", "bad argument"), "zh-CN", "Excel 报告了问题（InvalidArgument）：bad argument"],
    [new SheetExistsError("Fairshare Proposal 2026-10"), "zh-CN", "已存在名为 Fairshare Proposal 2026-10 的工作表。请重命名或删除后重试。"],
  ])("shows an error in the pane's language (%p, %s)", (err, locale, expected) => {
    expect(paneErrorText(err, translator(locale))).toBe(expected);
  });
});

const data: DataDescription = {
  candidates: ["Team", "Accounts", "Sales", "Notes"],
  settingsSheet: null,
  roles: [
    {
      role: "reps",
      label: { "en-US": "Reps", "zh-CN": "花名册" },
      required: true,
      sheet: "Team",
      headers: ["Rep ID", "Name", "Start", "Region"],
      fields: [
        { key: "repId", label: { "en-US": "Rep ID", "zh-CN": "工号" }, required: true, header: "Rep ID" },
        { key: "hireDate", label: { "en-US": "Hire Date", "zh-CN": "入职日期" }, required: true, header: null },
        { key: "quota", label: { "en-US": "Quota", "zh-CN": "指标" }, required: false, header: null },
      ],
    },
    {
      role: "sales",
      label: { "en-US": "Sales", "zh-CN": "销售" },
      required: true,
      sheet: "Sales",
      headers: ["Date", "Account ID", "Amount"],
      fields: [
        { key: "date", label: { "en-US": "Date", "zh-CN": "日期" }, required: true, header: "Date" },
        { key: "month", label: { "en-US": "Month", "zh-CN": "月份" }, required: true, header: null },
      ],
    },
    { role: "ratings", label: { "en-US": "Ratings", "zh-CN": "评价" }, required: false, sheet: null, headers: [], fields: [] },
  ],
};

describe("DataMapping", () => {
  it("shows each role's sheet in a dropdown, the settings sheet, and per role how many columns were found", () => {
    const text = render(<DataMapping data={data} onChange={() => {}} />);
    expect(text).toContain("Reps * Team");
    expect(text).toContain("Sales * Sales");
    expect(text).toContain("Ratings not found");
    expect(text).toContain("Settings none yet: saving a change creates Fairshare Settings");
    expect(text).toContain("Reps: columns (1 of 3 found) 1 required missing");
    // Date or Month: Date is there, so nothing is missing for Sales.
    expect(text).toContain("Sales: columns (1 of 2 found)");
    expect(text).not.toContain("Sales: columns (1 of 2 found) 1 required missing");
  });

  it("opens the roles with a required column missing, marking the field and what it needs", () => {
    const text = render(<DataMapping data={data} onChange={() => {}} />);
    expect(text).toContain("Hire Date * not found Required: choose the column to read.");
    expect(text).toContain("Quota not found");
    // (The text includes each dropdown's hidden name, which says whose column it is: "Date (Sales)".)
    expect(text).toContain("Date (Sales) Date Date One of Date, Month is required. Month (Sales) Month not found One of Date, Month is required.");
    const open = [...html(<DataMapping data={data} onChange={() => {}} />).matchAll(/<details([^>]*)>/g)].map((m) => / open=""/.test(m[1]));
    expect(open).toEqual([true, false]); // Reps lacks Hire Date; Sales has Date, which will do
  });

  it("labels every dropdown (roles by their label, fields by their Field)", () => {
    const markup = html(<DataMapping data={data} onChange={() => {}} />);
    const buttons = [...markup.matchAll(/<button[^>]*role="combobox"[^>]*>/g)].map((m) => m[0]);
    expect(buttons.length).toBeGreaterThanOrEqual(6);
    for (const b of buttons) {
      const id = /\sid="([^"]+)"/.exec(b)?.[1];
      const labelled = /aria-labelledby="[^"]+"/.test(b) || (id !== undefined && markup.includes(`for="${id}"`));
      expect({ button: b, labelled }).toEqual({ button: b, labelled: true });
    }
  });

  it("speaks Chinese", () => {
    const text = render(<DataMapping data={data} onChange={() => {}} />, "zh-CN");
    expect(text).toContain("花名册 * Team");
    expect(text).toContain("花名册：列（已找到 1/3）");
    expect(text).toContain("评价 未找到");
  });
});

const views = RULE_KEYS.map((key): SettingView => {
  const def = REGISTRY.get(key)!;
  const byRegion: SettingView["byRegion"] = key === "releaseShare" ? { North: 0.25 } : {};
  return { def, value: key === "releaseShare" ? 0.3 : def.default, byRegion };
});

describe("RulesSection", () => {
  it("offers to list every setting in the sheet and says what it added", () => {
    const rules = { regions: [], settings: views };
    expect(render(<RulesSection rules={rules} onSave={async () => true} />)).not.toContain("List every setting in the sheet");
    expect(render(<RulesSection rules={rules} onSave={async () => true} onComplete={() => {}} settingsAdded={null} />)).toContain("List every setting in the sheet");
    expect(render(<RulesSection rules={rules} onSave={async () => true} onComplete={() => {}} settingsAdded={["wonStages", "deriveOwner"]} />)).toContain("Added 2 settings to the Fairshare Settings sheet");
    expect(render(<RulesSection rules={rules} onSave={async () => true} onComplete={() => {}} settingsAdded={[]} />, "zh-CN")).toContain("Fairshare Settings 工作表已列出全部设置。");
  });

  /** Setting keys as they could leak into text: camelCase or dotted (plain words such as "period" are words). */
  const keyLike = REGISTRY.defs.map((d) => d.key.replace(/\.\*$/, "")).filter((k) => /[A-Z.]/.test(k));
  const leakedKeys = (text: string) => keyLike.filter((k) => new RegExp(`(^|[^\\w.])${k.replace(/\./g, "\\.")}(?![\\w])`).test(text));

  it("lists the rules by group in plain words, each with its description and range, percentages in %; no setting key shown", () => {
    const text = render(<RulesSection rules={{ regions: ["North", "South"], settings: views }} onSave={async () => true} />);
    for (const expected of [
      "Region All regions",
      "Period Month to report on",
      "Month to report on (YYYY-MM). Empty: the last month that has sales.",
      "Stagnant veterans Months without growth before a veteran is stagnant",
      "Share of a stagnant veteran's accounts released (%)",
      "Share of a stagnant veteran's accounts released (rounded down), among those not growing. From 0% to 100%.",
      "Most accounts a veteran holds",
      "Commission tiers",
      "How the tiers apply each slice at its own rate",
      "Scorecard weights More settings (5) Weight of sales against quota",
      "Save",
      "Discard changes",
    ]) {
      expect(text).toContain(expected);
    }
    expect(leakedKeys(text)).toEqual([]);
    const markup = html(<RulesSection rules={{ regions: [], settings: views }} onSave={async () => true} />);
    expect(markup).toMatch(/value="30"/);
    expect(markup).toMatch(/placeholder="YYYY-MM; empty: automatic"/);
  });

  it("collapses the advanced settings under their rule, opening them when one has a problem", () => {
    const markup = html(<RulesSection rules={{ regions: [], settings: views }} onSave={async () => true} />);
    const summaries = [...markup.matchAll(/<details([^>]*)>\s*<summary[^>]*>([^<]*)<\/summary>/g)].map((m) => [m[2], /open/.test(m[1])]);
    // Commission shows its tiers and folds the other 5; the scorecard weights and the matching are all advanced.
    expect(summaries).toContainEqual(["More settings (5)", false]);
    expect(render(<RulesSection rules={{ regions: [], settings: views }} onSave={async () => true} />)).toMatch(/Scorecard weights More settings \(5\) Weight of sales against quota/);
    expect(summaries.every(([, open]) => open === false)).toBe(true);
  });

  it("shows the labels and descriptions in Chinese, with no setting key", () => {
    const text = render(<RulesSection rules={{ regions: [], settings: views }} onSave={async () => true} />, "zh-CN");
    expect(text).toContain("停滞老员工释放的客户比例（向下取整），仅限未增长的客户。 范围 0% 至 100%。");
    expect(text).toContain("停滞老员工释放的客户比例（%）");
    expect(text).toContain("区域 全部区域");
    expect(text).toContain("档位计算方式 各档金额按各自比例");
    expect(leakedKeys(text)).toEqual([]);
  });

  it("says it is reading the rules before they arrive", () => {
    expect(render(<RulesSection rules={null} loading onSave={async () => true} />)).toBe("Reading the rules…");
  });
});

describe("SettingField", () => {
  const releaseShare = views.find((v) => v.def.key === "releaseShare")!;
  const period = views.find((v) => v.def.key === "period")!;

  it("shows a region's override, or the all-regions value as the placeholder", () => {
    expect(html(<SettingField view={releaseShare} region="North" text="25" onChange={() => {}} />)).toMatch(/value="25"/);
    expect(html(<SettingField view={releaseShare} region="South" text="" onChange={() => {}} />)).toMatch(/placeholder="As in all regions: 30%"/);
  });

  it("offers 'as in all regions' for a region's choice, and the options themselves", () => {
    const mode = views.find((v) => v.def.key === "commissionMode")!;
    expect(render(<SettingField view={mode} region="North" text="" onChange={() => {}} />)).toContain("How the tiers apply As in all regions: each slice at its own rate");
    expect(render(<SettingField view={mode} region="North" text="retroactive" onChange={() => {}} />)).toContain("How the tiers apply the whole amount at the reached rate");
    expect(render(<SettingField view={mode} region="" text="marginal" onChange={() => {}} />)).toContain("How the tiers apply each slice at its own rate");
  });

  it("edits tiers as rows (from, rate), never as typed notation", () => {
    const tiers = views.find((v) => v.def.key === "commissionTiers")!;
    const markup = html(<SettingField view={tiers} region="" text="0:3%; 100000:5%" onChange={() => {}} />);
    const values = [...markup.matchAll(/<input[^>]*value="([^"]*)"/g)].map((m) => m[1]);
    expect(values).toEqual(["0", "3", "100000", "5"]);
    expect(markup).toContain('aria-label="Tier 2 Rate (%)"');
    const text = render(<SettingField view={tiers} region="" text="0:3%; 100000:5%" onChange={() => {}} />);
    expect(text).toContain("Commission tiers From Rate (%) Remove Remove Add a tier");
    expect(text).not.toContain("0:3%");
    expect(render(<SettingField view={tiers} region="" text="0:3%" onChange={() => {}} />, "zh-CN")).toContain("提成档位 起点 比例（%） 删除 添加一档");
  });

  it("disables a setting that cannot differ by region, saying why", () => {
    const markup = html(<SettingField view={period} region="North" text="" onChange={() => {}} />);
    expect(markup).toMatch(/<input[^>]*disabled=""/);
    expect(render(<SettingField view={period} region="North" text="" onChange={() => {}} />)).toContain("The same in every region: edit it under All regions.");
  });

  it("shows what is wrong with a typed value", () => {
    const text = render(<SettingField view={releaseShare} region="" text="130" problem={{ code: "range", min: 0, max: 1 }} onChange={() => {}} />);
    expect(text).toContain("Enter a value from 0% to 100%.");
    const zh = render(<SettingField view={period} region="" text="March" problem={{ code: "month" }} onChange={() => {}} />, "zh-CN");
    expect(zh).toContain("请按 YYYY-MM 输入月份，或留空表示自动。");
  });
});

const runSummary: RunSummary = {
  period: "2026-03",
  errorCount: 0,
  fairness: [
    { scope: "", giniBefore: 0.412, giniAfter: 0.298, newRepShareBefore: 0.12, newRepShareAfter: 0.2 },
    { scope: "North", giniBefore: 0.35, giniAfter: 0.3, newRepShareBefore: 0.1, newRepShareAfter: 0.15 },
  ],
  topReasons: [
    { reason: "Owner has left", count: 7 },
    { reason: "No sales for 6 months", count: 3 },
  ],
  movesByRule: { ORPHAN: 7, DORMANT: 3, CUSTOM: 1 },
  withoutRecipient: 2,
  atRisk: 4,
  giniBefore: 0.412,
  giniAfter: 0.298,
  sheetsWritten: ["Fairshare Proposal 2026-03", "Fairshare Fairness 2026-03"],
  diagnostics: [
    { rule: "ORPHAN", region: "North", text: "ORPHAN · North: accounts 40 → orphaned 7 → released 7 → placed 7", blocked: false },
    { rule: "STAGNATION", region: "North", text: "STAGNATION · North: reps 9 → veterans 0 → … — no rep in North has 24 months' tenure (veteranTenureMonths); the longest is 14", blocked: true },
  ],
  watch: [{ repId: "R7", rule: "DORMANT", message: "A12 Acme last bought on 2026-01-05; without a sale by 2026-07-06 it goes back to the pool." }],
};

describe("RunSection", () => {
  const props = { running: false, disabled: false, progress: progressStore(), cancelRequested: false, summary: null, notice: null, onRun: () => {}, onCancel: () => {}, onSelectSheet: () => {} } as const;

  it("shows the step, the percentage and Cancel while it runs", () => {
    const text = render(<RunSection {...props} running progress={progressStore({ step: "read", fraction: 0.1 })} />);
    expect(text).toBe("Run allocation Cancel Reading the sheets (10%)");
    expect(html(<RunSection {...props} running progress={progressStore({ step: "read", fraction: 0.1 })} />)).toContain('role="progressbar"');
    expect(render(<RunSection {...props} running cancelRequested progress={progressStore({ step: "allocate", fraction: 0.85 })} />, "zh-CN")).toBe("运行分配 正在取消… 正在运行分配规则（85%）");
  });

  it("says unsaved rule edits are saved before the run, and refuses to run with an invalid rule", () => {
    expect(render(<RunSection {...props} pendingRules={2} />)).toBe("Run allocation Unsaved rule changes (2) are saved first, then the run uses them.");
    const blocked = html(<RunSection {...props} pendingRules={1} rulesInvalid />);
    expect(blocked).toMatch(/<button[^>]*disabled=""[^>]*>Run allocation<\/button>/);
    expect(render(<RunSection {...props} pendingRules={1} rulesInvalid />, "zh-CN")).toContain("暂不能运行");
  });

  it("says a cancelled run wrote nothing (not an error)", () => {
    expect(render(<RunSection {...props} notice="cancelled" />)).toBe("Run allocation Cancelled, nothing was written.");
    expect(render(<RunSection {...props} notice="cancelled" />, "zh-CN")).toBe("运行分配 已取消，未写入任何内容。");
  });

  it("summarises the proposal: moves by rule, fairness before → after with a chart, reasons, and links to the sheets", () => {
    const text = render(<RunSection {...props} summary={runSummary} />);
    for (const expected of [
      "Proposal Period 2026-03",
      "Moves by rule (11) Orphan accounts 7 Dormant accounts 3 CUSTOM 1 Not moves Without a recipient 2 At risk of recycling 4",
      "Fairness before → after Before After, if every move is approved",
      "All regions Gini 0.412 → 0.298 (lower is fairer) New reps' share 12% → 20%",
      "North Gini 0.350 → 0.300 (lower is fairer) New reps' share 10% → 15%",
      "Most common reasons Owner has left 7 moves No sales for 6 months 3 moves",
      "Sheets written: Fairshare Proposal 2026-03 , Fairshare Fairness 2026-03",
    ]) {
      expect(text).toContain(expected);
    }
    const markup = html(<RunSection {...props} summary={runSummary} />);
    expect(markup).toMatch(/<button[^>]*>Fairshare Proposal 2026-03<\/button>/);
    expect(markup).toMatch(/aria-live="polite"/);
  });

  it("lists the funnel per rule and region, blocked ones first, open when nothing moved", () => {
    const text = render(<RunSection {...props} summary={runSummary} />);
    expect(text).toContain(
      "Why these moves, and not more Per rule and region: how many were examined, in scope, triggered, eligible, released and placed, and what held a stage at zero. " +
        "Stagnant veterans · North: reps 9 → veterans 0 → … — no rep in North has 24 months' tenure (“Veteran: months of tenure from”); the longest is 14 Orphan accounts · North:",
    );
    expect(html(<RunSection {...props} summary={runSummary} />)).not.toMatch(/<details open/);
    expect(html(<RunSection {...props} summary={{ ...runSummary, movesByRule: {} }} />)).toMatch(/<details open/);
    expect(render(<RunSection {...props} summary={runSummary} />, "zh-CN")).toContain("为何是这些移交，为何没有更多");
    expect(text).toContain("Watch list (1) One step before a rule fires; each message is addressed to the rep (the Fairshare Watch sheet has them all). R7: A12 Acme last bought on 2026-01-05;");
  });

  it("says when the data has errors instead of a proposal", () => {
    const text = render(<RunSection {...props} summary={{ ...runSummary, errorCount: 3, fairness: [], topReasons: [], movesByRule: {}, sheetsWritten: ["Fairshare Data Check"] }} />);
    expect(text).toContain("The data has 3 errors: see the Fairshare Data Check sheet.");
    expect(text).not.toContain("Moves by rule");
  });
});

describe("FairnessChart", () => {
  it("draws two bars per scope on one scale, with token colours from classes (no inline colours)", () => {
    const markup = html(<FairnessChart rows={runSummary.fairness} />);
    const rects = [...markup.matchAll(/<rect class="([^"]+)" x="0" y="(\d+)" width="([\d.]+)" height="4"/g)].map((m) => [Number(m[2]), Number(m[3])]);
    // Per scope: track, before, track, after. Scale 0–0.5 (0.412 rounded up to the next tenth).
    expect(rects).toEqual([
      [0, 100], [0, 82.4], [6, 100], [6, 59.6],
      [0, 100], [0, 70], [6, 100], [6, 60],
    ]);
    expect(markup).not.toMatch(/fill="|style="[^"]*(fill|color)/);
    expect(markup).toMatch(/<svg[^>]*aria-hidden="true"/);
  });
});

const pendingRows: ReviewStatus["pendingRows"] = [
  ...Array.from({ length: 9 }, (_, i) => ({ sheet: "Fairshare Proposal 2026-03", row: 10 + i, rule: "DORMANT", region: i < 6 ? "North" : "South", from: "R1", fromName: "Ann Lee", value: 1200 * (i + 1), placed: i !== 8 })),
  ...Array.from({ length: 3 }, (_, i) => ({ sheet: "Fairshare Proposal 2026-03", row: 20 + i, rule: "ORPHAN", region: "South", from: "R9", fromName: "", value: 150_000, placed: true })),
];
const review: ReviewStatus = { proposalSheet: "Fairshare Proposal 2026-03", approved: 5, rejected: 2, pending: 12, unreadable: 0, total: 19, pendingByRule: { DORMANT: 9, ORPHAN: 3 }, pendingRows };
const applied: ApplySummary = {
  proposalSheet: "Fairshare Proposal 2026-03",
  applied: 4,
  alreadyApplied: 1,
  rejected: 2,
  pending: 12,
  conflicts: [{ proposalId: "P-7", accountId: "A12", detail: "The owner changed since the proposal (now R9)." }],
};

describe("ReviewSection", () => {
  const props = { review, apply: null, loading: false, applying: false, disabled: false, onApply: () => {}, onSelectSheet: () => {} } as const;

  it("shows the decision counts of the proposal sheet, which links to it, and says when they follow the sheet", () => {
    const text = render(<ReviewSection {...props} />);
    expect(text).toBe("Current proposal: Fairshare Proposal 2026-03 Approved 5 Rejected 2 Pending 12 Total 19 Apply approved");
    expect(html(<ReviewSection {...props} />)).toMatch(/<button[^>]*>Fairshare Proposal 2026-03<\/button>/);
    expect(render(<ReviewSection {...props} review={{ ...review, unreadable: 1 }} />)).toContain("Unreadable decisions 1");
    expect(render(<ReviewSection {...props} live />)).toContain("Total 19 The counts follow the proposal sheet as decisions are made there.");
  });

  it("names the current proposal, every sheet of it a link, and lists earlier proposals as superseded, each sheet a link, in both languages", () => {
    const current = ["Fairshare Proposal 2026-03 East #2", "Fairshare Proposal 2026-03 West #2"];
    const earlier = [["Fairshare Proposal 2026-03 East", "Fairshare Proposal 2026-03 West"], ["Fairshare Proposal 2026-02"]];
    const set = { ...review, proposalSheet: current[0], proposalSheets: current, earlierProposals: earlier };
    // (render() leaves a space where a link ended.)
    const text = render(<ReviewSection {...props} review={set} />).replace(/ ([,、])/g, "$1");
    expect(text).toContain(`Current proposal: ${current.join(", ")} Approved 5`);
    expect(text).toContain(`Earlier proposals Superseded: ${earlier[0].join(", ")} Superseded: ${earlier[1][0]} Apply approved`);
    const markup = html(<ReviewSection {...props} review={set} />);
    for (const sheet of [...current, ...earlier.flat()]) expect(markup).toMatch(new RegExp(`<button[^>]*>${sheet.replace(/[#]/g, "\\$&")}</button>`));
    const zh = render(<ReviewSection {...props} review={set} />, "zh-CN").replace(/ ?([,、：]) ?/g, "$1");
    expect(zh).toContain(`当前调整建议：${current.join("、")}`);
    expect(zh).toContain(`较早的调整建议 已被取代：${earlier[0].join("、")} 已被取代：${earlier[1][0]}`);
    // Without earlier runs there is no such list.
    expect(render(<ReviewSection {...props} />)).not.toContain("Superseded");
  });

  it("shows what Apply did, conflicts with their reasons", () => {
    const text = render(<ReviewSection {...props} apply={applied} />);
    expect(text).toContain("Fairshare Proposal 2026-03: 4 applied, 1 already applied, 2 rejected, 12 pending.");
    expect(text).toContain("Conflicts (1) Conflict P-7 (A12): The owner changed since the proposal (now R9).");
  });

  it("says when there is no proposal yet", () => {
    expect(render(<ReviewSection {...props} review={{ ...review, proposalSheet: null }} />, "zh-CN")).toBe("还没有调整建议表：请先运行分配。 应用已批准");
  });

  it("asks the approver's name; Apply stays clickable and, clicked without a name, says why nothing was applied", () => {
    const ask = { ...props, onApproverChange: () => {}, onDecide: () => {} };
    expect(html(<ReviewSection {...ask} approver="" />)).not.toMatch(/<button[^>]*disabled=""[^>]*>Apply approved<\/button>/);
    expect(render(<ReviewSection {...ask} approver="" />)).toContain("Your name (Approver)");
    expect(render(<ReviewSection {...ask} approver="" />)).not.toContain("Nothing was applied");
    const refused = render(<ReviewSection {...ask} approver="" approverMissing />);
    expect(refused).toContain("Enter your name: Apply and bulk decisions write it beside each decision.");
    expect(refused).toContain("Apply approved Nothing was applied: enter your name as approver first.");
    expect(render(<ReviewSection {...ask} approver="Mei Lin" approverMissing />)).not.toContain("Nothing was applied");
    expect(html(<ReviewSection {...ask} approver="Mei Lin" />)).toMatch(/value="Mei Lin"/);
  });

  it("offers bulk decisions by rule (first), and states how many rows each button decides before the click", () => {
    const ask = { ...props, onApproverChange: () => {}, onDecide: () => {}, approver: "Mei Lin" };
    const text = render(<ReviewSection {...ask} decided={{ decision: "approve", count: 3 }} />);
    expect(text).toContain("Decide many at once Undecided rows of");
    // The first rule in words: Dormant accounts, 9 undecided, one of them without a recipient.
    expect(text).toContain("Rule Dormant accounts (9) Orphan accounts (3) 9 undecided moves match; 8 can be approved (the others have no recipient). Approve 8 moves Reject 9 moves");
    expect(text).toContain("3 moves approved in the proposal sheet.");
    expect(render(<ReviewSection {...ask} decided={{ decision: "reject", count: 1 }} />)).toContain("1 move rejected in the proposal sheet.");
    expect(render(<ReviewSection {...ask} review={{ ...review, pending: 0, pendingByRule: {}, pendingRows: [] }} />)).not.toContain("Decide many at once");
    expect(render(<ReviewSection {...ask} />, "zh-CN")).toContain("批量审批");
    // In Chinese the rules sort by their Chinese names: 无主客户 (ORPHAN) first.
    expect(render(<ReviewSection {...ask} />, "zh-CN")).toContain("无主客户（3） 休眠客户（9） 符合条件的未审批移交共 3 条。 同意 3 条移交 拒绝 3 条移交");
  });

  it("disables Apply until there is a proposal", () => {
    expect(html(<ReviewSection {...props} review={{ ...review, proposalSheet: null }} />)).toMatch(/<button[^>]*disabled=""[^>]*>Apply approved<\/button>/);
    expect(html(<ReviewSection {...props} review={null} />)).toMatch(/<button[^>]*disabled=""[^>]*>Apply approved<\/button>/);
    expect(html(<ReviewSection {...props} />)).not.toMatch(/<button[^>]*disabled=""[^>]*>Apply approved<\/button>/);
  });

  it("disables Apply while busy", () => {
    expect(html(<ReviewSection {...props} disabled />)).toMatch(/<button[^>]*disabled=""[^>]*>Apply approved<\/button>/);
  });
});

describe("bulk choices", () => {
  const t = translator("en-US");
  it("list each value with its count, in words: rules and reps by name, size bands largest first", () => {
    expect(bulkChoices(pendingRows, "rule", t, "en-US")).toEqual([
      { value: "DORMANT", label: "Dormant accounts", count: 9 },
      { value: "ORPHAN", label: "Orphan accounts", count: 3 },
    ]);
    expect(bulkChoices(pendingRows, "region", t, "en-US")).toEqual([
      { value: "North", label: "North", count: 6 },
      { value: "South", label: "South", count: 6 },
    ]);
    expect(bulkChoices(pendingRows, "from", t, "en-US")).toEqual([
      { value: "R1", label: "Ann Lee (R1)", count: 9 },
      { value: "R9", label: "R9", count: 3 },
    ]);
    expect(bulkChoices(pendingRows, "size", t, "en-US")).toEqual([
      { value: "5", label: "100,000 to under 1,000,000", count: 3 },
      { value: "4", label: "10,000 to under 100,000", count: 1 },
      { value: "3", label: "1,000 to under 10,000", count: 8 },
    ]);
    expect(sizeBandLabel("none", t, "en-US")).toBe("No value in 12 months");
    expect(sizeBandLabel("0", translator("zh-CN"), "zh-CN")).toBe("0 至 10 以下");
  });

  it("count what each decision would decide: approval leaves out rows without a recipient", () => {
    expect(bulkCounts(pendingRows, bulkFilter("all", ""))).toEqual({ approve: 11, reject: 12 });
    expect(bulkCounts(pendingRows, bulkFilter("region", "South"))).toEqual({ approve: 5, reject: 6 });
    expect(bulkCounts(pendingRows, bulkFilter("size", "3"))).toEqual({ approve: 8, reject: 8 });
  });
});

const rep: RepStatement = {
  repId: "R2",
  name: "Ben New",
  region: "North",
  score: 62.25,
  rank: 3,
  percentile: 50,
  teamSize: 5,
  medianScore: 60,
  moveUp: "New customers: yours 1, median 3.",
  profile: "Hunter: most sales from new accounts.",
  recommendation: "Pair with a farmer for retention.",
  totalCents: 523456,
  total: "Total 5,234.56 = commission + bonuses.",
  components: [
    { id: "commission", label: "Commission", baseCents: 10000000, rate: 0.03, amountCents: 300000, explanation: "3% of 100,000.00." },
    { id: "newCustomerBonus", label: "New-customer bonus", baseCents: 50000, rate: null, amountCents: 50000, explanation: "1 new account × 500.00." },
    { id: "teamBonus", label: "Team bonus", baseCents: 173456, rate: null, amountCents: 173456, explanation: "" },
  ],
};

describe("StatementView", () => {
  it("shows the place in the team and each component with its figures, money with two decimals", () => {
    const text = render(<StatementView rep={rep} />);
    for (const expected of [
      "Ben New (R2) North",
      "Place in the team Rank 3 of 5 Percentile Ahead of 50% of the team Score 62.3 (team median 60)",
      "What would move you up New customers: yours 1, median 3.",
      "Profile Hunter: most sales from new accounts.",
      "Recommendation Pair with a farmer for retention.",
      "Commission 3,000.00 Base 100,000.00 × rate 3% 3% of 100,000.00.",
      "New-customer bonus 500.00 Base 500.00 1 new account × 500.00.",
      "Team bonus 1,734.56 Base 1,734.56 Total 5,234.56 Total 5,234.56 = commission + bonuses.",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("speaks Chinese", () => {
    const text = render(<StatementView rep={{ ...rep, medianScore: null }} />, "zh-CN");
    expect(text).toContain("排名 第 3 名，共 5 人 百分位 超过团队中 50% 的成员 评分 62.3");
    expect(text).toContain("基数 100,000.00 × 比例 3%");
  });
});

describe("StatementsSection", () => {
  const reps = [rep, { ...rep, repId: "R10", name: "Cai Regular", region: "South" }, { ...rep, repId: "R1", name: "Ann Veteran", region: "North" }];

  it("offers to compute the statements, then a searchable rep picker", () => {
    expect(render(<StatementsSection statements={null} loading={false} disabled={false} onLoad={() => {}} />)).toBe("Show statements");
    const text = render(<StatementsSection statements={{ period: "2026-03", reps }} loading={false} disabled={false} onLoad={() => {}} />);
    expect(text).toBe("Period 2026-03 Search reps Rep Choose a rep 3 of 3 reps Choose a rep to see their statement.");
    const markup = html(<StatementsSection statements={{ period: "2026-03", reps }} loading={false} disabled={false} onLoad={() => {}} />);
    expect(markup).toMatch(/<input[^>]*type="search"[^>]*placeholder="Search by name, ID or region"/);
    expect(markup).toMatch(/<button[^>]*role="combobox"/);
    expect(render(<StatementsSection statements={{ period: null, reps: [] }} loading={false} disabled={false} onLoad={() => {}} />)).toContain("No statements");
  });

  it("filters reps by every word typed, in name, ID or region", () => {
    expect(filterReps(reps, "").map((r) => r.repId)).toEqual(["R2", "R10", "R1"]);
    expect(filterReps(reps, "north").map((r) => r.repId)).toEqual(["R2", "R1"]);
    expect(filterReps(reps, "NORTH r1").map((r) => r.repId)).toEqual(["R1"]);
    expect(filterReps(reps, "r1").map((r) => r.repId)).toEqual(["R10", "R1"]);
    expect(filterReps(reps, "nobody")).toEqual([]);
    expect(repOptionText(rep, translator("en-US"))).toBe("Ben New (R2), North");
    expect(repOptionText({ ...rep, region: "" }, translator("zh-CN"))).toBe("Ben New（R2）");
  });
});

describe("isDarkOfficeTheme", () => {
  it.each<[Parameters<typeof isDarkOfficeTheme>[0], boolean]>([
    [undefined, false],
    [{ isDarkTheme: true, bodyBackgroundColor: "#FFFFFF" }, true],
    [{ isDarkTheme: false, bodyBackgroundColor: "#000000" }, false],
    [{ bodyBackgroundColor: "#262626" }, true],
    [{ bodyBackgroundColor: "#F3F3F3" }, false],
    [{ bodyBackgroundColor: "not a colour" }, false],
  ])("%o → %s", (theme, dark) => {
    expect(isDarkOfficeTheme(theme)).toBe(dark);
  });
});
