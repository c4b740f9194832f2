import type { Document, Paragraph, Table } from 'docx';
import type { FileOutput, Meeting } from '../contract/meetings';
import { dutchDate } from '../meetings/dates';
import type { Db } from '../open';
import { AGREEMENT_KIND_LABELS, AGREEMENT_STATUS_LABELS, INDICATOR_LABELS, PERSON_ROLE_LABELS, RATE_UNIT } from '../../domain';
import { columnWidths } from '../../slides/columns';
import { formatNumber } from '../../slides/format';
import { esc, fileOf, slug } from './files';
import { collectReport, type ReportData, type ReportPoll } from './meeting-data';
import type { PdfRenderer } from './pdf';
import { documentHtml } from './html';

/** The meeting report (verslag) as one file: the same content as PDF (made by `renderPdf` from HTML) or as Word. */
export async function meetingReportFile(db: Db, meetingId: number, format: 'pdf' | 'docx', renderPdf: PdfRenderer): Promise<FileOutput> {
  const data = collectReport(db, meetingId);
  if (format === 'docx') return reportDocxFile(data);
  return fileOf(reportFileName(data, 'pdf'), 'pdf', await renderPdf(reportHtml(data)));
}

/** The report as a Word file; docx is loaded when a report is written, not when the core starts. */
export async function reportDocxFile(data: ReportData): Promise<FileOutput> {
  const docx = await import('docx');
  return fileOf(reportFileName(data, 'docx'), 'docx', await docx.Packer.toBuffer(reportDocx(data, docx)));
}

function reportFileName(data: ReportData, format: 'pdf' | 'docx'): string {
  return `verslag-${slug(data.meeting.groupName)}-${data.meeting.startsAt?.slice(0, 10) ?? `bijeenkomst-${data.meeting.id}`}.${format}`;
}

