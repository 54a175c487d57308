/**
 * The custom-functions metadata as the build makes it: generated from the JSDoc in functions.ts
 * (the same generator CustomFunctionsMetadataPlugin runs), then localized with the zh-CN table.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { localizeFunctionsMetadata, type FunctionsMetadata, type FunctionsTranslationTable } from "../../scripts/localize-functions";

const ROOT = path.resolve(__dirname, "../..");
const FUNCTIONS = path.join(ROOT, "src/functions/functions.ts");
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
      parameters: [{ name: "values", dimensionality: "matrix", type: "any" }],
      result: { type: "number" },
    });
    expect(giniMeta?.description).toBeTruthy();
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
