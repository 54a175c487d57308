/**
 * Every text catalogue has the same keys and the same {placeholders} in en-US and zh-CN, and no empty
 * text; and every catalogue in src/ is listed here (a new one cannot be forgotten).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { CLI_MESSAGES } from "../src/cli/messages";
import { CLI_TEXT } from "../src/cli/summary";
import { APPLY_TEXT } from "../src/engine/allocation/applyText";
import { ALLOCATION_TEXT } from "../src/engine/allocation/text";
import { INCENTIVE_TEXT } from "../src/engine/incentives/text";
import { MESSAGE_CATALOGUES, WORD_CATALOGUES } from "../src/engine/messages";
import { PROPOSAL_SHEET_TEXT } from "../src/engine/report/allocationSheets";
import { INCENTIVE_SHEET_TEXT } from "../src/engine/report/incentiveSheets";
import { LABELS, SHEET_BASES } from "../src/engine/report/labels";
import { TEAM_REPORT_TEXT } from "../src/engine/report/teamReport";
import { FILE_PROBLEMS } from "../src/workbook/xlsx/problems";

type Catalogue = Readonly<Record<"en-US" | "zh-CN", Readonly<Record<string, string>>>>;

const CATALOGUES: [string, Catalogue, string][] = [
  ["CLI messages", CLI_MESSAGES, "src/cli/messages.ts"],
  ["CLI summary", CLI_TEXT, "src/cli/summary.ts"],
  ["apply conflicts", APPLY_TEXT, "src/engine/allocation/applyText.ts"],
  ["allocation", ALLOCATION_TEXT, "src/engine/allocation/text.ts"],
  ["incentives", INCENTIVE_TEXT, "src/engine/incentives/text.ts"],
  ["issue messages", MESSAGE_CATALOGUES, "src/engine/messages.ts"],
  ["message words", WORD_CATALOGUES, "src/engine/messages.ts"],
  ["proposal sheets", PROPOSAL_SHEET_TEXT, "src/engine/report/allocationSheets.ts"],
  ["incentive sheets", INCENTIVE_SHEET_TEXT, "src/engine/report/incentiveSheets.ts"],
  ["sheet labels", LABELS, "src/engine/report/labels.ts"],
  ["sheet names", SHEET_BASES, "src/engine/report/labels.ts"],
  ["team report", TEAM_REPORT_TEXT, "src/engine/report/teamReport.ts"],
  ["file problems", FILE_PROBLEMS, "src/workbook/xlsx/problems.ts"],
];

/** The names of a text's placeholders: `{name}`, or `{name|one form|other forms}` (plural forms). */
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\|[^{}]*)?\}/g)].map((m) => m[1]))].sort().join();

describe.each(CATALOGUES)("%s", (_, cat) => {
  test("en-US and zh-CN have the same keys", () => {
    expect(Object.keys(cat["zh-CN"]).sort()).toEqual(Object.keys(cat["en-US"]).sort());
  });
  test("the same placeholders, and no empty text", () => {
    const en = cat["en-US"];
    const zh = cat["zh-CN"];
    expect(Object.keys(en).filter((k) => placeholders(en[k]) !== placeholders(zh[k] ?? ""))).toEqual([]);
    expect(Object.entries({ ...en, ...zh }).filter(([, v]) => typeof v === "string" && v.trim() === "")).toEqual([]);
  });
  test("the Chinese text is Chinese wherever the English has words", () => {
    const zh = cat["zh-CN"];
    const en = cat["en-US"];
    // A text with three or more English letters in a row has a Chinese counterpart with Chinese in it,
    // unless it is only a name, code or number format shared by both (e.g. "{id} {name}").
    const untranslated = Object.keys(en).filter((k) => /[A-Za-z]{3,}/.test(en[k].replace(/\{\w+(?:\|[^{}]*)?\}/g, "")) && !/[\u4e00-\u9fff]/.test(zh[k]) && zh[k] === en[k]);
    expect(untranslated).toEqual([]);
  });
});

test("every catalogue in src/ is listed above", () => {
  const root = path.join(__dirname, "..");
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = path.join(dir, f);
      return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(p) ? [p] : [];
    });
  const declaring = files(path.join(root, "src"))
    .filter((f) => /Record<(Locale|"en-US" \| "zh-CN"), (Readonly<)?Record<[^>]*, string>>?> = \{/.test(readFileSync(f, "utf8")) || /export const \w+: Readonly<Record<Locale, Readonly<Record</.test(readFileSync(f, "utf8")))
    .map((f) => path.relative(root, f).split(path.sep).join("/"));
  const listed = new Set(CATALOGUES.map((c) => c[2]));
  expect(declaring.filter((f) => !listed.has(f))).toEqual([]);
});
