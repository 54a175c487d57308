import { readFileSync } from "node:fs";
import path from "node:path";
import { settingsMarkdown, settingsSheet } from "../../src/engine/report/settingsSheet";
import { IssueList } from "../../src/engine/issues";
import { parseSettings, REGISTRY } from "../../src/engine/settings";

test("docs/settings.md is what the registry generates (run npm run docs)", () => {
  const committed = readFileSync(path.join(__dirname, "..", "..", "docs", "settings.md"), "utf8");
  expect(committed).toBe(settingsMarkdown(REGISTRY) + "\n");
});

test("the generated settings sheet reads back as the defaults, with no issues", () => {
  for (const locale of ["en-US", "zh-CN"] as const) {
    const sheet = settingsSheet(REGISTRY, locale, ["North"]);
    const issues = new IssueList();
    const settings = parseSettings({ sheet: "Fairshare Settings", firstRow: 1, firstColumn: 1, values: [sheet.columns.map((c) => c.header), ...sheet.rows] }, REGISTRY, issues);
    issues.items.length && console.log(issues.items);
    expect(issues.items).toEqual([]);
    for (const d of REGISTRY.defs) expect(settings.get(d.key)).toEqual(d.default);
  }
});
