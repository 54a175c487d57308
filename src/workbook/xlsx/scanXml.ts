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

/**
 * Calls `each` with every attribute's name and raw value (entities not decoded), in one pass over the
 * raw attribute text.
 * @example eachAttribute(' r="A1" t="s"', (n, v) => console.log(n, v)) // r A1, then t s
 */
export function eachAttribute(raw: string, each: (name: string, value: string) => void): void {
  const n = raw.length;
  let i = 0;
  while (i < n) {
    const eq = raw.indexOf("=", i);
    if (eq < 0) return;
    const name = raw.slice(i, eq).trim();
    let q = eq + 1;
    while (q < n && raw.charCodeAt(q) !== 34 && raw.charCodeAt(q) !== 39) q++;
    if (q >= n) return;
    const end = raw.indexOf(raw[q], q + 1);
    if (end < 0) return;
    each(name, raw.slice(q + 1, end));
    i = end + 1;
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
function hotName(b: Buffer, from: number, to: number): string | null {
  const len = to - from;
  const a = b[from];
  if (len === 1) return a === 99 ? "c" : a === 118 ? "v" : a === 116 ? "t" : null;
  if (len === 2) return a === 105 && b[from + 1] === 115 ? "is" : null;
  if (len === 3) return a === 114 && b[from + 1] === 111 && b[from + 2] === 119 ? "row" : null;
  return null;
}

/** Buffer's own UTF-8 decoder without toString's argument checks (a million calls per sheet). */
const utf8Slice = (Buffer.prototype as unknown as { utf8Slice(this: Buffer, start: number, end: number): string }).utf8Slice;
function utf8(b: Buffer, from: number, to: number): string {
  return utf8Slice.call(b, from, to);
}

/** Whether bytes at `at` spell `ascii`. */
function startsWith(b: Buffer, at: number, ascii: string): boolean {
  if (at + ascii.length > b.length) return false;
  for (let i = 0; i < ascii.length; i++) if (b[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
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

/**
 * Works on the bytes: "<", ">", quotes and names are ASCII, and UTF-8 never uses those bytes inside a
 * multi-byte character, so only text and attribute values are ever decoded. (A UTF-16 part is
 * re-encoded to UTF-8 first.)
 */
async function scan(chunks: AsyncIterable<Buffer>, h: ScanHandlers, part: string): Promise<void> {
  const fail = (why: string) => new ZipFormatError("badXml", { part, why });
  const stack: string[] = [];
  let utf16: StringDecoder | null = null;
  let first = true;
  let carry: Buffer | null = null;
  let rootClosed = false;
  const text = (b: Buffer, from: number, to: number) => {
    const t = utf8(b, from, to);
    if (!stack.length) {
      if (t.trim()) throw fail("text outside the root element");
      return;
    }
    h.text(t.indexOf("&") < 0 ? t : decodeEntities(t, fail));
  };
  /** Handles complete constructs in `b`; returns the offset of what must wait for more bytes. */
  const step = (b: Buffer, final: boolean): number => {
    let pos = 0;
    const n = b.length;
    for (;;) {
      const lt = b.indexOf(60, pos);
      if (lt < 0) {
        // Text with no tag after it yet: keep it (an entity may be cut in two) unless this is the end.
        if (final) {
          if (pos < n) text(b, pos, n);
          return n;
        }
        return pos;
      }
      if (lt > pos) text(b, pos, lt);
      if (lt + 1 >= n) return lt;
      const c = b[lt + 1];
      if (c === 47) {
        // </name>
        const gt = b.indexOf(62, lt);
        if (gt < 0) return lt;
        const qname = hotName(b, lt + 2, gt) ?? utf8(b, lt + 2, gt).trim();
        const open = stack.pop();
        if (open !== qname) throw fail(`</${qname}> closes ${open ? `<${open}>` : "nothing"}`);
        if (!stack.length) rootClosed = true;
        h.close(localOf(qname));
        pos = gt + 1;
        continue;
      }
      if (c === 63) {
        const end = b.indexOf("?>", lt);
        if (end < 0) return lt;
        pos = end + 2;
        continue;
      }
      if (c === 33) {
        if (n - lt < 9 && !final) return lt;
        if (startsWith(b, lt, "<!--")) {
          const end = b.indexOf("-->", lt + 4);
          if (end < 0) return lt;
          pos = end + 3;
          continue;
        }
        if (startsWith(b, lt, "<![CDATA[")) {
          const end = b.indexOf("]]>", lt + 9);
          if (end < 0) return lt;
          if (!stack.length) throw fail("CDATA outside the root element");
          h.text(utf8(b, lt + 9, end));
          pos = end + 3;
          continue;
        }
        // DOCTYPE and other declarations have no place in OOXML (and would allow entity tricks).
        throw fail(startsWith(b, lt, "<!DOCTYPE") ? "a DOCTYPE declaration" : "a declaration OOXML does not allow");
      }
      // An opening tag; a quoted attribute value may contain ">".
      let gt = b.indexOf(62, lt);
      if (gt < 0) return lt;
      // Quotes balanced up to the first ">"? (Tags are short: scan just them.)
      let open = 0;
      for (let i = lt + 1; i < gt; i++) {
        const ch = b[i];
        if (open) {
          if (ch === open) open = 0;
        } else if (ch === 34 || ch === 39) open = ch;
      }
      if (open) {
        let i = lt + 1;
        let quote = 0;
        for (; i < n; i++) {
          const ch = b[i];
          if (quote) {
            if (ch === quote) quote = 0;
          } else if (ch === 34 || ch === 39) quote = ch;
          else if (ch === 62) break;
        }
        if (i >= n) return lt;
        gt = i;
      }
      const selfClosing = b[gt - 1] === 47;
      let j = lt + 1;
      for (; j < gt; j++) {
        const ch = b[j];
        if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47) break;
      }
      let qname = hotName(b, lt + 1, j);
      if (qname === null) {
        qname = utf8(b, lt + 1, j);
        if (!qname || /[<&"'=]/.test(qname)) throw fail(`bad tag <${qname.slice(0, 20)}`);
      }
      if (rootClosed) throw fail("content after the root element");
      const name = localOf(qname);
      const attrEnd = selfClosing ? gt - 1 : gt;
      h.open(name, attrEnd > j ? utf8(b, j, attrEnd) : "", selfClosing);
      if (selfClosing) {
        if (!stack.length) rootClosed = true;
        h.close(name);
      } else stack.push(qname);
      pos = gt + 1;
    }
  };
  for await (let chunk of chunks) {
    if (first) {
      first = false;
      if (chunk[0] === 0xff && chunk[1] === 0xfe) utf16 = new StringDecoder("utf16le");
      else if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    if (utf16) chunk = Buffer.from(utf16.write(chunk).replace(/^\ufeff/, ""), "utf8");
    const b: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const done = step(b, false);
    // Copied: the chunk's memory may be reused by the stream.
    carry = done < b.length ? Buffer.from(b.subarray(done)) : null;
  }
  const tail = Buffer.concat([carry ?? Buffer.alloc(0), utf16 ? Buffer.from(utf16.end(), "utf8") : Buffer.alloc(0)]);
  const done = step(tail, true);
  if (done < tail.length || stack.length || !rootClosed) throw fail(stack.length ? `<${stack[stack.length - 1]}> is not closed (the part is cut short)` : "no root element");
}
