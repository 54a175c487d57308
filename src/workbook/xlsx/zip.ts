/**
 * The zip container of an .xlsx, on Node's own zlib. Why not a library: we need three things at once
 * that none of fflate, yazl, archiver or JSZip gives together: random access through the central
 * directory (parts may come in any order), inflating with the native zlib (the big sheet part is most
 * of the run's time), and copying a part's compressed bytes untouched into the output, so a part we
 * do not own is never decompressed, parsed or recompressed. The format subset is small: stored and
 * deflated entries, data descriptors, Zip64 sizes and offsets on read.
 */
import { createReadStream, promises as fs } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { once } from "node:events";
import { createDeflateRaw, createInflateRaw, crc32, deflateRawSync } from "node:zlib";
import { fileProblemText, type FileProblem, type FileProblemKey } from "./problems";

/** Thrown when the file is not a readable zip; `problem` says what it is instead (`reason`: in English). */
export class ZipFormatError extends Error {
  override name = "ZipFormatError";
  readonly problem: FileProblem;
  readonly reason: string;
  constructor(key: FileProblemKey, params?: FileProblem["params"]) {
    const problem = { key, params };
    const reason = fileProblemText(problem, "en-US");
    super(reason);
    this.problem = problem;
    this.reason = reason;
  }
}

/** One entry as the central directory describes it. */
export interface ZipEntry {
  name: string;
  /** The name exactly as stored (copied unchanged). */
  rawName: Buffer;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  /** DOS time and date, copied unchanged. */
  time: number;
  date: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_EOCD64 = 0x06064b50;

/** A zip file opened for reading: entries in stored order, each readable on demand. */
export class ZipArchive {
  private constructor(
    readonly path: string,
    private readonly fh: FileHandle,
    readonly entries: ZipEntry[],
    private readonly byName: Map<string, ZipEntry>,
  ) {}

  /** Reads the central directory. Throws ZipFormatError when the file is not a complete zip. */
  static async open(path: string): Promise<ZipArchive> {
    const fh = await fs.open(path, "r");
    try {
      const size = (await fh.stat()).size;
      const tailLength = Math.min(size, 65535 + 22);
      const tail = Buffer.alloc(tailLength);
      await fh.read(tail, 0, tailLength, size - tailLength);
      let eocd = -1;
      for (let i = tailLength - 22; i >= 0; i--) {
        if (tail.readUInt32LE(i) === SIG_EOCD) {
          eocd = i;
          break;
        }
      }
      if (eocd < 0) throw new ZipFormatError("noZipDirectory");
      let count = tail.readUInt16LE(eocd + 10);
      let cdSize = tail.readUInt32LE(eocd + 12);
      let cdOffset = tail.readUInt32LE(eocd + 16);
      if ((cdOffset === 0xffffffff || count === 0xffff) && eocd >= 20 && tail.readUInt32LE(eocd - 20) === SIG_EOCD64_LOCATOR) {
        const at = Number(tail.readBigUInt64LE(eocd - 20 + 8));
        const z = Buffer.alloc(56);
        await fh.read(z, 0, 56, at);
        if (z.readUInt32LE(0) !== SIG_EOCD64) throw new ZipFormatError("zip64Corrupt");
        count = Number(z.readBigUInt64LE(32));
        cdSize = Number(z.readBigUInt64LE(40));
        cdOffset = Number(z.readBigUInt64LE(48));
      }
      if (cdOffset + cdSize > size) throw new ZipFormatError("directoryPastEnd");
      const cd = Buffer.alloc(cdSize);
      await fh.read(cd, 0, cdSize, cdOffset);
      const entries: ZipEntry[] = [];
      let p = 0;
      for (let i = 0; i < count; i++) {
        if (p + 46 > cd.length || cd.readUInt32LE(p) !== SIG_CENTRAL) throw new ZipFormatError("directoryCorrupt");
        const flags = cd.readUInt16LE(p + 8);
        const nameLen = cd.readUInt16LE(p + 28);
        const extraLen = cd.readUInt16LE(p + 30);
        const commentLen = cd.readUInt16LE(p + 32);
        const rawName = Buffer.from(cd.subarray(p + 46, p + 46 + nameLen));
        let compressedSize = cd.readUInt32LE(p + 20);
        let uncompressed = cd.readUInt32LE(p + 24);
        let offset = cd.readUInt32LE(p + 42);
        // Zip64 extra field: only the fields whose 32-bit value is saturated are present, in this order.
        let e = p + 46 + nameLen;
        const extraEnd = e + extraLen;
        while (e + 4 <= extraEnd) {
          const id = cd.readUInt16LE(e);
          const len = cd.readUInt16LE(e + 2);
          if (id === 1) {
            let q = e + 4;
            if (uncompressed === 0xffffffff) (uncompressed = Number(cd.readBigUInt64LE(q))), (q += 8);
            if (compressedSize === 0xffffffff) (compressedSize = Number(cd.readBigUInt64LE(q))), (q += 8);
            if (offset === 0xffffffff) offset = Number(cd.readBigUInt64LE(q));
          }
          e += 4 + len;
        }
        entries.push({
          name: rawName.toString(flags & 0x800 ? "utf8" : "latin1").replace(/\\/g, "/"),
          rawName,
          method: cd.readUInt16LE(p + 10),
          flags,
          crc: cd.readUInt32LE(p + 16),
          compressedSize,
          size: uncompressed,
          localHeaderOffset: offset,
          time: cd.readUInt16LE(p + 12),
          date: cd.readUInt16LE(p + 14),
        });
        p += 46 + nameLen + extraLen + commentLen;
      }
      const byName = new Map<string, ZipEntry>();
      for (const en of entries) byName.set(en.name.toLowerCase(), en);
      return new ZipArchive(path, fh, entries, byName);
    } catch (e) {
      await fh.close();
      throw e;
    }
  }

