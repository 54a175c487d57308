/**
 * `npx fairshare …`: the engine on .xlsx files through the part-preserving xlsx adapter.

Exit codes: 0 ok (warnings allowed), 1 data errors, 2 usage errors and unreadable files.
 */
import { existsSync, promises as fs, statSync } from "node:fs";
import { parseArgs } from "node:util";
import type { CheckResult } from "../engine/check";
import { toLocale } from "../engine/messages";
import { toCheckJson, toRunJson } from "../engine/report/json";
import { completeSettings } from "../workbook/completeSettings";
import { isCsvInput, openCsv } from "../workbook/csvInput";
import { applyApproved, runAllocation, runCheck, type Progress } from "../workbook/pipeline";
import type { WorkbookPort } from "../workbook/port";
import { WorkbookFileError } from "../workbook/xlsx/package";
import { XlsxWorkbook } from "../workbook/xlsx/xlsxWorkbook";
import { commit, outputPathProblem, temporaryFor, withCleanup, type OutputPath } from "./paths";
import { safeLines, safeText } from "./safeText";
import { applySummary, progressLine, settingsSummary, summary } from "./summary";

const USAGE = `Usage:
  fairshare check <book.xlsx> [--json <file>|-] [--lang en-US|zh-CN] [--quiet]
  fairshare run <book.xlsx> --out <out.xlsx> [--json <file>|-] [--lang en-US|zh-CN] [--quiet]
  fairshare apply <book.xlsx> --out <out.xlsx> [--proposal "<sheet name>"] [--json <file>|-] [--quiet]
  fairshare settings <book.xlsx> --out <out.xlsx>   adds the Fairshare Settings sheet, or the settings it lacks
  fairshare check|run <file.csv|folder> [more .csv files…] …   CSV exports (UTF-8, GBK; , ; or tab), one sheet per file

  check  validates the workbook and computes the portfolio snapshot; writes nothing.
  run    writes <out.xlsx>: the input workbook with every part unchanged, plus "Fairshare Data Check", "Fairshare Portfolio",
         "Fairshare Proposal <period>", "Fairshare Fairness <period>", "Fairshare At Risk <period>",
         "Fairshare Watch <period>", "Fairshare Scorecard <period>" and "Fairshare Incentives <period>"
         (only the Data Check when the data has errors).
  apply  for each row of the proposal (default: the newest) whose Decision is Approve, sets the account's
         Owner to To if it still equals From; appends every decision to "Fairshare Audit Log".

Output paths (--out, --json) must differ from the input and from each other; files are written whole or not at all.

Exit codes: 0 ok (warnings allowed), 1 data errors, 2 usage errors and unreadable files.`;

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
    return await withCleanup(() => dispatch(argv, io));
  } catch (e) {
    // One line, whatever went wrong: the problem, and where to look.
    if (e instanceof UsageError) io.stderr(`fairshare: ${safeText(e.message)} (see fairshare --help)\n`);
    else if (e instanceof WorkbookFileError) io.stderr(`fairshare: ${safeText(e.message)}\n`);
    else {
      const err = e as NodeJS.ErrnoException;
      io.stderr(`fairshare: ${safeText(err.path ? `${err.path}: ${err.code ?? ""} ${err.message}` : `unexpected error: ${err?.message ?? String(e)}`)}\n`);
      if (process.env.FAIRSHARE_DEBUG) io.stderr(`${err?.stack ?? ""}\n`);
    }
    return 2;
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
        // Accepted for old scripts; every workbook is now streamed (there is one mode).
        streaming: { type: "boolean" },
        proposal: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError("no command given");
  const [command, book, ...rest] = positionals;
  // CSV exports: one or more .csv files or folders of them, read into a new workbook.
  const csv = !!book && (command === "check" || command === "run") && [book, ...rest].every((p) => existsSync(p) && isCsvInput(p));
  if (rest.length && !csv) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (command !== "check" && command !== "run" && command !== "apply" && command !== "settings") throw new UsageError(`unknown command "${command}"`);
  if (!book) throw new UsageError(`${command} needs a workbook`);
  if (!existsSync(book)) throw new UsageError(`no such file: ${book}`);
  if (!csv && statSync(book).isDirectory()) throw new UsageError(`${book} is a folder, not a workbook`);
  if (values.lang && !/^(en|zh)/i.test(values.lang)) throw new UsageError(`--lang must be en-US or zh-CN`);
  const jsonToStdout = values.json === "-";
  const say = (s: string) => (values.quiet ? undefined : (jsonToStdout ? io.stderr : io.stdout)(s));
  const progress: Progress = (step, fraction) => {
    if (!values.quiet) io.stderr(progressLine(step, fraction, toLocale(values.lang)));
  };

  if (values.proposal !== undefined && command !== "apply") throw new UsageError("--proposal goes with apply");
  if (command === "run" || command === "apply" || command === "settings") {
    if (!values.out) throw new UsageError(`${command} needs --out <out.xlsx>`);
  } else if (values.out) throw new UsageError("check writes no workbook; use run --out");
  // Every output path is checked before any work, so a mistake costs nothing and overwrites nothing.
  const outputs: OutputPath[] = [];
  if (values.out) outputs.push({ flag: "--out", file: values.out });
  if (values.json !== undefined && !jsonToStdout) outputs.push({ flag: "--json", file: values.json });
  const pathProblem = [book, ...rest].map((input) => outputPathProblem(input, outputs)).find((p) => p) ?? null;
  if (pathProblem) throw new UsageError(pathProblem);

  progress("open", 0);
  const port: SavablePort = csv ? await openCsv([book, ...rest]) : await XlsxWorkbook.open(book);
  try {
    return await execute(command, port, values, io, say, progress);
  } catch (e) {
    if (e instanceof UsageError || e instanceof WorkbookFileError) throw e;
    // Still one line naming the file (FAIRSHARE_DEBUG=1 prints the stack).
    const err = e as NodeJS.ErrnoException;
    if (process.env.FAIRSHARE_DEBUG) io.stderr(`${err?.stack ?? ""}\n`);
    throw new WorkbookFileError(book, err?.path ? `cannot write ${err.path} (${err.code ?? err.message})` : `unexpected error (${err?.message ?? String(e)})`);
  } finally {
    await port.close?.();
  }
}

