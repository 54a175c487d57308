/**
 * Text from a workbook is printed to a terminal: a cell holding ESC [2J, a title sequence or a bare
 * line break could clear the screen or fake output lines. Everything printed goes through here.
 */

/**
 * Escapes control characters (C0 including line breaks, DEL, C1) and the invisible bidirectional
 * overrides as visible `\xNN` / `\uNNNN` sequences; everything else is unchanged.
 * @param s text to print on one line
 * @returns the same text, safe for a terminal
 * @example safeText("a\x1b[2Jb") // "a\\x1b[2Jb"
 */
export function safeText(s: string): string {
  return s.replace(/[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16).padStart(4, "0")}`;
  });
}

/** Each line of a multi-line message made safe; the line breaks between them are kept. */
export function safeLines(lines: readonly string[]): string {
  return lines.map(safeText).join("\n");
}
