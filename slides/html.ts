import { visibleSlides } from './build';
import { chartToSvg, type ChartSize } from './charts';
import { fitSlides, slideOverflow } from './fit';
import { formatDate } from './format';
import { escapeHtml, markdownToHtml } from './markdown';
import type { DataContent, Deck, Slide, TableSpec } from './model';
import { revealAssets } from './reveal-assets';
import { ROLE_COLORS } from '../domain';
import { ACCENT_COLOR, FONT_FAMILY, MUTED_COLOR, TEXT_COLOR } from './theme';

// One self-contained HTML file: reveal.js, its speaker-notes plugin, the theme and every chart inline. A
// Content-Security-Policy forbids any request, so the deck is provably offline, also after a preparer's edits.

export const SLIDE_WIDTH = 1280;
export const SLIDE_HEIGHT = 720;

export interface HtmlOptions {
  /** reveal's print-pdf view: every slide on its own 1280×720 page, for Chromium's PDF printing. */
  print?: boolean;
}

/** A table with more columns than this goes under its chart instead of beside it. */
const SIDE_TABLE_MAX_COLUMNS = 4;
const SIDE_CHART: ChartSize = { width: 600, height: 470 };
const WIDE_CHART: ChartSize = { width: 1168, height: 280 };
const FULL_CHART: ChartSize = { width: 1168, height: 500 };

export function deckSubtitle(deck: Deck): string {
  return [deck.group, deck.date ? formatDate(deck.date) : ''].filter(Boolean).join(' · ');
}

/** The deck's pieces, for the exported file and for showing the deck inside the app with its own reveal.js. */
export function deckParts(deck: Deck, options: HtmlOptions = {}) {
  const slides = visibleSlides(deck);
  const sectionsHtml = slides.map((slide, index) => renderSlide(slide, index, deck)).join('\n');
  const config = {
    width: SLIDE_WIDTH,
    height: SLIDE_HEIGHT,
    margin: 0,
    minScale: 0.1,
    maxScale: 4,
    center: false,
    hash: true,
    controls: true,
    progress: true,
    slideNumber: 'c/t',
    transition: 'none',
    pdfMaxPagesPerSlide: 1,
    pdfSeparateFragments: false,
    ...(options.print ? { view: 'print' } : {}),
  };
  return { slides, sectionsHtml, css: THEME_CSS, config };
}

