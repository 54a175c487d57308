/**
 * Append-only edits to the workbook's styles part: our number formats, a bold copy of the default
 * font, cell formats using them, and the differential formats of our highlights. Existing entries
 * keep their positions (every existing `s="…"` in every sheet still means what it meant); ours go at
 * the end of each list, with the list's count updated, unless an identical entry is there already
 * (a second run adds nothing).
 */
import type { ColumnFormat, Highlight } from "../../engine/table";
import { HIGHLIGHT_COLORS, NUMBER_FORMATS } from "../format";
import { PartShapeError, unescapeAttribute } from "./xml";

/** Style indices our sheets use. */
export interface OurStyles {
  /** cellXfs index per column format. */
  format: Record<ColumnFormat, number>;
  /** cellXfs index of bold text (headers, titles). */
  bold: number;
  /** dxfs index per highlight style. */
  dxf: Record<Highlight["style"], number>;
}

/** Built-in number format ids that need no numFmt entry. */
const BUILTIN: Record<string, number> = { "@": 49, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10 };

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

/** A styles part for a workbook that has none. */
export function minimalStyles(mainNamespace: string): string {
  return MINIMAL_STYLES.replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", mainNamespace);
}

/** Elements of styleSheet in schema order (a missing list is inserted at its place). */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

interface Block {
  start: number;
  /** Where children end (position of the closing tag), or -1 when self-closed. */
  innerEnd: number;
  end: number;
  openTag: string;
  inner: string;
}

function findBlock(xml: string, prefix: string, name: string): Block | null {
  const re = new RegExp(`<${prefix}${name}(\\s[^>]*?)?(/?)>`, "g");
  const m = re.exec(xml);
  if (!m) return null;
  if (m[2] === "/") return { start: m.index, innerEnd: -1, end: m.index + m[0].length, openTag: m[0], inner: "" };
  const close = `</${prefix}${name}>`;
  const ce = xml.indexOf(close, m.index + m[0].length);
  if (ce < 0) throw new PartShapeError(`<${name}> is not closed`);
  return { start: m.index, innerEnd: ce, end: ce + close.length, openTag: m[0], inner: xml.slice(m.index + m[0].length, ce) };
}

/** The list's child elements as written, in order. */
function children(inner: string, prefix: string, child: string): string[] {
  return inner.match(new RegExp(`<${prefix}${child}(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</${prefix}${child}>)`, "g")) ?? [];
}

/**
 * Gives each item an index in a list element: an identical existing child is reused (so running again
 * adds nothing), others are appended, with the list's count updated; a missing list is created at its
 * schema position. Existing children never move.
 */
export function appendOrReuse(xml: string, prefix: string, list: string, child: string, items: string[]): { xml: string; index: number[] } {
  const b = findBlock(xml, prefix, list);
  const existing = b ? children(b.inner, prefix, child) : [];
  const added: string[] = [];
  const index = items.map((item) => {
    const i = existing.indexOf(item);
    if (i >= 0) return i;
    const j = added.indexOf(item);
    if (j >= 0) return existing.length + j;
    added.push(item);
    return existing.length + added.length - 1;
  });
  if (!added.length) return { xml, index };
  if (!b) {
    const el = `<${prefix}${list} count="${added.length}">${added.join("")}</${prefix}${list}>`;
    const later = ORDER.slice(ORDER.indexOf(list) + 1)
      .map((n) => findBlock(xml, prefix, n))
      .find((x) => x);
    const at = later ? later.start : xml.lastIndexOf(`</${prefix}styleSheet>`);
    return { xml: xml.slice(0, at) + el + xml.slice(at), index };
  }
  const count = existing.length + added.length;
  const open = /\scount="\d*"/.test(b.openTag) ? b.openTag.replace(/\scount="\d*"/, ` count="${count}"`) : b.openTag.replace(new RegExp(`^<${prefix}${list}`), `<${prefix}${list} count="${count}"`);
  const el = `${open.replace(/\/>$/, ">")}${b.inner}${added.join("")}</${prefix}${list}>`;
  return { xml: xml.slice(0, b.start) + el + xml.slice(b.end), index };
}

