import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../db/core';
import type { Db } from '../../db/open';
import { runCli } from '../helpers/cli';
import { expectOk, tempCore, tempDir } from '../helpers/temp';
import { addDispensings, seedGroup } from './fixtures';

const SHOTS = '/tmp/shots/deck11';

/** A whole meeting: attendance, a case answer, agreements for two practices, and an earlier meeting's agreement. */
async function heldMeeting(core: Core, db: Db) {
  const seeded = await seedGroup(core);
  const { group, practices, prescribers, pharmacy } = seeded;
  addDispensings(db, [
    { prescriberId: prescribers[0]!.id, patient: 'P1', date: '2023-05-01' },
    { prescriberId: prescribers[0]!.id, patient: 'P1', date: '2024-05-01', long: true },
    { prescriberId: prescribers[1]!.id, patient: 'P2', date: '2024-06-01' },
  ]);
  // One practice has its list size for the meeting's period, so its figures get a rate per 1,000 patients.
  const first = practices[0]!;
  expectOk(
    await core.call('practices.update', {
      id: first.id,
      groupId: group.id,
      name: first.name,
      agb: first.agb,
      listSizes: [{ year: 2024, size: 4000 }],
    }),
  );
  const earlier = expectOk(await core.call('meetings.create', { groupId: group.id, startsAt: '2024-03-12T19:30' }));
  const old = expectOk(
    await core.call('agreements.create', {
      meetingId: earlier.id,
      practiceId: practices[0]!.id,
      text: 'Herhaalrecepten alleen na consult',
      indicator: 'patientsAny',
      direction: 'down',
    }),
  );
  expectOk(await core.call('agreements.setStatus', { id: old.id, status: 'partly', note: 'Assistentes geïnstrueerd' }));

  const meeting = expectOk(
    await core.call('meetings.create', {
      groupId: group.id,
      startsAt: '2025-03-10T19:30',
      place: 'Gezondheidscentrum Noord',
      chair: 'Anna de Vries',
      minuteTaker: 'Bram Bakker',
      qualityConsultant: 'Karin Koster',
      accreditationNumber: 'ACC-778899',
    }),
  );
  const anna = expectOk(
    await core.call('members.create', {
      groupId: group.id,
      name: 'Anna de Vries',
      role: 'huisarts',
      practiceId: practices[0]!.id,
      registration: '19012345678',
    }),
  );
  const bram = expectOk(
    await core.call('members.create', { groupId: group.id, name: 'Bram Bakker', role: 'apotheker', pharmacyId: pharmacy.id }),
  );
  const carla = expectOk(
    await core.call('members.create', { groupId: group.id, name: 'Carla Claes', role: 'poh', practiceId: practices[1]!.id }),
  );
  expectOk(
    await core.call('attendance.set', {
      meetingId: meeting.id,
      entries: [anna, bram].map((p) => ({ personId: p.id, present: true })).concat({ personId: carla.id, present: false }),
    }),
  );
  expectOk(await core.call('attendance.addGuest', { meetingId: meeting.id, name: 'Dirk Gastspreker', role: 'anders' }));
  expectOk(await core.call('meetings.start', { id: meeting.id }));
  expectOk(
    await core.call('caseAnswers.save', {
      meetingId: meeting.id,
      questionId: 'casus-1',
      text: 'Afbouwschema afspreken en over twee weken terugzien',
    }),
  );
  expectOk(
    await core.call('agreements.create', {
      meetingId: meeting.id,
      practiceId: practices[0]!.id,
      text: 'Maximaal vijf dagen bij een eerste recept',
      owner: 'Anna',
      indicator: 'newUsersOver3',
      direction: 'down',
    }),
  );
  expectOk(
    await core.call('agreements.create', {
      meetingId: meeting.id,
      practiceId: practices[1]!.id,
      text: 'Indicatie en duur op ieder recept',
    }),
  );
  expectOk(await core.call('meetings.end', { id: meeting.id }));
  return { ...seeded, meeting };
}

const docxText = async (base64: string) => {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, '');
};

