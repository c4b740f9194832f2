// The editor's formatting buttons: they change the text area's text the way a preparer would type the
// slides' Markdown (**bold**, *italic*, "- " list lines), and say where the selection goes afterwards.

export type Format = 'bold' | 'italic' | 'list';

export interface Edit {
  text: string;
  selectionStart: number;
  selectionEnd: number;
}

export function applyFormat(format: Format, text: string, start: number, end: number): Edit {
  if (format === 'list') return toggleList(text, start, end);
  const mark = format === 'bold' ? '**' : '*';
  const selected = text.slice(start, end);
  // Already marked: take the marks away again.
  if (
    text.slice(start - mark.length, start) === mark &&
    text.slice(end, end + mark.length) === mark &&
    !(format === 'italic' && text.slice(start - 2, start) === '**')
  ) {
    return {
      text: text.slice(0, start - mark.length) + selected + text.slice(end + mark.length),
      selectionStart: start - mark.length,
      selectionEnd: end - mark.length,
    };
  }
  return {
    text: text.slice(0, start) + mark + selected + mark + text.slice(end),
    selectionStart: start + mark.length,
    selectionEnd: end + mark.length,
  };
}

/** "- " before every selected line, or away from all of them when they all have it. */
function toggleList(text: string, start: number, end: number): Edit {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nextBreak = text.indexOf('\n', end);
  const lineEnd = nextBreak === -1 ? text.length : nextBreak;
  const lines = text.slice(lineStart, lineEnd).split('\n');
  const listed = lines.every((line) => /^\s*[-*] /.test(line) || line.trim() === '');
  const changed = lines.map((line) => (line.trim() === '' ? line : listed ? line.replace(/^(\s*)[-*] /, '$1') : `- ${line}`)).join('\n');
  const result = text.slice(0, lineStart) + changed + text.slice(lineEnd);
  return { text: result, selectionStart: lineStart, selectionEnd: lineStart + changed.length };
}
