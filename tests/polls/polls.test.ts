import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../db/core';
import { openDatabase } from '../../db/open';
import { defaultRouteInterface, listInterfaces } from '../../db/polls/network';
import { pollDistribution, distributionLines } from '../../db/polls/results';
import { createPollServer, type PollNetwork } from '../../db/polls/server';
import { CODE_ALPHABET } from '../../db/polls/store';
import { seedGroup } from '../meetings/fixtures';
import { expectOk, tempDir } from '../helpers/temp';
import { nodeServices } from '../../db/services';

// The poll server binds 127.0.0.1 only; the printed address is a documentation address (TEST-NET)
// that no request is ever sent to: requests go to 127.0.0.1 with the printed port.
const ROOM = { name: 'wifi0', address: '192.0.2.44', isDefault: true };
const OTHER = { name: 'eth1', address: '198.51.100.9', isDefault: false };

let network: PollNetwork | undefined;
afterEach(async () => {
  await network?.close();
  network = undefined;
});

async function setup(devicesPerAddress = 20) {
  const file = path.join(tempDir(), 'fto.sqlite');
  const db = openDatabase(file);
  network = createPollServer({
    core: () => core,
    bindAddress: '127.0.0.1',
    interfaces: () => [ROOM, OTHER],
    closeGraceMs: 60_000,
    devicesPerAddress,
  });
  const core: Core = createCore({ db, file, polls: network, ...nodeServices() });
  const { group } = await seedGroup(core);
  const meeting = expectOk(await core.call('meetings.create', { groupId: group.id }));
  return { core, db, meetingId: meeting.id };
}

const local = (url: string) => url.replace(ROOM.address, '127.0.0.1').replace(OTHER.address, '127.0.0.1');
const answer = (url: string, body: unknown, init: RequestInit = {}) =>
  fetch(`${local(url)}/antwoord`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), ...init });
const device = (n: number) => `telefoon-${String(n).padStart(10, '0')}`;

