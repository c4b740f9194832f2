import qrcode from 'qrcode-generator';

/** Modules of white around the code, as the QR standard asks for. */
const QUIET_ZONE = 4;

/**
 * The QR code of `text` as one SVG path (runs of dark modules as rectangles) on a square of `size`
 * modules, made here without any network: the renderer draws it at any size.
 */
export function qrPath(text: string): { size: number; path: string } {
  const code = qrcode(0, 'M');
  code.addData(text);
  code.make();
  const modules = code.getModuleCount();
  const parts: string[] = [];
  for (let row = 0; row < modules; row++) {
    let col = 0;
    while (col < modules) {
      if (!code.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules && code.isDark(row, col)) col++;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`);
    }
  }
  return { size: modules + 2 * QUIET_ZONE, path: parts.join('') };
}
