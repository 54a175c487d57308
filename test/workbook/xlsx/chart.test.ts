/**
 * A workbook with a chart, saved by LibreOffice, through run and apply: every part but the index parts
 * and the Accounts sheet comes out byte for byte (the chart, its drawing and their relationships are
 * never parsed), and apply changes only the approved Owner cells. The chart starts as parts in openpyxl's
 * order (a bar chart of the roster's quotas on the Reps sheet); LibreOffice opens and saves it, so the
 * input is LibreOffice's own rendering of a chart.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { main } from "../../../src/cli/main";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { hasSoffice, libreOfficeResave, parts, setText } from "../../helpers/xlsxParts";

const SAMPLE = path.join(__dirname, "..", "..", "..", "examples", "sample-team.xlsx");
const tmp = mkdtempSync(path.join(os.tmpdir(), "fairshare-chart-"));
const INDEX_PARTS = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "docProps/app.xml", "xl/styles.xml"];

const cli = (...argv: string[]) => main(argv, { stdout: () => undefined, stderr: () => undefined });

/** The sample with a bar chart of Reps!H2:H11 (Quota) anchored on the Reps sheet, workbook part last. */
async function withChart(): Promise<string> {
  const src = await parts(SAMPLE);
  const z = new JSZip();
  const extra = new Map<string, string>();
  const reps = src.get("xl/worksheets/sheet1.xml")!.toString("utf8");
  extra.set("xl/worksheets/sheet1.xml", reps.replace("</worksheet>", '<drawing r:id="rIdDr1"/></worksheet>').replace("<worksheet ", '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ').replace(/(xmlns:r="[^"]*")([^>]*?) xmlns:r="[^"]*"/, "$1$2"));
  extra.set("xl/worksheets/_rels/sheet1.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdDr1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>');
  extra.set(
    "xl/drawings/drawing1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:oneCellAnchor><xdr:from><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="4800000" cy="2700000"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="1" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>',
  );
  extra.set("xl/drawings/_rels/drawing1.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>');
  extra.set(
    "xl/charts/chart1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Quota by rep</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>Reps!$A$2:$A$11</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Reps!$H$2:$H$11</c:f></c:numRef></c:val></c:ser><c:axId val="10"/><c:axId val="20"/></c:barChart><c:catAx><c:axId val="10"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="20"/></c:catAx><c:valAx><c:axId val="20"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="10"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>',
  );
  extra.set(
    "[Content_Types].xml",
    src
      .get("[Content_Types].xml")!
      .toString("utf8")
      .replace("</Types>", '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>'),
  );
  const names = [...new Set([...src.keys(), ...extra.keys()])].filter((n) => n !== "xl/workbook.xml");
  for (const n of [...names, "xl/workbook.xml"]) z.file(n, extra.get(n) ?? src.get(n)!);
  const file = path.join(tmp, "chart.xlsx");
  writeFileSync(file, await z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

test("a LibreOffice-saved workbook with a chart keeps every other part through run and apply", async () => {
  if (!hasSoffice) throw new Error("LibreOffice is not installed: apt-get install -y --no-install-recommends libreoffice-calc");
  const input = libreOfficeResave(await withChart());
  const original = await parts(input);
  const chartParts = [...original.keys()].filter((k) => k.startsWith("xl/charts/") || k.startsWith("xl/drawings/"));
  expect(chartParts.some((k) => /^xl\/charts\/chart\d+\.xml$/.test(k))).toBe(true);

  // run: every part of the input is there, byte for byte, but the index parts (which only gain entries).
  const ran = path.join(tmp, "ran.xlsx");
  const json = path.join(tmp, "run.json");
  expect(await cli("run", input, "--out", ran, "--json", json, "--quiet")).toBe(0);
  const afterRun = await parts(ran);
  for (const [name, bytes] of original) if (!INDEX_PARTS.includes(name)) expect({ name, same: afterRun.get(name)?.equals(bytes) }).toEqual({ name, same: true });

  // apply three approved rows: besides the index parts, only the Accounts part and our own sheets differ.
  const moves = JSON.parse(readFileSync(json, "utf8")).reassignments.slice(0, 3);
  const port = await XlsxWorkbook.open(ran);
  const [proposal] = await port.readTables(["Fairshare Proposal 2026-10"]);
  await port.close();
  const header = proposal.values.findIndex((r) => r[0] === "Proposal ID");
  const letter = String.fromCharCode(65 + proposal.values[header].indexOf("Decision"));
  const decisions = Object.fromEntries(moves.map((m: { proposalId: string }) => [`${letter}${proposal.values.findIndex((r) => r[0] === m.proposalId) + 1}`, "Approve"]));
  const decided = path.join(tmp, "decided.xlsx");
  await setText(ran, decided, "Fairshare Proposal 2026-10", decisions);
  const applied = path.join(tmp, "applied.xlsx");
  const applyJson = path.join(tmp, "apply.json");
  expect(await cli("apply", decided, "--out", applied, "--json", applyJson, "--quiet")).toBe(0);
  expect(JSON.parse(readFileSync(applyJson, "utf8")).applied).toHaveLength(3);
  const before = await parts(decided);
  const after = await parts(applied);
  const accountsPart = (await JSZip.loadAsync(readFileSync(input))).file(/xl\/worksheets\/sheet2\.xml$/)[0].name;
  const changed = [...before.keys()].filter((k) => !after.get(k)?.equals(before.get(k)!));
  const ours = [...after.keys()].filter((k) => !original.has(k));
  expect(changed.filter((k) => !INDEX_PARTS.includes(k) && !ours.includes(k))).toEqual([accountsPart]);
  for (const k of chartParts) expect({ k, same: after.get(k)?.equals(original.get(k)!) }).toEqual({ k, same: true });
});
