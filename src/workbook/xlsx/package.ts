/**
 * An .xlsx opened for reading: which parts make the workbook, its sheets in tab order, and each
 * sheet's values read in one streaming pass. Parts are found through the relationships, never by
 * their position in the zip or an assumed name, so files from Excel, LibreOffice, Google Sheets,
 * Numbers, openpyxl and ExcelJS (and Strict OOXML) read alike. Optional parts (shared strings,
 * styles) may be missing.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { NOT_CALCULATED, type Cell } from "../../engine/table";
import { columnLetter } from "../../engine/settings/parse";
import { attribute, eachAttribute, scanXml } from "./scanXml";
import { localName, once, parseXml, StopParsing, unescapeOoxml, type Attributes } from "./xml";
import { fileProblemText, type FileProblem, type FileProblemKey } from "./problems";
import { ZipArchive, ZipFormatError, type ZipEntry } from "./zip";

/** Thrown when a file cannot be read as a workbook; the problem says what it is and what to do. */
export class WorkbookFileError extends Error {
  override name = "WorkbookFileError";
  /** The problem in English (the message is "<file>: <reason>"). */
  readonly reason: string;
  constructor(
    readonly file: string,
    readonly problem: FileProblem,
  ) {
    const reason = fileProblemText(problem, "en-US");
    super(`${file}: ${reason}`);
    this.reason = reason;
  }
}

export interface SheetEntry {
  name: string;
  sheetId: string;
  relId: string;
  /** Zip path of the sheet's part, or null when the relationship points nowhere. */
  part: string | null;
  state: "visible" | "hidden" | "veryHidden";
  /** worksheet, chartsheet, dialogsheet… (only worksheets hold cells). */
  kind: string;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The last path segment of a relationship type, the same for Transitional and Strict. */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

/** Resolves a relationship target against the part that owns the relationships. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return path.posix.normalize(target.slice(1));
  return path.posix.normalize(path.posix.join(path.posix.dirname(sourcePart), target));
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  const dir = path.posix.dirname(part);
  return `${dir === "." ? "" : `${dir}/`}_rels/${path.posix.basename(part)}.rels`;
}

/** Excel's built-in date and time formats (ids 14–22, 27–36, 45–47, 50–58 in East Asian locales). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * Whether a number format code shows a date or time: y, m, d, h or s outside quotes, escapes and
 * brackets (`[Red]`, `[$-804]`; elapsed `[h]` is a duration, not a date).
 * @example isDateFormat('yyyy"年"m"月"d"日"') // true
 */
export function isDateFormat(code: string): boolean {
  const first = code.split(";")[0];
  const bare = first.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "").replace(/[_*]./g, "");
  if (/^general$/i.test(bare.trim())) return false;
  return /[ymdhs]/i.test(bare) && !/[0#?]/.test(bare.replace(/\.0+/g, ""));
}

/** Excel serial to a Date (UTC calendar fields), as ExcelJS reads it. */
export function serialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial;
  return new Date(Math.round((days - 25569) * 86400000));
}

/** Column number (1-based) of a cell reference such as "AB12"; 0 when it has no letters. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + c - 64;
    else if (c >= 97 && c <= 122) n = n * 26 + c - 96;
    else break;
  }
  return n;
}

/**
 * A part's XML as text. XML may be stored as UTF-16 (with its byte-order mark); such a part is only
 * ever read to be edited, and is written back as UTF-8, so its declaration is made to say so.
 */
export function decodePart(data: Buffer): string {
  const le = data[0] === 0xff && data[1] === 0xfe;
  const be = data[0] === 0xfe && data[1] === 0xff;
  if (!le && !be) return data.toString("utf8");
  const body = le ? data.subarray(2) : Buffer.from(data.subarray(2, 2 + ((data.length - 2) & ~1))).swap16();
  return body.toString("utf16le").replace(/^(<\?xml[^>]*?encoding\s*=\s*["'])[^"']*(["'])/, "$1UTF-8$2");
}

