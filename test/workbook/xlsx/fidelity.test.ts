/**
 * "The file is the user's": after run every part of the input is still there with the same content
 * (read back with JSZip, independently of our zip code), only the index parts that list sheets change,
 * and those only by additions; after apply only the approved Owner cells differ.
 */
import { cli } from "../../helpers/cli";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { ExcelJsWorkbook } from "../../../src/workbook/exceljsAdapter";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { parts, setText } from "../../helpers/xlsxParts";

const SAMPLE = path.join(__dirname, "..", "..", "..", "examples", "sample-team.xlsx");
const tmp = mkdtempSync(path.join(os.tmpdir(), "fairshare-fidelity-"));
/** Parts that list the sheets; run may add to them. */
const INDEX_PARTS = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "docProps/app.xml", "xl/styles.xml"];

/** Each list of the styles part keeps its original children first, in order. */
function expectStylesAppendOnly(before: string, after: string) {
  for (const list of ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"]) {
    const inner = (s: string) => new RegExp(`<${list}[^>]*?(?:/>|>([\\s\\S]*?)</${list}>)`).exec(s)?.[1] ?? "";
    expect(inner(after).startsWith(inner(before))).toBe(true);
  }
}

/**
 * The sample with what a real user's file carries and ExcelJS would lose: a defined name, custom
 * properties, a comment and an unknown extension part, written with xl/workbook.xml last (as openpyxl orders it).
 */
