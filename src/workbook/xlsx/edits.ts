/**
 * Minimal text edits to the parts that index the workbook's sheets (workbook, its relationships,
 * content types, document properties) and to a user's sheet part (single cells, appended rows).
 * Each edit inserts or replaces one element and leaves every other byte as it was, so whatever we do
 * not understand (extensions, names, views) survives.
 */
import type { Cell } from "../../engine/table";
import { columnLetter } from "../../engine/settings/parse";
import { cellXml } from "./sheetXml";
import { escapeXml, PartShapeError, unescapeAttribute } from "./xml";

export const TRANSITIONAL_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships";
export const TRANSITIONAL_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const STRICT_MAIN_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
export const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeAttribute(m[2] ?? m[3]) : null;
}

/** The prefix (with colon, or "") a root element uses, e.g. "x:" for `<x:workbook>`. */
export function rootPrefix(xml: string, name: string): string {
  return new RegExp(`<(\\w+:)?${name}[\\s>]`).exec(xml)?.[1] ?? "";
}

/** Whether a workbook part is Strict OOXML. */
export function isStrict(workbookXml: string): boolean {
  return workbookXml.includes(STRICT_MAIN_NS);
}

/** Inserts text before the closing tag of an element (turning a self-closed one into a pair). */
function insertInto(xml: string, prefix: string, name: string, text: string): string {
  const close = `</${prefix}${name}>`;
  const at = xml.lastIndexOf(close);
  if (at >= 0) return xml.slice(0, at) + text + xml.slice(at);
  const self = new RegExp(`<${prefix}${name}(\\s[^>]*?)?/>`).exec(xml);
  if (!self) throw new PartShapeError(`no <${prefix}${name}> element`);
  return xml.slice(0, self.index) + `<${prefix}${name}${self[1] ?? ""}>${text}${close}` + xml.slice(self.index + self[0].length);
}

export interface NewSheetRef {
  name: string;
  relId: string;
  /** Index in tab order before which it goes; null appends. */
  before: string | null;
}

/**
 * Adds `<sheet>` entries to the workbook part and removes the named ones. A new sheet whose `before`
 * names a removed sheet takes its place in the tab order.
 */
export function editWorkbookXml(xml: string, add: NewSheetRef[], remove: string[]): string {
  const p = rootPrefix(xml, "workbook");
  const relPrefix = /xmlns:(\w+)="(http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships|http:\/\/purl\.oclc\.org\/ooxml\/officeDocument\/relationships)"/.exec(xml);
  const rel = relPrefix ? `${relPrefix[1]}:id` : null;
  const relNs = isStrict(xml) ? STRICT_REL_NS : TRANSITIONAL_REL_NS;
  const ids = [...xml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)].map((m) => Number(attr(m[0], "sheetId")) || 0);
  let nextId = Math.max(0, ...ids) + 1;
  const element = (s: NewSheetRef) =>
    `<${p}sheet name="${escapeXml(s.name)}" sheetId="${nextId++}" ${rel ?? "xmlns:r=\"" + relNs + "\" r:id"}="${s.relId}"/>`;
  const removeLower = new Set(remove.map((n) => n.toLowerCase()));
  const placed = new Set<NewSheetRef>();
  xml = xml.replace(/<(?:\w+:)?sheet\s[^>]*?\/>|<(?:\w+:)?sheet\s[^>]*?>[\s\S]*?<\/(?:\w+:)?sheet>/g, (tag) => {
    const name = attr(tag, "name") ?? "";
    if (!removeLower.has(name.toLowerCase())) return tag;
    const replacement = add.filter((s) => s.before !== null && s.before.toLowerCase() === name.toLowerCase());
    replacement.forEach((s) => placed.add(s));
    return replacement.map(element).join("");
  });
  const rest = add.filter((s) => !placed.has(s));
  return rest.length ? insertInto(xml, p, "sheets", rest.map(element).join("")) : xml;
}

/** Removes defined names scoped to removed sheets and shifts `localSheetId`s past them. */
export function shiftLocalSheetIds(xml: string, removedIndices: number[]): string {
  if (!removedIndices.length) return xml;
  const sorted = [...removedIndices].sort((a, b) => a - b);
  return xml.replace(/<(?:\w+:)?definedName\s[^>]*>[\s\S]*?<\/(?:\w+:)?definedName>/g, (el) => {
    const id = /localSheetId="(\d+)"/.exec(el);
    if (!id) return el;
    const n = Number(id[1]);
    if (sorted.includes(n)) return "";
    const shift = sorted.filter((r) => r < n).length;
    return shift ? el.replace(/localSheetId="\d+"/, `localSheetId="${n - shift}"`) : el;
  });
}

