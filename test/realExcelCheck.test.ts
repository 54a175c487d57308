/**
 * docs/real-excel-check.yaml is a Script Lab snippet people paste into real Excel: its script must compile
 * against the Office.js types, or the first person to run it meets our typo instead of Excel's behaviour.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..");

test("the Script Lab snippet's script compiles against @types/office-js", () => {
  const yaml = fs.readFileSync(path.join(ROOT, "docs/real-excel-check.yaml"), "utf8");
  const start = yaml.indexOf("script:\n  content: |\n") + "script:\n  content: |\n".length;
  const end = yaml.indexOf("\n  language: typescript", start);
  const script = yaml
    .slice(start, end)
    .split("\n")
    .map((line) => line.slice(4))
    .join("\n");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fairshare-snippet-"));
  try {
    const file = path.join(dir, "snippet.ts");
    fs.writeFileSync(file, script);
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2020,
      lib: ["lib.es2020.d.ts", "lib.dom.d.ts"],
      types: ["office-js"],
      typeRoots: [path.join(ROOT, "node_modules/@types")],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
