/**
 * Never a crash, never a leftover, never a lost file: output paths are refused before any work, bad
 * files give one line saying what the file is, and nothing is left in the output folder.
 */
import { cli } from "../helpers/cli";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { safeText } from "../../src/cli/safeText";
import { writeSheets } from "../../src/cli/writeTable";
import { smallTeam } from "../helpers/team";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "sample-team.xlsx");
const root = mkdtempSync(path.join(os.tmpdir(), "fairshare-safety-"));

/** A fresh folder holding a copy of the sample; returns the folder and the copy. */
function folder(name: string): { dir: string; book: string } {
  const dir = path.join(root, name);
  mkdirSync(dir);
  const book = path.join(dir, "book.xlsx");
  copyFileSync(SAMPLE, book);
  return { dir, book };
}

async function zipOf(files: Record<string, string | Buffer>): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, data] of Object.entries(files)) z.file(name, data);
  return z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("output paths are refused before any work", () => {
  test.each([
    ["check --json = input", (b: string) => ["check", b, "--json", b]],
    ["run --json = input", (b: string) => ["run", b, "--out", path.join(path.dirname(b), "o.xlsx"), "--json", b]],
    ["run --out = input", (b: string) => ["run", b, "--out", b]],
    ["run --out = input through ..", (b: string) => ["run", b, "--out", path.join(path.dirname(b), "..", path.basename(path.dirname(b)), "book.xlsx")]],
    ["run --out = --json", (b: string) => ["run", b, "--out", path.join(path.dirname(b), "x"), "--json", path.join(path.dirname(b), "x")]],
    ["apply --out = input", (b: string) => ["apply", b, "--out", b]],
  ])("%s: exit 2, one line, input unchanged, nothing written", async (name, argv) => {
    const { dir, book } = folder(name.replace(/\W+/g, "_"));
    const before = readFileSync(book);
    const r = await cli(...argv(book), "--quiet");
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/see fairshare --help/);
    expect(readFileSync(book).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(["book.xlsx"]);
  });

  test("a symlink or hard link to the input is the input", async () => {
    const { dir, book } = folder("links");
    symlinkSync(book, path.join(dir, "sym.xlsx"));
    linkSync(book, path.join(dir, "hard.xlsx"));
    const before = readFileSync(book);
    for (const out of ["sym.xlsx", "hard.xlsx"]) {
      const r = await cli("run", book, "--out", path.join(dir, out), "--quiet");
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/input workbook/);
    }
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  test("an output folder that is a file, or a JSON folder that does not exist: exit 2 before writing anything", async () => {
    const { dir, book } = folder("dirs");
    writeFileSync(path.join(dir, "afile"), "x");
    const a = await cli("run", book, "--out", path.join(dir, "afile", "out.xlsx"), "--quiet");
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/is a file, not a folder/);
    const b = await cli("run", book, "--out", path.join(dir, "out.xlsx"), "--json", path.join(dir, "missing", "r.json"), "--quiet");
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/does not exist/);
    expect(readdirSync(dir).sort()).toEqual(["afile", "book.xlsx"]);
  });
});

