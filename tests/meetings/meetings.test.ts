import { describe, expect, it } from 'vitest';
import { expectOk, tempCore } from '../helpers/temp';
import { seedGroup } from './fixtures';

describe('meetings', () => {
  it('plans a meeting with the last full calendar year as its period, patches fields and runs start/end', async () => {
    const { core } = tempCore();
    const { group } = await seedGroup(core);
    const meeting = expectOk(
      await core.call('meetings.create', {
        groupId: group.id,
        startsAt: '2025-03-10T19:30',
        place: ' Zaal 2 ',
        chair: '',
        accreditationNumber: 'ACC-123',
      }),
    );
    expect(meeting).toMatchObject({
      topic: 'Opioïden',
      module: 'opioiden',
      periodFrom: '2024-01-01',
      periodTo: '2024-12-31',
      place: 'Zaal 2',
      chair: null,
      status: 'planned',
    });

    const patched = expectOk(await core.call('meetings.update', { id: meeting.id, minuteTaker: 'Els', place: '' }));
    expect(patched).toMatchObject({ minuteTaker: 'Els', place: null, accreditationNumber: 'ACC-123', startsAt: '2025-03-10T19:30' });

    const bad = await core.call('meetings.update', { id: meeting.id, periodFrom: '2025-02-01' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', field: 'periodTo' } });
    expect(expectOk(await core.call('meetings.get', { id: meeting.id })).periodFrom).toBe('2024-01-01');

    expect(expectOk(await core.call('meetings.start', { id: meeting.id })).status).toBe('running');
    const ended = expectOk(await core.call('meetings.end', { id: meeting.id }));
    expect(ended.status).toBe('ended');
    expect(ended.endedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(expectOk(await core.call('meetings.list', { groupId: group.id, year: 2025 })).map((m) => m.id)).toEqual([meeting.id]);
    expect(expectOk(await core.call('meetings.list', { groupId: group.id, year: 2024 }))).toEqual([]);
  });

  it("starts a new meeting with the place, chair, minute-taker, EKC and accreditation of the group's previous one", async () => {
    const { core } = tempCore();
    const { group } = await seedGroup(core);
    const other = await seedGroup(core, 'FTO Elders');
    const fields = {
      place: 'De Brug',
      chair: 'dr. Appel',
      minuteTaker: 'Els',
      qualityConsultant: 'M. Kwaliteit',
      accreditationNumber: 'ACC-1',
    };
    expectOk(await core.call('meetings.create', { groupId: group.id, startsAt: '2024-03-10T19:30', ...fields, place: 'Oud' }));
    expectOk(await core.call('meetings.create', { groupId: group.id, startsAt: '2025-03-10T19:30', ...fields }));
    expect(expectOk(await core.call('meetings.create', { groupId: group.id }))).toMatchObject(fields);
    expect(expectOk(await core.call('meetings.create', { groupId: group.id, chair: 'dr. Peer' }))).toMatchObject({
      ...fields,
      chair: 'dr. Peer',
    });
    expect(expectOk(await core.call('meetings.create', { groupId: other.group.id }))).toMatchObject({
      place: null,
      chair: null,
      accreditationNumber: null,
    });
  });

  it('refuses an unknown group, a bad date-time and a reversed period in Dutch', async () => {
    const { core } = tempCore();
    expect(await core.call('meetings.create', { groupId: 99 })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'Kies een bestaande FTO-groep.' },
    });
    const { group } = await seedGroup(core);
    const time = await core.call('meetings.create', { groupId: group.id, startsAt: '10-03-2025 19:30' });
    expect(time).toMatchObject({ ok: false, error: { field: 'startsAt', message: 'Gebruik een datum en tijd als JJJJ-MM-DDTUU:MM.' } });
    const period = await core.call('meetings.create', { groupId: group.id, periodFrom: '2024-12-31', periodTo: '2024-01-01' });
    expect(period).toMatchObject({ ok: false, error: { field: 'periodTo' } });
    expect(expectOk(await core.call('meetings.list', {}))).toEqual([]);
  });

  it('remembers members, ticks attendance in one call, adds guests and keeps attendance lists whole', async () => {
    const { core } = tempCore();
    const { group, practices, pharmacy } = await seedGroup(core);
    const meeting = expectOk(await core.call('meetings.create', { groupId: group.id, startsAt: '2025-03-10T19:30' }));
    const anna = expectOk(
      await core.call('members.create', {
        groupId: group.id,
        name: 'Anna de Vries',
        role: 'huisarts',
        practiceId: practices[0]!.id,
        registration: '12345678901',
      }),
    );
    const bram = expectOk(
      await core.call('members.create', { groupId: group.id, name: 'Bram Bakker', role: 'apotheker', pharmacyId: pharmacy.id }),
    );
    const both = await core.call('members.create', {
      groupId: group.id,
      name: 'X',
      role: 'poh',
      practiceId: practices[0]!.id,
      pharmacyId: pharmacy.id,
    });
    expect(both).toMatchObject({ ok: false, error: { field: 'pharmacyId' } });
    const role = await core.call('members.create', { groupId: group.id, name: 'Y', role: 'arts' });
    expect(role).toMatchObject({ ok: false, error: { field: 'role', message: 'Kies een rol: huisarts, apotheker, poh, aios of anders.' } });

    expect(
      expectOk(
        await core.call('attendance.set', {
          meetingId: meeting.id,
          entries: [
            { personId: anna.id, present: true },
            { personId: bram.id, present: false },
          ],
        }),
      ),
    ).toEqual({ meetingId: meeting.id, presentCount: 1 });
    const guest = expectOk(await core.call('attendance.addGuest', { meetingId: meeting.id, name: 'Gerda Gast', role: 'anders' }));
    expect(guest).toMatchObject({ present: true, guest: true, guestOfMeetingId: meeting.id });

    const list = expectOk(await core.call('attendance.list', { meetingId: meeting.id }));
    expect(list.map((a) => [a.name, a.present, a.guest])).toEqual([
      ['Anna de Vries', true, false],
      ['Bram Bakker', false, false],
      ['Gerda Gast', true, true],
    ]);
    expect(list[0]).toMatchObject({ practiceName: practices[0]!.name, role: 'huisarts' });
    // Guests belong to their meeting only.
    expect(expectOk(await core.call('members.list', { groupId: group.id })).map((p) => p.name)).toEqual(['Anna de Vries', 'Bram Bakker']);

    // Someone on an attendance list cannot be deleted, only made inactive; the old list keeps them.
    expect(expectOk(await core.call('members.deleteImpact', { id: anna.id })).blockedBy).toContain('presentielijst');
    expect(await core.call('members.delete', { id: anna.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expectOk(
      await core.call('members.update', {
        id: anna.id,
        name: 'Anna de Vries',
        role: 'huisarts',
        practiceId: practices[0]!.id,
        active: false,
      }),
    );
    expect(expectOk(await core.call('members.list', { groupId: group.id })).map((p) => p.name)).toEqual(['Bram Bakker']);
    expect(expectOk(await core.call('attendance.list', { meetingId: meeting.id })).map((a) => a.name)).toContain('Anna de Vries');
    const next = expectOk(await core.call('meetings.create', { groupId: group.id, startsAt: '2026-03-10T19:30' }));
    expect(expectOk(await core.call('attendance.list', { meetingId: next.id })).map((a) => a.name)).toEqual(['Bram Bakker']);

    // A person of another group, or another meeting's guest, cannot be ticked; nothing changes.
    const other = await core.call('attendance.set', {
      meetingId: next.id,
      entries: [
        { personId: bram.id, present: true },
        { personId: guest.id, present: true },
      ],
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(expectOk(await core.call('meetings.get', { id: next.id })).presentCount).toBe(0);

    expectOk(await core.call('attendance.removeGuest', { id: guest.id }));
    expect(await core.call('attendance.removeGuest', { id: bram.id })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('autosaves case answers as one row per question and practice, and discussion notes per slide', async () => {
    const { core, db } = tempCore();
    const { group, practices } = await seedGroup(core);
    const other = await seedGroup(core, 'FTO Elders');
    const meeting = expectOk(await core.call('meetings.create', { groupId: group.id }));
    const first = expectOk(await core.call('caseAnswers.save', { meetingId: meeting.id, questionId: 'casus-1', text: 'Afb' }));
    const second = expectOk(
      await core.call('caseAnswers.save', { meetingId: meeting.id, questionId: 'casus-1', text: 'Afbouwen in overleg' }),
    );
    expect(second.id).toBe(first.id);
    expect(second.updatedAt >= first.updatedAt).toBe(true);
    expectOk(
      await core.call('caseAnswers.save', {
        meetingId: meeting.id,
        questionId: 'casus-1',
        practiceId: practices[1]!.id,
        text: 'Eerst bellen',
      }),
    );
    expectOk(await core.call('caseAnswers.save', { meetingId: meeting.id, questionId: 'eigen-vraag', text: 'Ja' }));
    expect((db.prepare('SELECT count(*) AS n FROM case_answer').get() as { n: number }).n).toBe(3);
    const answers = expectOk(await core.call('caseAnswers.list', { meetingId: meeting.id, questionId: 'casus-1' }));
    expect(answers.map((a) => [a.practiceName, a.text])).toEqual([
      [null, 'Afbouwen in overleg'],
      [practices[1]!.name, 'Eerst bellen'],
    ]);

    expect(await core.call('caseAnswers.save', { meetingId: meeting.id, questionId: '  ', text: 'x' })).toMatchObject({
      ok: false,
      error: { field: 'questionId' },
    });
    expect(
      await core.call('caseAnswers.save', { meetingId: meeting.id, questionId: 'casus-1', practiceId: other.practices[0]!.id, text: 'x' }),
    ).toMatchObject({
      ok: false,
      error: { message: 'Kies een praktijk van deze FTO-groep.' },
    });
    expect(await core.call('caseAnswers.save', { meetingId: 999, questionId: 'casus-1', text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    const note = expectOk(await core.call('discussionNotes.add', { meetingId: meeting.id, slideId: 'eigen-cijfers' }));
    const saved = expectOk(await core.call('discussionNotes.save', { id: note.id, text: 'Praktijk Zuid heeft veel langwerkend' }));
    expect(saved.id).toBe(note.id);
    expectOk(await core.call('discussionNotes.add', { meetingId: meeting.id, text: 'Algemeen punt' }));
    expect(
      expectOk(await core.call('discussionNotes.list', { meetingId: meeting.id, slideId: 'eigen-cijfers' })).map((n) => n.text),
    ).toEqual(['Praktijk Zuid heeft veel langwerkend']);
    expectOk(await core.call('discussionNotes.delete', { id: note.id }));
    expect(expectOk(await core.call('discussionNotes.list', { meetingId: meeting.id }))).toHaveLength(1);
    expect(await core.call('discussionNotes.save', { id: note.id, text: 'weg' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('says what deleting a meeting takes with it, then deletes it whole', async () => {
    const { core, db } = tempCore();
    const { group, practices } = await seedGroup(core);
    const meeting = expectOk(await core.call('meetings.create', { groupId: group.id, startsAt: '2025-03-10T19:30' }));
    expectOk(await core.call('agreements.create', { meetingId: meeting.id, practiceId: practices[0]!.id, text: 'Maximaal 5 dagen' }));
    expectOk(await core.call('attendance.addGuest', { meetingId: meeting.id, name: 'Gast', role: 'aios' }));
    expectOk(await core.call('caseAnswers.save', { meetingId: meeting.id, questionId: 'casus-1', text: 'Antwoord' }));
    const impact = expectOk(await core.call('meetings.deleteImpact', { id: meeting.id }));
    expect(impact.consequences).toEqual([
      '1 afspraak wordt verwijderd, met de evaluaties',
      'de presentielijst (1 aanwezige) wordt verwijderd',
      '1 antwoord op een casusvraag wordt verwijderd',
      '1 gast wordt verwijderd',
    ]);
    expectOk(await core.call('meetings.delete', { id: meeting.id }));
    for (const table of ['meeting', 'agreement', 'attendance', 'case_answer', 'person']) {
      expect((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0);
    }
  });
});
