import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract } from '../../db/contract';
import { expectOk, tempCore } from '../helpers/temp';

const ENGLISH = /invalid|expected|required|received|too (big|small)|unrecognized|must (be|have|contain)/i;

afterEach(() => {
  vi.useRealTimers();
});

describe('errors are values, in Dutch (issue 12.6)', () => {
  it("no method answers wrong input with one of zod's English messages", async () => {
    const { core } = tempCore();
    const wrongInputs: unknown[] = [
      5,
      'tekst',
      [],
      {},
      {
        id: 'x',
        groupId: -1,
        meetingId: 1.5,
        practiceId: 'een',
        name: 5,
        text: 7,
        path: 9,
        status: 'weg',
        year: 'x',
        role: 'baas',
        files: 'x',
        extra: true,
      },
    ];
    const english: string[] = [];
    for (const method of Object.keys(contract)) {
      for (const input of wrongInputs) {
        const result = await core.callUnchecked(method, input);
        if (result.ok || result.error.code !== 'validation') continue;
        for (const message of [result.error.message, ...Object.values(result.error.fields ?? {})]) {
          if (ENGLISH.test(message)) english.push(`${method} ${JSON.stringify(input)}: ${message}`);
        }
      }
    }
    expect(english).toEqual([]);
  });

  it('a NUL character in a name is a validation error naming the field, not an internal error', async () => {
    const { core, db } = tempCore();
    const result = await core.call('groups.create', { name: '\u0000FTO Noord' });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', field: 'name', message: expect.stringMatching(/NUL-teken/) } });
    const nested = await core.callUnchecked('meetings.update', { id: 1, topic: 'a\u0000b' });
    expect(nested).toMatchObject({ ok: false, error: { code: 'validation', field: 'topic' } });
    expect(db.prepare('SELECT count(*) AS n FROM fto_group').get()).toEqual({ n: 0 });
  });

  it('two backups in the same second both succeed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-24T08:15:00.100Z'));
    const { core } = tempCore();
    const first = expectOk(await core.call('database.backup', {}));
    vi.setSystemTime(new Date('2026-11-24T08:15:00.900Z'));
    const second = expectOk(await core.call('database.backup', {}));
    expect(second.path).not.toBe(first.path);
    expect(second.path).toMatch(/fto-kopie-2026-11-24T08-15-00-2\.sqlite$/);
  });
});