describe('polls', () => {
  it('takes one answer per phone, changeable until closed, and keeps only the distribution', async () => {
    const { core, db, meetingId } = await setup();
    const opened = expectOk(
      await core.call('polls.open', {
        meetingId,
        slideId: 'casus',
        questionId: 'casus-1',
        kind: 'choice',
        question: 'Wat is uw beleid?',
        options: ['Herhalen', 'Afbouwen', '', 'Verwijzen'],
      }),
    );
    expect(opened.options).toEqual(['Herhalen', 'Afbouwen', 'Verwijzen']);
    expect(opened.address?.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{5}$`));
    expect(opened.address?.url).toMatch(/^http:\/\/192\.0\.2\.44:\d+\/[A-Z0-9]{5}$/);
    expect(opened.address?.qr.size).toBeGreaterThan(21);
    const url = opened.address!.url;

    const page = await fetch(local(url));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
    expect(await (await fetch(`${local(url)}/vraag`)).json()).toEqual({
      kind: 'choice',
      question: 'Wat is uw beleid?',
      options: ['Herhalen', 'Afbouwen', 'Verwijzen'],
      status: 'open',
    });

    for (let n = 0; n < 5; n++) expect((await answer(url, { device: device(n), value: n % 3 })).status).toBe(200);
    expect((await answer(url, { device: device(0), value: 2 })).status).toBe(200); // changed: still five answers
    expect((await answer(url, { device: device(9), value: 7 })).status).toBe(400);
    const live = expectOk(await core.call('polls.list', { meetingId }))[0]!;
    expect(live.result).toEqual({
      count: 5,
      bars: [
        { label: 'Herhalen', count: 1 },
        { label: 'Afbouwen', count: 2 },
        { label: 'Verwijzen', count: 2 },
      ],
      median: null,
    });

    const closed = expectOk(await core.call('polls.close', { id: opened.id }));
    expect(closed).toMatchObject({ status: 'closed', address: null, result: live.result });
    expect(db.prepare('SELECT count(*) FROM poll_answer').pluck().get()).toBe(0);
    const late = await answer(url, { device: device(1), value: 0 });
    expect(late.status).toBe(409);
    expect(((await (await fetch(`${local(url)}/vraag`)).json()) as { status: string }).status).toBe('closed');
  });

  it('answers 404 to everything but the open poll, and limits size and rate', async () => {
    const { core, meetingId } = await setup();
    const opened = expectOk(await core.call('polls.open', { meetingId, kind: 'text', question: 'Eén woord voor deze casus?' }));
    const url = opened.address!.url;
    const origin = new URL(local(url)).origin;
    const wrong = opened.address!.code === 'AAAAA' ? 'CCCCC' : 'AAAAA';
    for (const target of [
      '/',
      '/index.html',
      '/api/meetings.list',
      '/api/polls.list',
      '/assets/index.js',
      `/${wrong}`,
      `/${wrong}/vraag`,
      '/../fto.sqlite',
      `/${opened.address!.code}/x`,
    ]) {
      expect((await fetch(origin + target)).status, target).toBe(404);
    }
    expect((await fetch(`${origin}/api/meetings.list`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await answer(`${origin}/${wrong}`, { device: device(1), value: 'x' })).status).toBe(404);
    // Another host name (DNS rebinding) gets nothing either.
    const rebound = await new Promise<number>((resolve, reject) => {
      http
        .get(local(url), { headers: { Host: 'evil.example' } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect(rebound).toBe(404);

    expect((await answer(url, { device: device(1), value: 'x'.repeat(3000) })).status).toBe(413);
    expect((await answer(url, { device: device(1), value: 'y'.repeat(200) })).status).toBe(400);
    const statuses = [];
    for (let n = 0; n < 14; n++) statuses.push((await answer(url, { device: device(2), value: `pijn ${n}` })).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(expectOk(await core.call('polls.list', { meetingId }))[0]!.result.count).toBe(1);
    expect(expectOk(await core.call('meetings.deleteImpact', { id: meetingId })).consequences).toContain(
      '1 peiling wordt verwijderd, met de uitslag',
    );
    // A post that is no JSON (a form on another web page) gets nothing.
    expect(
      (
        await fetch(`${local(url)}/antwoord`, {
          method: 'POST',
          headers: { 'Content-Type': 'text/plain' },
          body: JSON.stringify({ device: device(3), value: 'z' }),
        })
      ).status,
    ).toBe(404);
  });

  it('takes at most three phones from one network address', async () => {
    const { core, meetingId } = await setup(3);
    const url = expectOk(await core.call('polls.open', { meetingId, kind: 'number', question: 'Hoeveel dagen?' })).address!.url;
    const statuses = [];
    for (let n = 0; n < 4; n++) statuses.push((await answer(url, { device: device(n), value: n })).status);
    expect(statuses).toEqual([200, 200, 200, 403]);
    expect((await answer(url, { device: device(0), value: 9 })).status).toBe(200); // a known phone may still change its answer
  });

  it('uses the chosen interface, a new code and port for every poll, and stops listening when closed', async () => {
    const { core, meetingId } = await setup();
    expect(expectOk(await core.call('polls.network'))).toEqual({ interfaces: [ROOM, OTHER], chosen: null, current: 'wifi0' });
    const first = expectOk(await core.call('polls.open', { meetingId, kind: 'number', question: 'Hoeveel dagen?' }));
    expect(expectOk(await core.call('polls.setInterface', { name: 'eth1' })).current).toBe('eth1');
    const moved = expectOk(await core.call('polls.list', { meetingId }))[0]!;
    expect(moved.address?.url.startsWith('http://198.51.100.9:')).toBe(true);
    await expect(fetch(local(first.address!.url))).rejects.toThrow(); // the old port is closed
    expect((await fetch(local(moved.address!.url))).status).toBe(200);
    for (const [n, value] of [3, '5', '7,5', 14].entries())
      expect((await answer(moved.address!.url, { device: device(n), value })).status).toBe(200);
    const second = expectOk(await core.call('polls.open', { meetingId, kind: 'number', question: 'Hoeveel dagen?' }));
    expect(second.address!.code).not.toBe(first.address!.code);
    const runs = expectOk(await core.call('polls.list', { meetingId }));
    expect(runs.map((r) => r.status)).toEqual(['closed', 'open']);
    expect(runs[0]!.result).toEqual({ count: 4, bars: ['3', '5', '7,5', '14'].map((label) => ({ label, count: 1 })), median: 6.25 });
    expectOk(await core.call('polls.close', { id: second.id }));
    expect(network!.current()).not.toBeNull(); // the grace period: phones learn that it closed
    await network!.close();
    expect(network!.current()).toBeNull();
    expect((await core.call('polls.setInterface', { name: 'bestaat-niet' })).ok).toBe(false);
    // An interface that cannot be listened on leaves the poll open without an address, and says why.
    const broken = createPollServer({ core: () => core, interfaces: () => [{ name: 'weg0', address: '192.0.2.250', isDefault: true }] });
    const { db } = await setup();
    const withBroken = createCore({ db, file: ':memory:', polls: broken, ...nodeServices() });
    const meeting = expectOk(await withBroken.call('meetings.list'))[0]!;
    const stuck = expectOk(await withBroken.call('polls.open', { meetingId: meeting.id, kind: 'text', question: 'Nog iets?' }));
    expect(stuck).toMatchObject({ status: 'open', address: null, addressProblem: expect.stringContaining('weg0 (192.0.2.250)') });
    expect(expectOk(await withBroken.call('polls.list', { meetingId: meeting.id }))[0]!.status).toBe('open');
    expect((await core.call('polls.open', { meetingId, kind: 'choice', question: 'Ja of nee?', options: ['Ja'] })).ok).toBe(false);
  });

  it('works out the distribution and the report lines', () => {
    expect(pollDistribution('text', [], ['Pijn', ' pijn ', 'Afbouwen', 'afbouwen', 'AFBOUWEN', 'slaap'])).toEqual({
      count: 6,
      bars: [
        { label: 'afbouwen', count: 3 },
        { label: 'pijn', count: 2 },
        { label: 'slaap', count: 1 },
      ],
      median: null,
    });
    const days = pollDistribution(
      'number',
      [],
      Array.from({ length: 30 }, (_, i) => String(i + 1)),
    );
    expect(days.bars).toHaveLength(8);
    expect(days.bars.reduce((sum, bar) => sum + bar.count, 0)).toBe(30);
    expect(days.median).toBe(15.5);
    const lines = distributionLines('choice', pollDistribution('choice', ['Ja', 'Nee'], ['0', '0', '1', '0']));
    expect(lines.heading).toBe('Peiling: 4 antwoorden');
    expect(lines.lines.map((l) => l.text)).toEqual(['Ja: 3 (75%)', 'Nee: 1 (25%)']);
    expect(distributionLines('number', days).median).toBe('Mediaan: 15,5');
  });

  it('finds the interface of the default route', () => {
    const table = `Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
wlp2s0\t00000000\t0100A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0
docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
enp0s31f6\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0`;
    expect(defaultRouteInterface(table)).toBe('enp0s31f6');
    const info = (address: string, internal = false) => ({ address, family: 'IPv4' as const, internal, netmask: '', mac: '', cidr: null });
    const interfaces = { lo: [info('127.0.0.1', true)], docker0: [info('172.17.0.1')], 'Wi-Fi': [info('192.168.1.23')] };
    // Without a route table (Windows, macOS): the first private address that is no virtual adapter.
    expect(listInterfaces(interfaces, null)).toEqual([
      { name: 'Wi-Fi', address: '192.168.1.23', isDefault: true },
      { name: 'docker0', address: '172.17.0.1', isDefault: false },
    ]);
  });
});
