/** The pane's catalogues: same keys, no empty text, the same {placeholders}; and no literal text in components. */
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { enUS } from "../../src/taskpane/i18n/en-US";
import { zhCN } from "../../src/taskpane/i18n/zh-CN";
import { catalogues, formatCount, formatDecimal, formatMoney, formatPercent, formatRatio, paneLocale, placeholders, splitMessage, translator } from "../../src/taskpane/i18n/locale";

const locales = Object.keys(catalogues) as Array<keyof typeof catalogues>;

describe("catalogues", () => {
  it("cover en-US and zh-CN", () => {
    expect(locales.sort()).toEqual(["en-US", "zh-CN"]);
  });

  it.each(locales)("%s has exactly the en-US keys", (locale) => {
    expect(Object.keys(catalogues[locale]).sort()).toEqual(Object.keys(enUS).sort());
  });

  it.each(locales)("%s has no empty strings", (locale) => {
    const empty = Object.entries(catalogues[locale]).filter(([, text]) => typeof text !== "string" || text.trim() === "");
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it.each(locales)("%s uses the same placeholders as en-US", (locale) => {
    const mismatched = Object.keys(enUS).filter((key) => {
      const k = key as keyof typeof enUS;
      return placeholders(catalogues[locale][k]).sort().join() !== placeholders(enUS[k]).sort().join();
    });
    expect(mismatched).toEqual([]);
  });

  it("zh-CN uses Chinese punctuation beside Chinese text", () => {
    const cjk = "[\\u4e00-\\u9fff]";
    const ascii = new RegExp(`${cjk}[,:;()!?]|[,:;()!?]${cjk}|${cjk}\\}?[,:;()]|[,:;(]\\{\\w+\\}${cjk}`);
    // invalidTiers shows the notation typed in the box ("0:3%"), which is ASCII in every language.
    expect(Object.entries(zhCN).filter(([key, text]) => key !== "invalidTiers" && ascii.test(text)).map(([key]) => key)).toEqual([]);
  });

  it("zh-CN calls a rep 业务员, never 销售代表 (one term per concept)", () => {
    expect(Object.entries(zhCN).filter(([, text]) => text.includes("销售代表")).map(([key]) => key)).toEqual([]);
  });

  it("zh-CN is actually translated (most texts differ from English)", () => {
    const same = Object.keys(enUS).filter((key) => catalogues["zh-CN"][key as keyof typeof enUS] === enUS[key as keyof typeof enUS]);
    // Brand names and pure placeholders may stay as they are.
    expect(same.sort()).toEqual(["appTitle", "issueInSheet"]);
  });
});

describe("translator", () => {
  it("fills placeholders and formats numbers for the locale", () => {
    expect(translator("en-US")("issuesHeading", { count: 1234 })).toBe("Issues (1,234)");
    expect(translator("zh-CN")("issueAtCell", { sheet: "Sales", row: 12, column: "C" })).toBe("Sales，第 12 行，C 列");
  });

  it("chooses the plural form by the count, in English; Chinese has one form", () => {
    const en = translator("en-US");
    expect(en("reasonCount", { count: 1 })).toBe("1 move");
    expect(en("reasonCount", { count: 2 })).toBe("2 moves");
    expect(en("settingsAdded", { count: 1 })).toContain("Added 1 setting to");
    expect(en("unsavedCount", { count: 1 })).toBe("1 unsaved change.");
    expect(en("unsavedCount", { count: 1200 })).toBe("1,200 unsaved changes.");
    expect(en("runBlocked", { count: 1 })).toBe("The data has 1 error: see the Fairshare Data Check sheet.");
    expect(translator("zh-CN")("reasonCount", { count: 1 })).toBe("1 项");
    expect(placeholders("{count|# move|# moves} in {sheet}")).toEqual(["count", "sheet"]);
  });

  it("leaves a placeholder without a value visible", () => {
    expect(translator("en-US")("issuesHeading")).toBe("Issues ({count})");
  });

  it("formats ratios and counts at the edge", () => {
    expect(formatRatio(0.75, "en-US")).toBe("0.750");
    expect(formatCount(12500, "zh-CN")).toBe("12,500");
  });

  it.each<[number, string, string]>([
    [123456, "en-US", "1,234.56"],
    [123456, "zh-CN", "1,234.56"],
    [5, "en-US", "0.05"],
    [-250000, "en-US", "-2,500.00"],
    [0, "zh-CN", "0.00"],
  ])("formats %i cents as money in %s: %s", (cents, locale, text) => {
    expect(formatMoney(cents, locale as "en-US" | "zh-CN")).toBe(text);
  });

  it("formats percentages and decimals", () => {
    expect(formatPercent(0.285, "en-US")).toBe("28.5%");
    expect(formatPercent(0.3, "zh-CN", 0)).toBe("30%");
    expect(formatPercent(0.0125, "en-US", 2)).toBe("1.25%");
    expect(formatDecimal(72.25, "en-US", 1)).toBe("72.3");
    expect(formatDecimal(1234.5, "zh-CN", 1)).toBe("1,234.5");
  });

  it("splits a message around a placeholder, keeping the catalogue's word order", () => {
    expect(splitMessage(translator("en-US"), "sheetsWritten", "sheets")).toEqual(["Sheets written: ", ""]);
    expect(splitMessage(translator("zh-CN"), "reviewSheet", "sheets")).toEqual(["当前调整建议：", ""]);
    expect(splitMessage(translator("en-US"), "rankOf", "rank", { size: 12 })).toEqual(["", " of 12"]);
    expect(splitMessage(translator("en-US"), "checkData", "none")).toEqual(["Check data", ""]);
  });
});

describe("paneLocale", () => {
  it.each([
    ["zh-CN", "zh-CN"],
    ["zh-cn", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["en-US", "en-US"],
    ["de-DE", "en-US"],
    ["", "en-US"],
    [undefined, "en-US"],
  ])("%s → %s", (language, locale) => {
    expect(paneLocale(language)).toBe(locale);
  });
});

/** JSX text with letters, and string literals given to attributes that people read, in a .tsx source. */
function literalTexts(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(node.text.trim());
    if (
      ts.isJsxAttribute(node) &&
      /^(label|title|aria-label|aria-description|placeholder|alt)$/.test(node.name.getText(file)) &&
      node.initializer !== undefined &&
      ts.isStringLiteral(node.initializer)
    ) {
      found.push(node.getText(file));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("components", () => {
  const dir = path.resolve(__dirname, "../../src/taskpane/components");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".tsx"));

  it("are found", () => {
    expect(files).toContain("App.tsx");
  });

  it.each(files)("%s has no literal user-visible text", (file) => {
    expect(literalTexts(file, fs.readFileSync(path.join(dir, file), "utf8"))).toEqual([]);
  });

  it("the literal-text check finds literal text", () => {
    const sample = 'export const X = () => <div><Button aria-label="Close">Check data</Button>{t("ok")}</div>;';
    expect(literalTexts("X.tsx", sample)).toEqual(['aria-label="Close"', "Check data"]);
  });
});