/** Excel's sheet size: 1,048,576 rows by 16,384 columns (XFD). */
const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;

/** Row number of a cell reference such as "AB12". */
function rowOf(ref: string): number {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) > 57) i++;
  return Number(ref.slice(i));
}

/** What the file is when it is not a zip, from its first bytes. */
async function describeNonZip(file: string): Promise<FileProblemKey | null> {
  const fh = await fs.open(file, "r");
  try {
    const size = (await fh.stat()).size;
    if (size === 0) return "emptyFile";
    const head = Buffer.alloc(Math.min(size, 8));
    await fh.read(head, 0, head.length, 0);
    if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) return null;
    if (head.length >= 4 && head.readUInt32LE(0) === 0x06054b50) return "emptyZip";
    if (head.length === 8 && head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
      // An OLE compound file: an encrypted .xlsx (it holds an EncryptionInfo stream) or a legacy .xls.
      const all = await fh.readFile();
      if (all.includes(Buffer.from("EncryptionInfo", "utf16le"))) return "encrypted";
      return "oldXls";
    }
    const text = Buffer.alloc(Math.min(size, 4096));
    await fh.read(text, 0, text.length, 0);
    const s = text.toString("utf8");
    if (/^\s*</.test(s)) return "xmlFile";
    if (!/[\x00-\x08\x0e-\x1f]/.test(s) && /[,;\t]/.test(s)) return "csvFile";
    return "notZip";
  } finally {
    await fh.close();
  }
}

/** A workbook package open for reading. Close it when done. */
export class XlsxPackage {
  private sharedStrings: string[] | null = null;
  private dateStyles: boolean[] | null = null;

  private constructor(
    readonly file: string,
    readonly zip: ZipArchive,
    readonly workbookPart: string,
    readonly sheets: SheetEntry[],
    readonly date1904: boolean,
    readonly workbookRels: Relationship[],
  ) {}

  /**
   * Opens a workbook: reads the zip directory, the package relationships, the workbook part and its
   * relationships. Throws WorkbookFileError (with what to do) for anything that is not a readable .xlsx.
   */
  static async open(file: string): Promise<XlsxPackage> {
    const what = await describeNonZip(file).catch((e: NodeJS.ErrnoException) => {
      throw new WorkbookFileError(file, e.code === "EISDIR" ? { key: "folder" } : { key: "unreadable", params: { code: e.code ?? e.message } });
    });
    if (what) throw new WorkbookFileError(file, { key: what });
    let zip: ZipArchive;
    try {
      zip = await ZipArchive.open(file);
    } catch (e) {
      if (e instanceof ZipFormatError) throw new WorkbookFileError(file, e.problem);
      throw e;
    }
    try {
      return await XlsxPackage.load(file, zip);
    } catch (e) {
      await zip.close();
      if (e instanceof ZipFormatError) throw new WorkbookFileError(file, e.problem);
      throw e;
    }
  }

