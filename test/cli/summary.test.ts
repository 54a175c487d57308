import { CLI_TEXT } from "../../src/cli/summary";
import { MESSAGE_CATALOGUES, WORD_CATALOGUES } from "../../src/engine/messages";
import { LABELS } from "../../src/engine/report/labels";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Every catalogue the CLI prints from: the same keys and the same placeholders in both languages. */
describe.each([
  ["CLI text", CLI_TEXT],
  ["issue messages", MESSAGE_CATALOGUES],
  ["message words", WORD_CATALOGUES],
  ["sheet labels", LABELS],
] as const)("%s", (_, cat) => {
  test("en-US and zh-CN have the same keys", () => {
    expect(Object.keys(cat["zh-CN"]).sort()).toEqual(Object.keys(cat["en-US"]).sort());
  });
  test("and the same placeholders", () => {
    const en = cat["en-US"] as Record<string, string>;
    const zh = cat["zh-CN"] as Record<string, string>;
    const diff = Object.keys(en).filter((k) => placeholders(en[k]).join() !== placeholders(zh[k] ?? "").join());
    expect(diff).toEqual([]);
  });
});
