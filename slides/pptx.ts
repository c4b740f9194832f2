import type PptxGenJS from 'pptxgenjs';
import { visibleSlides } from './build';
import { deckSubtitle, SLIDE_HEIGHT, SLIDE_WIDTH } from './html';
import { parseMarkdown, type Block, type ListItem, type Run } from './markdown';
import type { ChartSpec, DataContent, Deck, Slide, TableSpec } from './model';
import { columnWidths } from './columns';
import { ACCENT_COLOR, MUTED_COLOR, TEXT_COLOR, colorOf } from './theme';

// The deck as an editable PowerPoint file: real text boxes, tables and NATIVE charts (their data sits in the
// file and can be edited in PowerPoint), with the speaker notes. Same slides, colours and numbers as the HTML.

type PptxSlide = PptxGenJS.Slide;
type TextRun = PptxGenJS.TextProps;

// The wide layout is 13.333 × 7.5 inch: the HTML's 1280 × 720 px at 96 px per inch.
const px = (value: number) => value / 96;
const W = px(SLIDE_WIDTH);
const H = px(SLIDE_HEIGHT);
const MARGIN = px(56);
const CONTENT_W = W - 2 * MARGIN;
const FONT = 'Arial';
const LANGUAGE = 'nl-NL';
const hex = (color: string) => color.replace('#', '');
const TONE_COLORS = { good: '1B7340', warn: '9A5B00', bad: 'B3261E', muted: hex(MUTED_COLOR) } as const;

export async function deckToPptx(deck: Deck): Promise<Buffer> {
  const { default: Pptx } = await import('pptxgenjs'); // loaded when used: the command line starts faster
  const pptx = new Pptx();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = `${deck.title} – ${deckSubtitle(deck)}`;
  pptx.company = deck.group;
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  visibleSlides(deck).forEach((slide, index) => addSlide(pptx, slide, index, deck));
  const output = await pptx.write({ outputType: 'nodebuffer' });
  return tidyXml(output as Buffer);
}

/**
 * Two repairs on pptxgenjs' XML: it writes a paragraph-properties element before EVERY run of a paragraph
 * (only the first is valid, and readers start a new bullet at each), and it tags all text en-US, so that
 * PowerPoint's spelling check would underline every Dutch word.
 */
async function tidyXml(file: Buffer): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(file);
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/.*\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    const paragraphs = name.startsWith('ppt/slides/')
      ? xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_, inner: string) => `<a:p>${onlyFirstParagraphProperties(inner)}</a:p>`)
      : xml;
    const tidy = paragraphs
      .replace(/ altLang="en-US"/g, '')
      .replace(/lang="en-US"/g, `lang="${LANGUAGE}"`)
      .replace(/<c:lang val="en-US"\/>/g, `<c:lang val="${LANGUAGE}"/>`);
    if (tidy !== xml) zip.file(name, tidy);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const PARAGRAPH_PROPERTIES = /<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g;

function onlyFirstParagraphProperties(inner: string): string {
  let seen = false;
  return inner.replace(PARAGRAPH_PROPERTIES, (match, offset: number) => {
    const keep = !seen && inner.slice(0, offset).trim() === '';
    seen = true;
    return keep ? match : '';
  });
}

function addSlide(pptx: PptxGenJS, slide: Slide, index: number, deck: Deck): void {
  const page = pptx.addSlide();
  page.background = { color: slide.kind === 'section' ? hex(ACCENT_COLOR) : 'FFFFFF' };
  if (slide.kind !== 'section')
    page.addShape('rect', { x: 0, y: 0, w: W, h: px(10), fill: { color: hex(ACCENT_COLOR) }, line: { color: hex(ACCENT_COLOR) } });
  if (slide.notes) page.addNotes(plainText(slide.notes));

  switch (slide.kind) {
    case 'title':
    case 'section': {
      const light = slide.kind === 'section';
      page.addText(slide.title, {
        x: px(96),
        y: px(200),
        w: W - 2 * px(96),
        h: px(130),
        fontFace: FONT,
        fontSize: 48,
        bold: true,
        color: light ? 'FFFFFF' : hex(ACCENT_COLOR),
        valign: 'bottom',
        fit: 'shrink',
      });
      const lines: TextRun[] = markdownRuns(slide.body, light ? 'FFFFFF' : hex(MUTED_COLOR));
      if (slide.kind === 'title' && index === 0)
        lines.push({ text: deckSubtitle(deck), options: { bold: true, color: hex(TEXT_COLOR), breakLine: true, paraSpaceBefore: 18 } });
      if (lines.length)
        page.addText(lines, {
          x: px(96),
          y: px(345),
          w: W - 2 * px(96),
          h: px(220),
          fontFace: FONT,
          fontSize: 26,
          valign: 'top',
          fit: 'shrink',
        });
      return;
    }
    case 'text':
      addTitle(page, slide.title);
      addBody(page, slide.body, MARGIN, px(120), CONTENT_W, H - px(150));
      return;
    case 'case': {
      addTitle(page, slide.title);
      const split = CONTENT_W * 0.58;
      addBody(page, slide.body, MARGIN, px(120), split - px(20), H - px(150));
      const questions: TextRun[] = [
        { text: 'Vragen', options: { bold: true, color: hex(ACCENT_COLOR), breakLine: true } },
        ...(slide.questions ?? []).map((question): TextRun => ({
          text: question,
          options: { bullet: { type: 'number' }, breakLine: true },
        })),
      ];
      page.addText(questions, {
        x: MARGIN + split + px(20),
        y: px(120),
        w: CONTENT_W - split - px(20),
        h: px(300),
        fontFace: FONT,
        fontSize: 22,
        color: hex(TEXT_COLOR),
        fill: { color: 'EEF4F7' },
        valign: 'top',
        margin: 12,
        fit: 'shrink',
      });
      return;
    }
    case 'image':
      addTitle(page, slide.title);
      if (slide.image) {
        page.addImage({
          data: slide.image.src,
          x: MARGIN,
          y: px(120),
          w: CONTENT_W,
          h: px(440),
          altText: slide.image.alt,
          sizing: { type: 'contain', w: CONTENT_W, h: px(440) },
        });
      }
      if (slide.body) addBody(page, slide.body, MARGIN, px(575), CONTENT_W, px(110));
      return;
    case 'data':
    case 'agreements':
      addTitle(page, slide.title + (slide.data?.incomplete ? ' (onvolledig)' : ''), 26);
      addData(page, pptx, slide.data ?? { footnotes: [] }, slide.body);
      return;
  }
}

