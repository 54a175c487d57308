/**
 * XML for the .xlsx reader and writer. Reading is saxes (a strict, streaming, well-kept SAX parser,
 * already what ExcelJS uses): parts are parsed as chunks arrive, so a 100 MB sheet never sits in
 * memory as text, and a malformed part is an error, never a partial read. Names are matched by their
 * local part, so `x:c` (prefixed SpreadsheetML) and Strict OOXML's namespaces read the same.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { StringDecoder } from "node:string_decoder";
import { ZipFormatError } from "./zip";

export type Attributes = Record<string, string>;

export interface XmlHandlers {
  open?(name: string, attributes: Attributes, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** The local part of a qualified name: `x:row` → `row`. */
export function localName(qname: string): string {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
}

/**
 * A part we edit as text lacks an element the edit needs (a damaged or foreign part): the writer turns it
 * into a "damaged part" problem naming the part.
 */
export class PartShapeError extends Error {
  override name = "PartShapeError";
}

/** Thrown by a handler to end parsing early (e.g. after the first rows); not an error. */
export class StopParsing extends Error {
  override name = "StopParsing";
}

/**
 * Parses XML from chunks, calling handlers with local names. `part` names the part in errors.
 * A handler may throw StopParsing to stop early.
 */
export async function parseXml(chunks: AsyncIterable<Buffer>, handlers: XmlHandlers, part: string): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let failure: Error | null = null;
  parser.on("error", (e) => {
    failure ??= new ZipFormatError("badXml", { part, why: e.message.replace(/\s+/g, " ") });
  });
  // OOXML has no DOCTYPE; one could only declare entities (expansion bombs, external files): refused, as scanXml does.
  parser.on("doctype", () => {
    failure ??= new ZipFormatError("badXml", { part, why: "a DOCTYPE declaration" });
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (t: SaxesTagPlain) => open(localName(t.name), t.attributes as Attributes, t.isSelfClosing));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (t) => close(localName(t.name)));
  }
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  let decoder: StringDecoder | null = null;
  try {
    for await (const chunk of chunks) {
      if (!decoder) {
        // UTF-16 parts start with a byte-order mark; everything else is UTF-8.
        const utf16 = chunk[0] === 0xff && chunk[1] === 0xfe;
        decoder = new StringDecoder(utf16 ? "utf16le" : "utf8");
      }
      let s = decoder.write(chunk);
      if (s.charCodeAt(0) === 0xfeff && parser.position === 0) s = s.slice(1);
      parser.write(s);
      if (failure) throw failure;
    }
    parser.write(decoder?.end() ?? "");
    parser.close();
    if (failure) throw failure;
  } catch (e) {
    if (e instanceof StopParsing) return;
    throw e;
  }
}

/** One buffer as chunks. */
export async function* once(buf: Buffer): AsyncGenerator<Buffer> {
  yield buf;
}

const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/**
 * Text for an XML text node or attribute. Characters XML 1.0 cannot hold (most C0 controls) are
 * written as OOXML's `_xHHHH_` escapes, and a literal `_xHHHH_` gets its underscore escaped so it
 * reads back as typed.
 */
export function escapeXml(s: string): string {
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/[&<>"]/g, (c) => ENTITY[c])
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

/** Reverses the `_xHHHH_` escapes of OOXML text. */
export function unescapeOoxml(s: string): string {
  return s.indexOf("_x") < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** XML entities in an attribute value taken from raw text (for the few index parts we edit as text). */
export function unescapeAttribute(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e === "lt" ? "<" : e === "gt" ? ">" : e === "amp" ? "&" : e === "quot" ? '"' : e === "apos" ? "'" : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
}
