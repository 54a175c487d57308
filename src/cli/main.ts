/**
 * `npx fairshare …`: the engine on .xlsx files through the ExcelJS adapter.
 *   --streaming  read and write with ExcelJS's streaming API (automatic above 20 MB).

Exit codes: 0 ok (warnings allowed), 1 data errors, 2 usage errors.
 */
import { existsSync, promises as fs, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { CheckResult } from "../engine/check";
import { toCheckJson, toRunJson } from "../engine/report/json";
import { toLocale } from "../engine/messages";
import { completeSettings } from "../workbook/completeSettings";
import { applySummary, progressLine, settingsSummary, summary } from "./summary";
import { ExcelJsWorkbook } from "../workbook/exceljsAdapter";
import { applyApproved, runAllocation, runCheck, type Progress } from "../workbook/pipeline";
import { isCsvInput, openCsv } from "../workbook/csvInput";
import { StreamingWorkbook } from "../workbook/streamingXlsx";

/** Files above this size are read and written with ExcelJS's streaming API. */
const STREAMING_THRESHOLD_BYTES = 20 * 1024 * 1024;

const USAGE = `Usage:
  fairshare check <book.xlsx> [--json <file>|-] [--lang en-US|zh-CN] [--quiet] [--streaming]
  fairshare run <book.xlsx> --out <out.xlsx> [--json <file>|-] [--lang en-US|zh-CN] [--quiet] [--streaming]
  fairshare apply <book.xlsx> --out <out.xlsx> [--proposal "<sheet name>"] [--json <file>|-] [--quiet]
  fairshare settings <book.xlsx> --out <out.xlsx>   adds the Fairshare Settings sheet, or the settings it lacks
  fairshare check|run <file.csv|folder> [more .csv files…] …   CSV exports (UTF-8, GBK; , ; or tab), one sheet per file

  check  validates the workbook and computes the portfolio snapshot; writes nothing.
  run    writes <out.xlsx>: every input sheet unchanged, plus "Fairshare Data Check", "Fairshare Portfolio",
         "Fairshare Proposal <period>", "Fairshare Fairness <period>" and "Fairshare At Risk <period>"
         (only the Data Check when the data has errors).
  apply  for each row of the proposal (default: the newest) whose Decision is Approve, sets the account's
         Owner to To if it still equals From; appends every decision to "Fairshare Audit Log".

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
        proposal: { type: "string" },
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
  // CSV exports: one or more .csv files or folders of them, read into a new workbook.
  const csv = !!book && (command === "check" || command === "run") && [book, ...rest].every((p) => existsSync(p) && isCsvInput(p));
  if (rest.length && !csv) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (command !== "check" && command !== "run" && command !== "apply" && command !== "settings") throw new UsageError(`unknown command "${command}"`);
  if (!book) throw new UsageError(`${command} needs a workbook`);
  if (!existsSync(book)) throw new UsageError(`no such file: ${book}`);
  if (values.lang && !/^(en|zh)/i.test(values.lang)) throw new UsageError(`--lang must be en-US or zh-CN`);
  const jsonToStdout = values.json === "-";
  const say = (s: string) => (values.quiet ? undefined : (jsonToStdout ? io.stderr : io.stdout)(s));
  const progress: Progress = (step, fraction) => {
    if (!values.quiet) io.stderr(progressLine(step, fraction, toLocale(values.lang)));
  };

  if (values.proposal !== undefined && command !== "apply") throw new UsageError("--proposal goes with apply");
  if (command === "run" || command === "apply" || command === "settings") {
    if (!values.out) throw new UsageError(`${command} needs --out <out.xlsx>`);
    if (path.resolve(values.out) === path.resolve(book)) throw new UsageError("--out must not be the input workbook: a run never changes its input");
  } else if (values.out) throw new UsageError("check writes no workbook; use run --out");
  if (csv && rest.some((p) => path.resolve(p) === path.resolve(values.out ?? ""))) throw new UsageError("--out must not be an input file");

  progress("open", 0);
  // Big files go through the streaming reader and writer: the in-memory API needs ~17 KB per row.
  const streaming = !csv && (values.streaming || statSync(book).size > STREAMING_THRESHOLD_BYTES);
  if (streaming && command === "run" && !values.quiet) io.stderr("fairshare: large workbook: streaming mode (input sheets keep their values and number formats, not other styling)\n");
  let port: ExcelJsWorkbook | StreamingWorkbook;
  try {
    port = csv ? await openCsv([book, ...rest]) : streaming ? await StreamingWorkbook.open(book) : await ExcelJsWorkbook.open(book);
  } catch (e) {
    throw new UsageError(`cannot read ${book} as an .xlsx workbook (${(e as Error).message})`);
  }
  const writeJson = async (json: unknown) => {
    if (values.json === undefined) return;
    const text = `${JSON.stringify(json, null, 2)}\n`;
    if (jsonToStdout) io.stdout(text);
    else await fs.writeFile(values.json, text, "utf8");
  };

  if (command === "settings") {
    const added = await completeSettings(port, toLocale(values.lang));
    progress("save", 0.95);
    await saveAtomically(port, values.out!);
    await writeJson({ out: values.out, added });
    say(settingsSummary(added, values.out!, toLocale(values.lang)));
    return 0;
  }

  if (command === "apply") {
    const report = await applyApproved(port, { proposal: values.proposal });
    const o = report.outcome;
    if (o.problems.some((p) => p.code === "missing_column") && !report.proposalSheet) throw new UsageError("the workbook has no Fairshare Proposal sheet; run first");
    if (o.problems.some((p) => p.code === "missing_column")) {
      await writeJson({ proposalSheet: report.proposalSheet, ...o });
      io.stderr(`fairshare: cannot apply "${report.proposalSheet}": ${o.problems.map((p) => `missing ${p.value}`).join(", ")}\n`);
      return 1;
    }
    progress("save", 0.95);
    await saveAtomically(port, values.out!);
    await writeJson({ proposalSheet: report.proposalSheet, out: values.out, ...o });
    say(applySummary(report.proposalSheet, o, values.out!, toLocale(values.lang)));
    return 0;
  }

  let result: CheckResult;
  let written: string[] = [];
  if (command === "run") {
    const run = await runAllocation(port, { displayLanguage: values.lang, write: true, progress });
    result = run.result;
    written = run.written;
    progress("save", 0.95);
    await saveAtomically(port, values.out!);
    await writeJson({ ...toRunJson(result, run.allocation, run.evaluation), out: values.out, sheetsWritten: written });
    say(summary(result, written, values.out, run.allocation));
  } else {
    result = (await runCheck(port, { displayLanguage: values.lang, write: false, progress })).result;
    await writeJson(toCheckJson(result));
    say(summary(result, written, values.out, null));
  }
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
