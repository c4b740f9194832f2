/**
 * A guard against zip bombs: .xlsx and .ods files are zip archives, and a few megabytes can unpack
 * to gigabytes. Before a spreadsheet library sees the bytes, the sizes its entries declare and the
 * sizes they really unpack to are both checked against a limit well above any real export.
 */
import zlib from 'node:zlib';
import { AppError } from '../errors';

/** Real exports unpack to about 5-15 times their size; 50 times leaves room for very repetitive ones. */
export const MAX_UNZIP_RATIO = 50;
/** Small files may unpack to this much whatever their ratio (a tiny workbook has fixed overhead). */
export const MIN_UNZIP_BYTES = 16 * 1024 * 1024;
/** Never more than this, however large the file. */
export const MAX_UNZIP_BYTES = 400 * 1024 * 1024;

export function unzipLimit(fileBytes: number): number {
  return Math.min(MAX_UNZIP_BYTES, Math.max(MIN_UNZIP_BYTES, fileBytes * MAX_UNZIP_RATIO));
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  method: number;
  compressed: number;
  declared: number;
  localOffset: number;
}

/**
 * Throws a Dutch `import` error when the archive would unpack to more than `unzipLimit` bytes, by
 * its own account or in fact. Archives it cannot make sense of are left to the spreadsheet reader,
 * which reports them as damaged.
 */
export function checkZipSize(name: string, bytes: Uint8Array): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const limit = unzipLimit(buffer.length);
  const entries = centralDirectory(buffer);
  if (!entries) return;
  const tooLarge = () =>
    new AppError(
      'import',
      `Het bestand ${name} is te groot als het wordt uitgepakt (meer dan ${Math.round(limit / 1024 / 1024)} MB uit een bestand van ${megabytes(buffer.length)}). Zo'n verhouding heeft geen echte apotheekexport; het bestand is niet gelezen.`,
    );
  let declared = 0;
  for (const entry of entries) declared += entry.declared;
  if (declared > limit) throw tooLarge();
  let actual = 0;
  for (const entry of entries) {
    if (entry.method !== 8) {
      actual += entry.compressed;
      continue;
    }
    const data = entryData(buffer, entry);
    if (!data) continue;
    try {
      // Never more than the entry declared (nor than what is left of the limit): a lying header fails here.
      actual += zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(entry.declared, limit - actual)) }).length;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) throw tooLarge();
      return; // damaged data: the reader says so
    }
  }
  if (actual > limit) throw tooLarge();
}

function megabytes(n: number): string {
  return n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

function centralDirectory(buffer: Buffer): Entry[] | null {
  // The end record is in the last 64 KB + 22 bytes (its comment is at most 65,535 bytes).
  let end = -1;
  for (let k = buffer.length - 22; k >= Math.max(0, buffer.length - 22 - 65_535); k--) {
    if (buffer.readUInt32LE(k) === EOCD) {
      end = k;
      break;
    }
  }
  if (end < 0) return null;
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL) return entries.length ? entries : null;
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    let compressed = buffer.readUInt32LE(offset + 20);
    let declared = buffer.readUInt32LE(offset + 24);
    let localOffset = buffer.readUInt32LE(offset + 42);
    // ZIP64: the real sizes are in extra field 0x0001, in this order, only for the fields set to 0xFFFFFFFF.
    const extra = offset + 46 + nameLength;
    for (let e = extra; e + 4 <= extra + extraLength && e + 4 <= buffer.length;) {
      const id = buffer.readUInt16LE(e);
      const size = buffer.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let p = e + 4;
        const next = () => {
          const value = p + 8 <= buffer.length ? Number(buffer.readBigUInt64LE(p)) : Number.MAX_SAFE_INTEGER;
          p += 8;
          return value;
        };
        if (declared === 0xffffffff) declared = next();
        if (compressed === 0xffffffff) compressed = next();
        if (localOffset === 0xffffffff) localOffset = next();
      }
      e += 4 + size;
    }
    entries.push({ method: buffer.readUInt16LE(offset + 10), compressed, declared, localOffset });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryData(buffer: Buffer, entry: Entry): Buffer | null {
  const at = entry.localOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL) return null;
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  return buffer.subarray(start, Math.min(buffer.length, start + entry.compressed));
}