/** Adds relationships and removes the ones with the given ids. */
export function editRelationships(xml: string, add: { id: string; type: string; target: string }[], removeIds: string[]): string {
  const p = rootPrefix(xml, "Relationships");
  const rm = new Set(removeIds);
  xml = xml.replace(/<(?:\w+:)?Relationship\s[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?Relationship>)/g, (tag) => (rm.has(attr(tag, "Id") ?? "") ? "" : tag));
  if (!add.length) return xml;
  return insertInto(xml, p, "Relationships", add.map((r) => `<${p}Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join(""));
}

/** Relationship ids used in a relationships part. */
export function relationshipIds(xml: string): Set<string> {
  return new Set([...xml.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)].map((m) => attr(m[0], "Id") ?? ""));
}

/** Adds Override entries and removes those for the given part names ("/xl/…"). */
export function editContentTypes(xml: string, add: { part: string; type: string }[], removeParts: string[]): string {
  const p = rootPrefix(xml, "Types");
  const rm = new Set(removeParts.map((s) => s.toLowerCase()));
  xml = xml.replace(/<(?:\w+:)?Override\s[^>]*?\/>/g, (tag) => (rm.has((attr(tag, "PartName") ?? "").toLowerCase()) ? "" : tag));
  if (!add.length) return xml;
  return insertInto(xml, p, "Types", add.map((o) => `<${p}Override PartName="${escapeXml(o.part)}" ContentType="${o.type}"/>`).join(""));
}

/**
 * Lists sheet names in docProps/app.xml (TitlesOfParts, and the Worksheets count in HeadingPairs),
 * as Excel keeps it. Returns null when the part has a shape we do not recognise (then it is left as is:
 * it is informational, Excel rewrites it on save).
 */
export function editAppXml(xml: string, add: string[], remove: string[]): string | null {
  const hp = /(<(\w+:)?HeadingPairs>\s*<(\w+:)?vector\s[^>]*>)([\s\S]*?)(<\/\3vector>\s*<\/\2HeadingPairs>)/.exec(xml);
  const tp = /(<(\w+:)?TitlesOfParts>\s*<(\w+:)?vector\s[^>]*>)([\s\S]*?)(<\/\3vector>\s*<\/\2TitlesOfParts>)/.exec(xml);
  if (!hp || !tp) return null;
  const vp = hp[3] ?? "";
  const pairs = [...hp[4].matchAll(/<(?:\w+:)?variant>\s*<(?:\w+:)?lpstr>([^<]*)<\/(?:\w+:)?lpstr>\s*<\/(?:\w+:)?variant>\s*<(?:\w+:)?variant>\s*<(?:\w+:)?i4>(\d+)<\/(?:\w+:)?i4>\s*<\/(?:\w+:)?variant>/g)];
  let before = 0;
  let ws: RegExpMatchArray | null = null;
  for (const m of pairs) {
    if (/^(worksheets|工作表|arbeitsblätter|feuilles de calcul)$/i.test(m[1])) {
      ws = m;
      break;
    }
    before += Number(m[2]);
  }
  if (!ws) return null;
  const titles = [...tp[4].matchAll(/<((?:\w+:)?)lpstr>([^<]*)<\/(?:\w+:)?lpstr>/g)].map((m) => unescapeAttribute(m[2]));
  const count = Number(ws[2]);
  const rm = new Set(remove.map((n) => n.toLowerCase()));
  const sheetTitles = titles.slice(before, before + count).filter((t) => !rm.has(t.toLowerCase()));
  const newSheets = [...sheetTitles, ...add];
  const all = [...titles.slice(0, before), ...newSheets, ...titles.slice(before + count)];
  const newPair = ws[0].replace(/(<(?:\w+:)?i4>)\d+(<\/(?:\w+:)?i4>)/, `$1${newSheets.length}$2`);
  const hpInner = hp[4].replace(ws[0], newPair);
  const tpOpen = tp[1].replace(/\ssize="\d+"/, ` size="${all.length}"`);
  const tpInner = all.map((t) => `<${vp}lpstr>${escapeXml(t)}</${vp}lpstr>`).join("");
  xml = xml.replace(tp[0], `${tpOpen}${tpInner}${tp[5]}`);
  return xml.replace(hp[0], `${hp[1]}${hpInner}${hp[5]}`);
}

/** Column number (1-based) from a cell reference. */
function colOf(ref: string): number {
  let n = 0;
  for (const ch of ref.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + c - 64;
  }
  return n;
}

/**
 * Sets single cells of a user's sheet part, in place: each changed cell keeps its style (`s`) and
 * every other byte of the part stays as it was. `updates` maps row → column → value (1-based).
 * A cell missing from an existing row is inserted at its place; a missing row is inserted in order.
 */
export function setCells(xml: string, updates: Map<number, Map<number, Cell>>): string {
  if (!updates.size) return xml;
  const p = rootPrefix(xml, "worksheet");
  const pieces: string[] = [];
  let last = 0;
  const pending = new Map([...updates].map(([r, m]) => [r, new Map(m)]));
  const re = /<(\w+:)?(row|c)(\s[^>]*?)?(\/?)>|<\/(\w+:)?(row|sheetData)>/g;
  let rowNumber = 0;
  let col = 0;
  let rowCells: Map<number, Cell> | undefined;
  const emitMissing = (upTo: number, at: number) => {
    // Cells of this row to change that do not exist before column `upTo`: insert them here.
    if (!rowCells) return;
    const cols = [...rowCells.keys()].filter((c) => c < upTo).sort((a, b) => a - b);
    if (!cols.length) return;
    pieces.push(xml.slice(last, at));
    last = at;
    for (const c of cols) {
      pieces.push(withPrefix(cellXml(`${columnLetter(c)}${rowNumber}`, rowCells.get(c)!, 0, 0), p));
      rowCells.delete(c);
    }
  };
  const newRow = (r: number, cells: Map<number, Cell>) =>
    `<${p}row r="${r}">${[...cells.keys()]
      .sort((a, b) => a - b)
      .map((c) => withPrefix(cellXml(`${columnLetter(c)}${r}`, cells.get(c)!, 0, 0), p))
      .join("")}</${p}row>`;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    if (m[6] === "sheetData") {
      // Rows to change that the sheet does not have go at the end, in order.
      const rest = [...pending.entries()].filter(([r]) => r > rowNumber).sort((a, b) => a[0] - b[0]);
      if (rest.length) {
        pieces.push(xml.slice(last, m.index), rest.map(([r, c]) => newRow(r, c)).join(""));
        last = m.index;
        for (const [r] of rest) pending.delete(r);
      }
      break;
    }
    if (m[6] === "row") {
      emitMissing(Infinity, m.index);
      rowCells = undefined;
      continue;
    }
    const tag = m[0];
    if (m[2] === "row") {
      const r = attr(tag, "r");
      const next = r ? Number(r) : rowNumber + 1;
      const skipped = [...pending.entries()].filter(([k]) => k > rowNumber && k < next).sort((a, b) => a[0] - b[0]);
      if (skipped.length) {
        pieces.push(xml.slice(last, m.index), skipped.map(([k, c]) => newRow(k, c)).join(""));
        last = m.index;
        for (const [k] of skipped) pending.delete(k);
      }
      rowNumber = next;
      col = 0;
      rowCells = pending.get(rowNumber);
      pending.delete(rowNumber);
      if (m[4] === "/" && rowCells?.size) {
        // A self-closed row: open it, add the cells, close it.
        pieces.push(xml.slice(last, m.index), tag.replace(/\/>$/, ">"));
        last = m.index + tag.length;
        emitMissing(Infinity, last);
        pieces.push(`</${p}row>`);
        rowCells = undefined;
      }
      continue;
    }
    // A cell.
    const r = attr(tag, "r");
    col = r ? colOf(r) || col + 1 : col + 1;
    if (!rowCells?.size) continue;
    emitMissing(col, m.index);
    if (!rowCells.has(col)) continue;
    const value = rowCells.get(col)!;
    rowCells.delete(col);
    let end = m.index + tag.length;
    if (m[4] !== "/") {
      const close = `</${m[1] ?? ""}c>`;
      end = xml.indexOf(close, end) + close.length;
    }
    const style = Number(attr(tag, "s") ?? 0);
    pieces.push(xml.slice(last, m.index), withPrefix(cellXml(`${columnLetter(col)}${rowNumber}`, value, style, style), m[1] ?? ""));
    last = end;
    re.lastIndex = end;
  }
  pieces.push(xml.slice(last));
  return pieces.join("");
}

/** Our cell XML with the sheet's element prefix. */
function withPrefix(cell: string, p: string): string {
  return p ? cell.replace(/<(\/?)(c|is|t|v)([ >/])/g, `<$1${p}$2$3`) : cell;
}

/**
 * Appends rows below the last row of a sheet part (and widens its dimension). Used for a log sheet
 * that already exists: its existing rows are not rewritten.
 */
export function appendRowsXml(xml: string, rows: readonly Cell[][], dateStyle: number): string {
  const p = rootPrefix(xml, "worksheet");
  let lastRow = 0;
  let n = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?row(\s[^>]*?)?\/?>/g)) {
    const r = m[1] ? attr(m[1], "r") : null;
    n = r ? Number(r) : n + 1;
    lastRow = Math.max(lastRow, n);
  }
  const text = rows
    .map((row, k) => {
      const rn = lastRow + 1 + k;
      return `<${p}row r="${rn}">${row.map((v, i) => withPrefix(cellXml(`${columnLetter(i + 1)}${rn}`, v, 0, dateStyle), p)).join("")}</${p}row>`;
    })
    .join("");
  xml = insertInto(xml, p, "sheetData", text);
  const newLast = lastRow + rows.length;
  return xml.replace(/(<(?:\w+:)?dimension\s+ref=")([A-Z]+\d+)(?::([A-Z]+)\d+)?(")/, (_, a: string, start: string, endCol: string | undefined, z: string) => {
    const width = Math.max(colOf(endCol ?? start), ...rows.map((r) => r.length));
    return `${a}${start}:${columnLetter(width)}${newLast}${z}`;
  });
}
