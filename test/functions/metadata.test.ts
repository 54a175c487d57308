/**
 * The custom-functions metadata as the build makes it: generated from the JSDoc in functions.ts
 * (the same generator CustomFunctionsMetadataPlugin runs), then localized with the zh-CN table.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { localizeFunctionsMetadata, withRuntimeOptions, type FunctionsMetadata, type FunctionsTranslationTable } from "../../scripts/localize-functions";
import { CELL_ARGUMENTS } from "../../src/engine/incentives/components";
import { ARGUMENT_NAMES, type ArgumentName } from "../../src/functions/messages";

const ROOT = path.resolve(__dirname, "../..");
const FUNCTIONS = path.join(ROOT, "src/functions/functions.ts");
const DIST = path.join(ROOT, "dist");
const ZH_TABLE: FunctionsTranslationTable = JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/i18n.zh-CN.json"), "utf8"));

let metadata: FunctionsMetadata;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([FUNCTIONS], false);
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson);
});

describe("functions.json", () => {
  it("declares GINI with one matrix parameter that accepts any cell", () => {
    const giniMeta = metadata.functions.find((f) => f.id === "GINI");
    expect(giniMeta).toMatchObject({
      name: "GINI",
      parameters: [{ name: "values", dimensionality: "matrix", type: "any" }, { name: "sample", optional: true, type: "any" }, { name: "count", optional: true, type: "any" }],
      result: { type: "number" },
    });
    expect(giniMeta?.description).toBeTruthy();
  });

  it("streams the functions that read the workbook, so the settings' listener can send them fresh results; none is volatile", () => {
    const options = Object.fromEntries(metadata.functions.map((f) => [f.id, (f as { options?: Record<string, unknown> }).options ?? {}]));
    expect(options).toEqual({ GINI: {}, TIERED: {}, INCENTIVE: { stream: true }, BREAKDOWN: { stream: true }, SCORE: { stream: true } });
    // The invocation is the runtime's, not a parameter Excel shows.
    for (const id of ["INCENTIVE", "BREAKDOWN", "SCORE"]) expect(metadata.functions.find((f) => f.id === id)!.parameters!.map((p) => p.name)).not.toContain("invocation");
    expect(metadata.functions.find((f) => f.id === "BREAKDOWN")!.result).toMatchObject({ dimensionality: "matrix" });
  });
});

/**
 * INCENTIVE's and BREAKDOWN's parameters: sales, quota, tiers, then the incentive components' cell
 * arguments in the registry's order (a range for a categories argument). Written out once as the
 * contract (positions never move), and checked against the registry below.
 */
const INCENTIVE_PARAMETERS: Array<[name: string, optional: boolean, matrix: boolean]> = [
  ["sales", false, false],
  ["quota", false, false],
  ["tiers", true, true],
  ["newAccounts", true, false],
  ["retainedSales", true, false],
  ["satisfaction", true, false],
  ["handoverCredit", true, false],
  ["refunds", true, false],
  ["spifAccounts", true, false],
  ["draw", true, false],
  ["drawBalance", true, false],
  ["categorySales", true, true],
];

/** Every function the add-in registers: id, zh-CN name, parameters (name, optional?, range?). */
const EXPECTED: Record<string, { zh: string; parameters: Array<[name: string, optional: boolean, matrix: boolean]> }> = {
  GINI: { zh: "基尼系数", parameters: [["values", false, true], ["sample", true, false], ["count", true, false]] },
  TIERED: { zh: "阶梯提成", parameters: [["amount", false, false], ["tiers", false, true], ["mode", true, false]] },
  INCENTIVE: { zh: "激励金额", parameters: INCENTIVE_PARAMETERS },
  BREAKDOWN: { zh: "激励明细", parameters: INCENTIVE_PARAMETERS },
  SCORE: { zh: "综合评分", parameters: [["repId", false, false]] },
};

describe("INCENTIVE and BREAKDOWN read the component registry's cell arguments", () => {
  it("in the registry's order, with the registry's names, after sales, quota and tiers; a categories argument is a range", () => {
    expect(INCENTIVE_PARAMETERS.slice(3)).toEqual(CELL_ARGUMENTS.map((a) => [a.name, true, a.kind === "categories"]));
    expect(CELL_ARGUMENTS.map((a) => a.position)).toEqual(CELL_ARGUMENTS.map((_, i) => i + 4));
  });
  it("the zh-CN names Excel shows are the registry's labels", () => {
    for (const id of ["INCENTIVE", "BREAKDOWN"]) {
      for (const a of CELL_ARGUMENTS) expect([id, a.name, ZH_TABLE[id].parameters?.[a.name]?.name]).toEqual([id, a.name, a.label["zh-CN"]]);
    }
  });
});
const CJK = /[\u4e00-\u9fff]/;