describe('the meeting report', () => {
  it('as Word: attendees with role, case conclusions, agreements per practice, earlier agreements, next evaluation', async () => {
    const { core, db } = tempCore();
    const { meeting, practices } = await heldMeeting(core, db);
    const file = expectOk(await core.call('meetings.exportReport', { id: meeting.id, format: 'docx' }));
    expect(file.fileName).toBe('verslag-fto-testdorp-2025-03-10.docx');
    const text = await docxText(file.base64);
    for (const expected of [
      'FTO Testdorp',
      '10 maart 2025, 19:30',
      'Gezondheidscentrum Noord',
      'ACC-778899',
      'Karin Koster',
      'Anna de Vries',
      'Huisarts',
      'Bram Bakker',
      'Apotheker',
      'Dirk Gastspreker',
      'Afwezig: Carla Claes',
      'Wat is uw beleid?', // the module's first case question, by its id casus-1
      'Afbouwschema afspreken en over twee weken terugzien',
      practices[0]!.name,
      'Maximaal vijf dagen bij een eerste recept',
      practices[1]!.name,
      'Indicatie en duur op ieder recept',
      'Herhaalrecepten alleen na consult',
      'deels uitgevoerd: Assistentes geïnstrueerd',
      'Patiënten met een sterk opioïd: 1 in 2023, 1 in 2024 (doel: omlaag, lager dan vóór) — niet gehaald.',
      'Chronische gebruiker',
      '10 maart 2026',
      'Leerdoelen',
      'weten we hoe wij zelf sterke opioïden voorschrijven', // from the module's slide "Leerdoelen"
      'Einde',
      'per 1.000 ingeschreven patiënten',
      'Wie trekt het',
    ]) {
      expect(text, expected).toContain(expected);
    }

    // Opened in LibreOffice Writer: headers and names keep their words whole (a break would leave "Chronisch e").
    const dir = tempDir();
    const docx = path.join(dir, 'verslag.docx');
    fs.writeFileSync(docx, Buffer.from(file.base64, 'base64'));
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        docx,
      ],
      { timeout: 120_000, stdio: 'pipe' },
    );
    fs.mkdirSync(SHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-r', '60', '-png', path.join(dir, 'verslag.pdf'), path.join(SHOTS, 'report-docx')]);
    const rendered = execFileSync('pdftotext', [path.join(dir, 'verslag.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    // A header cell may wrap between words (pdftotext then interleaves the cells' lines), never inside one.
    const words = new Set(rendered.split(' '));
    for (const label of [
      'Uitgiften kortwerkend',
      'Uitgiften langwerkend',
      'Chronische gebruikers',
      'Nieuwe gebruikers met meer dan 3 uitgiften',
      practices[0]!.name,
      'Wie trekt het',
      'Evaluatie',
    ]) {
      for (const word of label.split(' ')) expect(words.has(word), `${word} (${label})`).toBe(true);
    }
  });

  it('as PDF (Chromium) with the same content, and through `fto report` on the command line', async () => {
    const { core, db, file: dbFile, dir } = tempCore();
    const { meeting, practices } = await heldMeeting(core, db);
    const pdf = expectOk(await core.call('meetings.exportReport', { id: meeting.id, format: 'pdf' }));
    const pdfFile = path.join(dir, 'verslag.pdf');
    fs.writeFileSync(pdfFile, Buffer.from(pdf.base64, 'base64'));
    // Table cells wrap, so words are compared with all white space made single spaces.
    const text = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [
      'Verslag FTO Opioïden',
      'Anna de Vries',
      'Bram Bakker',
      'Apotheker',
      'Dirk Gastspreker',
      practices[0]!.name,
      'Maximaal vijf dagen bij een eerste recept',
      'Indicatie en duur op ieder recept',
      'Chronische gebruikers',
      'Leerdoelen',
    ]) {
      expect(text, expected).toContain(expected);
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-r', '60', '-png', pdfFile, path.join(SHOTS, 'report-pdf')]);
    db.close();

    const out = path.join(dir, 'uit', 'verslag.docx');
    const cli = runCli(['report', '--db', dbFile, '--meeting', String(meeting.id), '--out', out, '--json']);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({
      file: out,
      format: 'docx',
      attendees: 3,
      agreements: 2,
      meeting: { id: meeting.id, group: 'FTO Testdorp' },
    });
    expect(await docxText(fs.readFileSync(out).toString('base64'))).toContain('Maximaal vijf dagen bij een eerste recept');

    const missing = runCli(['report', '--db', dbFile, '--meeting', '999', '--out', out]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('Fout: Deze bijeenkomst bestaat niet (meer).\n');
    const format = runCli(['report', '--db', dbFile, '--meeting', String(meeting.id), '--out', path.join(dir, 'verslag.txt')]);
    expect(format.stderr).toBe(`Fout: Het uitvoerbestand ${path.join(dir, 'verslag.txt')} moet op .pdf of .docx eindigen.\n`);
  });

  it('makes a one-page agreement card per practice as PDF, with every agreement of the round and its status', async () => {
    const { core, db, dir } = tempCore();
    const { practices, meeting } = await heldMeeting(core, db);
    // A "niet uitgevoerd" agreement of this meeting stays on the card, with its status.
    const notDone = expectOk(await core.call('agreements.list', { meetingId: meeting.id, practiceId: practices[0]!.id }))[0]!;
    expectOk(await core.call('agreements.setStatus', { id: notDone.id, status: 'not_done', note: 'Lukt niet bij waarnemers' }));
    const card = expectOk(await core.call('agreements.exportCard', { practiceId: practices[0]!.id }));
    expect(card.fileName).toBe('afsprakenkaart-praktijk-de-linde-fto-testdorp.pdf');
    const file = path.join(dir, 'kaart.pdf');
    fs.writeFileSync(file, Buffer.from(card.base64, 'base64'));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Afsprakenkaart');
    expect(text).toContain('Maximaal vijf dagen bij een eerste recept');
    expect(text).toContain('Herhaalrecepten alleen na consult');
    expect(text).not.toContain('Indicatie en duur op ieder recept'); // another practice's
    expect(text).toContain(`${notDone.text} in de praktijk`);
    expect(text).toContain('status: niet uitgevoerd');
    fs.mkdirSync('/tmp/shots/meeting15', { recursive: true });
    execFileSync('pdftoppm', ['-r', '60', '-png', '-singlefile', file, '/tmp/shots/meeting15/afsprakenkaart']);
  });
});
