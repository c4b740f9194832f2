#!/usr/bin/env node
// Draws the app icon (a two-coloured capsule on a teal rounded square) and writes it as
// assets/icon.svg (the source), assets/icon.png (512 px, Linux and the window), assets/icon.ico
// (Windows) and assets/icon.icns (macOS). No image library: the shapes are distance functions,
// rasterised with anti-aliasing and packed into PNG with zlib; .ico and .icns just hold PNGs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const assetsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets');

// Geometry in units of the icon's width (0..1, y downwards).
const MARGIN = 0.04;
const CORNER = 0.2;
const CAPSULE = { ax: 0.3, ay: 0.7, bx: 0.7, by: 0.3, r: 0.15 };
const SEAM = 0.012; // the dark line between the capsule's halves
const COLORS = { background: [15, 92, 99], light: [255, 255, 255], accent: [127, 209, 199], seam: [15, 92, 99] };

function roundedSquareDistance(x, y) {
  const half = 0.5 - MARGIN;
  const qx = Math.abs(x - 0.5) - (half - CORNER);
  const qy = Math.abs(y - 0.5) - (half - CORNER);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - CORNER;
}

/** Distance to the capsule's outline and how far along its axis (0 at a, 1 at b) the point lies. */
function capsule(x, y) {
  const { ax, ay, bx, by, r } = CAPSULE;
  const dx = bx - ax;
  const dy = by - ay;
  const along = ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy);
  const t = Math.min(1, Math.max(0, along));
  return { distance: Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) - r, along };
}

/** RGBA pixels of the icon at `size` x `size`. */
export function renderIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const coverage = (distance) => Math.min(1, Math.max(0, 0.5 - distance * size));
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;
      let color = COLORS.background;
      const alpha = coverage(roundedSquareDistance(x, y));
      const pill = capsule(x, y);
      const inPill = coverage(pill.distance);
      const half = pill.along < 0.5 ? COLORS.light : COLORS.accent;
      const seam = coverage(Math.abs(pill.along - 0.5) * Math.hypot(CAPSULE.bx - CAPSULE.ax, CAPSULE.by - CAPSULE.ay) - SEAM / 2);
      const pillColor = mix(half, COLORS.seam, seam);
      color = mix(color, pillColor, inPill);
      const offset = (py * size + px) * 4;
      pixels[offset] = color[0];
      pixels[offset + 1] = color[1];
      pixels[offset + 2] = color[2];
      pixels[offset + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

function mix(a, b, amount) {
  return a.map((value, i) => Math.round(value + (b[i] - value) * amount));
}

/** Encodes RGBA pixels as a PNG file. */
export function encodePng(size, pixels) {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A Windows .ico holding PNG images (supported since Windows Vista). */
function encodeIco(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const entries = pngs.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size; // 0 means 256
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...pngs.map((p) => p.png)]);
}

/** A macOS .icns holding PNG images under their OSType codes. */
function encodeIcns(pngs) {
  const types = { 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };
  const blocks = pngs.map(({ size, png }) => {
    const head = Buffer.alloc(8);
    head.write(types[size], 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(blocks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

/** The same drawing as SVG, for anyone who wants to edit or scale it. */
function svg() {
  const s = 512;
  const { ax, ay, bx, by, r } = CAPSULE;
  const cx = ((ax + bx) / 2) * s;
  const cy = ((ay + by) / 2) * s;
  const length = Math.hypot(bx - ax, by - ay) * s;
  const angle = (Math.atan2(by - ay, bx - ax) * 180) / Math.PI;
  const rgb = (c) => `rgb(${c.join(',')})`;
  const pill = { x: cx - length / 2 - r * s, y: cy - r * s, w: length + 2 * r * s, h: 2 * r * s };
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 ${s} ${s}">
  <title>FTO Toolkit</title>
  <defs><clipPath id="first-half"><rect x="${pill.x}" y="${pill.y}" width="${pill.w / 2}" height="${pill.h}"/></clipPath></defs>
  <rect x="${MARGIN * s}" y="${MARGIN * s}" width="${(1 - 2 * MARGIN) * s}" height="${(1 - 2 * MARGIN) * s}" rx="${CORNER * s}" fill="${rgb(COLORS.background)}"/>
  <g transform="rotate(${angle.toFixed(3)} ${cx} ${cy})">
    <rect x="${pill.x}" y="${pill.y}" width="${pill.w}" height="${pill.h}" rx="${r * s}" fill="${rgb(COLORS.accent)}"/>
    <rect x="${pill.x}" y="${pill.y}" width="${pill.w}" height="${pill.h}" rx="${r * s}" fill="${rgb(COLORS.light)}" clip-path="url(#first-half)"/>
    <rect x="${cx - (SEAM * s) / 2}" y="${pill.y}" width="${SEAM * s}" height="${pill.h}" fill="${rgb(COLORS.seam)}"/>
  </g>
</svg>
`;
}

export function writeIcons(dir = assetsDir) {
  fs.mkdirSync(dir, { recursive: true });
  const png = (size) => ({ size, png: encodePng(size, renderIcon(size)) });
  const large = png(512);
  fs.writeFileSync(path.join(dir, 'icon.svg'), svg());
  fs.writeFileSync(path.join(dir, 'icon.png'), large.png);
  fs.writeFileSync(path.join(dir, 'icon.ico'), encodeIco([16, 24, 32, 48, 64, 128, 256].map(png)));
  fs.writeFileSync(path.join(dir, 'icon.icns'), encodeIcns([png(128), png(256), large, png(1024)]));
  return ['icon.svg', 'icon.png', 'icon.ico', 'icon.icns'].map((name) => path.join(dir, name));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const file of writeIcons()) console.log(`geschreven: ${path.relative(process.cwd(), file)}`);
}