/** Every function and parameter described in English, and named and described in Chinese. */
function expectComplete(en: FunctionsMetadata, zh: FunctionsMetadata): void {
  // Without it error cells never reach the functions, and their messages about error arguments are dead code.
  expect(en.allowErrorForDataTypeAny).toBe(true);
  expect(zh.allowErrorForDataTypeAny).toBe(true);
  expect(en.functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  expect(zh.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
  for (const fn of en.functions) {
    const want = EXPECTED[fn.id];
    expect(fn.name).toBe(fn.id);
    expect(fn.description?.trim()).toBeTruthy();
    expect((fn.parameters ?? []).map((p) => [p.name, p.optional === true, p.dimensionality === "matrix"])).toEqual(want.parameters);
    for (const p of fn.parameters ?? []) expect(p.description?.trim()).toBeTruthy();

    const z = zh.functions.find((f) => f.id === fn.id)!;
    expect(z.name).toBe(want.zh);
    expect(z.description).toMatch(CJK);
    expect(z.parameters?.length).toBe(fn.parameters?.length);
    for (const p of z.parameters ?? []) {
      expect(p.name).toMatch(CJK);
      expect(p.description).toMatch(CJK);
    }
  }
}

describe("every function in both languages", () => {
  it("generated from the JSDoc and the zh-CN table", () => {
    const en = withRuntimeOptions(metadata);
    const { metadata: zh, problems } = localizeFunctionsMetadata(en, ZH_TABLE);
    expect(problems).toEqual([]);
    expectComplete(en, zh);
  });

  // The files the production build wrote (`npm test` builds before jest; the build itself fails on a missing translation).
  it("in the built dist/functions.json and dist/functions.zh-CN.json", () => {
    for (const name of ["functions.json", "functions.zh-CN.json"]) {
      if (!fs.existsSync(path.join(DIST, name))) throw new Error(`dist/${name} is missing: run npm run build (npm test does) first`);
    }
    const read = (name: string): FunctionsMetadata => JSON.parse(fs.readFileSync(path.join(DIST, name), "utf8"));
    expectComplete(read("functions.json"), read("functions.zh-CN.json"));
  });

  it("error messages name arguments as Excel shows them", () => {
    const { metadata: zh } = localizeFunctionsMetadata(metadata, ZH_TABLE);
    for (const fn of metadata.functions) {
      const zhParams = zh.functions.find((f) => f.id === fn.id)!.parameters ?? [];
      (fn.parameters ?? []).forEach((p, i) => {
        if (!(p.name in ARGUMENT_NAMES["en-US"])) return;
        expect([fn.id, ARGUMENT_NAMES["en-US"][p.name as ArgumentName]]).toEqual([fn.id, p.name]);
        expect([fn.id, ARGUMENT_NAMES["zh-CN"][p.name as ArgumentName]]).toEqual([fn.id, zhParams[i].name]);
      });
    }
  });

  it.each(Object.keys(EXPECTED))("the localized file is refused without a translation of %s", (id) => {
    const { [id]: _gone, ...rest } = ZH_TABLE;
    expect(localizeFunctionsMetadata(metadata, rest).problems).toContain(`function ${id}: no translation`);
  });
});

describe("functions.zh-CN.json", () => {
  it("translates every function and parameter, with nothing stale in the table", () => {
    const { problems } = localizeFunctionsMetadata(metadata, ZH_TABLE);
    expect(problems).toEqual([]);
  });

  it("keeps ids, order, types and dimensionality; changes only text", () => {
    const { metadata: zh } = localizeFunctionsMetadata(metadata, ZH_TABLE);
    expect(zh.functions.map((f) => f.id)).toEqual(metadata.functions.map((f) => f.id));
    const strip = (m: FunctionsMetadata) =>
      m.functions.map(({ name: _n, description: _d, parameters, ...rest }) => ({
        ...rest,
        parameters: parameters?.map(({ name: _pn, description: _pd, ...p }) => p),
      }));
    expect(strip(zh)).toEqual(strip(metadata));
    expect(zh.functions.find((f) => f.id === "GINI")?.name).toBe("基尼系数");
  });

  it("reports a function without a translation and still lists it", () => {
    const { metadata: zh, problems } = localizeFunctionsMetadata(metadata, {});
    expect(problems).toContain("function GINI: no translation");
    expect(zh.functions.map((f) => f.id)).toContain("GINI");
  });

  it("reports stale entries and invalid names", () => {
    const table: FunctionsTranslationTable = {
      ...ZH_TABLE,
      GINI: { ...ZH_TABLE.GINI, name: "基尼", parameters: { ...ZH_TABLE.GINI.parameters, gone: { name: "x", description: "y" } } },
      REMOVED: { name: "已删除", description: "…" },
    };
    const { problems } = localizeFunctionsMetadata(metadata, table);
    expect(problems).toEqual(
      expect.arrayContaining([
        "translation for unknown function REMOVED (renamed or removed?)",
        'function GINI: invalid name "基尼"',
        "function GINI: translation for unknown parameter gone",
      ])
    );
  });
});