  async close(): Promise<void> {
    await this.fh.close();
  }

  /** The entry with this name (part names compare case-insensitively, as OPC says), or undefined. */
  get(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\//, "").toLowerCase());
  }

  /** Where an entry's data starts: after its local header, whose lengths may differ from the directory's. */
  private async dataOffset(entry: ZipEntry): Promise<number> {
    const h = Buffer.alloc(30);
    const { bytesRead } = await this.fh.read(h, 0, 30, entry.localHeaderOffset);
    if (bytesRead < 30 || h.readUInt32LE(0) !== SIG_LOCAL) throw new ZipFormatError("badLocalHeader", { part: entry.name });
    return entry.localHeaderOffset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
  }

  private checkReadable(entry: ZipEntry): void {
    if (entry.flags & 1) throw new ZipFormatError("encrypted");
    if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError("compression", { part: entry.name, method: entry.method });
  }

  /** The entry's compressed bytes exactly as stored, in pieces of at most 4 MB, for copying into another zip. */
  async *raw(entry: ZipEntry): AsyncGenerator<Buffer> {
    const start = await this.dataOffset(entry);
    const piece = 4 << 20;
    for (let done = 0; done < entry.compressedSize; ) {
      const buf = Buffer.allocUnsafe(Math.min(piece, entry.compressedSize - done));
      const { bytesRead } = await this.fh.read(buf, 0, buf.length, start + done);
      if (bytesRead < buf.length) throw new ZipFormatError("cutShortInPart", { part: entry.name });
      done += bytesRead;
      yield buf;
    }
  }

  /**
   * The entry's content as a stream of chunks, checked against its size and CRC at the end (a corrupt
   * entry fails with ZipFormatError, never yields a silently wrong part).
   */
  async *stream(entry: ZipEntry): AsyncGenerator<Buffer> {
    this.checkReadable(entry);
    const start = await this.dataOffset(entry);
    const damaged = (why: string) => new ZipFormatError("partCorrupt", { part: entry.name, why });
    if (entry.compressedSize === 0) {
      if (entry.size !== 0) throw damaged("no data");
      return;
    }
    const source = createReadStream(this.path, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
    const input = entry.method === 8 ? source.pipe(createInflateRaw({ chunkSize: 1 << 18 })) : source;
    if (entry.method === 8) source.on("error", (e) => input.destroy(e));
    let crc = 0;
    let size = 0;
    try {
      for await (const chunk of input as AsyncIterable<Buffer>) {
        crc = crc32(chunk, crc);
        size += chunk.length;
        yield chunk;
      }
    } catch (e) {
      if (e instanceof ZipFormatError) throw e;
      throw damaged((e as Error).message);
    } finally {
      source.destroy();
      if (input !== source) (input as { destroy(): void }).destroy();
    }
    if (size !== entry.size) throw damaged(`expected ${entry.size} bytes, found ${size}`);
    if (crc >>> 0 !== entry.crc >>> 0) throw damaged("checksum mismatch");
  }

  /** The whole entry, decompressed and checked. */
  async read(entry: ZipEntry): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const c of this.stream(entry)) chunks.push(c);
    return Buffer.concat(chunks);
  }
}

