import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOk, tempCore } from '../helpers/temp';
import { seedGroup } from './fixtures';

describe('presentielijst', () => {
  it('prints the meeting details and a row with room for a signature for every expected attendee', async () => {
    const { core, dir } = tempCore();
    const { group, practices, pharmacy } = await seedGroup(core);
    const meeting = expectOk(
      await core.call('meetings.create', {
        groupId: group.id,
        startsAt: '2026-03-12T19:30',
        place: 'Gezondheidscentrum De Brug',
        chair: 'dr. A. Appelboom',
        accreditationNumber: 'ACC-2026-0042',
      }),
    );
    expectOk(
      await core.call('members.create', {
        groupId: group.id,
        name: 'Anna de Vries',
        role: 'huisarts',
        practiceId: practices[0]!.id,
        registration: '19012345601',
      }),
    );
    expectOk(await core.call('members.create', { groupId: group.id, name: 'Bram Bakker', role: 'apotheker', pharmacyId: pharmacy.id }));
    expectOk(await core.call('attendance.addGuest', { meetingId: meeting.id, name: 'Dirk Gastspreker', role: 'anders' }));

    const file = expectOk(await core.call('meetings.exportAttendanceList', { id: meeting.id }));
    expect(file.fileName).toBe('presentielijst-fto-testdorp-2026-03-12.pdf');
    const pdf = path.join(dir, file.fileName);
    fs.writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
    // For a look: the page as a picture.
    const shots = '/tmp/shots/meeting15';
    fs.mkdirSync(shots, { recursive: true });
    execFileSync('pdftoppm', ['-r', '70', '-png', '-singlefile', pdf, path.join(shots, 'presentielijst')]);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'Presentielijst',
      'FTO Testdorp',
      '12 maart 2026, 19:30',
      'Gezondheidscentrum De Brug',
      'dr. A. Appelboom',
      'ACC-2026-0042',
      'Handtekening',
      'BIG/AGB',
    ]) {
      expect(flat, expected).toContain(expected);
    }
    const line = (name: string) => text.split('\n').find((l) => l.includes(name)) ?? '';
    expect(line('Anna de Vries')).toMatch(/1\s+Anna de Vries\s+Huisarts/);
    expect(flat).toContain('19012345601');
    expect(line('Bram Bakker')).toMatch(/2\s+Bram Bakker\s+Apotheker/);
    // A guest's name and "(gast)" share a cell, which pdftotext may lay out over two lines.
    expect(flat).toMatch(/Dirk Gastspreker (3 Anders )?\(gast\)/);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);

    expect(await core.call('meetings.exportAttendanceList', { id: 999 })).toMatchObject({
      ok: false,
      error: { message: 'Deze bijeenkomst bestaat niet (meer).' },
    });
  }, 60_000);
});