/** The cell formats (cellXfs children) of a styles part's text, as written, in index order. */
export function cellXfChildren(xml: string, prefix: string): string[] {
  const b = findBlock(xml, prefix, "cellXfs");
  return b ? children(b.inner, prefix, "xf") : [];
}

/**
 * Adds our styles to a styles part's text and returns the new text and the indices to use.
 * @example addOurStyles(minimalStyles(ns)).styles.bold // 8
 */
export function addOurStyles(xml: string): { xml: string; styles: OurStyles } {
  const root = /<(\w+:)?styleSheet[\s>]/.exec(xml);
  if (!root) throw new PartShapeError("no <styleSheet> element");
  const p = root[1] ?? "";
  // Custom number formats get ids above every existing one (and above 163, the built-in range).
  const ids = [...xml.matchAll(/numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
  let nextId = Math.max(163, ...ids) + 1;
  const kinds = Object.keys(NUMBER_FORMATS) as ColumnFormat[];
  const fmtIds: Record<string, number> = {};
  const newFmts: string[] = [];
  // A custom format the workbook already has (any id) is reused.
  const known = new Map<string, number>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\s[^>]*>/g)) {
    const id = /numFmtId="(\d+)"/.exec(m[0]);
    const code = /formatCode="([^"]*)"/.exec(m[0]);
    if (id && code) known.set(unescapeAttribute(code[1]), Number(id[1]));
  }
  for (const k of kinds) {
    const code = NUMBER_FORMATS[k];
    if (BUILTIN[code] !== undefined) fmtIds[k] = BUILTIN[code];
    else if (known.has(code)) fmtIds[k] = known.get(code)!;
    else {
      fmtIds[k] = nextId++;
      known.set(code, fmtIds[k]);
      newFmts.push(`<${p}numFmt numFmtId="${fmtIds[k]}" formatCode="${code.replace(/"/g, "&quot;")}"/>`);
    }
  }
  if (newFmts.length) xml = appendOrReuse(xml, p, "numFmts", "numFmt", newFmts).xml;
  // Bold font: the default font (font 0) with <b/>, so headers match the workbook's typeface.
  const fonts = findBlock(xml, p, "fonts");
  const font0 = fonts ? /<(\w+:)?font(\s[^>]*)?>([\s\S]*?)<\/(\w+:)?font>/.exec(fonts.inner) : null;
  const boldFont = font0 ? `<${p}font${font0[2] ?? ""}><${p}b/>${font0[3].replace(/<(\w+:)?b(\s[^>]*)?\/>/g, "")}</${p}font>` : `<${p}font><${p}b/><${p}sz val="11"/></${p}font>`;
  const f = appendOrReuse(xml, p, "fonts", "font", [boldFont]);
  xml = f.xml;
  const hasStyleXfs = !!findBlock(xml, p, "cellStyleXfs");
  const xfId = hasStyleXfs ? ' xfId="0"' : "";
  const xfs = kinds.map((k) => `<${p}xf numFmtId="${fmtIds[k]}" fontId="0" fillId="0" borderId="0"${xfId} applyNumberFormat="1"/>`);
  xfs.push(`<${p}xf numFmtId="0" fontId="${f.index[0]}" fillId="0" borderId="0"${xfId} applyFont="1"/>`);
  const x = appendOrReuse(xml, p, "cellXfs", "xf", xfs);
  xml = x.xml;
  const styles = ["bad", "warning", "good"] as const;
  const dxfs = styles.map(
    (s) =>
      `<${p}dxf><${p}font><${p}color rgb="FF${HIGHLIGHT_COLORS[s].font}"/></${p}font><${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="FF${HIGHLIGHT_COLORS[s].fill}"/></${p}patternFill></${p}fill></${p}dxf>`,
  );
  const d = appendOrReuse(xml, p, "dxfs", "dxf", dxfs);
  xml = d.xml;
  const format = {} as Record<ColumnFormat, number>;
  kinds.forEach((k, i) => (format[k] = x.index[i]));
  return { xml, styles: { format, bold: x.index[kinds.length], dxf: { bad: d.index[0], warning: d.index[1], good: d.index[2] } } };
}
