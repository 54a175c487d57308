/**
 * The team report's native line chart of Gini by month in the CLI's .xlsx output: a drawing part and a
 * chart part (c:lineChart) reached from the team report sheet through relationships, listed in the content
 * types, reading the Month and whole-team Gini columns; the cells it reads hold the Gini a direct computation
 * gives month by month (ownership followed through an applied move in the audit log); LibreOffice opens it
 * and keeps the chart. A rerun replaces the chart with the sheet: no part is left behind.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { main } from "../../../src/cli/main";
import { writeSheets } from "../../../src/cli/writeTable";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { day, monthly, sheetsOf } from "../../engine/allocation/team";
import { hasSoffice, libreOfficeResave, parts, sheetPart } from "../../helpers/xlsxParts";

const tmp = mkdtempSync(path.join(os.tmpdir(), "fairshare-teamchart-"));
const cli = (...argv: string[]) => main(argv, { stdout: () => undefined, stderr: () => undefined });
const REPORT = "Fairshare Team Report 2026-06";
const M = ["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];
const SALES = [
  ...monthly("A1", Object.fromEntries(M.map((m) => [m, 500]))),
  ...monthly("A2", Object.fromEntries(M.map((m, i) => [m, 100 + 10 * i]))),
  ...monthly("A3", Object.fromEntries(M.map((m) => [m, 50]))),
];

const gini = (xs: number[]) => {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  if (!n || mean === 0) return 0;
  let sum = 0;
  for (const a of xs) for (const b of xs) sum += Math.abs(a - b);
  return sum / (2 * n * n * mean);
};

/** The Gini at each month's end, straight from the sales: A1 moved from R1 to N1 on 2026-03-05; N1 joined 2025-10-01. */
function directGini(): number[] {
  const salesIn = (acc: string, end: number) => SALES.filter(([d, a]) => a === acc && day(d) <= end && day(d) > end - 366).reduce((s, [, , v]) => s + v, 0);
  return M.map((m) => {
    const [y, mo] = m.split("-").map(Number);
    const end = day(new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10));
    const owner: Record<string, string> = { A1: end >= day("2026-03-05") ? "N1" : "R1", A2: "R1", A3: "R2" };
    const active = ["R1", "R2", ...(end >= day("2025-10-01") ? ["N1"] : [])];
    return gini(active.map((rep) => Object.entries(owner).filter(([, o]) => o === rep).reduce((s, [a]) => s + salesIn(a, end), 0)));
  });
}

const input = path.join(tmp, "team.xlsx");
const ran = path.join(tmp, "ran.xlsx");

beforeAll(async () => {
  const sheets = sheetsOf({
    reps: [
      { id: "R1", hire: "2018-01-01", region: "North" },
      { id: "R2", hire: "2020-01-01", region: "North" },
      { id: "N1", hire: "2025-10-01", region: "North" },
    ],
    accounts: [
      { id: "A1", owner: "N1", region: "North" },
      { id: "A2", owner: "R1", region: "North" },
      { id: "A3", owner: "R2", region: "North" },
    ],
    sales: SALES,
    extraSheets: {
      "Fairshare Audit Log": [
        ["Timestamp", "Proposal ID", "Account ID", "From", "To", "Rule", "Approver", "Result", "Proposal Sheet", "Note"],
        ["2026-03-05 09:00:00Z", "P202602-1-001", "A1", "R1", "N1", "STAGNATION", "Mia", "applied", "Fairshare Proposal 2026-02", ""],
      ],
    },
  });
  await writeSheets(input, sheets, Object.keys(sheets));
  expect(await cli("run", input, "--out", ran, "--quiet")).toBe(0);
});

/** The chart of a sheet: its drawing and chart part names and the chart's XML, through the relationships. */
async function chartOf(z: JSZip, sheet: string) {
  const part = await sheetPart(z, sheet);
  const xml = await z.file(part)!.async("string");
  const rels = await z.file(part.replace(/([^/]+)$/, "_rels/$1.rels"))!.async("string");
  const rid = /<drawing r:id="([^"]+)"\/>/.exec(xml)![1];
  const drawing = path.posix.join(path.posix.dirname(part), new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1]);
  const drawingRels = await z.file(drawing.replace(/([^/]+)$/, "_rels/$1.rels"))!.async("string");
  const chart = path.posix.join(path.posix.dirname(drawing), /Target="([^"]+)"/.exec(drawingRels)![1]);
  return { part, xml, drawing, chart, chartXml: await z.file(chart)!.async("string") };
}

test("a line chart part over Month and the whole team's Gini, whose cells hold the Gini computed directly", async () => {
  const z = await JSZip.loadAsync(readFileSync(ran));
  const { xml, drawing, chart, chartXml } = await chartOf(z, REPORT);
  expect(xml).toContain('xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
  expect(chartXml).toContain("<c:lineChart>");
  expect(chartXml).not.toContain("<c:barChart>");
  const types = await z.file("[Content_Types].xml")!.async("string");
  expect(types).toContain(`<Override PartName="/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
  expect(types).toContain(`<Override PartName="/${chart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);

  const wb = await XlsxWorkbook.open(ran);
  const [t] = await wb.readTables([REPORT]);
  await wb.close();
  const header = t.values.findIndex((r) => r[0] === "Month") + 1;
  expect(t.values[header - 1].slice(0, 2)).toEqual(["Month", "Gini All regions"]);
  const refs = [...chartXml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1].replace(/&apos;/g, "'"));
  const q = `'${REPORT}'`;
  expect(refs).toEqual([`${q}!$B$${header}`, `${q}!$A$${header + 1}:$A$${header + 12}`, `${q}!$B$${header + 1}:$B$${header + 12}`]);
  // The cells the chart reads: the months in order and their Gini, as computed straight from the sales.
  const rows = t.values.slice(header, header + 12);
  expect(rows.map((r) => r[0])).toEqual(M);
  const expected = directGini();
  rows.forEach((r, i) => expect(r[1] as number).toBeCloseTo(expected[i], 9));
  // The ownership change shows: the Gini before and after A1 moved differ.
  expect(expected[7]).not.toBeCloseTo(expected[8], 3);
});

test("LibreOffice opens the file and keeps the line chart over the same range", async () => {
  if (!hasSoffice) throw new Error("LibreOffice is not installed: apt-get install -y --no-install-recommends libreoffice-calc");
  const again = libreOfficeResave(ran);
  const z = await JSZip.loadAsync(readFileSync(again));
  const { chartXml } = await chartOf(z, REPORT);
  expect(chartXml).toContain("<c:lineChart>");
  const wb = await XlsxWorkbook.open(ran);
  const [t] = await wb.readTables([REPORT]);
  await wb.close();
  const header = t.values.findIndex((r) => r[0] === "Month") + 1;
  expect(chartXml.replace(/&apos;/g, "'")).toContain(`'${REPORT}'!$B$${header + 1}:$B$${header + 12}`);
});

test("a rerun replaces the sheets with their charts: the same parts, none left behind", async () => {
  const again = path.join(tmp, "again.xlsx");
  expect(await cli("run", ran, "--out", again, "--quiet")).toBe(0);
  const before = [...(await parts(ran)).keys()].sort();
  const after = [...(await parts(again)).keys()].sort();
  expect(after).toEqual(before);
  const types = (await parts(again)).get("[Content_Types].xml")!.toString();
  const names = [...types.matchAll(/PartName="([^"]+)"/g)].map((m) => m[1]);
  expect(new Set(names).size).toBe(names.length);
  for (const n of names) expect(after).toContain(n.slice(1));
});
