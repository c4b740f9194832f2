import * as XLSX from 'xlsx';
import type { z } from 'zod';
import type { levelEvidence as levelEvidenceSchema } from '../contract/agreements';
import type { FileOutput } from '../contract/meetings';
import { AppError } from '../errors';
import { AGREEMENT_STATUS_LABELS, AGREEMENT_STATUSES, type AgreementStatus } from '../../domain';
import { listMeetings } from '../meetings/store';
import type { Db } from '../open';
import { fileOf, slug } from './files';
import { collectReport } from './meeting-data';
import { reportDocxFile } from './meeting-report';
import { queryAll, queryOne, queryValue } from '../query';

type LevelEvidence = z.infer<typeof levelEvidenceSchema>;

/**
 * What an IVM level 3-4 assessment asks of a group for one year: the meetings held, the agreements
 * made, and the agreements checked (given a status other than open) during that year.
 */
export function levelEvidence(db: Db, groupId: number, year: number): LevelEvidence {
  const group = queryOne<{ name: string }>(db, 'SELECT name FROM fto_group WHERE id = ?', groupId);
  if (!group) throw new AppError('not_found', 'Deze FTO-groep bestaat niet (meer).', 'groupId');
  const meetings = listMeetings(db, { groupId, year }).reverse();
  const count = (sql: string) => queryValue<number>(db, sql, { groupId, year: String(year) });
  const inGroup = 'JOIN meeting m ON m.id = a.meeting_id WHERE m.group_id = :groupId';
  const made = `substr(coalesce(m.starts_at, m.created_at), 1, 4) = :year`;
  const evaluated = `EXISTS (SELECT 1 FROM agreement_review r WHERE r.agreement_id = a.id AND r.status <> 'open'`;
  const byStatus = Object.fromEntries(AGREEMENT_STATUSES.map((s) => [s, 0])) as LevelEvidence['byStatus'];
  const latest = queryAll<{ status: AgreementStatus }>(
    db,
    `SELECT coalesce((SELECT status FROM agreement_review r WHERE r.agreement_id = a.id ORDER BY set_at DESC, id DESC LIMIT 1), 'open') AS status
       FROM agreement a ${inGroup} AND ${made}`,
    { groupId, year: String(year) },
  );
  for (const { status } of latest) byStatus[status] += 1;
  return {
    groupId,
    groupName: group.name,
    year,
    meetings: meetings.map((m) => ({
      id: m.id,
      startsAt: m.startsAt,
      topic: m.topic,
      status: m.status,
      presentCount: m.presentCount,
      agreementCount: m.agreementCount,
      accreditationNumber: m.accreditationNumber,
    })),
    agreementsMade: latest.length,
    agreementsEvaluated: count(`SELECT count(*) AS n FROM agreement a ${inGroup} AND ${evaluated} AND substr(r.set_at, 1, 4) = :year)`),
    agreementsMadeAndEvaluated: count(`SELECT count(*) AS n FROM agreement a ${inGroup} AND ${made} AND ${evaluated})`),
    byStatus,
  };
}

const meetingStatusLabels: Record<string, string> = { planned: 'gepland', running: 'bezig', ended: 'gehouden' };

export function levelEvidenceXlsxFile(db: Db, groupId: number, year: number): FileOutput {
  const evidence = levelEvidence(db, groupId, year);
  const summary = XLSX.utils.aoa_to_sheet([
    [`FTO-niveau: onderbouwing ${evidence.groupName} ${year}`],
    [],
    ['Bijeenkomsten gehouden', evidence.meetings.filter((m) => m.status === 'ended').length],
    ['Werkafspraken gemaakt', evidence.agreementsMade],
    ['Werkafspraken geëvalueerd in dit jaar', evidence.agreementsEvaluated],
    ['Afspraken van dit jaar die al geëvalueerd zijn', evidence.agreementsMadeAndEvaluated],
    [],
    ['Stand van de afspraken van dit jaar'],
    ...Object.entries(evidence.byStatus).map(([status, n]) => [AGREEMENT_STATUS_LABELS[status as AgreementStatus], n]),
  ]);
  summary['!cols'] = [{ wch: 46 }, { wch: 10 }];
  const meetings = XLSX.utils.aoa_to_sheet([
    ['Datum', 'Onderwerp', 'Stand', 'Aanwezigen', 'Afspraken', 'Accreditatienummer'],
    ...evidence.meetings.map((m) => [
      m.startsAt?.replace('T', ' ') ?? '',
      m.topic,
      meetingStatusLabels[m.status] ?? m.status,
      m.presentCount,
      m.agreementCount,
      m.accreditationNumber ?? '',
    ]),
  ]);
  meetings['!cols'] = [18, 30, 10, 11, 10, 20].map((wch) => ({ wch }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, summary, 'Samenvatting');
  XLSX.utils.book_append_sheet(book, meetings, 'Bijeenkomsten');
  return fileOf(
    `fto-niveau-${slug(evidence.groupName)}-${year}.xlsx`,
    'xlsx',
    XLSX.write(book, { type: 'base64', bookType: 'xlsx', compression: true }) as string,
  );
}

/** The evidence and every meeting report of the year in one .zip. */
export async function levelEvidenceBundle(db: Db, groupId: number, year: number): Promise<FileOutput> {
  const evidence = levelEvidenceXlsxFile(db, groupId, year);
  const { default: JSZip } = await import('jszip'); // loaded when used: the command line starts faster
  const zip = new JSZip();
  zip.file(evidence.fileName, evidence.base64, { base64: true });
  for (const meeting of levelEvidence(db, groupId, year).meetings) {
    const report = await reportDocxFile(collectReport(db, meeting.id));
    zip.file(`verslagen/${report.fileName}`, report.base64, { base64: true });
  }
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return fileOf(evidence.fileName.replace(/\.xlsx$/, '.zip'), 'zip', bytes);
}