export function deckToHtml(deck: Deck, options: HtmlOptions = {}): string {
  const assets = revealAssets();
  const { sectionsHtml: sections, config } = deckParts(deck, options);
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-src 'self' file:">
<title>${escapeHtml(`${deck.title} – ${deckSubtitle(deck)}`)}</title>
<style>${assets.css}</style>
<style>${THEME_CSS}</style>
</head>
<body>
<div class="reveal"><div class="slides">
${sections}
</div></div>
<script>${inlineScript(assets.js)}</script>
<script>${inlineScript(assets.notesJs)}</script>
<script>
${FIT_SCRIPT}
Reveal.initialize(Object.assign(${JSON.stringify(config)}, { plugins: [RevealNotes] })).then(() => ${keepClearOfControls.toString()}(Reveal));
</script>
</body>
</html>
`;
}

/**
 * Reveal's arrows sit in the window's bottom-right corner at a fixed size while the slide scales, so the space the
 * footnotes keep free on the right is measured in slide pixels at every resize (runs in the page).
 */
function keepClearOfControls(reveal: { getScale(): number; on(event: string, handler: () => void): void }): void {
  const update = () => {
    const slide = document.querySelector('.reveal .slides > section.present')?.getBoundingClientRect();
    const scale = reveal.getScale();
    if (!slide || !scale) return;
    // Only arrows level with the slide's last lines matter (a letterboxed slide may end above them).
    const arrows = [...document.querySelectorAll('.reveal .controls button')]
      .map((button) => button.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.top < slide.bottom - 32 * scale);
    const reach = arrows.length ? Math.max(0, slide.right - Math.min(...arrows.map((box) => box.left))) / scale : 0;
    document.documentElement.style.setProperty('--controls-space', `${Math.ceil(reach) + 8}px`);
  };
  update();
  reveal.on('resize', update);
}

/** A script's text may not close the <script> element early. */
function inlineScript(source: string): string {
  return source.replace(/<\/script/gi, '<\\/script');
}

function renderSlide(slide: Slide, index: number, deck: Deck): string {
  const attributes = `data-id="${escapeHtml(slide.id)}" data-kind="${slide.kind}" class="kind-${slide.kind}"`;
  const notes = slide.notes ? `<aside class="notes">${markdownToHtml(slide.notes)}</aside>` : '';
  return `<section ${attributes}><div class="slide-inner">${renderContent(slide, index, deck)}</div>${notes}</section>`;
}

function renderContent(slide: Slide, index: number, deck: Deck): string {
  const title = escapeHtml(slide.title);
  const body = slide.body ? `<div class="body">${markdownToHtml(slide.body)}</div>` : '';
  switch (slide.kind) {
    case 'title':
      return `<h1>${title}</h1>${body}${index === 0 ? `<p class="meta">${escapeHtml(deckSubtitle(deck))}</p>` : ''}`;
    case 'section':
      return `<h1>${title}</h1>${body}`;
    case 'case':
      return `<h2>${title}</h2><div class="case">${body}<div class="questions"><p class="label">Vragen</p><ol>${(slide.questions ?? [])
        .map((question) => `<li>${escapeHtml(question)}</li>`)
        .join('')}</ol></div></div>`;
    case 'image':
      return `<h2>${title}</h2>${slide.image ? `<div class="image"><img src="${escapeHtml(slide.image.src)}" alt="${escapeHtml(slide.image.alt)}"></div>` : ''}${body}`;
    case 'data':
    case 'agreements':
      return renderData(slide, title, body);
    case 'text':
      return `<h2>${title}</h2>${body}`;
  }
}

function renderData(slide: Slide, title: string, body: string): string {
  const data: DataContent = slide.data ?? { footnotes: [] };
  const badge = data.incomplete ? ' <span class="badge">onvolledig</span>' : '';
  const side = !!data.chart && !!data.table && data.table.columns.length <= SIDE_TABLE_MAX_COLUMNS;
  const size = !data.chart ? null : !data.table ? FULL_CHART : side ? SIDE_CHART : WIDE_CHART;
  const chart =
    data.chart && size
      ? `<div class="chart" style="width:${size.width}px;height:${size.height}px">${chartToSvg(data.chart, size, slide.id)}</div>`
      : '';
  const table = data.table ? renderTable(data.table) : '';
  const footnotes = data.footnotes.length
    ? `<ul class="footnotes">${data.footnotes.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`
    : '';
  return `<h2>${title}${badge}</h2><div class="figure ${side ? 'side' : 'stack'}">${chart}${table}</div>${body}${footnotes}`;
}

function renderTable(table: TableSpec): string {
  const head = table.columns.map((column) => `<th${column.numeric ? ' class="num"' : ''}>${escapeHtml(column.label)}</th>`).join('');
  const rows = table.rows
    .map((row) => {
      const cells = row.cells
        .map((cell, index) => {
          const classes = [table.columns[index]?.numeric ? 'num' : '', cell.tone ? `tone-${cell.tone}` : ''].filter(Boolean).join(' ');
          const numeric = classes ? ` class="${classes}"` : '';
          const figure = cell.figure;
          if (!figure) return `<td${numeric}>${escapeHtml(cell.text)}</td>`;
          const data = `data-row="${escapeHtml(figure.row)}" data-indicator="${escapeHtml(figure.indicator)}" data-period="${escapeHtml(figure.period)}" data-value="${figure.value ?? ''}"${
            figure.incomplete ? ' data-incomplete="true"' : ''
          }`;
          return `<td${numeric} ${data}>${escapeHtml(cell.text)}</td>`;
        })
        .join('');
      return `<tr${row.total ? ' class="total"' : ''}>${cells}</tr>`;
    })
    .join('');
  return `<table class="figures"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** The export's own copy of the fitting code (slides/fit.ts), for the deck tests to measure with too. */
export const OVERFLOW_FUNCTION = slideOverflow.toString();

// Runs before reveal lays out, so also for printing.
const FIT_SCRIPT = `${OVERFLOW_FUNCTION}
${fitSlides.toString()}
fitSlides(document.querySelector('.reveal .slides'));`;

const THEME_CSS = `
html, body { background: #fff; }
.reveal { font-family: ${FONT_FAMILY}; color: ${TEXT_COLOR}; }
.reveal .slides { text-align: left; }
.reveal .slides > section { width: ${SLIDE_WIDTH}px; height: ${SLIDE_HEIGHT}px; padding: 0; }
.reveal .slide-inner { box-sizing: border-box; width: ${SLIDE_WIDTH}px; height: ${SLIDE_HEIGHT}px; padding: 40px 56px 32px; font-size: 28px;
  line-height: 1.3; overflow: hidden; display: flex; flex-direction: column; background: #fff; border-top: 10px solid ${ACCENT_COLOR}; }
.reveal h1, .reveal h2 { font-weight: 700; color: ${ACCENT_COLOR}; margin: 0 0 0.5em; line-height: 1.15; }
.reveal h1 { font-size: 2.3em; }
.reveal h2 { font-size: 1.45em; }
.reveal p { margin: 0 0 0.55em; }
.reveal ul, .reveal ol { margin: 0 0 0.55em 1.2em; padding: 0; }
.reveal li { margin: 0 0 0.35em; }
.reveal li > ul, .reveal li > ol { margin-top: 0.3em; font-size: 0.9em; }
.reveal a { color: ${ACCENT_COLOR}; text-decoration: underline; }
.reveal strong { color: ${ACCENT_COLOR}; }
.kind-title .slide-inner, .kind-section .slide-inner { justify-content: center; padding: 56px 96px; }
.kind-title .body { font-size: 1.25em; color: ${MUTED_COLOR}; }
.kind-title .meta { margin-top: 1.2em; font-size: 1.1em; font-weight: 700; color: ${TEXT_COLOR}; }
.kind-section .slide-inner { background: ${ACCENT_COLOR}; color: #fff; }
.kind-section h1 { color: #fff; }
.kind-section .body { font-size: 1.2em; }
.case { display: flex; gap: 40px; align-items: flex-start; }
.case .body { flex: 1 1 60%; }
.case .questions { flex: 1 1 40%; border-left: 8px solid ${ACCENT_COLOR}; background: #EEF4F7; padding: 0.6em 0.8em; }
.case .questions .label { font-weight: 700; color: ${ACCENT_COLOR}; margin-bottom: 0.3em; }
.image { flex: 1 1 auto; min-height: 0; display: flex; justify-content: center; }
.image img { max-width: 100%; max-height: 520px; object-fit: contain; }
.kind-data h2, .kind-agreements h2 { font-size: 1.25em; margin-bottom: 0.4em; }
.badge { display: inline-block; vertical-align: middle; font-size: 0.55em; font-weight: 700; color: #fff; background: ${ROLE_COLORS.short};
  border-radius: 0.3em; padding: 0.15em 0.5em; margin-left: 0.5em; }
.figure { display: flex; gap: 24px; align-items: flex-start; }
.figure.stack { flex-direction: column; gap: 12px; }
.chart { flex: none; }
.chart svg { display: block; }
table.figures { border-collapse: collapse; font-size: 0.75em; line-height: 1.25; }
.figure.side table.figures { flex: 1 1 auto; }
.figure.stack table.figures, .kind-agreements table.figures { width: 100%; }
table.figures th { text-align: left; font-weight: 700; color: ${MUTED_COLOR}; border-bottom: 2px solid ${MUTED_COLOR}; padding: 0.2em 0.45em; vertical-align: bottom; }
table.figures td { padding: 0.22em 0.45em; border-bottom: 1px solid #D9DEE3; vertical-align: top; }
table.figures .num { text-align: right; font-variant-numeric: tabular-nums; }
table.figures td.num { white-space: nowrap; }
table.figures tr.total td { font-weight: 700; border-top: 2px solid ${MUTED_COLOR}; }
.kind-agreements table.figures { font-size: 0.85em; }
td.tone-good { color: #1B7340; font-weight: 700; }
td.tone-warn { color: #9A5B00; font-weight: 700; }
td.tone-bad { color: #B3261E; font-weight: 700; }
td.tone-muted { color: ${MUTED_COLOR}; }
.kind-data .body, .kind-agreements .body { margin-top: 0.4em; font-size: 0.8em; }
/* The arrows' reach into the slide, less the slide's own 56px margin (see keepClearOfControls). */
.reveal .footnotes { list-style: none; margin: auto 0 0 !important; padding: 0.4em max(0px, calc(var(--controls-space, 120px) - 56px)) 0 0; font-size: 0.6em; color: ${MUTED_COLOR}; }
.reveal .footnotes li { margin: 0 0 0.15em; }
.reveal .slide-number { font-size: 16px; }
`;
