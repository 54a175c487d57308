import type { Issue } from "../../src/engine/issues";
import { issueLines } from "../../src/cli/summary";

// Key and placeholder parity of the CLI's catalogues: test/catalogues.test.ts (every catalogue in src/).
describe("counts read right: one of a thing is singular in English (Chinese has one form)", () => {
  const issue = (severity: "error" | "warning" | "info") => ({ severity, code: "totals_row", sheet: "Sales", row: 2, column: null, params: {}, message: "m" }) as Issue;
  test.each([
    [[issue("error"), issue("warning"), issue("info")], "en-US", "Issues: 1 error, 1 warning, 1 note"],
    [[issue("warning"), issue("warning")], "en-US", "Issues: 0 errors, 2 warnings, 0 notes"],
    [[issue("warning")], "zh-CN", "问题：0 个错误，1 个警告，0 条提示"],
  ] as const)("%#", (issues, locale, first) => {
    expect(issueLines(issues, locale)[0]).toBe(first);
  });
});
