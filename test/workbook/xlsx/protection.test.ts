/**
 * proposalPerRegion through the CLI's .xlsx writer: each region's proposal sheet carries <sheetProtection>
 * with an SHA-512 hash of protectionPassword (checked against ExcelJS's independent hashing), every cell is
 * locked but the Decision, Approver and Note data cells (a cell format with locked="0", the only addition to
 * styles.xml), LibreOffice opens the file and keeps both, and apply reads decisions from every region's sheet.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../../src/cli/main";
import { writeSheets } from "../../../src/cli/writeTable";
import type { Cell } from "../../../src/engine/table";
import { generateTeam } from "../../../src/sample/generateTeam";
import { ExcelJsWorkbook } from "../../../src/workbook/exceljsAdapter";
import { hashPassword } from "../../../src/workbook/xlsx/sheetExtras";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { hasSoffice, libreOfficeResave, parts, setText, sheetPart } from "../../helpers/xlsxParts";
// ExcelJS's own implementation of the same hash: an independent check of ours.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Encryptor = require("exceljs/lib/utils/encryptor.js") as { convertPasswordToHash(p: string, alg: string, salt: string, spin: number): string };

const tmp = mkdtempSync(path.join(os.tmpdir(), "fairshare-protect-"));
const PASSWORD = "Tr0ub4dor&3 密码";
const cli = async (...argv: string[]) => {
  let stderr = "";
  const code = await main(argv, { stdout: () => undefined, stderr: (s) => void (stderr += s) });
  return { code, stderr };
};

const input = path.join(tmp, "team.xlsx");
const ran = path.join(tmp, "ran.xlsx");
let written: string[] = [];
let regionSheets: string[] = [];

beforeAll(async () => {
  const t = generateTeam({ reps: 24, accounts: 400, months: 14 });
  const sheets = Object.fromEntries(t.order.map((n) => [n, t.sheets[n]])) as Record<string, Cell[][]>;
  sheets["Fairshare Settings"] = [
    ["Setting", "Value"],
    ["proposalPerRegion", "on"],
    ["protectionPassword", PASSWORD],
  ];
  await writeSheets(input, sheets, Object.keys(sheets));
  const json = path.join(tmp, "run.json");
  expect(await cli("run", input, "--out", ran, "--json", json, "--quiet")).toEqual({ code: 0, stderr: "" });
  written = JSON.parse(readFileSync(json, "utf8")).sheetsWritten;
  regionSheets = written.filter((n) => n.startsWith("Fairshare Proposal"));
});

/** Every <c> of a sheet part: its reference and style index. */
function cells(xml: string): { ref: string; col: string; row: number; style: number }[] {
  return [...xml.matchAll(/<c r="([A-Z]+)(\d+)"(?: s="(\d+)")?/g)].map((m) => ({ ref: `${m[1]}${m[2]}`, col: m[1], row: Number(m[2]), style: Number(m[3] ?? 0) }));
}

/** Whether each cellXfs entry unlocks its cells (protection locked="0" or "false"). */
function unlockedStyles(styles: string): boolean[] {
  const inner = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1];
  return (inner.match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g) ?? []).map((xf) => /<protection[^>]*locked="(0|false)"/.test(xf));
}