type Values = { json?: string; out?: string; lang?: string; quiet?: boolean; proposal?: string };

/** A workbook the CLI writes out: the part-preserving xlsx adapter, or a new workbook built from CSV. */
type SavablePort = WorkbookPort & { save(path: string): Promise<void>; close?(): Promise<void> };

async function execute(command: "check" | "run" | "apply" | "settings", port: SavablePort, values: Values, io: Io, say: (s: string) => void, progress: Progress): Promise<number> {
  const jsonToStdout = values.json === "-";
  // Files appear complete or not at all: each is written to a temporary file, renamed at the end.
  const finished: { tmp: string; target: string }[] = [];
  const saveWorkbook = async () => {
    const tmp = temporaryFor(values.out!);
    await port.save(tmp);
    finished.push({ tmp, target: values.out! });
  };
  const writeJson = async (json: unknown) => {
    if (values.json === undefined) return;
    const text = `${JSON.stringify(json, null, 2)}\n`;
    if (jsonToStdout) io.stdout(text);
    else {
      const tmp = temporaryFor(values.json);
      await fs.writeFile(tmp, text, { encoding: "utf8", flag: "wx" });
      finished.push({ tmp, target: values.json });
    }
  };

  const L = toLocale(values.lang);
  if (command === "settings") {
    const added = await completeSettings(port, L);
    progress("save", 0.95);
    await saveWorkbook();
    await writeJson({ out: values.out, added });
    await commit(finished);
    say(safeOutput(settingsSummary(added, values.out!, L)));
    return 0;
  }

  if (command === "apply") {
    const report = await applyApproved(port, { proposal: values.proposal });
    const o = report.outcome;
    if (o.problems.some((p) => p.code === "missing_column") && !report.proposalSheet) throw new UsageError("the workbook has no Fairshare Proposal sheet; run first");
    if (o.problems.some((p) => p.code === "missing_column")) {
      await writeJson({ proposalSheet: report.proposalSheet, proposalSheets: report.proposalSheets, ...o });
      await commit(finished);
      io.stderr(`fairshare: ${safeText(`cannot apply "${report.proposalSheet}": ${o.problems.map((p) => `missing ${p.value}`).join(", ")}`)}\n`);
      return 1;
    }
    progress("save", 0.95);
    await saveWorkbook();
    await writeJson({ proposalSheet: report.proposalSheet, proposalSheets: report.proposalSheets, out: values.out, ...o });
    await commit(finished);
    say(safeOutput(applySummary(report.proposalSheets.join(", ") || report.proposalSheet, o, values.out!, L)));
    return 0;
  }

  let result: CheckResult;
  let written: string[] = [];
  if (command === "run") {
    const run = await runAllocation(port, { displayLanguage: values.lang, write: true, progress });
    result = run.result;
    written = run.written;
    progress("save", 0.95);
    await saveWorkbook();
    await writeJson({ ...toRunJson(result, run.allocation, run.evaluation), out: values.out, sheetsWritten: written });
    await commit(finished);
    say(safeOutput(summary(result, written, values.out, run.allocation)));
  } else {
    result = (await runCheck(port, { displayLanguage: values.lang, write: false, progress })).result;
    await writeJson(toCheckJson(result));
    await commit(finished);
    say(safeOutput(summary(result, written, values.out, null)));
  }
  return result.ok ? 0 : 1;
}
/** Printed text with every line made safe for a terminal (cells can hold escape sequences). */
function safeOutput(text: string): string {
  return `${safeLines(text.replace(/\n$/, "").split("\n"))}\n`;
}
