import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { FileOutput } from '../contract/meetings';
import type { CoreContext } from '../core';
import { kindLabels, statusLabels } from '../meetings/agreements';
import { dutchDate, dutchPeriod } from '../meetings/dates';
import { INDICATOR_LABELS } from '../../slides/data';
import { esc, fileOf, slug } from './files';
import { collectReport, roleLabels, type ReportData } from './meeting-data';
import { renderPdf } from './pdf';
import { documentHtml } from './html';

/** The meeting report (verslag) as one file: the same content as PDF (via HTML) or as Word. */
export async function meetingReportFile(context: CoreContext, meetingId: number, format: 'pdf' | 'docx'): Promise<FileOutput> {
  const data = collectReport(context.db, meetingId);
  const name = `verslag-${slug(data.meeting.groupName)}-${data.meeting.startsAt?.slice(0, 10) ?? `bijeenkomst-${data.meeting.id}`}.${format}`;
  if (format === 'pdf') return fileOf(name, 'pdf', await renderPdf(reportHtml(data)));
  return fileOf(name, 'docx', await Packer.toBuffer(reportDocx(data)));
}

/** The report's content as plain parts, shared by the HTML and the Word version. */
function reportParts(data: ReportData) {
  const m = data.meeting;
  const details: [string, string][] = [
    ['FTO-groep', m.groupName],
    ['Datum', dutchDate(m.startsAt)],
    ['Plaats', m.place ?? '—'],
    ['Onderwerp', m.topic],
    ['Voorzitter', m.chair ?? '—'],
    ['Notulist', m.minuteTaker ?? '—'],
    ['EKC (kwaliteitsconsulent)', m.qualityConsultant ?? '—'],
    ['Accreditatienummer', m.accreditationNumber ?? '—'],
    ['Periode van de cijfers', dutchPeriod(m.periodFrom, m.periodTo)],
  ];
  const who = (a: ReportData['present'][number]) => [a.practiceName ?? a.pharmacyName ?? '', a.guest ? 'gast' : ''].filter(Boolean).join(', ');
  const attendees = data.present.map((a) => [a.name, roleLabels[a.role], who(a), a.registration ?? '']);
  const agreementRows = (items: ReportData['agreements'][number]['items']) =>
    items.map((a) => [
      a.text,
      kindLabels[a.kind],
      a.owner ?? '—',
      a.indicator ? `${INDICATOR_LABELS[a.indicator]}${a.direction ? (a.direction === 'down' ? ', omlaag' : ', omhoog') : ''}${a.target !== null ? `, doel ${a.target}` : ''}` : '—',
      dutchDate(a.evaluationDate),
    ]);
  const earlierRows = data.earlier.items.map((a) => [a.scopeName, a.text, statusLabels[a.status] + (a.statusNote ? `: ${a.statusNote}` : ''), a.evaluation?.summary ?? '—']);
  return { details, attendees, agreementRows, earlierRows };
}

