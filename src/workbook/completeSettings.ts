/**
 * `fairshare settings`: makes the settings people sign off complete and visible. A workbook without a
 * Fairshare Settings sheet gets one (every setting at its default, described); an existing sheet keeps
 * every row the user wrote and gains a row for each setting it lacks, in its own columns.
 */
import { cellText } from "../engine/cells";
import type { Locale } from "../engine/messages";
import { settingsSheet } from "../engine/report/settingsSheet";
import { normalizeHeader } from "../engine/schema";
import { REGISTRY } from "../engine/settings";
import { KEY_HEADERS, VALUE_HEADERS } from "../engine/settings/parse";
import type { Cell } from "../engine/table";
import { detect } from "./pipeline";
import type { WorkbookPort } from "./port";

const DESCRIPTION = new Set(["description", "说明", "描述"]);

/**
 * Adds the settings sheet, or the settings an existing one lacks.
 * @returns the keys added, in registry order
 * @example await completeSettings(port, "en-US") // ["wonStages", "deriveOwner", …]
 */
export async function completeSettings(port: WorkbookPort, locale: Locale): Promise<string[]> {
  const generated = settingsSheet(REGISTRY, locale);
  const d = await detect(port);
  if (!d.settingsSheet || !d.settingsTable) {
    await port.addSheets([generated]);
    return REGISTRY.defs.map((x) => x.key);
  }
  const values = d.settingsTable.values;
  const headerIdx = values.findIndex((r) => r.some((c) => KEY_HEADERS.has(normalizeHeader(cellText(c)))));
  const header = values[headerIdx] ?? [];
  const col = (names: ReadonlySet<string>) => header.findIndex((c) => names.has(normalizeHeader(cellText(c))));
  const [keyCol, valueCol, descCol] = [col(KEY_HEADERS), col(VALUE_HEADERS), col(DESCRIPTION)];
  if (keyCol < 0 || valueCol < 0) return [];
  const present = new Set(values.slice(headerIdx + 1).map((r) => cellText(r[keyCol]).toLowerCase()));
  const missing = generated.rows.filter((r) => !present.has(String(r[0]).toLowerCase()));
  if (!missing.length) return [];
  const width = Math.max(header.length, keyCol + 1, valueCol + 1, descCol + 1);
  const rows = missing.map((r) => {
    const row: Cell[] = Array.from({ length: width }, () => null);
    row[keyCol] = r[0];
    row[valueCol] = r[1];
    if (descCol >= 0) row[descCol] = r[2];
    return row;
  });
  await port.appendRows(d.settingsSheet, header.map((c) => cellText(c)), rows);
  return missing.map((r) => String(r[0]));
}