function addTitle(page: PptxSlide, title: string, fontSize = 32): void {
  page.addText(title, {
    x: MARGIN,
    y: px(30),
    w: CONTENT_W,
    h: px(80),
    fontFace: FONT,
    fontSize,
    bold: true,
    color: hex(ACCENT_COLOR),
    valign: 'middle',
    fit: 'shrink',
  });
}

function addBody(page: PptxSlide, body: string, x: number, y: number, w: number, h: number): void {
  const runs = markdownRuns(body, hex(TEXT_COLOR));
  if (runs.length) page.addText(runs, { x, y, w, h, fontFace: FONT, fontSize: 22, valign: 'top', paraSpaceAfter: 6, fit: 'shrink' });
}

/** The same layout rule as the HTML: a table with up to 4 columns beside its chart, a wider one below it. */
function addData(page: PptxSlide, pptx: PptxGenJS, data: DataContent, body: string): void {
  const top = px(115);
  const footnoteH = px(24) * Math.max(1, data.footnotes.length) + px(10);
  const bottom = H - px(20) - footnoteH;
  const side = !!data.chart && !!data.table && data.table.columns.length <= 4;
  if (data.chart && data.table && side) {
    const chartW = px(600);
    addChart(page, pptx, data.chart, MARGIN, top, chartW, bottom - top);
    addTable(page, data.table, MARGIN + chartW + px(24), top, CONTENT_W - chartW - px(24));
  } else if (data.chart && data.table) {
    const chartH = px(280);
    addChart(page, pptx, data.chart, MARGIN, top, CONTENT_W, chartH);
    addTable(page, data.table, MARGIN, top + chartH + px(12), CONTENT_W);
  } else if (data.chart) {
    addChart(page, pptx, data.chart, MARGIN, top, CONTENT_W, bottom - top);
  } else if (data.table) {
    addTable(page, data.table, MARGIN, top, CONTENT_W, 18);
  }
  const notes: TextRun[] = [
    ...markdownRuns(body, hex(TEXT_COLOR)),
    ...data.footnotes.map((line): TextRun => ({ text: line, options: { breakLine: true } })),
  ];
  if (notes.length)
    page.addText(notes, {
      x: MARGIN,
      y: bottom,
      w: CONTENT_W,
      h: footnoteH,
      fontFace: FONT,
      fontSize: 11,
      color: hex(MUTED_COLOR),
      valign: 'bottom',
      fit: 'shrink',
    });
}

