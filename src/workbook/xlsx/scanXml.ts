/**
 * A small, strict XML scanner for the big parts (worksheets): at Excel's row limit a sheet part is
 * ~200 MB of XML, and a general SAX parser building an attribute object for every cell spent 9 s of a
 * 17 s read there. This one hands over each tag's raw attribute text (read with {@link attribute} only
 * where needed), decodes entities only in text, and still refuses what is not well-formed (unbalanced
 * tags, a bad entity, a DOCTYPE, text cut short), so a damaged part is an error, never a partial read.
 */
import { StringDecoder } from "node:string_decoder";
import { StopParsing } from "./xml";
import { ZipFormatError } from "./zip";

export interface ScanHandlers {
  /** An element opens; `attributes` is its raw attribute text. Self-closed elements also get `close`. */
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Text content (entities decoded), possibly in several pieces. */
  text(text: string): void;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function localOf(qname: string): string {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
}

/**
 * The value of one attribute in raw attribute text, entities decoded; null when absent.
 * @example attribute(' r="A1" t="s"', "t") // "s"
 */
export function attribute(raw: string, name: string): string | null {
  let from = 0;
  for (;;) {
    const i = raw.indexOf(name, from);
    if (i < 0) return null;
    from = i + name.length;
    const before = raw.charCodeAt(i - 1);
    // Preceded by whitespace (or a prefix colon, for r:id) and followed by optional spaces and "=".
    if (!(before === 32 || before === 9 || before === 10 || before === 13)) continue;
    let j = from;
    while (raw.charCodeAt(j) === 32) j++;
    if (raw.charCodeAt(j) !== 61) continue;
    j++;
    while (raw.charCodeAt(j) === 32) j++;
    const q = raw[j];
    if (q !== '"' && q !== "'") return null;
    const end = raw.indexOf(q, j + 1);
    const v = raw.slice(j + 1, end);
    return v.indexOf("&") < 0 ? v : decodeEntities(v, null);
  }
}

function decodeEntities(s: string, fail: ((why: string) => Error) | null): string {
  return s.replace(/&([^;&]*);|&/g, (m, e: string | undefined) => {
    if (e !== undefined) {
      if (ENTITIES[e]) return ENTITIES[e];
      if (e[0] === "#") {
        const n = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        if (Number.isFinite(n) && n >= 0 && n <= 0x10ffff) return String.fromCodePoint(n);
      }
    }
    if (fail) throw fail(`bad entity ${m.slice(0, 12)}`);
    return m;
  });
}

/**
 * The names that make up almost every tag of a sheet (c, v, t, row, is), as constants: no string is
 * made for them, and the stack compares them by identity.
 */
function hotName(s: string, from: number, to: number): string | null {
  const len = to - from;
  const a = s.charCodeAt(from);
  if (len === 1) return a === 99 ? "c" : a === 118 ? "v" : a === 116 ? "t" : null;
  if (len === 2) return a === 105 && s.charCodeAt(from + 1) === 115 ? "is" : null;
  if (len === 3) return a === 114 && s.charCodeAt(from + 1) === 111 && s.charCodeAt(from + 2) === 119 ? "row" : null;
  return null;
}

/**
 * Scans XML from chunks. Throws ZipFormatError naming `part` when it is not well-formed. A handler may
 * throw StopParsing to end early (the rest of the part is then not read).
 */
export async function scanXml(chunks: AsyncIterable<Buffer>, h: ScanHandlers, part: string): Promise<void> {
  try {
    await scan(chunks, h, part);
  } catch (e) {
    if (!(e instanceof StopParsing)) throw e;
  }
}

async function scan(chunks: AsyncIterable<Buffer>, h: ScanHandlers, part: string): Promise<void> {
  const fail = (why: string) => new ZipFormatError(`damaged: part ${part} is not well-formed XML (${why}); save the workbook again from Excel`);
  const stack: string[] = [];
  let decoder: StringDecoder | null = null;
  let carry = "";
  let rootClosed = false;
  const text = (t: string) => {
    if (!stack.length) {
      if (t.trim()) throw fail("text outside the root element");
      return;
    }
    h.text(t.indexOf("&") < 0 ? t : decodeEntities(t, fail));
  };
  const step = (s: string, final: boolean): string => {
    let pos = 0;
    const n = s.length;
    for (;;) {
      const lt = s.indexOf("<", pos);
      if (lt < 0) {
        // Text with no tag after it yet: keep it (an entity may be cut in two) unless this is the end.
        if (final) {
          if (pos < n) text(s.slice(pos));
          return "";
        }
        return s.slice(pos);
      }
      if (lt > pos) text(s.slice(pos, lt));
      const c = s.charCodeAt(lt + 1);
      if (c === 47) {
        // </name>
        const gt = s.indexOf(">", lt);
        if (gt < 0) return s.slice(lt);
        const qname = hotName(s, lt + 2, gt) ?? s.slice(lt + 2, gt).trim();
        const open = stack.pop();
        if (open !== qname) throw fail(`</${qname}> closes ${open ? `<${open}>` : "nothing"}`);
        if (!stack.length) rootClosed = true;
        h.close(localOf(qname));
        pos = gt + 1;
        continue;
      }
      if (c === 63) {
        const end = s.indexOf("?>", lt);
        if (end < 0) return s.slice(lt);
        pos = end + 2;
        continue;
      }
      if (c === 33) {
        if (n - lt < 9 && !final) return s.slice(lt);
        if (s.startsWith("<!--", lt)) {
          const end = s.indexOf("-->", lt + 4);
          if (end < 0) return s.slice(lt);
          pos = end + 3;
          continue;
        }
        if (s.startsWith("<![CDATA[", lt)) {
          const end = s.indexOf("]]>", lt + 9);
          if (end < 0) return s.slice(lt);
          if (!stack.length) throw fail("CDATA outside the root element");
          h.text(s.slice(lt + 9, end));
          pos = end + 3;
          continue;
        }
        // DOCTYPE and other declarations have no place in OOXML (and would allow entity tricks).
        throw fail("unexpected declaration");
      }
      if (lt + 1 >= n) return s.slice(lt);
      // An opening tag; a quoted attribute value may contain ">".
      let gt = s.indexOf(">", lt);
      if (gt < 0) return s.slice(lt);
      // Quotes balanced up to the first ">"? (Tags are short: scan just them.)
      let quotes = 0;
      let open = 0;
      for (let i = lt + 1; i < gt; i++) {
        const ch = s.charCodeAt(i);
        if (open) {
          if (ch === open) open = 0;
        } else if (ch === 34 || ch === 39) {
          open = ch;
          quotes++;
        }
      }
      if (quotes && open) {
        let i = lt + 1;
        let quote = 0;
        for (; i < n; i++) {
          const ch = s.charCodeAt(i);
          if (quote) {
            if (ch === quote) quote = 0;
          } else if (ch === 34 || ch === 39) quote = ch;
          else if (ch === 62) break;
        }
        if (i >= n) return s.slice(lt);
        gt = i;
      }
      const selfClosing = s.charCodeAt(gt - 1) === 47;
      let j = lt + 1;
      for (; j < gt; j++) {
        const ch = s.charCodeAt(j);
        if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47) break;
      }
      let qname = hotName(s, lt + 1, j);
      if (qname === null) {
        qname = s.slice(lt + 1, j);
        if (!qname || /[<&"'=]/.test(qname)) throw fail(`bad tag <${qname.slice(0, 20)}`);
      }
      if (rootClosed) throw fail("content after the root element");
      const name = localOf(qname);
      h.open(name, s.slice(j, selfClosing ? gt - 1 : gt), selfClosing);
      if (selfClosing) {
        if (!stack.length) rootClosed = true;
        h.close(name);
      } else stack.push(qname);
      pos = gt + 1;
    }
  };
  for await (const chunk of chunks) {
    if (!decoder) decoder = new StringDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? "utf16le" : "utf8");
    let s = carry + decoder.write(chunk);
    if (!carry && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    carry = step(s, false);
  }
  carry = step(carry + (decoder?.end() ?? ""), true);
  if (carry || stack.length || !rootClosed) throw fail(stack.length ? `<${stack[stack.length - 1]}> is not closed (the part is cut short)` : "no root element");
}