const attributes = (tag: string) => Object.fromEntries([...tag.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

/** The proposal's header row (1-based) and the letters of its columns by header. */
async function layout(file: string, sheet: string) {
  const wb = await XlsxWorkbook.open(file);
  const [t] = await wb.readTables([sheet]);
  await wb.close();
  const header = t.values.findIndex((r) => r[0] === "Proposal ID");
  const letter = (h: string) => String.fromCharCode(65 + t.values[header].indexOf(h));
  return { header: header + 1, last: t.values.length, letter, values: t.values };
}

test("one protected sheet per region; only Decision, Approver and Note data cells are unlocked; the hash is Excel's SHA-512", async () => {
  expect(regionSheets).toEqual(["Fairshare Proposal 2026-10 East", "Fairshare Proposal 2026-10 Nort", "Fairshare Proposal 2026-10 Sout"]);
  const z = await JSZip.loadAsync(readFileSync(ran));
  const unlocked = unlockedStyles(await z.file("xl/styles.xml")!.async("string"));
  expect(unlocked.filter(Boolean)).toHaveLength(1);
  for (const sheet of regionSheets) {
    const xml = await z.file(await sheetPart(z, sheet))!.async("string");
    const tags = xml.match(/<sheetProtection\b[^>]*>/g)!;
    expect(tags).toHaveLength(1);
    const a = attributes(tags[0]);
    expect(a).toMatchObject({ algorithmName: "SHA-512", spinCount: "100000", sheet: "1", objects: "1", scenarios: "1", autoFilter: "0", formatColumns: "0" });
    // Everything else stays protected: no other action is allowed.
    expect(Object.entries(a).filter(([k, v]) => v === "0" && !["autoFilter", "formatColumns", "selectLockedCells", "selectUnlockedCells"].includes(k))).toEqual([]);
    expect(a.hashValue).toBe(hashPassword(PASSWORD, Buffer.from(a.saltValue, "base64"), 100000));
    expect(a.hashValue).toBe(Encryptor.convertPasswordToHash(PASSWORD, "SHA512", a.saltValue, 100000));
    expect(a.hashValue).not.toBe(Encryptor.convertPasswordToHash("wrong", "SHA512", a.saltValue, 100000));
    // sheetData, sheetProtection, autoFilter: the schema's order.
    expect(xml.indexOf("</sheetData><sheetProtection")).toBeGreaterThan(0);
    expect(xml.indexOf("<sheetProtection")).toBeLessThan(xml.indexOf("<autoFilter"));

    const { header, last, letter } = await layout(ran, sheet);
    const editable = new Set(["Decision", "Approver", "Note"].map(letter));
    const all = cells(xml);
    for (const c of all) expect({ ref: c.ref, unlocked: unlocked[c.style] }).toEqual({ ref: c.ref, unlocked: c.row > header && editable.has(c.col) });
    // Every data row has its three editable cells, blank ones included.
    for (let r = header + 1; r <= last; r++) for (const col of editable) expect(all.some((c) => c.ref === `${col}${r}` && unlocked[c.style])).toBe(true);
  }
  // The other sheets are not protected.
  for (const sheet of written.filter((n) => !regionSheets.includes(n))) expect(await z.file(await sheetPart(z, sheet))!.async("string")).not.toContain("<sheetProtection");
});

test("without proposalPerRegion nothing is protected and styles.xml gains no unlocked format", async () => {
  const plain = path.join(tmp, "plain.xlsx");
  const sample = path.join(__dirname, "..", "..", "..", "examples", "sample-team.xlsx");
  expect((await cli("run", sample, "--out", plain, "--quiet")).code).toBe(0);
  const p = await parts(plain);
  expect([...p.values()].some((b) => b.includes("<sheetProtection"))).toBe(false);
  expect(p.get("xl/styles.xml")!.toString()).not.toContain("<protection");
});

test("LibreOffice opens the file and keeps the protection and the unlocked cells", async () => {
  if (!hasSoffice) throw new Error("LibreOffice is not installed: apt-get install -y --no-install-recommends libreoffice-calc");
  const again = libreOfficeResave(ran);
  const z = await JSZip.loadAsync(readFileSync(again));
  const unlocked = unlockedStyles(await z.file("xl/styles.xml")!.async("string"));
  for (const sheet of regionSheets) {
    const xml = await z.file(await sheetPart(z, sheet))!.async("string");
    expect(xml).toMatch(/<sheetProtection\b[^>]*sheet="(1|true)"/);
    const { header, letter, values } = await layout(again, sheet);
    const styleOf = (ref: string) => cells(xml).find((c) => c.ref === ref)?.style ?? 0;
    expect(values.length).toBeGreaterThan(header);
    for (const h of ["Decision", "Approver", "Note"]) expect({ h, unlocked: unlocked[styleOf(`${letter(h)}${header + 1}`)] }).toEqual({ h, unlocked: true });
    for (const h of ["Proposal ID", "To", "Reason"]) expect({ h, unlocked: unlocked[styleOf(`${letter(h)}${header + 1}`)] }).toEqual({ h, unlocked: false });
  }
});

test("apply reads the decisions of every region's sheet", async () => {
  let file = ran;
  const expected: string[] = [];
  for (const [i, sheet] of regionSheets.slice(0, 2).entries()) {
    const { header, letter, values } = await layout(file, sheet);
    const row = values.findIndex((r, k) => k >= header && r[4]); // the first move with a recipient
    expected.push(String(values[row][1]));
    const out = path.join(tmp, `decided${i}.xlsx`);
    await setText(file, out, sheet, { [`${letter("Decision")}${row + 1}`]: "Approve", [`${letter("Approver")}${row + 1}`]: "Mia" });
    file = out;
  }
  const applied = path.join(tmp, "applied.xlsx");
  const json = path.join(tmp, "apply.json");
  expect(await cli("apply", file, "--out", applied, "--json", json, "--quiet")).toEqual({ code: 0, stderr: "" });
  const out = JSON.parse(readFileSync(json, "utf8"));
  expect(out.proposalSheets).toEqual(regionSheets);
  expect(out.applied.map((a: { accountId: string; sheet: string }) => [a.accountId, a.sheet])).toEqual(expected.map((id, i) => [id, regionSheets[i]]));
});

test("the ExcelJS adapter (CSV input) protects the same way", async () => {
  const port = new ExcelJsWorkbook(new ExcelJS.Workbook());
  await port.addSheets([
    {
      name: "Fairshare Proposal 2026-10 East",
      preamble: [["Title"]],
      columns: [{ header: "Proposal ID" }, { header: "Decision" }, { header: "Note" }],
      rows: [["P1", null, null], ["P2", "Approve", "ok"]],
      asTable: true,
      protection: { editable: ["Decision", "Note"], password: PASSWORD },
    },
  ]);
  const file = path.join(tmp, "exceljs.xlsx");
  await port.save(file);
  const z = await JSZip.loadAsync(readFileSync(file));
  const xml = await z.file(await sheetPart(z, "Fairshare Proposal 2026-10 East"))!.async("string");
  const a = attributes(xml.match(/<sheetProtection\b[^>]*>/)![0]);
  expect(a).toMatchObject({ sheet: "1", algorithmName: "SHA-512", autoFilter: "0", formatColumns: "0", objects: "1", scenarios: "1" });
  expect(a.hashValue).toBe(hashPassword(PASSWORD, Buffer.from(a.saltValue, "base64"), Number(a.spinCount)));
  const unlocked = unlockedStyles(await z.file("xl/styles.xml")!.async("string"));
  const styleOf = (ref: string) => cells(xml).find((c) => c.ref === ref)?.style ?? 0;
  expect(["A4", "B4", "C4", "A5", "B5", "C5", "B3"].map((r) => unlocked[styleOf(r)])).toEqual([false, true, true, false, true, true, false]);
});
