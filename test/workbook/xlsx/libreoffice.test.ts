/**
 * LibreOffice in both directions: a workbook LibreOffice saved (committed fixture with a note, a
 * defined name, a hidden sheet, validation, a conditional format and a formula column; made by
 * scripts/make-libreoffice-fixture.js) keeps every part through run; LibreOffice opens what run
 * writes; and a proposal a manager approved and re-saved in LibreOffice applies.
 * Needs soffice (npm run test:unit installs libreoffice-calc when missing, as root); without it the
 * LibreOffice-opening tests fail with that message rather than pass unseen.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../../src/cli/main";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { hasSoffice, libreOfficeResave, parts, setText } from "../../helpers/xlsxParts";

const FIXTURE = path.join(__dirname, "..", "..", "fixtures", "libreoffice-team.xlsx");
const tmp = mkdtempSync(path.join(os.tmpdir(), "fairshare-lo-"));
const INDEX_PARTS = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "docProps/app.xml", "xl/styles.xml"];

async function cli(...argv: string[]) {
  let stderr = "";
  const code = await main(argv, { stdout: () => undefined, stderr: (s) => void (stderr += s) });
  return { code, stderr };
}

async function tables(file: string, names?: string[]) {
  const wb = await XlsxWorkbook.open(file);
  try {
    const sheets = (await wb.listSheets()).map((s) => s.name);
    return { sheets, tables: await wb.readTables(names ?? sheets) };
  } finally {
    await wb.close();
  }
}

function requireSoffice() {
  if (!hasSoffice) throw new Error("LibreOffice is not installed: apt-get install -y --no-install-recommends libreoffice-calc");
}

const ran = path.join(tmp, "ran.xlsx");
const runJson = path.join(tmp, "run.json");

beforeAll(async () => {
  const r = await cli("run", FIXTURE, "--out", ran, "--json", runJson, "--quiet");
  expect(r).toEqual({ code: 0, stderr: "" });
});

test("a LibreOffice-saved workbook keeps every part through run", async () => {
  const a = await parts(FIXTURE);
  const b = await parts(ran);
  expect([...a.keys()].filter((k) => !b.has(k))).toEqual([]);
  for (const [name, bytes] of a) if (!INDEX_PARTS.includes(name)) expect({ name, same: b.get(name)!.equals(bytes) }).toEqual({ name, same: true });
  const wb = b.get("xl/workbook.xml")!.toString();
  expect(wb).toContain('<definedName function="false" hidden="false" name="FirstTen" vbProcedure="false">Accounts!$A$2:$A$11</definedName>');
  expect(wb).toContain('<sheet name="Notes" sheetId="6" state="hidden" r:id="rId7"/>');
  const { sheets } = await tables(ran);
  expect(sheets.slice(0, 6)).toEqual(["Reps", "Accounts", "Sales", "Ratings", "Fairshare Settings", "Notes"]);
  expect(sheets.filter((s) => s.startsWith("Fairshare Proposal"))).toHaveLength(1);
});

test("LibreOffice opens the output and sees our sheets and values", async () => {
  requireSoffice();
  const again = libreOfficeResave(ran);
  const ours = await tables(ran);
  const theirs = await tables(again);
  expect(theirs.sheets).toEqual(ours.sheets);
  const proposal = ours.sheets.find((s) => s.startsWith("Fairshare Proposal"))!;
  const idsOf = (t: { tables: { sheet: string; values: unknown[][] }[] }) => t.tables.find((x) => x.sheet === proposal)!.values.map((r) => r[0]);
  expect(idsOf(theirs)).toEqual(idsOf(ours));
});

test("a proposal approved and re-saved in LibreOffice applies", async () => {
  requireSoffice();
  const run = JSON.parse(readFileSync(runJson, "utf8"));
  const moves = run.reassignments.filter((m: { toRepId: string }) => m.toRepId).slice(0, 2);
  expect(moves.length).toBe(2);
  const { sheets, tables: [proposal] } = await tables(ran, [run.sheetsWritten.find((s: string) => s.startsWith("Fairshare Proposal"))]);
  expect(sheets.length).toBeGreaterThan(6);
  const header = proposal.values.findIndex((r) => r[0] === "Proposal ID");
  const letter = String.fromCharCode(65 + proposal.values[header].indexOf("Decision"));
  const decisions: Record<string, string> = {};
  for (const m of moves) decisions[`${letter}${proposal.values.findIndex((r) => r[0] === m.proposalId) + 1}`] = "Approve";
  const decided = path.join(tmp, "decided.xlsx");
  await setText(ran, decided, proposal.sheet, decisions);
  const resaved = libreOfficeResave(decided);
  const applied = path.join(tmp, "applied.xlsx");
  const applyJson = path.join(tmp, "apply.json");
  expect(await cli("apply", resaved, "--out", applied, "--json", applyJson, "--quiet")).toEqual({ code: 0, stderr: "" });
  expect(JSON.parse(readFileSync(applyJson, "utf8")).applied.map((a: { accountId: string }) => a.accountId)).toEqual(moves.map((m: { accountId: string }) => m.accountId));
  const before = (await tables(resaved, ["Accounts"])).tables[0].values;
  const after = (await tables(applied, ["Accounts"])).tables[0].values;
  const owner = before[0].indexOf("Owner");
  const changed = after.flatMap((r, i) => (r[owner] !== (before[i]?.[owner] ?? null) ? [[r[0], r[owner]]] : []));
  expect(changed).toEqual(expect.arrayContaining(moves.map((m: { accountId: string; toRepId: string }) => [m.accountId, m.toRepId])));
  expect(changed).toHaveLength(2);
});
