import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { expectOk, tempCore } from '../helpers/temp';
import { seedGroup } from './fixtures';

const root = path.resolve(__dirname, '../..');

describe('autosave', () => {
  it('keeps every acknowledged write when the process is killed with SIGKILL mid-meeting', async () => {
    const { core, db, file } = tempCore();
    const { group } = await seedGroup(core);
    const meeting = expectOk(await core.call('meetings.create', { groupId: group.id }));
    const agreement = expectOk(await core.call('agreements.create', { meetingId: meeting.id, text: '' }));
    db.close();

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'autosave-writer.ts'), file, String(meeting.id), String(agreement.id)],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const lastAck = await new Promise<number>((resolve, reject) => {
      let buffered = '';
      let acked = 0;
      child.stdout.on('data', (chunk) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) acked = Number(line.split(' ')[1]);
        // Kill in the middle of the stream of writes, not at a quiet moment.
        if (acked >= 150 && !child.killed) {
          child.kill('SIGKILL');
          resolve(acked);
        }
      });
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`writer stopped on its own (${code}): ${stderr}`));
      });
    });
    await new Promise((resolve) => child.once('close', resolve));

    const reopened = openDatabase(file);
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    const answer = reopened
      .prepare("SELECT text FROM case_answer WHERE meeting_id = ? AND question_id = 'casus-1'")
      .pluck()
      .get(meeting.id) as string;
    const agreementText = reopened.prepare('SELECT text FROM agreement WHERE id = ?').pluck().get(agreement.id) as string;
    const created = reopened.prepare("SELECT text FROM agreement WHERE text LIKE 'nieuw %'").pluck().all() as string[];
    reopened.close();

    // Everything acknowledged is there; at most the write in flight at the kill came on top.
    const number = (text: string) => Number(text.split(' ')[1]);
    expect(number(answer)).toBeGreaterThanOrEqual(lastAck);
    expect(number(agreementText)).toBeGreaterThanOrEqual(lastAck);
    expect(created.length).toBeGreaterThanOrEqual(lastAck);
    for (let i = 1; i <= lastAck; i++) expect(created).toContain(`nieuw ${i}`);
    expect(number(answer)).toBeLessThanOrEqual(lastAck + 1);
  });
});