function addChart(page: PptxSlide, pptx: PptxGenJS, spec: ChartSpec, x: number, y: number, w: number, h: number): void {
  const numberFormat = spec.decimals ? `#,##0.${'0'.repeat(spec.decimals)}` : '#,##0';
  const bars = spec.categories.length * (spec.stacked ? 1 : spec.series.length);
  const data = spec.series.map((series) => ({
    name: series.name,
    labels: spec.categories,
    values: series.values.map((value) => value ?? 0),
  }));
  const common: PptxGenJS.IChartOpts = {
    x,
    y,
    w,
    h,
    chartColors: spec.series.map((series) => hex(colorOf(series))),
    showLegend: spec.series.length > 1,
    legendPos: 't',
    legendFontSize: 14,
    legendFontFace: FONT,
    catAxisLabelFontSize: 14,
    catAxisLabelFontFace: FONT,
    catAxisLabelColor: hex(TEXT_COLOR),
    valAxisLabelFontSize: 12,
    valAxisLabelColor: hex(MUTED_COLOR),
    valAxisLabelFormatCode: numberFormat,
    valGridLine: { color: 'E4E7EB', style: 'solid', size: 1 },
    catGridLine: { style: 'none' },
    showValue: spec.type === 'bar' && bars <= 24,
    dataLabelFormatCode: numberFormat,
    dataLabelFontSize: 12,
    dataLabelFontFace: FONT,
    dataLabelColor: spec.stacked ? 'FFFFFF' : hex(TEXT_COLOR),
    ...(spec.unit
      ? { showValAxisTitle: true, valAxisTitle: spec.unit, valAxisTitleFontSize: 12, valAxisTitleColor: hex(MUTED_COLOR) }
      : {}),
  };
  if (spec.type === 'line') {
    page.addChart(pptx.ChartType.line, data, { ...common, lineSize: 3, lineDataSymbolSize: 8 });
    return;
  }
  page.addChart(pptx.ChartType.bar, data, {
    ...common,
    barDir: spec.horizontal ? 'bar' : 'col',
    barGrouping: spec.stacked ? 'stacked' : 'clustered',
    ...(spec.stacked ? { barOverlapPct: 100 } : {}),
    barGapWidthPct: 60,
    dataLabelPosition: spec.stacked ? 'ctr' : 'outEnd',
    // Horizontal: the first practice at the top, as in the HTML. (The typings omit 'maxMin'; the writer passes it on.)
    ...(spec.horizontal ? { catAxisOrientation: 'maxMin' as 'minMax' } : {}),
  });
}

function addTable(page: PptxSlide, table: TableSpec, x: number, y: number, w: number, fontSize = 14): void {
  const header: PptxGenJS.TableCell[] = table.columns.map((column) => ({
    text: column.label,
    options: {
      bold: true,
      color: hex(MUTED_COLOR),
      align: column.numeric ? 'right' : 'left',
      border: [{ type: 'none' }, { type: 'none' }, { type: 'solid', pt: 1.5, color: hex(MUTED_COLOR) }, { type: 'none' }],
    },
  }));
  const rows: PptxGenJS.TableCell[][] = table.rows.map((row) =>
    row.cells.map((cell, index) => ({
      text: cell.text,
      options: {
        bold: !!row.total || (!!cell.tone && cell.tone !== 'muted'),
        color: cell.tone ? TONE_COLORS[cell.tone] : hex(TEXT_COLOR),
        align: table.columns[index]?.numeric ? 'right' : 'left',
        border: [
          { type: row.total ? 'solid' : 'none', pt: 1.5, color: hex(MUTED_COLOR) },
          { type: 'none' },
          { type: 'solid', pt: 0.5, color: 'D9DEE3' },
          { type: 'none' },
        ],
      },
    })),
  );
  const { widths, size } = columnWidths(table, w, fontSize);
  page.addTable([header, ...rows], { x, y, w, colW: widths, fontFace: FONT, fontSize: size, valign: 'top', margin: 3, autoPage: false });
}

// ---- Markdown to PowerPoint text runs ----

function markdownRuns(source: string, color: string): TextRun[] {
  return parseMarkdown(source).flatMap((block) => blockRuns(block, color));
}

function blockRuns(block: Block, color: string): TextRun[] {
  if (block.type === 'paragraph') return paragraph(block.runs, { color });
  return listRuns(block.items, block.ordered, 0, color);
}

function listRuns(items: ListItem[], ordered: boolean, level: number, color: string): TextRun[] {
  return items.flatMap((item) => [
    ...paragraph(item.runs, { color, bullet: ordered ? { type: 'number' } : true, indentLevel: level }),
    ...listRuns(item.children, item.childrenOrdered ?? false, level + 1, color),
  ]);
}

/**
 * One paragraph: its runs with their styles, the last one closing the line. Bullet and level go on the first
 * run only: pptxgenjs starts a new paragraph at every run that carries a bullet.
 */
function paragraph(runs: Run[], { bullet, indentLevel, ...options }: PptxGenJS.TextPropsOptions): TextRun[] {
  return runs.map((run, index) => ({
    text: run.text,
    options: {
      ...options,
      ...(index === 0 && bullet ? { bullet, indentLevel } : {}),
      // Bold is the accent colour on a white slide, as in the HTML.
      ...(run.bold ? { bold: true, ...(options.color === hex(TEXT_COLOR) ? { color: hex(ACCENT_COLOR) } : {}) } : {}),
      ...(run.italic ? { italic: true } : {}),
      ...(run.href ? { hyperlink: { url: run.href } } : {}),
      ...(index === runs.length - 1 ? { breakLine: true } : {}),
    },
  }));
}

/** Speaker notes as plain text: PowerPoint's notes have no Markdown. */
function plainText(source: string): string {
  const text = (runs: Run[]) => runs.map((run) => run.text).join('');
  const items = (list: ListItem[], ordered: boolean, indent: string): string[] =>
    list.flatMap((item, index) => [
      `${indent}${ordered ? `${index + 1}.` : '•'} ${text(item.runs)}`,
      ...items(item.children, item.childrenOrdered ?? false, `${indent}  `),
    ]);
  return parseMarkdown(source)
    .map((block) => (block.type === 'paragraph' ? text(block.runs) : items(block.items, block.ordered, '').join('\n')))
    .join('\n\n');
}
