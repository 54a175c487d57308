/**
 * The pane's components rendered to HTML in node (react-dom/server; no DOM needed) with fake data:
 * the right text in the right language. Interaction is for the browser tests.
 */
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { CheckSummary, PaneActions, PaneIssue } from "../../src/taskpane/actions";
import { App, errorText } from "../../src/taskpane/components/App";
import { CheckSummaryView } from "../../src/taskpane/components/CheckSummaryView";
import { IssueList, MAX_ISSUES_SHOWN, issueLocation } from "../../src/taskpane/components/IssueList";
import { SheetList } from "../../src/taskpane/components/SheetList";
import { enUS } from "../../src/taskpane/i18n/en-US";
import { I18nProvider } from "../../src/taskpane/i18n/I18nProvider";
import { translator, type PaneLocale } from "../../src/taskpane/i18n/locale";
import { zhCN } from "../../src/taskpane/i18n/zh-CN";
import { isDarkOfficeTheme } from "../../src/taskpane/officeContext";

/** The visible text of a rendered tree (tags dropped, entities decoded, whitespace collapsed). */
function render(node: ReactElement, locale: PaneLocale = "en-US"): string {
  const html = renderToString(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider locale={locale}>{node}</I18nProvider>
    </FluentProvider>
  );
  return html
    .replace(/<style[\s\S]*?<\/style>/g, " ")
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
  { severity: "error", code: "missingOwner", sheet: "Accounts", row: 12, column: "Owner", message: "The owner is empty." },
  { severity: "warning", code: "unknownRep", sheet: "Sales", row: 4, column: null, message: "Rep R9 is not on the Reps sheet." },
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

describe("SheetList", () => {
  it("lists each role with its sheet or 'not found'", () => {
    const text = render(<SheetList sheets={{ reps: "Team", accounts: "Accounts", sales: null, ratings: null, settings: "Settings" }} />);
    expect(text).toBe("Reps Team Accounts Accounts Sales not found Ratings not found Settings Settings");
  });

  it("speaks Chinese", () => {
    const text = render(<SheetList sheets={{ reps: "团队", accounts: null, sales: null, ratings: null, settings: null }} />, "zh-CN");
    expect(text).toContain("销售代表 团队");
    expect(text).toContain("客户 未找到");
  });
});

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
      "Gini coefficient 0.313",
      "Sheets written: Check 2025-Q1, Fairness 2025-Q1",
      "Issues (2)",
      "Error Accounts, row 12, column Owner The owner is empty.",
      "Warning Sales, row 4 Rep R9 is not on the Reps sheet.",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("says when the Gini coefficient is not available and when there are no issues", () => {
    const text = render(<CheckSummaryView summary={{ ...summary, gini: null, issues: [], errorCount: 0, warningCount: 0, period: null }} />);
    expect(text).toContain("Gini coefficient not available");
    expect(text).toContain("No issues found.");
    expect(text).not.toContain("Period");
  });

  it("in Chinese shows no English catalogue text", () => {
    // Issue messages arrive already rendered in the pane's language.
    const zhIssues = issues.map((issue, i) => ({ ...issue, message: ["负责人为空。", "销售代表 R9 不在名单中。"][i] }));
    const text = render(<CheckSummaryView summary={{ ...summary, issues: zhIssues }} />, "zh-CN");
    expect(text).toContain("基尼系数 0.313");
    expect(text).toContain("问题(2)");
    expect(text).toContain("错误 Accounts,第 12 行,Owner 列");
    const english = Object.entries(enUS)
      .filter(([key, value]) => value !== zhCN[key as keyof typeof enUS] && !value.includes("{"))
      .map(([, value]) => value);
    expect(english.filter((value) => new RegExp(`(^| )${value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( |$)`).test(text))).toEqual([]);
  });
});

describe("IssueList", () => {
  it(`shows at most ${MAX_ISSUES_SHOWN} issues and says how many more there are`, () => {
    const many = Array.from({ length: MAX_ISSUES_SHOWN + 5 }, (_, i): PaneIssue => ({ ...issues[0], row: i + 1, message: `m${i}` }));
    const text = render(<IssueList issues={many} />);
    expect(text).toContain(`m${MAX_ISSUES_SHOWN - 1}`);
    expect(text).not.toContain(`m${MAX_ISSUES_SHOWN} `);
    expect(text).toContain("…and 5 more.");
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

  it("starts by looking for the input sheets, with the check button shown", () => {
    const text = render(<App actions={actions} />);
    expect(text).toContain("Fairshare");
    expect(text).toContain("Looking for input sheets…");
    expect(text).toContain("Check data");
    expect(text).toContain("Run allocation");
    expect(text).toContain("Apply approved");
  });

  it("renders in Chinese", () => {
    const text = render(<App actions={actions} />, "zh-CN");
    expect(text).toContain("正在查找输入工作表…");
    expect(text).toContain("检查数据");
  });

  it.each<[unknown, string]>([
    [new Error("Sheet Reps is protected"), "Sheet Reps is protected"],
    [new TypeError(""), "TypeError"],
    ["plain text", "plain text"],
  ])("shows an error as its message (%p)", (err, expected) => {
    expect(errorText(err)).toBe(expected);
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
