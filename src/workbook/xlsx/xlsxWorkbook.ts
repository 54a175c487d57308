/**
 * The CLI's workbook port over an .xlsx file, without ExcelJS in the path of the user's data.
 * Reading streams only the parts asked for. Writing ({@link XlsxWorkbook.save}) copies every part we
 * do not own byte for byte (its compressed bytes, not even re-deflated), adds our sheets as new parts,
 * edits the few index parts that list sheets, appends our styles, and changes single cells of a user's
 * sheet in place. A chart, pivot, comment or custom property is never parsed, so it cannot be lost.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Cell, ColumnFormat, Highlight, OutputSheet, Table } from "../../engine/table";
import { OUTPUT_PREFIX } from "../../engine/detect";
import { isValidSheetName, validateHighlights, validateProtection } from "../format";
import { SheetExistsError, type CellUpdate, type ReadOptions, type SheetInfo, type WorkbookPort } from "../port";
import {
  appendRowsXml,
  editAppXml,
  editContentTypes,
  editRelationships,
  editWorkbookXml,
  isStrict,
  relationshipIds,
  setCells,
  shiftLocalSheetIds,
  STRICT_MAIN_NS,
  STRICT_REL_NS,
  TRANSITIONAL_MAIN_NS,
  TRANSITIONAL_REL_NS,
  WORKSHEET_CONTENT_TYPE,
  type NewSheetRef,
} from "./edits";
import { readRelationships, relKind, relsPartOf, resolveTarget, WorkbookFileError, XlsxPackage, type SheetEntry } from "./package";
import { logSheetParts, outputSheetParts } from "./sheetXml";
import { addOurStyles, minimalStyles, type OurStyles } from "./styles";
import {
  addUnlockedStyles,
  chartRange,
  chartXml,
  CHART_CONTENT_TYPE,
  DRAWING_CONTENT_TYPE,
  DRAWING_ELEMENT,
  drawingChartRels,
  drawingXml,
  editableFormats,
  newPasswordHash,
  REL_NS_ATTRIBUTE,
  sheetDrawingRels,
  sheetProtectionXml,
  unlockedColumnStyles,
  type PasswordHash,
} from "./sheetExtras";
import type { SheetPartExtras } from "./sheetXml";
import { ZipFormatError, ZipWriter } from "./zip";
import { PartShapeError } from "./xml";

/** Thrown when an update names a sheet that does not exist (a caller bug: updates follow a read). */
export class SheetMissingError extends Error {
  override name = "SheetMissingError";
  constructor(readonly sheet: string) {
    super(`sheet "${sheet}" does not exist`);
  }
}

type Pending = { kind: "output"; sheet: OutputSheet; replaces: string | null } | { kind: "log"; name: string; header: string[]; rows: Cell[][]; highlights: Highlight[] };

/** A workbook port over an .xlsx file; changes are kept until {@link save}. */
export class XlsxWorkbook implements WorkbookPort {
  private readonly pending: Pending[] = [];
  private readonly removed = new Set<string>();
  private readonly updates = new Map<string, Map<number, Map<number, Cell>>>();
  private readonly appended = new Map<string, Cell[][]>();

  private constructor(readonly pkg: XlsxPackage) {}

  /** Opens a workbook (throws WorkbookFileError, with what to do, when it cannot be read). */
  static async open(file: string): Promise<XlsxWorkbook> {
    return new XlsxWorkbook(await XlsxPackage.open(file));
  }

  async close(): Promise<void> {
    await this.pkg.close();
  }

