/**
 * The bad-input corpus: a small clean workbook, damaged one way at a time — cut short, a part removed,
 * emptied, cut in half or replaced by bytes, broken cell references, shared-text indices, entities, zip
 * headers, files that are something else — and run through `fairshare run`. Whatever the damage:
 *  - the exit code is 0, 1 or 2, never a crash (3);
 *  - exit 2 is one line that names the file and says what is wrong in words (no library message, no
 *    stack, no "unexpected error"), in the language asked for, and leaves nothing in the folder;
 *  - exit 0 or 1 leaves a complete output that reads back;
 *  - the input is never modified.
 * Each case also states the outcome a user should get (which words, or that the file is fine).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { writeSheets } from "../../src/cli/writeTable";
import { FILE_PROBLEMS } from "../../src/workbook/xlsx/problems";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { cli } from "../helpers/cli";
import { smallTeam } from "../helpers/team";

const root = mkdtempSync(path.join(os.tmpdir(), "fairshare-corpus-"));

/** The small hand-built team (Reps, Accounts, Sales), clean: it runs with exit 0. */
const TEAM = smallTeam();
/** ExcelJS writes the sheets in this order: sheet1 = Reps, sheet2 = Accounts, sheet3 = Sales, sheet4 = Fairshare Settings. */
const REPS = "xl/worksheets/sheet1.xml";
const SALES = "xl/worksheets/sheet3.xml";
const WB = "xl/workbook.xml";
const RELS = "xl/_rels/workbook.xml.rels";
const SST = "xl/sharedStrings.xml";

/** What a case must end in: a clean run (0), a data check with errors (1), or a file problem (2) in these words. */
type Outcome = { code: 0 | 1 } | { code: 2; words: RegExp };
const ok: Outcome = { code: 0 };
const dataErrors: Outcome = { code: 1 };
const fileProblem = (words: RegExp): Outcome => ({ code: 2, words });
const damagedPart = (part: string) => fileProblem(new RegExp(`damaged: part ${part.replace(/[[\].]/g, "\\$&")} is not well-formed XML`));

let base: Buffer;
let parts: string[];

beforeAll(async () => {
  const file = path.join(root, "base.xlsx");
  await writeSheets(file, TEAM, Object.keys(TEAM));
  base = readFileSync(file);
  const z = await JSZip.loadAsync(base);
  parts = Object.keys(z.files).filter((n) => !z.files[n].dir);
  // The corpus below names these parts: fail loudly if the writer's layout changes.
  expect(parts).toEqual(expect.arrayContaining([REPS, SALES, WB, RELS, SST, "[Content_Types].xml", "xl/styles.xml", "docProps/app.xml"]));
});

async function rezip(mutate: (z: JSZip) => void | Promise<void>): Promise<Buffer> {
  const z = await JSZip.loadAsync(base);
  await mutate(z);
  return z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
const editPart = (part: string, edit: (xml: string) => string) =>
  rezip(async (z) => {
    const before = await z.file(part)!.async("string");
    const after = edit(before);
    if (after === before) throw new Error(`the edit of ${part} changed nothing: the corpus case is void`);
    z.file(part, after);
  });

/** The central directory record of a part (offsets into a copy of the base file). */
function directoryRecord(buf: Buffer, part: string): number {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 5, 6]));
  let p = buf.readUInt32LE(eocd + 16);
  for (;;) {
    const nameLength = buf.readUInt16LE(p + 28);
    if (buf.toString("latin1", p + 46, p + 46 + nameLength) === part) return p;
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
}
const patchDirectory = (part: string, offset: number, write: (b: Buffer, at: number) => void) => async () => {
  const b = Buffer.from(base);
  write(b, directoryRecord(b, part) + offset);
  return b;
};
const patchEnd = (offset: number, write: (b: Buffer, at: number) => void) => async () => {
  const b = Buffer.from(base);
  write(b, b.lastIndexOf(Buffer.from([0x50, 0x4b, 5, 6])) + offset);
  return b;
};

type Case = [name: string, make: () => Promise<Buffer>, outcome: Outcome];

