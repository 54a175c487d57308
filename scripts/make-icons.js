#!/usr/bin/env node
"use strict";
/**
 * Writes the add-in icons (assets/icon-<size>.png) with nothing but node's zlib, so the icons can be
 * regenerated anywhere without an image tool. The mark: a rounded brand-blue square holding three equal
 * white bars under a level line — equal shares.
 *
 * Usage: node scripts/make-icons.js [outDir]   (default: assets/)
 * The output is deterministic: running it twice gives byte-identical files.
 */
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const SIZES = [16, 32, 64, 80, 128];
const BACKGROUND = [0x0f, 0x6c, 0xbd]; // Fluent "brand" blue (#0F6CBD)
const MARK = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 4; // 4×4 samples per pixel for smooth edges at 16 px

// --- PNG encoding -------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes RGBA pixels (width·height·4 bytes, rows top to bottom) as a PNG file. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type "None" for each scanline
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// --- Drawing (in unit coordinates: the icon is the square [0,1]×[0,1]) ---------------------------

function insideRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

const BARS = [
  [0.2, 0.42, 0.33, 0.8],
  [0.435, 0.42, 0.565, 0.8],
  [0.67, 0.42, 0.8, 0.8],
];
const LEVEL_LINE = [0.16, 0.24, 0.84, 0.32];

function insideRect(x, y, [x0, y0, x1, y1]) {
  return x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

/** What covers the point: "mark", "background" or null (transparent). */
function sample(x, y) {
  if (!insideRoundedSquare(x, y, 0.18)) return null;
  if (insideRect(x, y, LEVEL_LINE) || BARS.some((bar) => insideRect(x, y, bar))) return "mark";
  return "background";
}

function renderIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      let markHits = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const hit = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (hit !== null) covered++;
          if (hit === "mark") markHits++;
        }
      }
      const offset = (py * size + px) * 4;
      if (covered === 0) continue; // fully transparent (already zero)
      const markShare = markHits / covered;
      for (let c = 0; c < 3; c++) {
        pixels[offset + c] = Math.round(BACKGROUND[c] * (1 - markShare) + MARK[c] * markShare);
      }
      pixels[offset + 3] = Math.round((255 * covered) / (n * n));
    }
  }
  return encodePng(size, size, pixels);
}

function main(argv) {
  const outDir = path.resolve(argv[0] ?? path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, renderIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) main(process.argv.slice(2));

module.exports = { encodePng, renderIcon, SIZES };
