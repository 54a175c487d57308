/**
 * The fidelity checks the workbooks of other programs go through (Excel's layout, openpyxl's): run keeps
 * every part, the parts that list sheets differ only by our entries, and apply changes only the approved
 * Owner cells, compared cell by cell. Parts are read with JSZip (test/helpers/xlsxParts.ts), not our zip code.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { main } from "../../src/cli/main";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { libreOfficeResave, parts, setText } from "./xlsxParts";

/** Parts that list the sheets (and styles, appended to); run may add to them. */
export const INDEX_PARTS = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "docProps/app.xml", "xl/styles.xml"];

export async function cli(...argv: string[]) {
  let stderr = "";
  const code = await main(argv, { stdout: () => undefined, stderr: (s) => void (stderr += s) });
  return { code, stderr };
}

/**
 * LibreOffice opens what run wrote: the re-saved file has the same sheets and the proposal's first column
 * as written. Returns the re-saved file for further checks.
 */
export async function expectLibreOfficeReadsRun(ran: string): Promise<string> {
  const again = libreOfficeResave(ran);
  const ours = (await sheetsOf(ran)).map((s) => s.name);
  expect((await sheetsOf(again)).map((s) => s.name)).toEqual(ours);
  const proposal = ours.find((s) => s.startsWith("Fairshare Proposal"))!;
  const [p1] = await read(ran, [proposal]);
  const [p2] = await read(again, [proposal]);
  expect(p2.values.map((r) => r[0])).toEqual(p1.values.map((r) => r[0]));
  return again;
}

export async function sheetsOf(file: string): Promise<{ name: string; visible: boolean }[]> {
  const wb = await XlsxWorkbook.open(file);
  try {
    return await wb.listSheets();
  } finally {
    await wb.close();
  }
}

export async function read(file: string, names: string[]) {
  const wb = await XlsxWorkbook.open(file);
  try {
    return await wb.readTables(names);
  } finally {
    await wb.close();
  }
}

/** A sheet part's cells by reference (each whole <c> element), and the part with its sheetData emptied. */
export function cellsOf(xml: string) {
  const cells = new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)].map((m) => [m[1], m[0]]));
  return { cells, outside: xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, "<sheetData/>") };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * After run: every part of the input is in the output; those that do not list sheets are the same bytes;
 * the workbook part, its relationships and the content types are the original text once our entries
 * (the sheets `written`, their parts) are taken out; every style list keeps its entries first.
 */
export async function expectRunKeepsEveryPart(input: string, output: string, written: string[]): Promise<void> {
  const a = await parts(input);
  const b = await parts(output);
  expect([...a.keys()].filter((k) => !b.has(k))).toEqual([]);
  for (const [name, bytes] of a) if (!INDEX_PARTS.includes(name)) expect({ name, same: b.get(name)!.equals(bytes) }).toEqual({ name, same: true });
  const added = [...b.keys()].filter((k) => !a.has(k));
  const text = (m: Map<string, Buffer>, name: string) => m.get(name)!.toString("utf8");
  const ourSheet = new RegExp(`<sheet name="(?:${written.map(escapeRegExp).join("|")})"[^>]*/>`, "g");
  expect(text(b, "xl/workbook.xml").replace(ourSheet, "")).toBe(text(a, "xl/workbook.xml"));
  const wbDir = "xl/";
  const ourRel = /<Relationship Id="[^"]+" Type="[^"]+\/worksheet" Target="([^"]+)"\/>/g;
  expect(text(b, "xl/_rels/workbook.xml.rels").replace(ourRel, (m, t: string) => (added.includes(path.posix.join(wbDir, t)) ? "" : m))).toBe(text(a, "xl/_rels/workbook.xml.rels"));
  const ourType = /<Override PartName="\/([^"]+)" ContentType="[^"]+"\/>/g;
  expect(text(b, "[Content_Types].xml").replace(ourType, (m, p: string) => (added.includes(p) ? "" : m))).toBe(text(a, "[Content_Types].xml"));
  for (const list of ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"]) {
    const inner = (s: string) => new RegExp(`<${list}[^>]*?(?:/>|>([\\s\\S]*?)</${list}>)`).exec(s)?.[1] ?? "";
    expect(inner(text(b, "xl/styles.xml")).startsWith(inner(text(a, "xl/styles.xml")))).toBe(true);
  }
}

/** Approves the first `count` placed moves of the run's proposal (editing the Decision cells' XML) and applies them. */
export async function approveAndApply(ran: string, runJson: string, dir: string, count: number) {
  const run = JSON.parse(readFileSync(runJson, "utf8"));
  const moves: { proposalId: string; accountId: string; toRepId: string }[] = run.reassignments.filter((m: { toRepId: string }) => m.toRepId).slice(0, count);
  expect(moves).toHaveLength(count);
  const proposal: string = run.sheetsWritten.find((s: string) => s.startsWith("Fairshare Proposal"));
  const [table] = await read(ran, [proposal]);
  const header = table.values.findIndex((r) => r[0] === "Proposal ID");
  const letter = String.fromCharCode(65 + table.values[header].indexOf("Decision"));
  const decisions = Object.fromEntries(moves.map((m) => [`${letter}${table.values.findIndex((r) => r[0] === m.proposalId) + 1}`, "Approve"]));
  const decided = path.join(dir, "decided.xlsx");
  await setText(ran, decided, proposal, decisions);
  const applied = path.join(dir, "applied.xlsx");
  const applyJson = path.join(dir, "apply.json");
  expect(await cli("apply", decided, "--out", applied, "--json", applyJson, "--quiet")).toEqual({ code: 0, stderr: "" });
  expect(JSON.parse(readFileSync(applyJson, "utf8")).applied).toHaveLength(count);
  return { decided, applied, moves };
}

/**
 * After apply: in the Accounts part, cell by cell, only the approved rows' Owner cells differ (each keeping
 * its style), and nothing outside the cells; every part but the index parts and Accounts is the same bytes.
 * Returns the Accounts cells before and after, for checks of their own.
 */
export async function expectOnlyOwnerCellsChanged(opts: {
  input: string;
  decided: string;
  applied: string;
  moves: { accountId: string; toRepId: string }[];
  accountsPart: string;
  ownerColumn: string;
}) {
  const a = await parts(opts.decided);
  const b = await parts(opts.applied);
  const before = cellsOf(a.get(opts.accountsPart)!.toString("utf8"));
  const after = cellsOf(b.get(opts.accountsPart)!.toString("utf8"));
  const [accounts] = await read(opts.input, ["Accounts"]);
  const expected = opts.moves.map((m) => `${opts.ownerColumn}${accounts.values.findIndex((r) => r[0] === m.accountId) + 1}`);
  const refs = [...new Set([...before.cells.keys(), ...after.cells.keys()])];
  expect(refs.filter((r) => before.cells.get(r) !== after.cells.get(r)).sort()).toEqual([...expected].sort());
  expected.forEach((ref, i) => {
    expect(after.cells.get(ref)).toContain(opts.moves[i].toRepId);
    expect(/ s="(\d+)"/.exec(after.cells.get(ref)!)?.[1]).toBe(/ s="(\d+)"/.exec(before.cells.get(ref) ?? "")?.[1]);
  });
  expect(after.outside).toBe(before.outside);
  for (const [name, bytes] of a) {
    if (name === opts.accountsPart || INDEX_PARTS.includes(name)) continue;
    expect({ name, same: b.get(name)?.equals(bytes) }).toEqual({ name, same: true });
  }
  return { before, after, rows: accounts.values.length };
}
