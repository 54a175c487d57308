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
import { fileProblemText } from "../workbook/xlsx/problems";
import { cliText, langFromArgv, type CliMessage } from "./messages";
import { XlsxWorkbook } from "../workbook/xlsx/xlsxWorkbook";
import { commit, outputPathProblem, temporaryFor, withCleanup, type OutputPath } from "./paths";
import { safeLines, safeText } from "./safeText";
import { applySummary, progressLine, settingsSummary, summary } from "./summary";

/** Thrown for bad command lines; main turns it into exit code 2, in the user's language. */
class UsageError extends Error {
  override name = "UsageError";
  constructor(
    readonly problem: CliMessage["key"],
    readonly params: CliMessage["params"] = {},
  ) {
    super(cliText({ key: problem, params }, "en-US"));
  }
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
  // Even a bad command line is answered in the language asked for.
  const L = toLocale(langFromArgv(argv));
  const line = (key: CliMessage["key"], params: CliMessage["params"]) => `${safeText(cliText({ key, params }, L))}\n`;
  try {
    return await withCleanup(
      () => dispatch(argv, io),
      (signal) => cliText({ key: "interrupted", params: { signal } }, L),
    );
  } catch (e) {
    // One line, whatever went wrong: the problem, and where to look.
    if (e instanceof UsageError) io.stderr(line("usageLine", { problem: cliText({ key: e.problem, params: e.params }, L) }));
    else if (e instanceof WorkbookFileError) io.stderr(line("fileLine", { file: e.file, problem: fileProblemText(e.problem, L) }));
    else {
      const err = e as NodeJS.ErrnoException;
      const problem = err.path ? fileProblemText({ key: "cannotWrite", params: { path: err.path, code: err.code ?? err.message } }, L) : fileProblemText({ key: "unexpected", params: { detail: err?.message ?? String(e) } }, L);
      io.stderr(line("errorLine", { problem }));
      if (process.env.FAIRSHARE_DEBUG) io.stderr(`${err?.stack ?? ""}\n`);
    }
    return 2;
  }
}

/** The message of Node's parseArgs errors, as a CLI message (the option it names, in the user's words). */
function argumentProblem(e: NodeJS.ErrnoException): UsageError {
  const option = /'(-{1,2}[^' ]+)/.exec(e.message)?.[1] ?? "";
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return new UsageError("unknownOption", { option });
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return new UsageError("optionNeedsValue", { option });
  return new UsageError("badArguments", { detail: e.message });
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
    throw argumentProblem(e as NodeJS.ErrnoException);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${cliText({ key: "usage" }, toLocale(values.lang))}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError("noCommand");
  const [command, book, ...rest] = positionals;
  // CSV exports: one or more .csv files or folders of them, read into a new workbook.
  const csv = !!book && (command === "check" || command === "run") && [book, ...rest].every((p) => existsSync(p) && isCsvInput(p));
  if (rest.length && !csv) throw new UsageError("unexpectedArgument", { argument: rest[0] });
  if (command !== "check" && command !== "run" && command !== "apply" && command !== "settings") throw new UsageError("unknownCommand", { command });
  if (!book) throw new UsageError("needsWorkbook", { command });
  if (!existsSync(book)) throw new UsageError("noSuchFile", { file: book });
  if (!csv && statSync(book).isDirectory()) throw new UsageError("folderNotWorkbook", { file: book });
  if (values.lang && !/^(en|zh)/i.test(values.lang)) throw new UsageError("badLang");
  const jsonToStdout = values.json === "-";
  const say = (s: string) => (values.quiet ? undefined : (jsonToStdout ? io.stderr : io.stdout)(s));
  const progress: Progress = (step, fraction) => {
    if (!values.quiet) io.stderr(progressLine(step, fraction, toLocale(values.lang)));
  };

  if (values.proposal !== undefined && command !== "apply") throw new UsageError("proposalWithApply");
  if (command === "run" || command === "apply" || command === "settings") {
    if (!values.out) throw new UsageError("needsOut", { command });
  } else if (values.out) throw new UsageError("checkWritesNothing");
  // Every output path is checked before any work, so a mistake costs nothing and overwrites nothing.
  const outputs: OutputPath[] = [];
  if (values.out) outputs.push({ flag: "--out", file: values.out });
  if (values.json !== undefined && !jsonToStdout) outputs.push({ flag: "--json", file: values.json });
  const pathProblem = [book, ...rest].map((input) => outputPathProblem(input, outputs)).find((p) => p) ?? null;
  if (pathProblem) throw new UsageError(pathProblem.key, pathProblem.params);

  progress("open", 0);
  const port: SavablePort = csv ? await openCsv([book, ...rest]) : await XlsxWorkbook.open(book);
  try {
    return await execute(command, port, values, io, say, progress);
  } catch (e) {
    if (e instanceof UsageError || e instanceof WorkbookFileError) throw e;
    // Still one line naming the file (FAIRSHARE_DEBUG=1 prints the stack).
    const err = e as NodeJS.ErrnoException;
    if (process.env.FAIRSHARE_DEBUG) io.stderr(`${err?.stack ?? ""}\n`);
    throw new WorkbookFileError(book, err?.path ? { key: "cannotWrite", params: { path: err.path, code: err.code ?? err.message } } : { key: "unexpected", params: { detail: err?.message ?? String(e) } });
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
    const report = await applyApproved(port, { proposal: values.proposal, displayLanguage: values.lang });
    const o = report.outcome;
    // Apply speaks the workbook's language (its `language` setting, else --lang), as check and run do.
    const AL = report.locale ?? L;
    if (o.problems.some((p) => p.code === "missing_column") && !report.proposalSheet) throw new UsageError("noProposal");
    if (o.problems.some((p) => p.code === "missing_column")) {
      await writeJson({ proposalSheet: report.proposalSheet, proposalSheets: report.proposalSheets, ...o });
      await commit(finished);
      const missing = o.problems.map((p) => p.value).join(", ");
      io.stderr(`${safeText(cliText({ key: "errorLine", params: { problem: cliText({ key: "cannotApply", params: { sheet: report.proposalSheet ?? "", missing } }, AL) } }, AL))}\n`);
      return 1;
    }
    progress("save", 0.95);
    await saveWorkbook();
    await writeJson({ proposalSheet: report.proposalSheet, proposalSheets: report.proposalSheets, out: values.out, ...o });
    await commit(finished);
    say(safeOutput(applySummary(report.proposalSheets.join(", ") || report.proposalSheet, o, values.out!, AL)));
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