  private static async load(file: string, zip: ZipArchive): Promise<XlsxPackage> {
    if (zip.entries.some((e) => e.flags & 1)) throw new ZipFormatError("encrypted");
    const rootRels = zip.get("_rels/.rels") ? await readRelationships(zip, "_rels/.rels") : [];
    const officeDoc = rootRels.find((r) => relKind(r.type) === "officeDocument" && !r.external);
    let workbookPart = officeDoc ? resolveTarget("", officeDoc.target) : "xl/workbook.xml";
    if (!zip.get(workbookPart) && zip.get("xl/workbook.xml")) workbookPart = "xl/workbook.xml";
    const wbEntry = zip.get(workbookPart);
    if (!wbEntry) {
      if (zip.get("content.xml")) throw new ZipFormatError("ods");
      if (zip.get("word/document.xml")) throw new ZipFormatError("wordDocument");
      throw new ZipFormatError("noWorkbookPart");
    }
    workbookPart = wbEntry.name;
    const relsPart = relsPartOf(workbookPart);
    const rels = zip.get(relsPart) ? await readRelationships(zip, relsPart) : [];
    const byId = new Map(rels.map((r) => [r.id, r]));
    const sheets: SheetEntry[] = [];
    let date1904 = false;
    await parseXml(
      zip.stream(wbEntry),
      {
        open(name, a) {
          if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
          else if (name === "sheet") {
            const relId = relationshipId(a);
            const rel = byId.get(relId);
            const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
            sheets.push({
              name: a.name ?? "",
              sheetId: a.sheetId ?? "",
              relId,
              part: rel && !rel.external ? resolveTarget(workbookPart, rel.target) : null,
              state,
              kind: rel ? relKind(rel.type) : "worksheet",
            });
          }
        },
      },
      workbookPart,
    );
    // Without relationships (some minimal writers) fall back to the conventional part names.
    sheets.forEach((s, i) => {
      if (!s.part && zip.get(`xl/worksheets/sheet${i + 1}.xml`)) s.part = `xl/worksheets/sheet${i + 1}.xml`;
      if (s.part) s.part = zip.get(s.part)?.name ?? s.part;
    });
    return new XlsxPackage(file, zip, workbookPart, sheets, date1904, rels);
  }

  async close(): Promise<void> {
    await this.zip.close();
  }

  /** The zip entry of a part, if present. */
  entry(part: string): ZipEntry | undefined {
    return this.zip.get(part);
  }

  /** A part's text (UTF-8). */
  async text(part: string): Promise<string | null> {
    const e = this.zip.get(part);
    return e ? decodePart(await this.zip.read(e)) : null;
  }

  /**
   * A part's text to be edited, after checking that it is well-formed XML: a damaged part we would
   * edit is a "damaged part" problem before anything is written, never a half-edited part.
   */
  async editableText(part: string): Promise<string | null> {
    const e = this.zip.get(part);
    if (!e) return null;
    const text = decodePart(await this.zip.read(e));
    await parseXml(once(Buffer.from(text, "utf8")), {}, part);
    return text;
  }

  private partOf(kind: string): string | null {
    const rel = this.workbookRels.find((r) => relKind(r.type) === kind && !r.external);
    if (rel) {
      const p = resolveTarget(this.workbookPart, rel.target);
      if (this.zip.get(p)) return p;
    }
    // Without relationships at all, the conventional name (as for sheets above).
    if (!this.workbookRels.length) {
      const conventional = this.zip.get(path.posix.join(path.posix.dirname(this.workbookPart), `${kind}.xml`));
      if (conventional) return conventional.name;
    }
    return null;
  }

  /** The styles part's path, if the workbook has one. */
  stylesPart(): string | null {
    return this.partOf("styles");
  }

  private async loadSharedStrings(): Promise<string[]> {
    if (this.sharedStrings) return this.sharedStrings;
    const part = this.partOf("sharedStrings");
    const out: string[] = [];
    if (part) {
      let inSi = false;
      let skip = 0; // inside rPh (phonetic guide) or rPr, whose text is not the cell's
      let inT = false;
      let cur = "";
      await parseXml(
        this.zip.stream(this.zip.get(part)!),
        {
          // saxes reports a close for self-closed elements too, so every open is paired.
          open(name) {
            if (name === "si") (inSi = true), (cur = "");
            else if (name === "rPh") skip++;
            else if (name === "t") inT = true;
          },
          close(name) {
            if (name === "si" && inSi) (out.push(unescapeOoxml(cur)), (inSi = false));
            else if (name === "rPh") skip--;
            else if (name === "t") inT = false;
          },
          text(t) {
            if (inSi && inT && skip === 0) cur += t;
          },
        },
        part,
      );
    }
    this.sharedStrings = out;
    return out;
  }