/** Parts a run only copies (never reads or edits): damage there is the user's, kept byte for byte. */
const COPIED = ["xl/theme/theme1.xml", "docProps/core.xml", "_rels/.rels"];
/** Parts a run reads or edits: damage there is named. */
const READ = [REPS, "xl/worksheets/sheet2.xml", SALES, SST, "xl/styles.xml", RELS, WB, "[Content_Types].xml"];

const cases: Case[] = [
  ["the clean workbook", async () => base, ok],
  ...[0.05, 0.2, 0.4, 0.6, 0.8, 0.95, 0.99].map((f): Case => [`cut short at ${f * 100}%`, async () => base.subarray(0, Math.floor(base.length * f)), fileProblem(/cut short/)]),
  // Each part a run reads: removed, emptied, cut in half, replaced by bytes.
  ...READ.flatMap((part): Case[] => [
    [`${part} emptied`, () => rezip((z) => void z.file(part, "")), damagedPart(part)],
    [`${part} cut in half`, () => editPart(part, (x) => x.slice(0, x.length >> 1)), damagedPart(part)],
    [`${part} replaced by bytes`, () => rezip((z) => void z.file(part, Buffer.from([0xff, 0xfe, 0, 1, 2, 3]))), damagedPart(part)],
  ]),
  [`${REPS} removed`, () => rezip((z) => void z.remove(REPS)), fileProblem(/sheet “Reps” has no data part \(xl\/worksheets\/sheet1\.xml is missing\)/)],
  [`${SALES} removed`, () => rezip((z) => void z.remove(SALES)), fileProblem(/sheet “Sales” has no data part/)],
  [`${SST} removed`, () => rezip((z) => void z.remove(SST)), fileProblem(/refers to shared text “\d+”, but the workbook has 0 shared texts/)],
  ["xl/styles.xml removed (our sheets bring their own)", () => rezip((z) => void z.remove("xl/styles.xml")), ok],
  [`${RELS} removed (parts found by their usual names)`, () => rezip((z) => void z.remove(RELS)), ok],
  [`${WB} removed`, () => rezip((z) => void z.remove(WB)), fileProblem(/no workbook part \(xl\/workbook\.xml\)/)],
  ["[Content_Types].xml removed", () => rezip((z) => void z.remove("[Content_Types].xml")), fileProblem(/no \[Content_Types\]\.xml part/)],
  ["docProps/app.xml removed", () => rezip((z) => void z.remove("docProps/app.xml")), ok],
  ["docProps/app.xml damaged (a summary Excel rewrites; left as it is)", () => editPart("docProps/app.xml", (x) => x.slice(0, x.length >> 1)), ok],
  // Parts a run only copies: the run works and copies them as they are.
  ...COPIED.flatMap((part): Case[] => [
    [`${part} removed`, () => rezip((z) => void z.remove(part)), ok],
    [`${part} cut in half`, () => editPart(part, (x) => x.slice(0, x.length >> 1)), part === "_rels/.rels" ? damagedPart(part) : ok],
  ]),
  // Cells
  ["a shared-text index past the end", () => editPart(REPS, (x) => x.replace(/(<c r="A1"[^>]*t="s"[^>]*><v>)\d+/, "$199999")), fileProblem(/cell A1 in part xl\/worksheets\/sheet1\.xml refers to shared text “99999”/)],
  ["a negative shared-text index", () => editPart(REPS, (x) => x.replace(/(<c r="A2"[^>]*t="s"[^>]*><v>)\d+/, "$1-5")), fileProblem(/cell A2 .* shared text “-5”/)],
  ["a shared-text index that is not a number", () => editPart(REPS, (x) => x.replace(/(<c r="A2"[^>]*t="s"[^>]*><v>)\d+/, "$1abc")), fileProblem(/cell A2 .* shared text “abc”/)],
  ["an empty shared-text index", () => editPart(REPS, (x) => x.replace(/(<c r="A2"[^>]*t="s"[^>]*><v>)\d+/, "$1")), fileProblem(/cell A2 .* shared text “”/)],
  ["cell reference A0", () => editPart(REPS, (x) => x.replace('r="A2"', 'r="A0"')), fileProblem(/reference “A0” outside Excel's grid/)],
  ["cell reference past column XFD", () => editPart(REPS, (x) => x.replace('r="B2"', 'r="XFE2"')), fileProblem(/reference “XFE2”/)],
  ["cell reference that is not one", () => editPart(REPS, (x) => x.replace('r="B2"', 'r="2B"')), fileProblem(/reference “2B”/)],
  ["row 0", () => editPart(REPS, (x) => x.replace('<row r="3"', '<row r="0"')), fileProblem(/reference “0”/)],
  ["row past 1,048,576", () => editPart(REPS, (x) => x.replace('<row r="3"', '<row r="99999999"')), fileProblem(/reference “99999999”/)],
  ["rows out of order", () => editPart(REPS, (x) => x.replace(/<row r="2"([^>]*)>(.*?)<\/row>(<row r="3".*?<\/row>)/, (_m, a, cells, next) => `${next}<row r="2"${a}>${cells}</row>`)), ok],
  ["cells without references", () => editPart(SALES, (x) => x.replace(/ r="[A-Z]+\d+"/g, "")), ok],
  ["an amount NaN", () => editPart(SALES, (x) => x.replace("<v>600</v>", "<v>NaN</v>")), ok],
  ["an amount 1e400", () => editPart(SALES, (x) => x.replace("<v>600</v>", "<v>1e400</v>")), ok],
  ["an error cell", () => editPart(SALES, (x) => x.replace(/<c ([^>]*)><v>600<\/v>/, '<c $1 t="e"><v>#N/A</v>')), ok],
  ["an ISO date cell (t=d)", () => editPart(SALES, (x) => x.replace(/<c ([^>]*)><v>600<\/v>/, '<c $1 t="d"><v>2026-01-01T00:00:00</v>')), ok],
  ["a t=d cell that is no date", () => editPart(SALES, (x) => x.replace(/<c ([^>]*)><v>600<\/v>/, '<c $1 t="d"><v>someday</v>')), ok],
  ["an unknown cell type", () => editPart(SALES, (x) => x.replace(/<c ([^>]*)><v>600<\/v>/, '<c $1 t="zz"><v>7</v>')), ok],
  ["a style index past the end", () => editPart(SALES, (x) => x.replace(/ s="\d+"/, ' s="9999"')), ok],
  ["text of 40,000 characters", () => editPart(SST, (x) => x.replace("<t>Alpha</t>", `<t>${"x".repeat(40000)}</t>`)), ok],
  ["text that looks like a formula", () => editPart(SST, (x) => x.replace("<t>Alpha</t>", '<t>=HYPERLINK("http://x","y")</t>')), ok],
  // XML
  ["a DOCTYPE with entities", () => editPart(REPS, (x) => x.replace("?>", '?><!DOCTYPE x [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>')), fileProblem(/part xl\/worksheets\/sheet1\.xml is not well-formed XML \(a DOCTYPE declaration\)/)],
  ["an external entity", () => editPart(SST, (x) => x.replace("?>", '?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>').replace("<t>Alpha</t>", "<t>&e;</t>")), fileProblem(/part xl\/sharedStrings\.xml is not well-formed XML \(a DOCTYPE declaration\)/)],
  ["an unknown entity in a sheet", () => editPart(REPS, (x) => x.replace("<v>", "<v>&bogus;")), damagedPart(REPS)],
  ["a byte-order mark on a sheet", () => rezip(async (z) => void z.file(REPS, `\ufeff${await z.file(REPS)!.async("string")}`)), ok],
  [
    "the workbook part in UTF-16",
    () => rezip(async (z) => void z.file(WB, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from((await z.file(WB)!.async("string")).replace(/UTF-8/i, "UTF-16"), "utf16le")]))),
    ok,
  ],
  ["x:-prefixed sheet XML", () => editPart(REPS, (x) => x.replace(/<(\/?)(?!\?)(\w+)/g, "<$1x:$2").replace("xmlns=", "xmlns:x=")), ok],
  ["a dimension of the whole grid", () => editPart(REPS, (x) => x.replace("<sheetData", '<dimension ref="A1:XFD1048576"/><sheetData')), ok],
  ["shared-text counts of a trillion", () => editPart(SST, (x) => x.replace(/count="\d+"/, 'count="999999999999"').replace(/uniqueCount="\d+"/, 'uniqueCount="999999999999"')), ok],
  ["a control character in a sheet name", () => editPart(WB, (x) => x.replace('name="Accounts"', 'name="Acc&#x1b;ounts"')), damagedPart(WB)],
  // The workbook's sheet list
  ["a sheet whose relationship is missing (found by its usual name)", () => editPart(WB, (x) => x.replace(/r:id="rId\d+"/, 'r:id="rId999"')), ok],
  ["a sheet pointing at a missing part", () => editPart(RELS, (x) => x.replace("worksheets/sheet1.xml", "worksheets/nope.xml")), fileProblem(/sheet “Reps” has no data part \(xl\/worksheets\/nope\.xml is missing\)/)],
  ["a sheet pointing outside the package", () => editPart(RELS, (x) => x.replace("worksheets/sheet1.xml", "../../../../etc/passwd")), fileProblem(/sheet “Reps” has no data part/)],
  ["a sheet target given as an absolute part name", () => editPart(RELS, (x) => x.replace("worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml")), ok],
  ["two sheets of the same name", () => editPart(WB, (x) => x.replace('name="Accounts"', 'name="Reps"')), dataErrors],
  ["a sheet without a name", () => editPart(WB, (x) => x.replace('name="Accounts"', 'name=""')), dataErrors],
  ["no sheets at all", () => editPart(WB, (x) => x.replace(/<sheets>.*<\/sheets>/s, "<sheets/>")), dataErrors],
  ["the workbook part named in capitals", () => rezip(async (z) => (z.file("XL/WORKBOOK.XML", await z.file(WB)!.async("string")), void z.remove(WB))), ok],
  // The zip itself
  ["the directory counts too many entries", patchEnd(10, (b, at) => b.writeUInt16LE(0xffff, at)), fileProblem(/zip directory is corrupt/)],
  ["the directory points past the end", patchEnd(16, (b, at) => b.writeUInt32LE(0xfffffff0, at)), fileProblem(/cut short \(its zip directory points past the end\)/)],
  ["the directory's size is wrong", patchEnd(12, (b, at) => b.writeUInt32LE(7, at)), fileProblem(/zip directory is corrupt/)],
  ...[REPS, SST, WB].flatMap((part): Case[] => [
    [`${part}: wrong checksum`, patchDirectory(part, 16, (b, at) => b.writeUInt32LE(0xdeadbeef, at)), fileProblem(new RegExp(`part ${part.replace(/\./g, "\\.")} is corrupt \\(checksum mismatch\\)`))],
    [`${part}: size too small`, patchDirectory(part, 24, (b, at) => b.writeUInt32LE(5, at)), fileProblem(/is corrupt \(expected 5 bytes, found \d+\)/)],
    [`${part}: size of 2 GB`, patchDirectory(part, 24, (b, at) => b.writeUInt32LE(0x7fffffff, at)), fileProblem(/is corrupt \(expected 2147483647 bytes/)],
    [`${part}: bzip2 compression`, patchDirectory(part, 10, (b, at) => b.writeUInt16LE(12, at)), fileProblem(/unsupported compression \(method 12\)/)],
    [`${part}: zip-encrypted`, patchDirectory(part, 8, (b, at) => b.writeUInt16LE(1, at)), fileProblem(/password-protected/)],
    [`${part}: local header past the end`, patchDirectory(part, 42, (b, at) => b.writeUInt32LE(0x7fffffff, at)), fileProblem(/corrupt \(bad local header\)/)],
  ]),
  ["bytes after the zip", async () => Buffer.concat([base, Buffer.from("trailing bytes")]), ok],
  ["bytes before the zip", async () => Buffer.concat([Buffer.from("leading bytes!!!"), base]), fileProblem(/not a zip file/)],
  ["stored (uncompressed) parts", async () => (await JSZip.loadAsync(base)).generateAsync({ type: "nodebuffer", compression: "STORE" }), ok],
  ["an entry named ../evil.txt (copied, never extracted)", () => rezip((z) => void z.file("../evil.txt", "x")), ok],
  ["a 50 MB part of zeros we never read", () => rezip((z) => void z.file("big.bin", Buffer.alloc(50 * 1024 * 1024))), ok],
  // Files that are something else
  ["zero bytes", async () => Buffer.alloc(0), fileProblem(/empty file \(0 bytes\)/)],
  ["an empty zip", async () => new JSZip().generateAsync({ type: "nodebuffer" }), fileProblem(/empty zip file/)],
  ["a gzip file", async () => Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), fileProblem(/not a zip file/)],
  ["a PDF", async () => Buffer.from("%PDF-1.4\n"), fileProblem(/not a zip file/)],
  ["a PNG", async () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]), fileProblem(/not a zip file/)],
  ["an HTML table saved as .xlsx", async () => Buffer.from("<html><body><table><tr><td>x</td></tr></table></body></html>"), fileProblem(/XML or HTML file/)],
  ["an Excel 2003 XML workbook", async () => Buffer.from('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'), fileProblem(/XML or HTML file/)],
  ["a CSV", async () => Buffer.from("Rep ID,Name\nR1,Ann\n"), fileProblem(/text \(CSV\) file/)],
  ["an .ods", () => rezip((z) => void (z.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), z.file("content.xml", "<office:document-content/>"), z.remove(WB))), fileProblem(/OpenDocument spreadsheet/)],
  ["a Word document", () => rezip((z) => void (z.file("word/document.xml", "<w:document/>"), z.remove(WB))), fileProblem(/Word document/)],
];