/** Writes a zip to an open file: copied entries keep their compressed bytes; new ones are deflated. */
export class ZipWriter {
  private offset = 0;
  private readonly central: Buffer[] = [];
  private count = 0;

  constructor(private readonly fh: FileHandle) {}

  private async write(buf: Buffer): Promise<void> {
    let done = 0;
    while (done < buf.length) done += (await this.fh.write(buf, done, buf.length - done)).bytesWritten;
    this.offset += buf.length;
  }

  /**
   * Writes one entry: a local header (its CRC and sizes patched in afterwards when not known yet), the
   * data, and the central directory record. Sizes end up known, so no data descriptor (bit 3 cleared).
   */
  private async entry(rawName: Buffer, flags: number, method: number, time: number, date: number, data: (write: (b: Buffer) => Promise<void>) => Promise<{ crc: number; compressed: number; size: number }>): Promise<void> {
    if (this.offset > 0xfffffffe) throw new RangeError("the output workbook would exceed 4 GB");
    const f = flags & 0x0806;
    const at = this.offset;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG_LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(f, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt16LE(rawName.length, 26);
    await this.write(local);
    await this.write(rawName);
    const { crc, compressed, size } = await data((b) => this.write(b));
    if (compressed > 0xfffffffe || size > 0xfffffffe) throw new RangeError("a part of the output workbook would exceed 4 GB");
    const sizes = Buffer.alloc(12);
    sizes.writeUInt32LE(crc >>> 0, 0);
    sizes.writeUInt32LE(compressed, 4);
    sizes.writeUInt32LE(size, 8);
    await this.fh.write(sizes, 0, 12, at + 14);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(SIG_CENTRAL, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(f, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt16LE(time, 12);
    c.writeUInt16LE(date, 14);
    sizes.copy(c, 16);
    c.writeUInt16LE(rawName.length, 28);
    c.writeUInt32LE(at, 42);
    this.central.push(c, rawName);
    this.count++;
  }

  /** Copies an entry of another archive without decompressing it. */
  async copy(from: ZipArchive, entry: ZipEntry): Promise<void> {
    await this.entry(entry.rawName, entry.flags, entry.method, entry.time, entry.date, async (write) => {
      let compressed = 0;
      for await (const piece of from.raw(entry)) {
        await write(piece);
        compressed += piece.length;
      }
      return { crc: entry.crc, compressed, size: entry.size };
    });
  }

  /** Adds a new entry, deflated. */
  async add(name: string, data: Buffer): Promise<void> {
    const deflated = deflateRawSync(data, { level: 6 });
    // 1980-01-01 00:00: new parts carry no clock time, so the same input gives the same output.
    await this.entry(Buffer.from(name, "utf8"), 0x800, 8, 0, 0x21, async (write) => {
      await write(deflated);
      return { crc: crc32(data), compressed: deflated.length, size: data.length };
    });
  }

  /**
   * Adds a new entry from text pieces, deflated as they come: a 50 MB sheet is never one string or
   * one buffer.
   */
  async addText(name: string, pieces: Iterable<string>): Promise<void> {
    await this.entry(Buffer.from(name, "utf8"), 0x800, 8, 0, 0x21, async (write) => {
      const deflate = createDeflateRaw({ level: 6 });
      let compressed = 0;
      const pump = (async () => {
        for await (const out of deflate as AsyncIterable<Buffer>) {
          await write(out);
          compressed += out.length;
        }
      })();
      let crc = 0;
      let size = 0;
      try {
        for (const text of pieces) {
          const b = Buffer.from(text, "utf8");
          crc = crc32(b, crc);
          size += b.length;
          if (!deflate.write(b)) await once(deflate, "drain");
        }
      } finally {
        deflate.end();
      }
      await pump;
      return { crc, compressed, size };
    });
  }

  /** Writes the central directory. */
  async finish(): Promise<void> {
    const cd = Buffer.concat(this.central);
    const start = this.offset;
    await this.write(cd);
    const e = Buffer.alloc(22);
    e.writeUInt32LE(SIG_EOCD, 0);
    e.writeUInt16LE(this.count, 8);
    e.writeUInt16LE(this.count, 10);
    e.writeUInt32LE(cd.length, 12);
    e.writeUInt32LE(start, 16);
    await this.write(e);
  }
}
