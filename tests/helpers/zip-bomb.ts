/**
 * Crafted zip archives for the decompression-limit tests: a real workbook whose sheet is replaced by
 * a huge, highly repetitive one (a zip bomb), optionally with sizes that lie in the headers.
 */
import JSZip from 'jszip';
import zlib from 'node:zlib';

interface ZipEntry {
  name: string;
  data: Buffer;
  /** Uncompressed size written in the headers (default: the real one). */
  declared?: number;
}

/** A plain zip (deflate) written by hand, so that the headers can say what a test wants. */
export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packed = zlib.deflateRawSync(entry.data, { level: 9 });
    const crc = zlib.crc32(entry.data);
    const size = entry.declared ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A real .xlsx (`workbook`) whose first sheet gets `rows` copies of one data row after its own rows:
 * a few hundred KB on disk that unpack to `rows` × ~200 bytes.
 */
export async function xlsxBomb(workbook: Buffer, rows: number, options: { lie?: boolean } = {}): Promise<Buffer> {
  const zip = await JSZip.loadAsync(workbook);
  const entries: ZipEntry[] = [];
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    let data = await file.async('nodebuffer');
    if (name === 'xl/worksheets/sheet1.xml') {
      const xml = data.toString('utf8');
      const row =
        '<row><c t="inlineStr"><is><t>1000001</t></is></c><c t="inlineStr"><is><t>02-01-2024</t></is></c><c t="inlineStr"><is><t>N02AA05</t></is></c><c t="inlineStr"><is><t>OXYCODON</t></is></c></row>';
      const [before, after] = xml.split('</sheetData>') as [string, string];
      data = Buffer.concat([Buffer.from(before), Buffer.from(row.repeat(rows)), Buffer.from(`</sheetData>${after}`)]);
    }
    entries.push({ name, data, ...(options.lie && name === 'xl/worksheets/sheet1.xml' ? { declared: 1000 } : {}) });
  }
  return writeZip(entries);
}