  private async loadDateStyles(): Promise<boolean[]> {
    if (this.dateStyles) return this.dateStyles;
    const part = this.stylesPart();
    const custom = new Map<number, string>();
    const xfFormats: number[] = [];
    if (part) {
      let depth = 0;
      let inCellXfs = false;
      let cellXfsDepth = 0;
      await parseXml(
        this.zip.stream(this.zip.get(part)!),
        {
          open(name, a, selfClosing) {
            if (name === "numFmt") custom.set(Number(a.numFmtId), a.formatCode ?? "");
            else if (name === "cellXfs" && !selfClosing) (inCellXfs = true), (cellXfsDepth = depth + 1);
            else if (name === "xf" && inCellXfs && depth === cellXfsDepth) xfFormats.push(Number(a.numFmtId ?? 0));
            depth++; // saxes closes self-closed elements too
          },
          close(name) {
            depth--;
            if (name === "cellXfs") inCellXfs = false;
          },
        },
        part,
      );
    }
    this.dateStyles = xfFormats.map((id) => (custom.has(id) ? isDateFormat(custom.get(id)!) : BUILTIN_DATE_FORMATS.has(id)));
    return this.dateStyles;
  }

  /**
   * A sheet's values from row 1 and column 1, in one streaming pass: shared and inline strings,
   * numbers, booleans, errors as their text ("#N/A"), formulas as their cached value, and numbers in a
   * date format as Dates (in the workbook's 1900 or 1904 system). `maxRows` stops after that many rows.
   */
  async readSheet(sheet: SheetEntry, maxRows = Infinity): Promise<Cell[][]> {
    const values: Cell[][] = [];
    if (sheet.kind !== "worksheet") return values;
    // A sheet the workbook lists without its part: damage (Excel would repair the file by dropping it).
    const entry = sheet.part ? this.zip.get(sheet.part) : undefined;
    if (!entry) throw new ZipFormatError("missingSheetPart", { sheet: sheet.name, part: sheet.part ?? "—" });
    const shared = await this.loadSharedStrings();
    const dates = await this.loadDateStyles();
    const date1904 = this.date1904;
    let row: Cell[] | null = null;
    // Rows are allocated at the last row's width: an array grown cell by cell reserves ~4x the room,
    // which at a million rows is hundreds of MB.
    let width = 0;
    let rowNumber = 0;
    let col = 0;
    let type = "n";
    let style = 0;
    let text = "";
    let collecting = false;
    let inIs = false;
    let skip = 0;
    let hasValue = false;
    let hasFormula = false;
    const finishCell = () => {
      // A formula stored without its result (openpyxl and other tools that do not calculate write
      // <f>…</f><v/>) is "not calculated", never a blank the engine would read as no value.
      const uncalculated = hasFormula && (!hasValue || (type !== "str" && type !== "inlineStr" && type !== "s" && text.trim() === ""));
      if (!hasValue && !uncalculated) return;
      if (!row) {
        // Created at the first value: rows of empty (styled) cells cost nothing.
        row = width ? new Array<Cell>(width) : [];
        values[rowNumber - 1] = row;
      }
      let v: Cell;
      if (uncalculated) type = "uncalculated";
      switch (type) {
        case "uncalculated":
          v = NOT_CALCULATED;
          break;
        case "s": {
          // An index that is not one of the shared strings is damage, never a blank or another cell's text.
          const t = text.trim();
          const s = /^\d+$/.test(t) ? shared[Number(t)] : undefined;
          if (s === undefined) throw new ZipFormatError("badSharedString", { part: entry.name, cell: `${columnLetter(col)}${rowNumber}`, index: t, count: shared.length });
          v = s;
          break;
        }
        case "inlineStr":
        case "str":
          v = unescapeOoxml(text);
          break;
        case "b":
          v = text.trim() === "1" || text.trim().toLowerCase() === "true";
          break;
        case "e":
          v = text.trim();
          break;
        case "d": {
          const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
          v = Number.isNaN(d.getTime()) ? text : d;
          break;
        }
        default: {
          const t = text.trim();
          if (t === "") {
            v = null;
            break;
          }
          const n = Number(t);
          v = Number.isNaN(n) ? t : dates[style] ? serialToDate(n, date1904) : n;
        }
      }
      row[col - 1] = v;
    };
    await scanXml(
      this.zip.stream(entry),
      {
        open(name, raw, selfClosing) {
          switch (name) {
            case "row": {
              const r = attribute(raw, "r");
              rowNumber = r ? Number(r) : rowNumber + 1;
              // A row outside the sheet would be dropped (0) or allocate millions of empty rows: damage.
              if (!(rowNumber >= 1 && rowNumber <= MAX_ROWS && Number.isInteger(rowNumber))) throw new ZipFormatError("badReference", { part: entry.name, ref: r ?? String(rowNumber) });
              if (rowNumber > maxRows) throw new StopParsing();
              row = null;
              col = 0;
              break;
            }
            case "c": {
              let r: string | null = null;
              type = "n";
              style = 0;
              // One pass over the attributes (r, s and t are all a cell has that we need; values are plain ASCII).
              eachAttribute(raw, (k, v) => {
                if (k === "r") r = v;
                else if (k === "t") type = v;
                else if (k === "s") style = Number(v) || 0;
              });
              if (r) {
                col = columnOf(r);
                // A reference that names no cell of a sheet ("A0", "2B", past column XFD) is damage, never a guess.
                const at = rowOf(r);
                if (!(col >= 1 && col <= MAX_COLUMNS && at >= 1 && at <= MAX_ROWS && Number.isInteger(at))) throw new ZipFormatError("badReference", { part: entry.name, ref: r });
                // A cell outside a row element: not valid, but place it by its reference.
                if (!row) rowNumber = at;
              } else col++;
              text = "";
              hasValue = false;
              hasFormula = false;
              inIs = false;
              skip = 0;
              break;
            }
            case "v":
              if (!selfClosing) (collecting = true), (hasValue = true);
              break;
            case "f":
              hasFormula = true;
              break;
            case "is":
              inIs = true;
              hasValue = true;
              break;
            case "rPh":
              skip++; // closed by a closetag event even when self-closed
              break;
            case "t":
              if (inIs && !selfClosing && skip === 0) collecting = true;
              break;
          }
        },
        close(name) {
          switch (name) {
            case "v":
            case "t":
              collecting = false;
              break;
            case "rPh":
              skip--;
              break;
            case "is":
              inIs = false;
              break;
            case "c":
              finishCell();
              hasValue = false;
              break;
            case "row":
              if (row) width = row.length;
              row = null;
              break;
          }
        },
        text(t) {
          if (collecting) text += t;
        },
      },
      entry.name,
    );
    for (let i = 0; i < values.length; i++) {
      const r = values[i];
      if (r === undefined) values[i] = [];
      else for (let j = 0; j < r.length; j++) if (r[j] === undefined) r[j] = null;
    }
    return values;
  }
}

/** The `r:id` of an element, whatever prefix the relationships namespace has. */
function relationshipId(a: Attributes): string {
  for (const k in a) if (k !== "id" && localName(k) === "id" && k.includes(":")) return a[k];
  return a.id ?? "";
}

/** Reads a relationships part. */
export async function readRelationships(zip: ZipArchive, part: string): Promise<Relationship[]> {
  const out: Relationship[] = [];
  await parseXml(
    once(await zip.read(zip.get(part)!)),
    {
      open(name, a) {
        if (name === "Relationship") out.push({ id: a.Id ?? "", type: a.Type ?? "", target: a.Target ?? "", external: a.TargetMode === "External" });
      },
    },
    part,
  );
  return out;
}