describe("the bad-input corpus through `fairshare run`", () => {
  test("covers every part the run reads and every kind of damage", () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(new Set(cases.map((c) => c[0])).size).toBe(cases.length);
  });

  test.each(cases)("%s", async (name, make, outcome) => {
    const dir = path.join(root, name.replace(/\W+/g, "_"));
    mkdirSync(dir);
    const file = path.join(dir, "in.xlsx");
    const input = await make();
    writeFileSync(file, input);
    const out = path.join(dir, "out.xlsx");
    const r = await cli("run", file, "--out", out, "--json", path.join(dir, "r.json"), "--quiet");
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: outcome.code, stderr: outcome.code === 2 ? expect.any(String) : "" });
    expect(readFileSync(file).equals(input)).toBe(true);
    if (outcome.code === 2) {
      const lines = r.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(file);
      expect(lines[0]).toMatch(outcome.words);
      expect(lines[0]).not.toMatch(/unexpected error|TypeError|Cannot read|undefined|https?:|\bat .*:\d+:\d+/);
      expect(readdirSync(dir)).toEqual(["in.xlsx"]);
    } else {
      expect(readdirSync(dir).sort()).toEqual(["in.xlsx", "out.xlsx", "r.json"]);
      // The output is complete: it opens and its new sheets read back.
      const book = await XlsxWorkbook.open(out);
      try {
        const names = (await book.listSheets()).map((s) => s.name);
        expect(names.filter((n) => n.startsWith("Fairshare")).length).toBeGreaterThan(0);
      } finally {
        await book.close();
      }
    }
  });

  test("the same problems in Chinese", async () => {
    const dir = path.join(root, "zh");
    mkdirSync(dir);
    const file = path.join(dir, "in.xlsx");
    writeFileSync(file, await editPart(REPS, (x) => x.replace('r="A2"', 'r="A0"')));
    const r = await cli("run", file, "--out", path.join(dir, "out.xlsx"), "--quiet", "--lang", "zh-CN");
    expect(r.code).toBe(2);
    const expected = FILE_PROBLEMS["zh-CN"].badReference.replace("{part}", REPS).replace("{ref}", "A0");
    expect(r.stderr).toContain(expected);
  });
});
