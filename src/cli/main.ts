/**
 * `npx fairshare …`: the engine on .xlsx files through the ExcelJS adapter.
 *   --streaming  read and write with ExcelJS's streaming API (automatic above 20 MB).

Exit codes: 0 ok (warnings allowed), 1 data errors, 2 usage errors.
 */
import { existsSync, promises as fs, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatMonth } from "../engine/cells";
import type { CheckResult } from "../engine/check";
import { toCheckJson } from "../engine/report/json";
import { ExcelJsWorkbook } from "../workbook/exceljsAdapter";
import { checkOutputSheets, runCheck, type Progress } from "../workbook/pipeline";
import { StreamingWorkbook } from "../workbook/streamingXlsx";

/** Files above this size are read and written with ExcelJS's streaming API. */
const STREAMING_THRESHOLD_BYTES = 20 * 1024 * 1024;

const USAGE = `Usage:
  fairshare check <book.xlsx> [--json <file>|-] [--lang en-US|zh-CN] [--quiet] [--streaming]
  fairshare run <book.xlsx> --out <out.xlsx> [--json <file>|-] [--lang en-US|zh-CN] [--quiet] [--streaming]

  check  validates the workbook and computes the portfolio snapshot; writes nothing.
  run    writes <out.xlsx>: every input sheet unchanged, plus "Fairshare Data Check" and
         "Fairshare Portfolio" (only the Data Check when the data has errors).

  --streaming  read and write with ExcelJS's streaming API (automatic above 20 MB).

Exit codes: 0 ok (warnings allowed), 1 data errors, 2 usage errors.`;

/** Thrown for bad command lines; main turns it into exit code 2. */
class UsageError extends Error {
  override name = "UsageError";
}

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

/**
 * Runs the CLI and resolves to the exit code (never calls process.exit, so tests can call it).
 * @example await main(["check", "examples/sample-team.xlsx", "--json", "-"])
 */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`fairshare: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: "string" },
        out: { type: "string" },
        lang: { type: "string" },
        quiet: { type: "boolean", short: "q" },
        streaming: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    io.stdout(`${USAGE}\n`);
    return positionals.length === 0 && !values.help ? 2 : 0;
  }
  const [command, book, ...rest] = positionals;
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (command !== "check" && command !== "run") throw new UsageError(`unknown command "${command}"`);
  if (!book) throw new UsageError(`${command} needs a workbook`);
  if (!existsSync(book)) throw new UsageError(`no such file: ${book}`);
  if (values.lang && !/^(en|zh)/i.test(values.lang)) throw new UsageError(`--lang must be en-US or zh-CN`);
  const jsonToStdout = values.json === "-";
  const say = (s: string) => (values.quiet ? undefined : (jsonToStdout ? io.stderr : io.stdout)(s));
  const progress: Progress = (step, fraction) => {
    if (!values.quiet) io.stderr(`fairshare: ${step} ${Math.round(fraction * 100)}%\n`);
  };

  if (command === "run") {
    if (!values.out) throw new UsageError("run needs --out <out.xlsx>");
    if (path.resolve(values.out) === path.resolve(book)) throw new UsageError("--out must not be the input workbook: a run never changes its input");
  } else if (values.out) throw new UsageError("check writes no workbook; use run --out");

  progress("open", 0);
  // Big files go through the streaming reader and writer: the in-memory API needs ~17 KB per row.
  const streaming = values.streaming || statSync(book).size > STREAMING_THRESHOLD_BYTES;
  if (streaming && command === "run" && !values.quiet) io.stderr("fairshare: large workbook: streaming mode (input sheets keep their values and number formats, not other styling)\n");
  let port: ExcelJsWorkbook | StreamingWorkbook;
  try {
    port = streaming ? await StreamingWorkbook.open(book) : await ExcelJsWorkbook.open(book);
  } catch (e) {
    throw new UsageError(`cannot read ${book} as an .xlsx workbook (${(e as Error).message})`);
  }
  const { result, detected } = await runCheck(port, { displayLanguage: values.lang, write: false, progress });

  let written: string[] = [];
  if (command === "run") {
    const sheets = checkOutputSheets(result, detected.sheets.map((s) => s.name));
    await port.addSheets(sheets);
    progress("save", 0.95);
    await saveAtomically(port, values.out!);
    written = sheets.map((s) => s.name);
  }
  const json = { ...toCheckJson(result), ...(command === "run" ? { out: values.out, sheetsWritten: written } : {}) };
  if (values.json !== undefined) {
    const text = `${JSON.stringify(json, null, 2)}\n`;
    if (jsonToStdout) io.stdout(text);
    else await fs.writeFile(values.json, text, "utf8");
  }
  say(summary(result, written, values.out));
  return result.ok ? 0 : 1;
}

/** Writes next to the target, then renames: a crash never leaves a half-written workbook behind. */
async function saveAtomically(port: { save(path: string): Promise<void> }, target: string): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    await port.save(tmp);
    await fs.rename(tmp, target);
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

function summary(r: CheckResult, written: string[], out: string | undefined): string {
  const errors = r.issues.filter((i) => i.severity === "error").length;
  const warnings = r.issues.length - errors;
  const lines = [
    `Period: ${r.period === null ? "—" : formatMonth(r.period)}`,
    `Reps: ${r.model.reps.length} (${r.portfolio.length} active)  Accounts: ${r.model.accounts.length}  Sales rows: ${r.model.sales.count}`,
    `Issues: ${errors} errors, ${warnings} warnings`,
  ];
  for (const i of r.issues.filter((x) => x.severity === "error").slice(0, 10)) {
    lines.push(`  ${i.sheet}${i.row ? ` row ${i.row}` : ""}${i.column ? ` [${i.column}]` : ""}: ${i.message}`);
  }
  if (r.fairness) {
    const f = r.fairness;
    lines.push(`Fairness: Gini ${f.gini.toFixed(3)}, top 10% hold ${(f.top10Share * 100).toFixed(1)}%, new reps hold ${(f.newRepShare * 100).toFixed(1)}%`);
  }
  if (written.length) lines.push(`Wrote ${out}: ${written.join(", ")}`);
  return `${lines.join("\n")}\n`;
}
