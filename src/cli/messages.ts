/**
 * What the CLI says when it cannot start or finish: usage problems, output-path problems and the help
 * text, per locale. Errors carry a key and values; main renders them in the --lang (or workbook) language.
 */
import { fillPlaceholders, type Locale } from "../engine/messages";

const EN = {
  usage: `Usage:
  fairshare check <book.xlsx> [--json <file>|-] [--lang en-US|zh-CN] [--quiet]
  fairshare run <book.xlsx> --out <out.xlsx> [--json <file>|-] [--lang en-US|zh-CN] [--quiet]
  fairshare apply <book.xlsx> --out <out.xlsx> [--proposal "<sheet name>"] [--json <file>|-] [--lang en-US|zh-CN] [--quiet]
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

Exit codes: 0 ok (warnings allowed), 1 data errors, 2 usage errors and unreadable files.`,
  usageLine: "fairshare: {problem} (see fairshare --help)",
  fileLine: "fairshare: {file}: {problem}",
  errorLine: "fairshare: {problem}",
  interrupted: "fairshare: interrupted ({signal}); nothing was written",
  unknownOption: "unknown option {option}",
  optionNeedsValue: "option {option} needs a value",
  badArguments: "cannot read the command line ({detail})",
  noCommand: "no command given",
  unexpectedArgument: "unexpected argument “{argument}”",
  unknownCommand: "unknown command “{command}”",
  needsWorkbook: "{command} needs a workbook",
  noSuchFile: "no such file: {file}",
  folderNotWorkbook: "{file} is a folder, not a workbook",
  badLang: "--lang must be en-US or zh-CN",
  proposalWithApply: "--proposal goes with apply",
  needsOut: "{command} needs --out <out.xlsx>",
  checkWritesNothing: "check writes no workbook; use run --out",
  noProposal: "the workbook has no Fairshare Proposal sheet; run first",
  cannotApply: "cannot apply “{sheet}”: missing {missing}",
  "path.isInput": "{flag} {file} is the input workbook: Fairshare never overwrites its input",
  "path.same": "{flag} and {other} name the same file ({file})",
  "path.noFolder": "{flag} {file}: the folder {folder} does not exist",
  "path.notFolder": "{flag} {file}: {folder} is a file, not a folder",
  "path.isFolder": "{flag} {file} is a folder, not a file",
  "path.notWritable": "{flag} {file}: the folder {folder} is not writable",
};

export type CliMessageKey = keyof typeof EN;

const ZH: Record<CliMessageKey, string> = {
  usage: `用法：
  fairshare check <工作簿.xlsx> [--json <文件>|-] [--lang en-US|zh-CN] [--quiet]
  fairshare run <工作簿.xlsx> --out <输出.xlsx> [--json <文件>|-] [--lang en-US|zh-CN] [--quiet]
  fairshare apply <工作簿.xlsx> --out <输出.xlsx> [--proposal "<工作表名>"] [--json <文件>|-] [--lang en-US|zh-CN] [--quiet]
  fairshare settings <工作簿.xlsx> --out <输出.xlsx>   添加 Fairshare Settings 工作表，或补上其中缺少的设置
  fairshare check|run <文件.csv|文件夹> [更多 .csv 文件…] …   CSV 导出文件（UTF-8、GBK；逗号、分号或制表符分隔），每个文件一张工作表

  check  检查工作簿并计算客户分布概况；不写入任何文件。
  run    写出 <输出.xlsx>：原工作簿的每个部件保持不变，另加 "Fairshare 数据检查"、"Fairshare 客户资源快照"、
         "Fairshare 调整建议 <期间>"、"Fairshare 公平性 <期间>"、"Fairshare 回收预警 <期间>"、
         "Fairshare 预警名单 <期间>"、"Fairshare 评分卡 <期间>" 和 "Fairshare 激励明细 <期间>"
         （数据有错误时只写数据检查表；英文工作簿使用英文表名，如 "Fairshare Proposal <期间>"）。
  apply  对调整建议表（默认最新一张）中审批结果为“同意”的每一行：若客户负责人仍为原负责人，则改为接收人；
         每项审批结果都追加到 "Fairshare 审计日志"。

输出路径（--out、--json）不得与输入文件相同，也不得彼此相同；文件要么完整写出，要么完全不写。

退出码：0 成功（可有警告），1 数据有错误，2 用法错误或文件无法读取。`,
  usageLine: "fairshare：{problem}（参见 fairshare --help）",
  fileLine: "fairshare：{file}：{problem}",
  errorLine: "fairshare：{problem}",
  interrupted: "fairshare：已中断（{signal}），未写入任何文件",
  unknownOption: "未知选项 {option}",
  optionNeedsValue: "选项 {option} 需要一个值",
  badArguments: "无法解析命令行（{detail}）",
  noCommand: "未指定命令",
  unexpectedArgument: "多余的参数“{argument}”",
  unknownCommand: "未知命令“{command}”",
  needsWorkbook: "{command} 需要一个工作簿",
  noSuchFile: "文件不存在：{file}",
  folderNotWorkbook: "{file} 是文件夹，不是工作簿",
  badLang: "--lang 只能是 en-US 或 zh-CN",
  proposalWithApply: "--proposal 只能与 apply 一起使用",
  needsOut: "{command} 需要 --out <输出.xlsx>",
  checkWritesNothing: "check 不写出工作簿；请使用 run --out",
  noProposal: "工作簿中没有调整建议表（Fairshare Proposal）；请先运行 run",
  cannotApply: "无法执行“{sheet}”：缺少 {missing}",
  "path.isInput": "{flag} {file} 就是输入工作簿：Fairshare 从不覆盖输入文件",
  "path.same": "{flag} 与 {other} 指向同一个文件（{file}）",
  "path.noFolder": "{flag} {file}：文件夹 {folder} 不存在",
  "path.notFolder": "{flag} {file}：{folder} 是文件，不是文件夹",
  "path.isFolder": "{flag} {file} 是文件夹，不是文件",
  "path.notWritable": "{flag} {file}：文件夹 {folder} 不可写",
};

/** Both catalogues, for the parity test. */
export const CLI_MESSAGES: Readonly<Record<Locale, Readonly<Record<CliMessageKey, string>>>> = { "en-US": EN, "zh-CN": ZH };

/** A CLI message: its key and values. */
export interface CliMessage {
  key: CliMessageKey;
  params?: Readonly<Record<string, string | number>>;
}

/**
 * The message in words.
 * @example cliText({ key: "needsOut", params: { command: "run" } }, "zh-CN") // "run 需要 --out <输出.xlsx>"
 */
export function cliText(m: CliMessage, locale: Locale): string {
  return fillPlaceholders(CLI_MESSAGES[locale][m.key], m.params);
}

/**
 * The --lang value from a raw command line, before (or without) parsing it, so that even a bad command
 * line is answered in the user's language.
 * @example langFromArgv(["check", "--lang=zh-CN"]) // "zh-CN"
 */
export function langFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--lang") return argv[i + 1];
    if (argv[i].startsWith("--lang=")) return argv[i].slice("--lang=".length);
  }
  return undefined;
}
