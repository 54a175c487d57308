/**
 * Why a file cannot be read or written as a workbook, in words, per locale: what the file is and what
 * to do. Errors carry the key and params; the CLI renders them in the user's language.
 */
import { fillPlaceholders, type Locale } from "../../engine/messages";

const EN = {
  folder: "is a folder, not a workbook",
  unreadable: "cannot be read ({code})",
  emptyFile: "an empty file (0 bytes), not a workbook",
  emptyZip: "an empty zip file, not a workbook",
  encrypted: "password-protected: remove the password in Excel (File > Info > Protect Workbook > Encrypt with Password) and try again",
  oldXls: "an old .xls workbook (Excel 97-2003): open it in Excel and save it as .xlsx",
  xmlFile: "an XML or HTML file, not an .xlsx workbook: open it in Excel and save it as .xlsx",
  csvFile: "a text (CSV) file, not an .xlsx workbook: open it in Excel and save it as .xlsx",
  notZip: "not an .xlsx workbook (it is not a zip file)",
  ods: "an OpenDocument spreadsheet (.ods), not an .xlsx workbook: save it as .xlsx",
  wordDocument: "a Word document, not an Excel workbook",
  noWorkbookPart: "not an Excel workbook: the zip has no workbook part (xl/workbook.xml)",
  noContentTypes: "damaged: it has no [Content_Types].xml part; open it in Excel and save it again",
  badXml: "damaged: part {part} is not well-formed XML ({why}); save the workbook again from Excel",
  badSharedString: "damaged: cell {cell} in part {part} refers to shared text “{index}”, but the workbook has {count} shared texts; save the workbook again from Excel",
  missingSheetPart: "damaged: sheet “{sheet}” has no data part ({part} is missing); open it in Excel, let Excel repair it, and save it again",
  badReference: "damaged: part {part} has a reference “{ref}” outside Excel's grid (rows 1–1048576, columns A–XFD); save the workbook again from Excel",
  noZipDirectory: "damaged: the file is cut short or is not a zip (no zip directory at its end)",
  zip64Corrupt: "damaged: its Zip64 directory is corrupt",
  directoryPastEnd: "damaged: the file is cut short (its zip directory points past the end)",
  directoryCorrupt: "damaged: its zip directory is corrupt",
  badLocalHeader: "damaged: part {part} is corrupt (bad local header)",
  compression: "part {part} uses an unsupported compression (method {method}); save the workbook again from Excel",
  cutShortInPart: "damaged: the file is cut short inside part {part}",
  partCorrupt: "damaged: part {part} is corrupt ({why}); save the workbook again from Excel",
  cannotWrite: "cannot write {path} ({code})",
  unexpected: "unexpected error ({detail})",
};

export type FileProblemKey = keyof typeof EN;

const ZH: Record<FileProblemKey, string> = {
  folder: "是文件夹，不是工作簿",
  unreadable: "无法读取（{code}）",
  emptyFile: "是空文件（0 字节），不是工作簿",
  emptyZip: "是空的 zip 文件，不是工作簿",
  encrypted: "设有打开密码：请在 Excel 中取消密码（文件 > 信息 > 保护工作簿 > 用密码进行加密）后重试",
  oldXls: "是旧版 .xls 工作簿（Excel 97-2003）：请在 Excel 中打开并另存为 .xlsx",
  xmlFile: "是 XML 或 HTML 文件，不是 .xlsx 工作簿：请在 Excel 中打开并另存为 .xlsx",
  csvFile: "是文本（CSV）文件，不是 .xlsx 工作簿：请在 Excel 中打开并另存为 .xlsx",
  notZip: "不是 .xlsx 工作簿（不是 zip 文件）",
  ods: "是 OpenDocument 电子表格（.ods），不是 .xlsx 工作簿：请另存为 .xlsx",
  wordDocument: "是 Word 文档，不是 Excel 工作簿",
  noWorkbookPart: "不是 Excel 工作簿：zip 中没有工作簿部件（xl/workbook.xml）",
  noContentTypes: "已损坏：缺少 [Content_Types].xml 部件；请在 Excel 中打开并重新保存",
  badXml: "已损坏：部件 {part} 不是格式正确的 XML（{why}）；请在 Excel 中重新保存工作簿",
  badSharedString: "已损坏：部件 {part} 的单元格 {cell} 引用了共享文本“{index}”，但工作簿只有 {count} 条共享文本；请在 Excel 中重新保存工作簿",
  missingSheetPart: "已损坏：工作表“{sheet}”缺少数据部件（{part} 不存在）；请在 Excel 中打开，让 Excel 修复后重新保存",
  badReference: "已损坏：部件 {part} 含有超出 Excel 网格（第 1–1048576 行，A–XFD 列）的引用“{ref}”；请在 Excel 中重新保存工作簿",
  noZipDirectory: "已损坏：文件不完整或不是 zip（末尾没有 zip 目录）",
  zip64Corrupt: "已损坏：Zip64 目录损坏",
  directoryPastEnd: "已损坏：文件不完整（zip 目录指向文件末尾之后）",
  directoryCorrupt: "已损坏：zip 目录损坏",
  badLocalHeader: "已损坏：部件 {part} 损坏（本地文件头错误）",
  compression: "部件 {part} 使用了不支持的压缩方式（方法 {method}）；请在 Excel 中重新保存工作簿",
  cutShortInPart: "已损坏：文件在部件 {part} 内中断",
  partCorrupt: "已损坏：部件 {part} 损坏（{why}）；请在 Excel 中重新保存工作簿",
  cannotWrite: "无法写入 {path}（{code}）",
  unexpected: "意外错误（{detail}）",
};

/** Both catalogues, for the parity test. */
export const FILE_PROBLEMS: Readonly<Record<Locale, Readonly<Record<FileProblemKey, string>>>> = { "en-US": EN, "zh-CN": ZH };

/** A reason a file is not a usable workbook: a catalogue key and its values. */
export interface FileProblem {
  key: FileProblemKey;
  params?: Readonly<Record<string, string | number>>;
}

/**
 * The problem in words.
 * @example fileProblemText({ key: "badLocalHeader", params: { part: "xl/workbook.xml" } }, "zh-CN") // "已损坏：部件 xl/workbook.xml 损坏（本地文件头错误）"
 */
export function fileProblemText(problem: FileProblem, locale: Locale): string {
  return fillPlaceholders(FILE_PROBLEMS[locale][problem.key], problem.params);
}
