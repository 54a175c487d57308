/**
 * CSV exports as a workbook: each file becomes a sheet named after it, in a new in-memory workbook
 * served by the ExcelJS adapter, so check, run and the written result are exactly the .xlsx path's.
 * Handles UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030 (what Chinese Excel writes), and
 * `,` `;` or tab delimiters with quoted fields (parsed by @fast-csv/parse).
 */
import { parseString } from "@fast-csv/parse";
import ExcelJS from "exceljs";
import { promises as fs, statSync } from "node:fs";
import path from "node:path";
import type { Cell } from "../engine/table";
import { ExcelJsWorkbook } from "./exceljsAdapter";

/**
 * Decodes a CSV file's bytes: a BOM decides; otherwise valid UTF-8 is UTF-8 and anything else is
 * GB18030 (a superset of GBK).
 * @example decodeCsv(Buffer.from([0xc4, 0xe3, 0xba, 0xc3])) // "你好"
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/**
 * The delimiter of a CSV text: whichever of `,` `;` and tab occurs most in its first line outside quotes.
 * @example sniffDelimiter("a;b;c\n1;2;3") // ";"
 */
export function sniffDelimiter(text: string): string {
  const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return n > 0 ? best : ",";
}

/**
 * Parses CSV text into rows of cells: every value stays text (the engine parses numbers and dates
 * itself, the same way as typed cells), empty fields are blank.
 * @example await parseCsv("a,b\n1,\"x, y\"") // [["a", "b"], ["1", "x, y"]]
 */
export function parseCsv(text: string): Promise<Cell[][]> {
  return new Promise((resolve, reject) => {
    const rows: Cell[][] = [];
    parseString(text, { delimiter: sniffDelimiter(text), ignoreEmpty: true })
      .on("error", reject)
      .on("data", (row: string[]) => rows.push(row.map((v) => (v === "" ? null : v))))
      .on("end", () => resolve(rows));
  });
}

/** Whether a command-line input is CSV: a .csv file or a folder. */
export function isCsvInput(p: string): boolean {
  return /\.(csv|tsv)$/i.test(p) || statSync(p, { throwIfNoEntry: false })?.isDirectory() === true;
}

/** The .csv files named: files as given, folders by their .csv files in name order. */
async function csvFiles(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of inputs) {
    if (statSync(p).isDirectory()) {
      const names = (await fs.readdir(p)).filter((n) => /\.(csv|tsv)$/i.test(n)).sort();
      out.push(...names.map((n) => path.join(p, n)));
    } else out.push(p);
  }
  return out;
}

/** A sheet name Excel accepts, from a file name: no `[]:*?/\`, at most 31 characters, unique. */
function sheetNameFor(file: string, taken: Set<string>): string {
  const base = path.basename(file).replace(/\.[^.]+$/, "").replace(/[[\]:*?/\\]/g, "_").slice(0, 31) || "Sheet";
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 1)}_${k}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * Opens CSV files (or folders of them) as a new workbook, one sheet per file in the order given.
 * @example const port = await openCsv(["export/"]); await runCheck(port, { write: false })
 */
export async function openCsv(inputs: readonly string[]): Promise<ExcelJsWorkbook> {
  const wb = new ExcelJS.Workbook();
  const taken = new Set<string>();
  for (const file of await csvFiles(inputs)) {
    const rows = await parseCsv(decodeCsv(await fs.readFile(file)));
    const ws = wb.addWorksheet(sheetNameFor(file, taken));
    // Values go in as text, so "=1+1" in an export stays text and is never a formula.
    for (const row of rows) ws.addRow(row);
  }
  return new ExcelJsWorkbook(wb);
}
