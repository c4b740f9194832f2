import * as XLSX from 'xlsx';
import { AGREEMENT_KIND_LABELS, AGREEMENT_STATUS_LABELS, INDICATOR_LABELS } from '../../domain';
import type { FileOutput } from '../contract/meetings';
import { listAgreements, type AgreementFilter } from '../meetings/agreements';
import { getMeeting } from '../meetings/store';
import type { Db } from '../open';
import { dutchShortDate } from '../meetings/dates';
import { fileOf, sheetDate, slug } from './files';

/** The agreements of one meeting (or of an overview filter) as a spreadsheet, one row per agreement. */
export function agreementsXlsxFile(db: Db, meetingId: number | undefined, filter: AgreementFilter | undefined): FileOutput {
  const meeting = meetingId === undefined ? null : getMeeting(db, meetingId);
  const agreements = listAgreements(db, { ...(filter ?? {}), ...(meetingId === undefined ? {} : { meetingId }) });
  const rows = agreements.map((a) => ({
    Bijeenkomst: `${a.meetingTopic} ${dutchShortDate(a.meetingStartsAt)}`.trim(),
    Groep: a.groupName,
    Voor: a.scopeName,
    Afspraak: a.text,
    Soort: AGREEMENT_KIND_LABELS[a.kind],
    'Wie trekt het': a.owner ?? '',
    Indicator: a.indicator ? INDICATOR_LABELS[a.indicator] : '',
    Richting: a.direction === 'down' ? 'omlaag' : a.direction === 'up' ? 'omhoog' : '',
    Doel: a.target ?? '',
    Evaluatiedatum: sheetDate(a.evaluationDate),
    Status: AGREEMENT_STATUS_LABELS[a.status],
    Toelichting: a.statusNote,
    'Status gezet op': sheetDate(a.statusSetAt),
  }));
  const sheet = XLSX.utils.json_to_sheet(rows, {
    header: [
      'Bijeenkomst',
      'Groep',
      'Voor',
      'Afspraak',
      'Soort',
      'Wie trekt het',
      'Indicator',
      'Richting',
      'Doel',
      'Evaluatiedatum',
      'Status',
      'Toelichting',
      'Status gezet op',
    ],
  });
  sheet['!cols'] = [24, 18, 26, 60, 16, 18, 28, 9, 7, 13, 16, 40, 14].map((wch) => ({ wch }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Afspraken');
  const name = meeting
    ? `afspraken-${slug(meeting.groupName)}-${meeting.startsAt?.slice(0, 10) ?? meeting.id}.xlsx`
    : 'afspraken-overzicht.xlsx';
  return fileOf(name, 'xlsx', XLSX.write(book, { type: 'base64', bookType: 'xlsx', compression: true }) as string);
}
