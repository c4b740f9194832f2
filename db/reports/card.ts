import type { FileOutput } from '../contract/meetings';
import { AGREEMENT_KIND_LABELS, AGREEMENT_STATUS_LABELS } from '../../domain';
import { dutchDate, today } from '../meetings/dates';
import type { Db } from '../open';
import { esc, fileOf, slug } from './files';
import { documentHtml } from './html';
import type { PdfRenderer } from './pdf';
import { resolveScope, reviewLines } from './review-scope';

/** The "afsprakenkaart": one A4 page a practice can pin up, with the agreements of this round, their status and figures. */
export async function agreementCardFile(
  db: Db,
  input: { practiceId?: number; pharmacyId?: number; groupId?: number },
  renderPdf: PdfRenderer,
): Promise<FileOutput> {
  const scope = resolveScope(db, input);
  const lines = reviewLines(db, scope);
  const items = lines
    .map(
      ({ agreement: a, measuredBy, before, now }) => `
      <div class="item">
        <div class="text">${esc(a.text)}</div>
        <div class="meta">${esc(AGREEMENT_KIND_LABELS[a.kind])}${a.owner ? ` · wie trekt het: ${esc(a.owner)}` : ''} · evalueren: ${esc(dutchDate(a.evaluationDate))} · status: ${esc(AGREEMENT_STATUS_LABELS[a.status])}</div>
        ${measuredBy ? `<div class="meta">${esc(measuredBy)} — vóór: ${esc(before)} · nu: ${esc(now)}</div>` : ''}
      </div>`,
    )
    .join('');
  const body = `
    <h1>Afsprakenkaart</h1>
    <p class="who">${esc(scope.name)}${scope.groupName && scope.kind !== 'group' ? ` · FTO-groep ${esc(scope.groupName)}` : ''}</p>
    ${items || '<p>Er staan geen afspraken.</p>'}
    <p class="small">Stand van ${esc(dutchDate(today()))}. Gemaakt met de FTO Toolkit.</p>`;
  // Long lists shrink the type so that the card stays one page.
  const size = lines.length > 12 ? 8 : lines.length > 7 ? 9 : 11;
  const css = `
    body { font-size: ${size}pt; } .who { font-size: 12pt; margin: 0 0 10pt; }
    .item { border-left: 4px solid #0b4f6c; padding: 3pt 8pt; margin: 0 0 7pt; page-break-inside: avoid; }
    .text { font-weight: 600; } .meta { color: #4a5866; font-size: 0.9em; }`;
  const pdf = await renderPdf(documentHtml(`Afsprakenkaart ${scope.name}`, body, css));
  return fileOf(`afsprakenkaart-${slug(scope.name)}.pdf`, 'pdf', pdf);
}