export function reportHtml(data: ReportData): string {
  const { details, attendees, agreementRows, earlierRows } = reportParts(data);
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

    <h2>Besproken cijfers (${esc(dutchPeriod(data.meeting.periodFrom, data.meeting.periodTo))})</h2>
    ${f.rows.length ? table(['', ...f.columns.map((c) => c.label)], f.rows.map((r) => [r.name, ...r.values]), 'figures') : '<p>Er zijn geen gegevens over deze periode.</p>'}
    ${f.lookbackComplete ? '' : '<p class="small">De cijfers over nieuwe gebruikers zijn onvolledig: de gegevens gaan niet ver genoeg terug.</p>'}
    <p class="small">Definities:</p><ul class="small">${f.definitions.map((d) => `<li>${esc(d)}</li>`).join('')}</ul>

    <h2>Conclusies bij de casus</h2>
    ${data.cases.length ? data.cases.map((c) => `<h3>${esc(c.question)}</h3><ul>${c.answers.map((a) => `<li><b>${esc(a.who)}:</b> ${esc(a.text)}</li>`).join('')}</ul>`).join('') : '<p>Er zijn geen antwoorden vastgelegd.</p>'}
    ${data.notes.length ? `<h2>Discussiepunten</h2><ul>${data.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}

    <h2>Werkafspraken</h2>
    ${data.agreements.length ? data.agreements.map((g) => `<h3>${esc(g.scope)}</h3>${table(['Afspraak', 'Soort', 'Wie trekt het', 'Gemeten met', 'Evaluatie'], agreementRows(g.items))}`).join('') : '<p>Er zijn geen werkafspraken gemaakt.</p>'}

    <h2>Evaluatie van eerdere afspraken</h2>
    ${data.earlier.meetingLabel ? `<p>Afspraken van ${esc(data.earlier.meetingLabel)}.</p>` : ''}
    ${earlierRows.length ? table(['Voor', 'Afspraak', 'Status', 'Cijfers'], earlierRows) : '<p>Er waren geen eerdere afspraken om te evalueren.</p>'}

    <h2>Volgende evaluatie</h2>
    <p>De afspraken worden geëvalueerd vanaf ${esc(dutchDate(data.nextEvaluation))}.</p>`;
  return documentHtml(`Verslag FTO ${data.meeting.groupName}`, body);
}

export function reportDocx(data: ReportData): Document {
  const { details, attendees, agreementRows, earlierRows } = reportParts(data);
  const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2) => new Paragraph({ text, heading: level, spacing: { before: 240, after: 120 } });
  const para = (text: string, options: { bold?: boolean; small?: boolean } = {}) =>
    new Paragraph({ children: [new TextRun({ text, bold: options.bold, size: options.small ? 18 : 22 })], spacing: { after: 80 } });
  const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });
  const cell = (text: string | number, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: String(text), bold, size: 18 })] })] });
  const table = (head: string[], rows: (string | number)[][]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
    });
  const f = data.figures;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: `Verslag FTO ${data.meeting.topic}`, heading: HeadingLevel.TITLE, alignment: AlignmentType.LEFT }),
    table(['Gegeven', 'Waarde'], details),
    heading(`Aanwezig (${data.present.length})`),
    attendees.length ? table(['Naam', 'Rol', 'Praktijk of apotheek', 'BIG/AGB'], attendees) : para('Er is geen presentie vastgelegd.'),
    ...(data.absent.length ? [para(`Afwezig: ${data.absent.map((a) => a.name).join(', ')}`, { small: true })] : []),
    heading('Onderwerp en bronnen'),
    ...data.sources.map(bullet),
    heading(`Besproken cijfers (${dutchPeriod(data.meeting.periodFrom, data.meeting.periodTo)})`),
    f.rows.length ? table(['', ...f.columns.map((c) => c.label)], f.rows.map((r) => [r.name, ...r.values])) : para('Er zijn geen gegevens over deze periode.'),
    ...(f.lookbackComplete ? [] : [para('De cijfers over nieuwe gebruikers zijn onvolledig: de gegevens gaan niet ver genoeg terug.', { small: true })]),
    para('Definities:', { small: true }),
    ...f.definitions.map(bullet),
    heading('Conclusies bij de casus'),
    ...(data.cases.length
      ? data.cases.flatMap((c) => [para(c.question, { bold: true }), ...c.answers.map((a) => bullet(`${a.who}: ${a.text}`))])
      : [para('Er zijn geen antwoorden vastgelegd.')]),
    ...(data.notes.length ? [heading('Discussiepunten'), ...data.notes.map(bullet)] : []),
    heading('Werkafspraken'),
    ...(data.agreements.length
      ? data.agreements.flatMap((g) => [heading(g.scope, HeadingLevel.HEADING_3), table(['Afspraak', 'Soort', 'Wie trekt het', 'Gemeten met', 'Evaluatie'], agreementRows(g.items))])
      : [para('Er zijn geen werkafspraken gemaakt.')]),
    heading('Evaluatie van eerdere afspraken'),
    ...(data.earlier.meetingLabel ? [para(`Afspraken van ${data.earlier.meetingLabel}.`)] : []),
    earlierRows.length ? table(['Voor', 'Afspraak', 'Status', 'Cijfers'], earlierRows) : para('Er waren geen eerdere afspraken om te evalueren.'),
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