/** The report's content as plain parts, shared by the HTML and the Word version. */
function reportParts(data: ReportData) {
  const m = data.meeting;
  const details: [string, string][] = [
    ['FTO-groep', m.groupName],
    ['Datum', dutchDate(m.startsAt)],
    ['Einde', meetingEnd(m)],
    ['Plaats', m.place ?? '—'],
    ['Onderwerp', m.topic],
    ['Voorzitter', m.chair ?? '—'],
    ['Notulist', m.minuteTaker ?? '—'],
    ['EKC (kwaliteitsconsulent)', m.qualityConsultant ?? '—'],
    ['Accreditatienummer', m.accreditationNumber ?? '—'],
    ['Periode van de cijfers', data.figures.period],
  ];
  const who = (a: ReportData['present'][number]) =>
    [a.practiceName ?? a.pharmacyName ?? '', a.guest ? 'gast' : ''].filter(Boolean).join(', ');
  const attendees = data.present.map((a) => [a.name, PERSON_ROLE_LABELS[a.role], who(a), a.registration ?? '']);
  const agreementRows = (items: ReportData['agreements'][number]['items']) =>
    items.map((a) => [
      a.text,
      AGREEMENT_KIND_LABELS[a.kind],
      a.owner ?? '—',
      a.indicator
        ? `${INDICATOR_LABELS[a.indicator]}${a.direction ? (a.direction === 'down' ? ', omlaag' : ', omhoog') : ''}${a.target !== null ? `, doel ${a.target}` : ''}`
        : '—',
      dutchDate(a.evaluationDate),
    ]);
  const earlierRows = data.earlier.items.map((a) => [
    a.scopeName,
    a.text,
    AGREEMENT_STATUS_LABELS[a.status] + (a.statusNote ? `: ${a.statusNote}` : ''),
    a.evaluation?.summary ?? '—',
  ]);
  // A count with its rate per 1,000 registered patients beside it, where the list size is known.
  const figureRows = data.figures.rows.map((r) => [
    r.name,
    ...r.values.map((v, i) => formatNumber(v) + (r.rates?.[i] != null ? ` (${formatNumber(r.rates[i], 1)})` : '')),
  ]);
  const rateNote = data.figures.rows.some((r) => r.rates)
    ? `Tussen haakjes: ${RATE_UNIT}, naar de praktijkgrootte van ${data.figures.rateYear}; zonder bekende praktijkgrootte alleen het aantal.`
    : null;
  return { details, attendees, agreementRows, earlierRows, figureRows, rateNote };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "21:45 (duur 2 uur en 15 minuten)" when the meeting was closed on its own day, otherwise the day it was closed. */
function meetingEnd(m: Meeting): string {
  if (!m.endedAt) return 'nog niet afgesloten';
  const ended = new Date(m.endedAt);
  const local = `${ended.getFullYear()}-${pad(ended.getMonth() + 1)}-${pad(ended.getDate())}T${pad(ended.getHours())}:${pad(ended.getMinutes())}`;
  if (!m.startsAt || local.slice(0, 10) !== m.startsAt.slice(0, 10) || local <= m.startsAt) return `afgesloten op ${dutchDate(local)}`;
  // Both are local times without an offset, so their difference is the duration.
  const minutes = Math.round((Date.parse(local) - Date.parse(m.startsAt)) / 60_000);
  const hours = Math.floor(minutes / 60);
  const parts = [hours ? `${hours} uur` : '', minutes % 60 ? `${minutes % 60} minuten` : ''].filter(Boolean).join(' en ');
  return `${local.slice(11)} (duur ${parts})`;
}

export function reportHtml(data: ReportData): string {
  const { details, attendees, agreementRows, earlierRows, figureRows, rateNote } = reportParts(data);
  const table = (head: string[], rows: (string | number)[][], className = '') =>
    `<table class="${className}"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
      .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  const f = data.figures;
  const body = `
    <h1>Verslag FTO ${esc(data.meeting.topic)}</h1>
    <table class="details">${details.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>

    <h2>Aanwezig (${data.present.length})</h2>
    ${attendees.length ? table(['Naam', 'Rol', 'Praktijk of apotheek', 'BIG/AGB'], attendees) : '<p>Er is geen presentie vastgelegd.</p>'}
    ${data.absent.length ? `<p class="small">Afwezig: ${esc(data.absent.map((a) => a.name).join(', '))}</p>` : ''}

    <h2>Onderwerp en bronnen</h2>
    <ul>${data.sources.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>
    ${data.objectives.length ? `<h2>Leerdoelen</h2><ul>${data.objectives.map((o) => `<li>${esc(o)}</li>`).join('')}</ul>` : ''}

    <h2>Besproken cijfers (${esc(data.figures.period)})</h2>
    ${f.rows.length ? table(['', ...f.columns.map((c) => c.label)], figureRows, 'figures') : '<p>Er zijn geen gegevens over deze periode.</p>'}
    ${f.rows.length && rateNote ? `<p class="small">${esc(rateNote)}</p>` : ''}
    ${f.lookbackComplete ? '' : '<p class="small">De cijfers over nieuwe gebruikers zijn onvolledig: de gegevens gaan niet ver genoeg terug.</p>'}
    <p class="small">Definities:</p><ul class="small">${f.definitions.map((d) => `<li><b>${esc(d.term)}</b>: ${esc(d.text)}</li>`).join('')}</ul>

    <h2>Conclusies bij de casus</h2>
    ${data.cases.length ? data.cases.map((c) => `<h3>${esc(c.question)}</h3>${c.answers.length ? `<ul>${c.answers.map((a) => `<li><b>${esc(a.who)}:</b> ${esc(a.text)}</li>`).join('')}</ul>` : ''}${c.polls.map((p) => pollHtml(p, c.question)).join('')}`).join('') : '<p>Er zijn geen antwoorden vastgelegd.</p>'}
    ${data.polls.length ? `<h2>Peilingen</h2>${data.polls.map((p) => `<h3>${esc(p.question)}</h3>${pollHtml(p, p.question)}`).join('')}` : ''}
    ${data.notes.length ? `<h2>Discussiepunten</h2><ul>${data.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}

    <h2>Werkafspraken</h2>
    ${data.agreements.length ? data.agreements.map((g) => `<h3>${esc(g.scope)}</h3>${table(['Afspraak', 'Soort', 'Wie trekt het', 'Gemeten met', 'Evaluatie'], agreementRows(g.items))}`).join('') : '<p>Er zijn geen werkafspraken gemaakt.</p>'}

    <h2>Evaluatie van eerdere afspraken</h2>
    ${data.earlier.meetingLabel ? `<p>Afspraken van ${esc(data.earlier.meetingLabel)}.</p>` : ''}
    ${earlierRows.length ? table(['Voor', 'Afspraak', 'Status', 'Cijfers'], earlierRows) : '<p>Er waren geen eerdere afspraken om te evalueren.</p>'}

    <h2>Volgende evaluatie</h2>
    <p>De afspraken worden geëvalueerd vanaf ${esc(dutchDate(data.nextEvaluation))}.</p>`;
  return documentHtml(`Verslag FTO ${data.meeting.groupName}`, body, POLL_CSS);
}

const POLL_CSS = `
  table.poll { width: auto; min-width: 60%; border: 0; }
  table.poll td { border: 0; padding: 1pt 4pt; }
  table.poll td.bar { width: 45mm; }
  table.poll td.bar span { display: block; height: 8pt; background: #0b4f6c; }
  table.poll td.count { text-align: right; white-space: nowrap; }
`;

/** One poll run: the heading, the poll's own wording when the chair changed it, a bar per answer. */
function pollHtml(poll: ReportPoll, shownQuestion: string): string {
  const rows = poll.lines
    .map(
      (l) =>
        `<tr><td>${esc(l.label)}</td><td class="bar"><span style="width:${l.share}%"></span></td><td class="count">${l.count} (${l.share}%)</td></tr>`,
    )
    .join('');
  return `<p><b>${esc(pollTitle(poll, shownQuestion))}</b></p>${rows ? `<table class="poll">${rows}</table>` : ''}${poll.median ? `<p class="small">${esc(poll.median)}</p>` : ''}`;
}

function pollTitle(poll: ReportPoll, shownQuestion: string): string {
  return [poll.heading, poll.open ? ' (nog open)' : '', poll.question !== shownQuestion ? ` op "${poll.question}"` : ''].join('');
}

type Docx = typeof import('docx');

export function reportDocx(data: ReportData, docx: Docx): Document {
  const { AlignmentType, Document, HeadingLevel, Paragraph, TextRun } = docx;
  const { details, attendees, agreementRows, earlierRows, figureRows, rateNote } = reportParts(data);
  // A heading stays on the page of what follows it.
  const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2) =>
    new Paragraph({ text, heading: level, spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true });
  const para = (text: string, options: { bold?: boolean; small?: boolean; keepNext?: boolean } = {}) =>
    new Paragraph({
      children: [new TextRun({ text, bold: options.bold, size: options.small ? 18 : 22 })],
      spacing: { after: 80 },
      keepNext: options.keepNext,
    });
  const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });
  const table = (head: string[], rows: (string | number)[][]) =>
    docxTable(
      head,
      rows.map((r) => r.map(String)),
      docx,
    );
  const pollParagraphs = (poll: ReportPoll, shownQuestion: string) => [
    para(pollTitle(poll, shownQuestion)),
    ...poll.lines.map((l) => bullet(l.text)),
    ...(poll.median ? [para(poll.median, { small: true })] : []),
  ];
  const f = data.figures;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: `Verslag FTO ${data.meeting.topic}`, heading: HeadingLevel.TITLE, alignment: AlignmentType.LEFT }),
    table(['Gegeven', 'Waarde'], details),
    heading(`Aanwezig (${data.present.length})`),
    attendees.length ? table(['Naam', 'Rol', 'Praktijk of apotheek', 'BIG/AGB'], attendees) : para('Er is geen presentie vastgelegd.'),
    ...(data.absent.length ? [para(`Afwezig: ${data.absent.map((a) => a.name).join(', ')}`, { small: true })] : []),
    heading('Onderwerp en bronnen'),
    ...data.sources.map(bullet),
    ...(data.objectives.length ? [heading('Leerdoelen'), ...data.objectives.map(bullet)] : []),
    heading(`Besproken cijfers (${data.figures.period})`),
    f.rows.length ? table(['', ...f.columns.map((c) => c.label)], figureRows) : para('Er zijn geen gegevens over deze periode.'),
    ...(f.rows.length && rateNote ? [para(rateNote, { small: true })] : []),
    ...(f.lookbackComplete
      ? []
      : [para('De cijfers over nieuwe gebruikers zijn onvolledig: de gegevens gaan niet ver genoeg terug.', { small: true })]),
    para('Definities:', { small: true }),
    ...f.definitions.map(
      (d) => new Paragraph({ children: [new TextRun({ text: d.term, bold: true }), new TextRun(`: ${d.text}`)], bullet: { level: 0 } }),
    ),
    heading('Conclusies bij de casus'),
    ...(data.cases.length
      ? data.cases.flatMap((c) => [
          para(c.question, { bold: true, keepNext: true }),
          ...c.answers.map((a) => bullet(`${a.who}: ${a.text}`)),
          ...c.polls.flatMap((p) => pollParagraphs(p, c.question)),
        ])
      : [para('Er zijn geen antwoorden vastgelegd.')]),
    ...(data.polls.length
      ? [heading('Peilingen'), ...data.polls.flatMap((p) => [para(p.question, { bold: true }), ...pollParagraphs(p, p.question)])]
      : []),
    ...(data.notes.length ? [heading('Discussiepunten'), ...data.notes.map(bullet)] : []),
    heading('Werkafspraken'),
    ...(data.agreements.length
      ? data.agreements.flatMap((g) => [
          heading(g.scope, HeadingLevel.HEADING_3),
          table(['Afspraak', 'Soort', 'Wie trekt het', 'Gemeten met', 'Evaluatie'], agreementRows(g.items)),
        ])
      : [para('Er zijn geen werkafspraken gemaakt.')]),
    heading('Evaluatie van eerdere afspraken'),
    ...(data.earlier.meetingLabel ? [para(`Afspraken van ${data.earlier.meetingLabel}.`)] : []),
    earlierRows.length
      ? table(['Voor', 'Afspraak', 'Status', 'Cijfers'], earlierRows)
      : para('Er waren geen eerdere afspraken om te evalueren.'),
    heading('Volgende evaluatie'),
    para(`De afspraken worden geëvalueerd vanaf ${dutchDate(data.nextEvaluation)}.`),
  ];
  return new Document({
    creator: 'FTO Toolkit',
    title: `Verslag FTO ${data.meeting.groupName}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children }],
  });
}

/** Word's text width on A4 with its default margins (11,906 − 2 × 1,440 twips), in inches. */
const PAGE_TEXT_WIDTH = (11_906 - 2 * 1_440) / 1_440;
const TWIPS_PER_INCH = 1_440;
const CELL_MARGIN = 60; // 3 pt, as the column widths assume
/** Calibri is narrow, but where it is missing (LibreOffice on Linux) a wider font such as DejaVu Sans stands in. */
const WIDE_FONT = { normal: 0.62, bold: 0.68 };

/**
 * A Word table whose columns fit their content (long agreement texts wide, counts narrow) and never split a
 * word; the header row repeats on every page and no row breaks over two pages.
 */
function docxTable(head: string[], rows: string[][], docx: Docx): Table {
  const { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } = docx;
  const { widths, size } = columnWidths(
    { columns: head.map((label) => ({ label })), rows: rows.map((r) => ({ cells: r.map((text) => ({ text })) })) },
    PAGE_TEXT_WIDTH,
    9,
    { minSize: 7, em: WIDE_FONT },
  );
  const twips = widths.map((w) => Math.floor(w * TWIPS_PER_INCH));
  // Columns of counts (with their rates) are right-aligned, so the digits line up.
  const numeric = head.map((_, index) => index > 0 && rows.length > 0 && rows.every((r) => /^[\d.]+( \([\d,]+\))?$/.test(r[index] ?? '')));
  const cell = (text: string, index: number, bold = false) =>
    new TableCell({
      width: { size: twips[index]!, type: WidthType.DXA },
      children: [
        new Paragraph({
          alignment: numeric[index] ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold, size: Math.round(size * 2) })],
        }),
      ],
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: twips.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: twips,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 20, bottom: 20 },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i)) })),
    ],
  });
}
