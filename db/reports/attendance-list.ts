import type { FileOutput } from '../contract/meetings';
import { dutchDate, today } from '../meetings/dates';
import { getMeeting, listAttendees } from '../meetings/store';
import type { Db } from '../open';
import { esc, fileOf, slug } from './files';
import { documentHtml } from './html';
import { PERSON_ROLE_LABELS } from '../../domain';
import type { PdfRenderer } from './pdf';

/** Empty rows at the end for people who come without being expected. */
const SPARE_ROWS = 4;

/**
 * The presentielijst to print and sign at the door, for accreditation: the meeting's details and one row
 * per expected attendee (the group's members and this meeting's guests) with room for a signature.
 */
export async function attendanceListFile(db: Db, meetingId: number, renderPdf: PdfRenderer): Promise<FileOutput> {
  const meeting = getMeeting(db, meetingId);
  const expected = listAttendees(db, meetingId);
  const details: [string, string][] = [
    ['FTO-groep', meeting.groupName],
    ['Onderwerp', meeting.topic],
    ['Datum en tijd', dutchDate(meeting.startsAt)],
    ['Plaats', meeting.place ?? ''],
    ['Voorzitter', meeting.chair ?? ''],
    ['Notulist', meeting.minuteTaker ?? ''],
    ['EKC (kwaliteitsconsulent)', meeting.qualityConsultant ?? ''],
    ['Accreditatienummer', meeting.accreditationNumber ?? ''],
  ];
  const rows = expected.map(
    (person, index) => `<tr>
      <td class="nr">${index + 1}</td>
      <td>${esc(person.name)}${person.guest ? ' <span class="small">(gast)</span>' : ''}</td>
      <td>${esc(PERSON_ROLE_LABELS[person.role])}</td>
      <td>${esc(person.practiceName ?? person.pharmacyName ?? '')}</td>
      <td>${esc(person.registration ?? '')}</td>
      <td class="sign"></td>
    </tr>`,
  );
  const spare = Array.from(
    { length: SPARE_ROWS },
    (_, index) => `<tr><td class="nr">${expected.length + index + 1}</td><td></td><td></td><td></td><td></td><td class="sign"></td></tr>`,
  );
  const body = `
    <h1>Presentielijst</h1>
    <table class="details">${details.map(([label, value]) => `<tr><th>${esc(label)}</th><td>${esc(value)}</td></tr>`).join('')}</table>
    <p class="small">Zet uw handtekening achter uw naam. Staat u er niet op, vul dan een lege regel in met uw BIG- of AGB-nummer.</p>
    <table class="attendance">
      <colgroup><col class="nr"><col class="name"><col class="role"><col class="place"><col class="registration"><col class="sign"></colgroup>
      <thead><tr><th>Nr</th><th>Naam</th><th>Functie</th><th>Praktijk of apotheek</th><th>BIG/AGB</th><th>Handtekening</th></tr></thead>
      <tbody>${[...rows, ...spare].join('')}</tbody>
    </table>
    <p class="small">Aantal aanwezigen: ______ &nbsp;&nbsp; Handtekening voorzitter: ____________________________</p>
    <p class="small">Gemaakt met de FTO Toolkit op ${esc(dutchDate(today()))}.</p>`;
  const css = `
    table.details { width: 70%; } table.details th { width: 40%; }
    table.attendance { table-layout: fixed; font-size: 9pt; } table.attendance td { height: 26pt; vertical-align: middle; }
    table.attendance td.nr { text-align: right; }
    table.attendance col.nr { width: 5%; } col.name { width: 22%; } col.role { width: 12%; } col.place { width: 19%; }
    col.registration { width: 16%; } col.sign { width: 26%; }
    thead { display: table-header-group; }`;
  const pdf = await renderPdf(documentHtml(`Presentielijst ${meeting.groupName}`, body, css));
  return fileOf(
    `presentielijst-${slug(meeting.groupName)}-${meeting.startsAt?.slice(0, 10) ?? `bijeenkomst-${meeting.id}`}.pdf`,
    'pdf',
    pdf,
  );
}
