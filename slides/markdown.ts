// The small Markdown subset that slide bodies use: paragraphs, bullet lists (- or *), numbered lists (1.),
// one level of nesting (indent by two spaces or more), **bold**, *italic* or _italic_, [text](https://link).
// Parsed once into blocks, so that the HTML and the PowerPoint export show the same thing.

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  href?: string;
}

export interface ListItem {
  runs: Run[];
  children: ListItem[];
  /** Ordered children: a nested numbered list. */
  childrenOrdered?: boolean;
}

export type Block = { type: 'paragraph'; runs: Run[] } | { type: 'list'; ordered: boolean; items: ListItem[] };

const LIST_LINE = /^(\s*)([-*]|\d+[.)])\s+(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: (Block & { type: 'list' }) | null = null;

  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', runs: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };

  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/\s+$/, '');
    const item = LIST_LINE.exec(line);
    if (line.trim() === '') {
      flushParagraph();
      list = null;
    } else if (item) {
      flushParagraph();
      const nested = (item[1] ?? '').replace(/\t/g, '  ').length >= 2;
      const ordered = /\d/.test(item[2] ?? '');
      const entry: ListItem = { runs: parseInline(item[3] ?? ''), children: [] };
      const parent = list?.items.at(-1);
      if (nested && parent) {
        parent.children.push(entry);
        parent.childrenOrdered = ordered;
      } else {
        if (!list || list.ordered !== ordered) {
          list = { type: 'list', ordered, items: [] };
          blocks.push(list);
        }
        list.items.push(entry);
      }
    } else if (list && /^\s+/.test(line)) {
      // A wrapped line of the last list item.
      const last = list.items.at(-1)!;
      const target = last.children.at(-1) ?? last;
      target.runs.push(...parseInline(` ${line.trim()}`));
    } else {
      list = null;
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  return blocks;
}

const INLINE = /\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)|(?<![\p{L}\p{N}])[*_](?![\s*_])(.+?)(?<![\s*_])[*_](?![\p{L}\p{N}])/gu;

export function parseInline(text: string, style: Omit<Run, 'text'> = {}): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > at) runs.push({ ...style, text: text.slice(at, match.index) });
    if (match[1] !== undefined) runs.push(...parseInline(match[1], { ...style, bold: true }));
    else if (match[2] !== undefined) runs.push(...parseInline(match[2], safeHref(match[3] ?? '') ? { ...style, href: match[3] } : style));
    else runs.push(...parseInline(match[4] ?? '', { ...style, italic: true }));
    at = match.index + match[0].length;
  }
  if (at < text.length) runs.push({ ...style, text: text.slice(at) });
  return runs;
}

/** Only web and mail links: a deck must never run script from a link. */
function safeHref(href: string): boolean {
  return /^(https?:|mailto:)/i.test(href);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function runsToHtml(runs: Run[]): string {
  return runs
    .map((run) => {
      let html = escapeHtml(run.text);
      if (run.italic) html = `<em>${html}</em>`;
      if (run.bold) html = `<strong>${html}</strong>`;
      if (run.href) html = `<a href="${escapeHtml(run.href)}" target="_blank" rel="noopener noreferrer">${html}</a>`;
      return html;
    })
    .join('');
}

function itemsToHtml(items: ListItem[], ordered: boolean): string {
  const tag = ordered ? 'ol' : 'ul';
  const inner = items
    .map(
      (item) => `<li>${runsToHtml(item.runs)}${item.children.length ? itemsToHtml(item.children, item.childrenOrdered ?? false) : ''}</li>`,
    )
    .join('');
  return `<${tag}>${inner}</${tag}>`;
}

export function markdownToHtml(source: string): string {
  return parseMarkdown(source)
    .map((block) => (block.type === 'paragraph' ? `<p>${runsToHtml(block.runs)}</p>` : itemsToHtml(block.items, block.ordered)))
    .join('\n');
}
