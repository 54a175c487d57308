/**
 * Independent views of an .xlsx for tests: its parts through JSZip (not our zip code), approving
 * proposal rows the way a user's spreadsheet program would (editing the Decision cells' XML), and
 * LibreOffice's headless converter.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";

/** Every part of a zip, decompressed, by name. */
export async function parts(file: string): Promise<Map<string, Buffer>> {
  const z = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(z.files)) if (!f.dir) out.set(name, await f.async("nodebuffer"));
  return out;
}

/** The zip part of a sheet, found through the workbook and its relationships. */
export async function sheetPart(z: JSZip, sheet: string): Promise<string> {
  const wb = await z.file("xl/workbook.xml")!.async("string");
  const rels = await z.file("xl/_rels/workbook.xml.rels")!.async("string");
  const tag = [...wb.matchAll(/<sheet\s[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${sheet}"`))!;
  const rid = /r:id="([^"]+)"/.exec(tag)![1];
  const rel = [...rels.matchAll(/<Relationship\s[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${rid}"`))!;
  const target = /Target="([^"]+)"/.exec(rel)![1];
  return target.startsWith("/") ? target.slice(1) : path.posix.join("xl", target);
}

/** Sets cells of a sheet to inline text by reference (e.g. {"H5": "Approve"}), as an editor would. */
export async function setText(file: string, out: string, sheet: string, cells: Record<string, string>): Promise<void> {
  const z = await JSZip.loadAsync(readFileSync(file));
  const part = await sheetPart(z, sheet);
  let xml = await z.file(part)!.async("string");
  for (const [ref, text] of Object.entries(cells)) {
    const re = new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`);
    if (!re.test(xml)) throw new Error(`no cell ${ref} in ${sheet}`);
    xml = xml.replace(re, `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`);
  }
  z.file(part, xml);
  writeFileSync(out, await z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

export const hasSoffice = existsSync("/usr/bin/soffice") || existsSync("/usr/local/bin/soffice");

/** Opens `file` in LibreOffice Calc and saves it as .xlsx into a new folder; returns the new file. */
export function libreOfficeResave(file: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "fairshare-soffice-"));
  execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", path.join(dir, "out"), file], {
    stdio: "ignore",
    timeout: 180_000,
  });
  const out = path.join(dir, "out", path.basename(file).replace(/\.[^.]+$/, ".xlsx"));
  if (!existsSync(out)) throw new Error(`LibreOffice could not open ${file}`);
  return out;
}