async function richOpenpyxlOrder(): Promise<string> {
  const src = await parts(SAMPLE);
  const extra = new Map<string, string>();
  let wb = src.get("xl/workbook.xml")!.toString("utf8");
  wb = wb.replace(/<definedNames>[\s\S]*?<\/definedNames>|(<\/sheets>)/, (m, close) =>
    close ? `${close}<definedNames><definedName name="TopAccounts">Accounts!$A$2:$A$11</definedName></definedNames>` : m,
  );
  extra.set("xl/workbook.xml", wb);
  extra.set("docProps/custom.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Department"><vt:lpwstr>Sales Ops</vt:lpwstr></property></Properties>');
  extra.set("xl/comments1.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>HR</author></authors><commentList><comment ref="A1" authorId="0"><text><t>Keep this list current</t></text></comment></commentList></comments>');
  extra.set("xl/worksheets/_rels/sheet1.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdC1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>');
  extra.set("customXml/item1.xml", "<data>an unknown part that must survive</data>");
  let types = src.get("[Content_Types].xml")!.toString("utf8");
  types = types.replace(
    "</Types>",
    '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/><Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>',
  );
  extra.set("[Content_Types].xml", types);
  const z = new JSZip();
  const names = [...new Set([...src.keys(), ...extra.keys()])].filter((n) => n !== "xl/workbook.xml");
  for (const n of [...names, "xl/workbook.xml"]) z.file(n, extra.get(n) ?? src.get(n)!);
  const file = path.join(tmp, "rich.xlsx");
  writeFileSync(file, await z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

describe("run keeps every part of the input", () => {
  test.each([
    ["the ExcelJS-written sample", async () => SAMPLE],
    ["a file in openpyxl's part order with a defined name, comments, custom properties and an unknown part", richOpenpyxlOrder],
  ])("%s", async (_, make) => {
    const input = await make();
    const out = path.join(tmp, `${path.basename(input)}.out.xlsx`);
    expect((await cli("run", input, "--out", out, "--quiet")).code).toBe(0);
    const a = await parts(input);
    const b = await parts(out);
    for (const [name, bytes] of a) {
      expect(b.has(name)).toBe(true);
      if (!INDEX_PARTS.includes(name)) expect({ name, same: b.get(name)!.equals(bytes) }).toEqual({ name, same: true });
    }
    // The workbook part: every original sheet entry and the defined names exactly as they were, in order.
    const wbA = a.get("xl/workbook.xml")!.toString();
    const wbB = b.get("xl/workbook.xml")!.toString();
    const sheetsOf = (s: string) => s.match(/<sheet\s[^>]*\/>/g) ?? [];
    expect(sheetsOf(wbB).slice(0, sheetsOf(wbA).length)).toEqual(sheetsOf(wbA));
    expect(wbB.match(/<definedNames>[\s\S]*<\/definedNames>/)?.[0]).toEqual(wbA.match(/<definedNames>[\s\S]*<\/definedNames>/)?.[0]);
    expectStylesAppendOnly(a.get("xl/styles.xml")!.toString(), b.get("xl/styles.xml")!.toString());
    // Every original relationship and content type is still declared.
    for (const p of ["xl/_rels/workbook.xml.rels", "[Content_Types].xml"]) {
      const tags = (s: string) => s.match(/<(Relationship|Override|Default)\s[^>]*\/>/g) ?? [];
      expect(tags(b.get(p)!.toString())).toEqual(expect.arrayContaining(tags(a.get(p)!.toString())));
    }
    // The new sheets open in ExcelJS with the sheet names in order (not Sheet1…).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    const inputNames = [...a.get("xl/workbook.xml")!.toString().matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(inputNames.slice(0, 3)).toEqual(["Reps", "Accounts", "Sales"]);
    expect(names.slice(0, inputNames.length)).toEqual(inputNames);
    expect(names).toContain("Fairshare Proposal 2026-10");
    const proposal = wb.getWorksheet("Fairshare Proposal 2026-10")!;
    expect(proposal.getCell("A1").value).toBeTruthy();
  });
});

describe("apply changes only the approved Owner cells", () => {
  test("Accounts differs from the run's output in exactly the approved rows' Owner cells, styles kept", async () => {
    const ran = path.join(tmp, "ap.ran.xlsx");
    const jsonFile = path.join(tmp, "ap.json");
    expect((await cli("run", SAMPLE, "--out", ran, "--json", jsonFile, "--quiet")).code).toBe(0);
    const moves = JSON.parse(readFileSync(jsonFile, "utf8")).reassignments.filter((m: any) => m.toRepId).slice(0, 3);
    // Approve three rows by editing the Decision cells in the proposal part directly (as a user's Excel would).
    const port = await XlsxWorkbook.open(ran);
    const [proposal] = await port.readTables(["Fairshare Proposal 2026-10"]);
    await port.close();
    const header = proposal.values.findIndex((r) => r[0] === "Proposal ID");
    const letter = String.fromCharCode(65 + proposal.values[header].indexOf("Decision"));
    const decisions: Record<string, string> = {};
    for (const m of moves) decisions[`${letter}${proposal.values.findIndex((r) => r[0] === m.proposalId) + 1}`] = "Approve";
    const decided = path.join(tmp, "ap.decided.xlsx");
    await setText(ran, decided, "Fairshare Proposal 2026-10", decisions);
    const applied = path.join(tmp, "ap.applied.xlsx");
    const r = await cli("apply", decided, "--out", applied, "--json", path.join(tmp, "ap.apply.json"), "--quiet");
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(tmp, "ap.apply.json"), "utf8")).applied).toHaveLength(3);

    const a = await parts(decided);
    const b = await parts(applied);
    const accountsPart = "xl/worksheets/sheet2.xml";
    const cells = (s: string) => new Map([...s.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>.*?<\/c>)/g)].map((m) => [m[1], m[0]]));
    const before = cells(a.get(accountsPart)!.toString());
    const after = cells(b.get(accountsPart)!.toString());
    // An orphan account's empty Owner cell may not exist before: then it is inserted.
    const changed = [...after.keys()].filter((k) => before.get(k) !== after.get(k));
    const [accounts] = await (await ExcelJsWorkbook.open(SAMPLE)).readTables(["Accounts"]);
    const ownerCol = String.fromCharCode(65 + accounts.values[0].indexOf("Owner"));
    const expected = moves.map((m: any) => `${ownerCol}${accounts.values.findIndex((r) => r[0] === m.accountId) + 1}`);
    expect([...changed].sort()).toEqual([...expected].sort());
    expect([...before.keys()].filter((k) => !after.has(k))).toEqual([]);
    for (const ref of changed) {
      expect(after.get(ref)).toContain(moves.find((m: any) => expected[moves.indexOf(m)] === ref).toRepId);
      if (before.has(ref)) expect(/ s="(\d+)"/.exec(after.get(ref)!)?.[1]).toBe(/ s="(\d+)"/.exec(before.get(ref)!)?.[1]);
    }
    // Outside the accounts part, only the index parts, styles and the new audit log part differ.
    for (const [name, bytes] of a) {
      if (name === accountsPart || INDEX_PARTS.includes(name)) continue;
      expect({ name, same: b.get(name)?.equals(bytes) }).toEqual({ name, same: true });
    }
  });
});
