"use strict";
/**
 * Builds a localized custom-functions metadata file (e.g. functions.zh-CN.json) from the generated
 * functions.json and a small translation table (src/functions/i18n.<locale>.json). Ids, types and
 * order come from functions.json, so the localized file always lists every function; only names and
 * descriptions are replaced. Used by webpack.config.js and by test/functions/metadata.test.ts.
 *
 * Table shape: { "<FUNCTION ID>": { name, description, parameters: { "<param name>": { name, description } } } }
 */

// Excel's rule for a function name: starts with a letter, at least three characters; letters, digits, "_" and "." only.
const FUNCTION_NAME = /^\p{L}[\p{L}\p{N}_.]{2,}$/u;

/**
 * @param {{ functions: Array<{ id: string, name: string, description?: string, parameters?: Array<{ name: string, description?: string }> }> }} metadata
 *   the parsed functions.json
 * @param {Record<string, { name?: string, description?: string, parameters?: Record<string, { name?: string, description?: string }> }>} table
 *   translations keyed by function id
 * @returns {{ metadata: object, problems: string[] }} the localized metadata (English text where a
 *   translation is missing) and every problem found (missing or stale entries, invalid names)
 * @example
 * localizeFunctionsMetadata({ functions: [{ id: "GINI", name: "GINI", parameters: [] }] }, { GINI: { name: "基尼系数", description: "…" } })
 */
function localizeFunctionsMetadata(metadata, table) {
  const problems = [];
  const seenNames = new Set();
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(table)) {
    if (!ids.has(id)) problems.push(`translation for unknown function ${id} (renamed or removed?)`);
  }
  const functions = metadata.functions.map((fn) => {
    const entry = table[fn.id];
    if (!entry) {
      problems.push(`function ${fn.id}: no translation`);
      return fn;
    }
    const localized = { ...fn };
    if (typeof entry.name === "string" && entry.name.trim() !== "") {
      if (!FUNCTION_NAME.test(entry.name)) problems.push(`function ${fn.id}: invalid name "${entry.name}"`);
      localized.name = entry.name;
    } else {
      problems.push(`function ${fn.id}: no translated name`);
    }
    const key = localized.name.toLocaleUpperCase();
    if (seenNames.has(key)) problems.push(`function ${fn.id}: duplicate name "${localized.name}"`);
    seenNames.add(key);
    if (fn.description !== undefined) {
      if (typeof entry.description === "string" && entry.description.trim() !== "") localized.description = entry.description;
      else problems.push(`function ${fn.id}: no translated description`);
    }
    const paramTable = entry.parameters ?? {};
    const paramNames = new Set((fn.parameters ?? []).map((p) => p.name));
    for (const name of Object.keys(paramTable)) {
      if (!paramNames.has(name)) problems.push(`function ${fn.id}: translation for unknown parameter ${name}`);
    }
    if (fn.parameters) {
      localized.parameters = fn.parameters.map((param) => {
        const p = paramTable[param.name];
        if (!p) {
          problems.push(`function ${fn.id}: no translation for parameter ${param.name}`);
          return param;
        }
        const out = { ...param };
        if (typeof p.name === "string" && p.name.trim() !== "") out.name = p.name;
        else problems.push(`function ${fn.id}: no translated name for parameter ${param.name}`);
        if (param.description !== undefined) {
          if (typeof p.description === "string" && p.description.trim() !== "") out.description = p.description;
          else problems.push(`function ${fn.id}: no translated description for parameter ${param.name}`);
        }
        return out;
      });
    }
    return localized;
  });
  return { metadata: { ...metadata, functions }, problems };
}

/**
 * The metadata-wide options every functions file must carry. `allowErrorForDataTypeAny`
 * (CustomFunctionsRuntime 1.2): without it Excel never calls a function whose `any` argument is an
 * error cell — it answers the error itself — so the functions' own messages about error arguments
 * ("tiers: cell B3 holds #N/A") would never be shown. The JSDoc generator has no tag for it.
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json
 * @param {object} metadata the parsed functions.json
 * @returns {object} the same metadata with the options set
 * @example withRuntimeOptions({ functions: [] }) // { allowErrorForDataTypeAny: true, functions: [] }
 */
function withRuntimeOptions(metadata) {
  return { allowErrorForDataTypeAny: true, ...metadata };
}

module.exports = { localizeFunctionsMetadata, withRuntimeOptions };
