import { MESSAGE_CATALOGUES } from "../../src/engine/messages";
import { ISSUE_LABELS, issueLabel } from "../../src/taskpane/i18n/issueLabels";

describe("issue labels", () => {
  it("name every issue code the engine has a message for, in both languages, Chinese without Latin words", () => {
    expect(Object.keys(ISSUE_LABELS).sort()).toEqual(Object.keys(MESSAGE_CATALOGUES["en-US"]).sort());
    for (const [code, words] of Object.entries(ISSUE_LABELS)) {
      expect({ code, en: words["en-US"].trim() !== "", zh: /[A-Za-z]/.test(words["zh-CN"].replace(/Excel/g, "")) }).toEqual({ code, en: true, zh: false });
    }
  });

  it("never show a code, even one newer than the list", () => {
    expect(issueLabel("unknown_owner", "en-US")).toBe("Owner not on the roster");
    expect(issueLabel("some_new_code", "zh-CN")).toBe("其他问题");
  });
});