describe("bad files: exit 2, one line naming the file and what it is, no file left", () => {
  const cases: [string, () => Promise<Buffer>, RegExp][] = [
    ["zero bytes", async () => Buffer.alloc(0), /empty file/],
    ["not a zip", async () => Buffer.from("\x01\x02hello\x00binary"), /not a zip/],
    ["a CSV named .xlsx", async () => Buffer.from("Rep ID,Name\nR1,Ann\n"), /CSV.*save it as \.xlsx/],
    ["truncated zip", async () => readFileSync(SAMPLE).subarray(0, 20000), /cut short|damaged/],
    ["zip without xl/workbook.xml", () => zipOf({ "[Content_Types].xml": "<Types/>", "xl/worksheets/sheet1.xml": "<worksheet/>" }), /no workbook part/],
    ["an old .xls", async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from("Workbook", "utf16le")]), /old \.xls.*save it as \.xlsx/],
    ["password-protected", async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from("EncryptionInfo", "utf16le")]), /password-protected: remove the password/],
    [
      "a corrupt entry",
      async () => {
        const buf = Buffer.from(readFileSync(SAMPLE));
        // Flip bytes in the middle of the largest part's compressed data.
        const mid = Math.floor(buf.length / 2);
        for (let i = 0; i < 64; i++) buf[mid + i] ^= 0x5a;
        return buf;
      },
      /damaged: part /,
    ],
    [
      "zip without [Content_Types].xml (found when writing)",
      async () => {
        const z = await JSZip.loadAsync(readFileSync(SAMPLE));
        z.remove("[Content_Types].xml");
        return z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
      },
      /no \[Content_Types\]\.xml/,
    ],
    [
      "malformed sheet XML",
      async () => {
        const z = await JSZip.loadAsync(readFileSync(SAMPLE));
        const sheet = Object.keys(z.files).find((n) => /worksheets\/sheet1\.xml$/.test(n))!;
        const xml = await z.file(sheet)!.async("string");
        z.file(sheet, xml.replace("</sheetData>", "<row><c><v>1</c></row></sheetData>"));
        return z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
      },
      /not well-formed XML/,
    ],
  ];
  test.each(cases)("%s", async (name, make, message) => {
    const dir = path.join(root, `bad_${name.replace(/\W+/g, "_")}`);
    mkdirSync(dir);
    const file = path.join(dir, "in.xlsx");
    writeFileSync(file, await make());
    const out = path.join(dir, "out.xlsx");
    const r = await cli("run", file, "--out", out, "--json", path.join(dir, "r.json"), "--quiet");
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(message);
    expect(readdirSync(dir)).toEqual(["in.xlsx"]);
  });

  test("through the npx entry point: exit 2, one line, no stack trace", () => {
    const file = path.join(root, "nozip.xlsx");
    writeFileSync(file, "Rep ID;Name\n");
    const bin = path.join(__dirname, "..", "..", "bin", "fairshare.js");
    const r = spawnSync(process.execPath, [bin, "check", file, "--quiet"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("usage errors print the one problem and where to get help", () => {
  test.each([[[]], [["frobnicate", "x.xlsx"]], [["run", SAMPLE]], [["check", SAMPLE, "--bogus"]]])("%p", async (argv) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^fairshare: .*see fairshare --help\)$/m);
    expect(r.stderr).not.toMatch(/Usage:/);
  });
});

describe("text from the workbook cannot drive the terminal", () => {
  test("safeText escapes C0, DEL, C1 and bidi overrides and nothing else", () => {
    expect(safeText("a\x1b[2Jb\x07c\nd\u202ee\x9bf 名字 é")).toBe("a\\x1b[2Jb\\x07c\\x0ad\\u202ee\\x9bf 名字 é");
  });

  test("an escape sequence in a cell is printed escaped in the summary", async () => {
    const t = smallTeam();
    const evil = "R1\x1b[2J\x1b]0;owned\x07";
    t.Reps.push([evil, "X", "2020-01-01", "North", "Y"], [evil, "Y", "2020-01-01", "North", "Y"]);
    const plain = path.join(root, "evil-plain.xlsx");
    await writeSheets(plain, t, Object.keys(t));
    // ExcelJS drops control characters on write; put them back as OOXML escapes, as Excel stores them.
    const z = await JSZip.loadAsync(readFileSync(plain));
    const ss = await z.file("xl/sharedStrings.xml")!.async("string");
    expect(ss).toContain("R1[2J]0;owned");
    z.file("xl/sharedStrings.xml", ss.split("R1[2J]0;owned").join("R1_x001B_[2J_x001B_]0;owned_x0007_"));
    const file = path.join(root, "evil.xlsx");
    writeFileSync(file, await z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const r = await cli("check", file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("R1\\x1b[2J\\x1b]0;owned\\x07");
    expect(r.stdout + r.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });
});

describe("temporary files", () => {
  test("Ctrl-C during a run leaves no output and no temporary file", () => {
    const { dir, book } = folder("sigint");
    const bin = path.join(__dirname, "..", "..", "bin", "fairshare.js");
    // Interrupt as soon as the run starts writing: the temporary file exists, the output does not.
    const script = `
      const fs = require("fs");
      const orig = fs.promises.open;
      fs.promises.open = async function (p, flags, ...rest) {
        const h = await orig.call(this, p, flags, ...rest);
        if (String(p).endsWith(".tmp")) process.kill(process.pid, "SIGINT");
        return h;
      };
      require(${JSON.stringify(bin)});`;
    const r = spawnSync(process.execPath, ["-e", script, "x", "run", book, "--out", path.join(dir, "out.xlsx"), "--quiet"], { encoding: "utf8" });
    expect(r.status).toBe(130);
    expect(readdirSync(dir)).toEqual(["book.xlsx"]);
    expect(existsSync(path.join(dir, "out.xlsx"))).toBe(false);
  });

  test("a finished run leaves exactly the out workbook and the JSON", async () => {
    const { dir, book } = folder("clean");
    const r = await cli("run", book, "--out", path.join(dir, "out.xlsx"), "--json", path.join(dir, "r.json"), "--quiet");
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["book.xlsx", "out.xlsx", "r.json"]);
    expect(execFileSync("unzip", ["-tq", path.join(dir, "out.xlsx")], { encoding: "utf8" })).toMatch(/No errors/);
  });
});