  private find(name: string): SheetEntry | undefined {
    if (this.removed.has(name.toLowerCase())) return undefined;
    return this.pkg.sheets.find((s) => s.name === name) ?? this.pkg.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  async listSheets(): Promise<SheetInfo[]> {
    const out: SheetInfo[] = [];
    for (const s of this.pkg.sheets) {
      const replacement = this.pending.find((p) => p.kind === "output" && p.replaces?.toLowerCase() === s.name.toLowerCase());
      if (replacement && replacement.kind === "output") out.push({ name: replacement.sheet.name, visible: true });
      else if (!this.removed.has(s.name.toLowerCase())) out.push({ name: s.name, visible: s.state === "visible" });
    }
    for (const p of this.pending) {
      if (p.kind === "output" && !p.replaces) out.push({ name: p.sheet.name, visible: true });
      if (p.kind === "log") out.push({ name: p.name, visible: true });
    }
    return out;
  }

  /** A damaged part found while reading or writing becomes a WorkbookFileError naming the file. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (e instanceof ZipFormatError) throw new WorkbookFileError(this.pkg.file, e.problem);
      throw e;
    }
  }

  async readTables(names: string[], options: ReadOptions = {}): Promise<Table[]> {
    return this.guard(() => this.read(names, options));
  }

  private async read(names: string[], options: ReadOptions): Promise<Table[]> {
    const out: Table[] = [];
    for (const name of names) {
      const s = this.find(name);
      if (!s) continue;
      const values = await this.pkg.readSheet(s, options.maxRows);
      out.push({ sheet: s.name, firstRow: 1, firstColumn: 1, values });
    }
    return out;
  }

  /**
   * Adds sheets. `replace` names earlier sheets of ours ("Fairshare …") removed in the same batch; a new
   * sheet takes a replaced sheet's place (the one of the same name, else the replaced ones in order).
   */
  async addSheets(sheets: OutputSheet[], options: { replace?: string[] } = {}): Promise<void> {
    const replace = options.replace ?? [];
    for (const r of replace) {
      const s = this.find(r);
      if (!s) throw new SheetMissingError(r);
      if (!s.name.startsWith(OUTPUT_PREFIX)) throw new RangeError(`sheet "${r}" is not a Fairshare sheet and cannot be replaced`);
    }
    const replacedLower = new Set(replace.map((r) => r.toLowerCase()));
    const taken = new Set((await this.listSheets()).map((s) => s.name.toLowerCase()).filter((n) => !replacedLower.has(n)));
    const clashes = sheets.filter((s) => taken.has(s.name.toLowerCase())).map((s) => s.name);
    for (const s of sheets) {
      if (!isValidSheetName(s.name)) throw new RangeError(`invalid sheet name "${s.name}"`);
      validateHighlights(s.name, s.columns.map((c) => c.header), s.highlights ?? []);
      validateProtection(s.name, s.columns.map((c) => c.header), s.protection);
    }
    if (clashes.length) throw new SheetExistsError(clashes[0], clashes);
    const free = replace.filter((r) => !sheets.some((s) => s.name.toLowerCase() === r.toLowerCase()));
    for (const s of sheets) {
      const same = replace.find((r) => r.toLowerCase() === s.name.toLowerCase());
      const target = same ?? free.shift() ?? null;
      this.pending.push({ kind: "output", sheet: s, replaces: target ? this.find(target)!.name : null });
    }
    for (const r of replace) this.removed.add(this.find(r)!.name.toLowerCase());
  }

  async updateCells(updates: CellUpdate[]): Promise<void> {
    for (const u of updates) if (!this.find(u.sheet)) throw new SheetMissingError(u.sheet);
    for (const u of updates) {
      const name = this.find(u.sheet)!.name;
      const rows = this.updates.get(name) ?? new Map<number, Map<number, Cell>>();
      const cells = rows.get(u.row) ?? new Map<number, Cell>();
      cells.set(u.column, u.value);
      rows.set(u.row, cells);
      this.updates.set(name, rows);
    }
  }

  /** A sheet it creates gets the highlights on rows 2 to 100,000, as the other adapters do. */
  async appendRows(sheet: string, header: string[], rows: Cell[][], options: { highlights?: Highlight[] } = {}): Promise<void> {
    const highlights = options.highlights ?? [];
    validateHighlights(sheet, header, highlights);
    const existing = this.find(sheet);
    if (existing) {
      this.appended.set(existing.name, [...(this.appended.get(existing.name) ?? []), ...rows]);
      return;
    }
    const log = this.pending.find((p) => p.kind === "log" && p.name.toLowerCase() === sheet.toLowerCase());
    if (log && log.kind === "log") log.rows.push(...rows);
    else {
      if (!isValidSheetName(sheet)) throw new RangeError(`invalid sheet name "${sheet}"`);
      this.pending.push({ kind: "log", name: sheet, header, rows: [...rows], highlights });
    }
  }

  /** A file has no user to show a sheet to. */
  async activate(): Promise<void> {}

  /**
   * Writes the output workbook to `out` (a new file; the caller renames it into place).
   */
  async save(out: string): Promise<void> {
    return this.guard(() => this.write(out));
  }

  private async write(out: string): Promise<void> {
    const pkg = this.pkg;
    const wbPart = pkg.workbookPart;
    const replaced = new Map<string, string>(); // part → new content
    const removedParts = new Set<string>();
    let workbookXml = (await pkg.editableText(wbPart))!;
    const strict = isStrict(workbookXml);
    const mainNs = strict ? STRICT_MAIN_NS : TRANSITIONAL_MAIN_NS;
    const relNs = strict ? STRICT_REL_NS : TRANSITIONAL_REL_NS;
    const relsPart = relsPartOf(wbPart);
    let relsXml = (await pkg.editableText(relsPart)) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const types = await pkg.editableText("[Content_Types].xml");
    if (types === null) throw new ZipFormatError("noContentTypes");
    let typesXml = types;
    const newParts: { part: string; data: Iterable<string> }[] = [];
    const addRels: { id: string; type: string; target: string }[] = [];
    const addTypes: { part: string; type: string }[] = [];
    const removeRelIds: string[] = [];
    const removeTypes: string[] = [];
    const usedIds = relationshipIds(relsXml);
    const newId = () => {
      let i = usedIds.size + 1;
      while (usedIds.has(`rId${i}`)) i++;
      usedIds.add(`rId${i}`);
      return `rId${i}`;
    };

    // Styles: needed only when we write sheets of our own (and unlocked copies only for protected sheets).
    let styles: OurStyles | null = null;
    let unlocked: Partial<Record<ColumnFormat, number>> = {};
    if (this.pending.length) {
      const stylesPart = pkg.stylesPart();
      const base = stylesPart ? (await pkg.editableText(stylesPart))! : minimalStyles(mainNs);
      const edited = inPart(stylesPart ?? "", () => addOurStyles(base));
      styles = edited.styles;
      const formats = editableFormats(this.pending.flatMap((p) => (p.kind === "output" ? [p.sheet] : [])));
      if (formats.length) ({ xml: edited.xml, unlocked } = inPart(stylesPart ?? "", () => addUnlockedStyles(edited.xml, styles!, formats)));
      if (stylesPart) {
        if (edited.xml !== base) replaced.set(stylesPart, edited.xml);
      }
      else {
        const part = path.posix.join(path.posix.dirname(wbPart), "fairshareStyles.xml");
        newParts.push({ part, data: [edited.xml] });
        addRels.push({ id: newId(), type: `${relNs}/styles`, target: path.posix.relative(path.posix.dirname(wbPart), part) });
        addTypes.push({ part: `/${part}`, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml" });
      }
    }

    // Sheets we replace: their part, their relationships and their tables go.
    const removedNames: string[] = [];
    const removedIndices: number[] = [];
    for (const s of pkg.sheets) {
      if (!this.removed.has(s.name.toLowerCase())) continue;
      removedNames.push(s.name);
      removeRelIds.push(s.relId);
      if (!s.part) continue;
      removedParts.add(s.part);
      removeTypes.push(`/${s.part}`);
      // Its tables, drawings and charts (ours: only Fairshare sheets are replaced) go with it.
      for (const part of await ownedParts(pkg, s.part)) {
        removedParts.add(part);
        if (!part.endsWith(".rels")) removeTypes.push(`/${part}`);
      }
    }
    // Indices of removed sheets that no new sheet takes the place of (defined names shift past them).
    pkg.sheets.forEach((s, i) => {
      if (this.removed.has(s.name.toLowerCase()) && !this.pending.some((p) => p.kind === "output" && p.replaces === s.name)) removedIndices.push(i);
    });

    // New sheet parts: first free sheetN.xml in the workbook's worksheets folder.
    const sheetDir = path.posix.join(path.posix.dirname(wbPart), "worksheets");
    let n = 1;
    const nextPart = () => {
      while (pkg.entry(`${sheetDir}/sheet${n}.xml`) && !removedParts.has(pkg.entry(`${sheetDir}/sheet${n}.xml`)!.name)) n++;
      return `${sheetDir}/sheet${n++}.xml`;
    };
    const refs: NewSheetRef[] = [];
    const addedNames: string[] = [];
    const extras = new SheetExtrasWriter(pkg, removedParts, path.posix.dirname(wbPart), strict, unlocked);
    for (const p of this.pending) {
      const part = nextPart();
      const xml = p.kind === "output" ? outputSheetParts(p.sheet, styles!, mainNs, extras.forSheet(p.sheet, part, newParts, addTypes)) : logSheetParts(p.header, p.rows, p.highlights, styles!, mainNs);
      const name = p.kind === "output" ? p.sheet.name : p.name;
      newParts.push({ part, data: xml });
      const id = newId();
      addRels.push({ id, type: `${relNs}/worksheet`, target: path.posix.relative(path.posix.dirname(wbPart), part) });
      addTypes.push({ part: `/${part}`, type: WORKSHEET_CONTENT_TYPE });
      refs.push({ name, relId: id, before: p.kind === "output" ? p.replaces : null });
      addedNames.push(name);
    }
    // A removed part may be reused for a new sheet of the same path: it is then simply rewritten (its old
    // content-type Override goes and the new one comes, so the part is listed once).
    for (const np of newParts) removedParts.delete(np.part);

    if (refs.length || removedNames.length) {
      workbookXml = inPart(wbPart, () => shiftLocalSheetIds(editWorkbookXml(workbookXml, refs, removedNames), removedIndices));
      replaced.set(wbPart, workbookXml);
      relsXml = inPart(relsPart, () => editRelationships(relsXml, addRels, removeRelIds));
      replaced.set(relsPart, relsXml);
      typesXml = inPart("[Content_Types].xml", () => editContentTypes(typesXml, addTypes, removeTypes));
      replaced.set("[Content_Types].xml", typesXml);
      const appPart = pkg.entry("docProps/app.xml")?.name;
      // docProps/app.xml is only a summary Excel rewrites on save: a damaged one is left as it is.
      const appXml = appPart ? await pkg.editableText(appPart).catch((e) => (e instanceof ZipFormatError ? null : Promise.reject(e))) : null;
      if (appPart && appXml !== null) {
        const app = editAppXml(appXml, addedNames, removedNames);
        if (app !== null) replaced.set(appPart, app);
      }
    }

    // Cell changes and appended rows on existing sheets: edited in place.
    for (const [name, rows] of this.updates) {
      const s = this.find(name);
      if (!s?.part) throw new SheetMissingError(name);
      const xml = replaced.get(s.part) ?? (await pkg.text(s.part))!;
      replaced.set(s.part, inPart(s.part, () => setCells(xml, rows)));
    }
    for (const [name, rows] of this.appended) {
      const s = this.find(name);
      if (!s?.part) throw new SheetMissingError(name);
      const xml = replaced.get(s.part) ?? (await pkg.text(s.part))!;
      replaced.set(s.part, inPart(s.part, () => appendRowsXml(xml, rows, 0)));
    }

    const fh = await fs.open(out, "wx");
    try {
      const zip = new ZipWriter(fh);
      const newByPart = new Map(newParts.map((p) => [p.part, p.data]));
      for (const e of pkg.zip.entries) {
        if (removedParts.has(e.name)) continue;
        const edited = replaced.get(e.name);
        const created = newByPart.get(e.name);
        if (edited !== undefined) await zip.add(e.name, Buffer.from(edited, "utf8"));
        else if (created !== undefined) {
          await zip.addText(e.name, created);
          newByPart.delete(e.name);
        } else await zip.copy(pkg.zip, e);
      }
      for (const [part, data] of newByPart) await zip.addText(part, data);
      await zip.finish();
    } finally {
      await fh.close();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Output sheets' protection and charts as parts (see sheetExtras.ts): kept apart from the writer above.
// ---------------------------------------------------------------------------------------------

/** Relationship kinds whose targets belong to the part that points at them (and go when it goes). */
const OWNED_KINDS = new Set(["table", "drawing", "chart", "chartUserShapes", "chartStyle", "chartColorStyle", "themeOverride"]);

/**
 * The parts that go with a removed sheet of ours: its relationships part and, through it, its tables and
 * drawings, the drawings' charts and the charts' own parts (styles, colours, shapes), with their
 * relationships parts. Images and anything shared are never followed.
 */
async function ownedParts(pkg: XlsxPackage, part: string, seen = new Set<string>()): Promise<string[]> {
  const rels = relsPartOf(part);
  if (!pkg.entry(rels) || seen.has(rels)) return [];
  seen.add(rels);
  const out = [rels];
  for (const r of await readRelationships(pkg.zip, rels)) {
    if (r.external || !OWNED_KINDS.has(relKind(r.type))) continue;
    const target = resolveTarget(part, r.target);
    const entry = pkg.entry(target);
    if (!entry || seen.has(entry.name)) continue;
    seen.add(entry.name);
    out.push(entry.name, ...(await ownedParts(pkg, entry.name, seen)));
  }
  return out;
}

/**
 * Makes the extra parts of each new output sheet: the protection element (a password is hashed once per
 * save, whatever the number of sheets) and, for a sheet with a chart, its relationships, drawing and chart
 * parts under free names. Strict OOXML workbooks get no chart (their drawing namespaces differ).
 */
class SheetExtrasWriter {
  private readonly hashes = new Map<string, PasswordHash>();
  private drawingNumber = 1;
  private chartNumber = 1;
  private readonly taken = new Set<string>();

  constructor(
    private readonly pkg: XlsxPackage,
    private readonly removedParts: ReadonlySet<string>,
    private readonly xlDir: string,
    private readonly strict: boolean,
    private readonly unlocked: Partial<Record<ColumnFormat, number>>,
  ) {}

  /** A part name `${dir}/${stem}N.xml` free in the package (a part being removed counts as free). */
  private free(dir: string, stem: string, from: number): { part: string; n: number } {
    for (let n = from; ; n++) {
      const part = `${dir}/${stem}${n}.xml`;
      const existing = this.pkg.entry(part);
      if ((existing && !this.removedParts.has(existing.name)) || this.taken.has(part.toLowerCase())) continue;
      this.taken.add(part.toLowerCase());
      return { part, n };
    }
  }

  forSheet(sheet: OutputSheet, sheetPart: string, newParts: { part: string; data: Iterable<string> }[], addTypes: { part: string; type: string }[]): SheetPartExtras {
    const extras: SheetPartExtras = {};
    if (sheet.protection) {
      const password = sheet.protection.password ?? "";
      let hash = password ? this.hashes.get(password) : undefined;
      if (password && !hash) this.hashes.set(password, (hash = newPasswordHash(password)));
      extras.protectionXml = sheetProtectionXml(hash ?? null);
      extras.columnStyles = unlockedColumnStyles(sheet, this.unlocked);
    }
    if (chartRange(sheet) && !this.strict) {
      const drawing = this.free(path.posix.join(this.xlDir, "drawings"), "drawing", this.drawingNumber);
      this.drawingNumber = drawing.n + 1;
      const chart = this.free(path.posix.join(this.xlDir, "charts"), "chart", this.chartNumber);
      this.chartNumber = chart.n + 1;
      newParts.push(
        { part: relsPartOf(sheetPart), data: [sheetDrawingRels(path.posix.relative(path.posix.dirname(sheetPart), drawing.part))] },
        { part: drawing.part, data: [drawingXml(sheet, chart.n)] },
        { part: relsPartOf(drawing.part), data: [drawingChartRels(path.posix.relative(path.posix.dirname(drawing.part), chart.part))] },
        { part: chart.part, data: [chartXml(sheet)] },
      );
      addTypes.push({ part: `/${drawing.part}`, type: DRAWING_CONTENT_TYPE }, { part: `/${chart.part}`, type: CHART_CONTENT_TYPE });
      extras.drawingXml = DRAWING_ELEMENT;
      extras.rootAttributes = REL_NS_ATTRIBUTE;
    }
    return extras;
  }
}

/** Runs a text edit of a part; a part lacking what the edit needs is a damaged part, named. */
function inPart<T>(part: string, edit: () => T): T {
  try {
    return edit();
  } catch (e) {
    if (e instanceof PartShapeError) throw new ZipFormatError("badXml", { part, why: e.message });
    throw e;
  }
}
