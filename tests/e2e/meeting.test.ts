import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PRACTICES } from '../../db/demo/generate';
import { openCoreHost } from '../../db/host';
import { expectOk, tempDir } from '../helpers/temp';
import { SHOTS, startApp, useBrowser, type RunningApp } from './browser';
import { startFtoWeb } from './fto-web';
import { allSaved, demoApp, downloaded, openMeetingTab } from './meeting-helpers';
import { nodeServices } from '../../db/services';

const browser = useBrowser();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const [LINDE, ANKER] = DEMO_PRACTICES.map((p) => p.name) as [string, string];

/** The plain text of a .docx: every paragraph on its own line. */
async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

describe('Bijeenkomst in the browser shell', () => {
  it('runs a whole meeting on the demo group and makes the report as .docx and PDF', async () => {
    const started = await demoApp(browser(), 'bijeenkomst');
    app = started;
    const { groupId } = started;
    const { page, host } = app;
    const core = host.core;

    // Plan: every field is stored as it is typed.
    await page.getByRole('button', { name: 'Bijeenkomst plannen' }).click();
    await page.getByRole('tab', { name: 'Planning' }).waitFor();
    await page.getByLabel('Datum en begintijd').fill('2026-03-12T19:30');
    // A refused value (typed in the same breath as a good one) keeps its message; the good one is still saved.
    await page.getByLabel('Jaren vergelijken vanaf').fill('1800');
    await page.getByLabel('Plaats').fill('Gezondheidscentrum De Brug');
    await page.getByText('Kies een jaar vanaf 1990.', { exact: true }).waitFor();
    expect(await page.getByLabel('Jaren vergelijken vanaf').inputValue()).toBe('1800');
    await expect.poll(async () => expectOk(await core.call('meetings.list', { groupId }))[0]?.place).toBe('Gezondheidscentrum De Brug');
    await page.getByLabel('Jaren vergelijken vanaf').fill('');
    await page.getByLabel('Voorzitter').fill('dr. A. Appelboom');
    await page.getByLabel('Notulist').fill('K. Korenbloem');
    await page.getByLabel('EKC', { exact: true }).fill('M. Kwaliteit');
    await page.getByLabel('Accreditatienummer').fill('ACC-2026-0042');
    await page.getByLabel('Praktijken als A, B, C').check();
    await allSaved(page);
    await app.screenshot('48-planning');
    const [planned] = expectOk(await core.call('meetings.list', { groupId: groupId }));
    expect(planned).toMatchObject({
      startsAt: '2026-03-12T19:30',
      place: 'Gezondheidscentrum De Brug',
      chair: 'dr. A. Appelboom',
      minuteTaker: 'K. Korenbloem',
      qualityConsultant: 'M. Kwaliteit',
      accreditationNumber: 'ACC-2026-0042',
      // The last full year before the meeting.
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      compareFromYear: null,
      anonymizePractices: true,
    });
    const meetingId = planned!.id;

    // Attendance: members are remembered for the group; ticking is one click.
    await page.getByRole('tab', { name: 'Aanwezigheid' }).click();
    const form = page.getByRole('form', { name: 'Lid of gast toevoegen' });
    const addMember = async (name: string, role: string, place: string, asGuest = false) => {
      await form.getByLabel('Naam').fill(name);
      await form.getByLabel('Rol').selectOption({ label: role });
      await form.getByLabel('Praktijk of apotheek').selectOption({ label: place });
      await form.getByRole('button', { name: asGuest ? 'Als gast toevoegen' : 'Als lid toevoegen' }).click();
      await page.getByLabel(`${name} aanwezig`).waitFor();
    };
    await addMember('dr. A. Appelboom', 'Huisarts', LINDE);
    await addMember('dr. B. Beukenhout', 'Huisarts', ANKER);
    await addMember('apotheker V. Vijzel', 'Apotheker', 'Demo-apotheek De Vijzel');
    await addMember('P. Ondersteuner', 'POH', LINDE);
    await addMember('G. Gastvrij', 'AIOS', ANKER, true);
    // A guest's role and practice are not handed on to the next person.
    expect(await form.getByLabel('Rol').locator('option:checked').innerText()).toBe('Huisarts');
    expect(await form.getByLabel('Praktijk of apotheek').locator('option:checked').innerText()).toBe('Geen (bijvoorbeeld de EKC)');
    // Added members come ticked; one turns out not to be there.
    await page.getByLabel('P. Ondersteuner aanwezig').uncheck();
    await page.getByText('4 van 5 aanwezig').waitFor();
    await app.screenshot('49-attendance');
    // Someone who left the group stays on this list but is no longer offered for new meetings.
    await page.getByRole('button', { name: 'P. Ondersteuner bewerken' }).click();
    const edit = page.getByRole('dialog', { name: 'P. Ondersteuner bewerken' });
    await edit.getByLabel(/Nog lid van de groep/).uncheck();
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await edit.waitFor({ state: 'detached' });
    expect(expectOk(await core.call('members.list', { groupId })).map((m) => m.name)).not.toContain('P. Ondersteuner');
    await page.getByLabel('P. Ondersteuner aanwezig').waitFor();
    await expect.poll(async () => expectOk(await core.call('meetings.get', { id: meetingId })).presentCount).toBe(4);

    // Meeting mode: start, present three slides, then on to the case.
    await page.getByRole('tab', { name: 'Vergadering' }).click();
    await page.getByRole('button', { name: 'Bijeenkomst starten' }).click();
    await page.getByText('De bijeenkomst is bezig.').waitFor();
    const panel = page.getByRole('complementary', { name: 'Voorzitterspaneel' });
    await panel.getByRole('heading', { name: 'Sterke opioïden' }).waitFor();
    // The deck takes reveal.js's keys once it has the focus.
    const stage = page.getByRole('region', { name: 'Presentatie', exact: true });
    await stage.click();
    const next = () => stage.press('ArrowRight');
    for (const title of ['Programma', 'Waarom dit FTO?', 'Het regionale project opioïden']) {
      await next();
      await panel.getByRole('heading', { name: title }).waitFor();
    }
    for (let i = 0; i < 4; i++) await next();
    await panel.getByRole('heading', { name: 'Casus: mevrouw van 42' }).waitFor();
    expect(await page.getByRole('timer').innerText()).toMatch(/^\d+:\d\d$/);
    const answers = panel.getByRole('region', { name: 'Antwoorden op de casus' });
    const firstQuestion = answers.getByRole('textbox').first();
    await firstQuestion.fill('De groep vindt een opioïd hier niet nodig: eerst paracetamol en een NSAID, en uitleg over het beloop.');
    await panel.getByRole('button', { name: 'Discussiepunt noteren' }).click();
    await panel.getByRole('textbox', { name: 'Discussiepunt 1' }).fill('Wie spreekt de specialist aan op ontslagrecepten?');
    await allSaved(page);
    const savedAnswers = expectOk(await core.call('caseAnswers.list', { meetingId }));
    expect(savedAnswers).toEqual([
      expect.objectContaining({ questionId: 'casus-1', practiceId: null, text: expect.stringContaining('eerst paracetamol') }),
    ]);
    expect(expectOk(await core.call('discussionNotes.list', { meetingId }))).toEqual([
      expect.objectContaining({ slideId: 'casus', text: 'Wie spreekt de specialist aan op ontslagrecepten?' }),
    ]);
    await app.screenshot('50-meeting-mode');

    // Agreements for two practices: one from a suggestion, one typed.
    const editor = panel.getByRole('region', { name: 'Afspraken van deze bijeenkomst' });
    await editor.getByLabel('Voor wie').selectOption({ label: LINDE });
    await editor.getByRole('button', { name: /hoogstens 7 dagen/ }).click();
    await editor.getByLabel('Wie trekt het').fill('dr. A. Appelboom');
    await editor.getByLabel('Voor wie').selectOption({ label: ANKER });
    await editor.getByRole('button', { name: 'Nieuwe afspraak' }).click();
    await editor
      .getByLabel('Afspraak', { exact: true })
      .fill('Bij elk herhaalrecept voor een opioïd belt de huisarts eerst met de patiënt.');
    await editor.getByLabel('Meten met').selectOption({ label: 'Chronische gebruikers' });
    await editor.getByLabel('Richting').selectOption({ label: 'Omlaag' });
    await allSaved(page);
    await editor.locator('fieldset.agreement-card').scrollIntoViewIfNeeded();
    await app.screenshot('51-agreements-live');
    const agreements = expectOk(await core.call('agreements.list', { meetingId }));
    expect(agreements.map((a) => [a.practiceName, a.text, a.owner, a.indicator, a.direction, a.evaluationDate])).toEqual([
      [LINDE, expect.stringContaining('hoogstens 7 dagen'), 'dr. A. Appelboom', 'startsOverLimit', 'down', '2027-03-12'],
      [ANKER, 'Bij elk herhaalrecept voor een opioïd belt de huisarts eerst met de patiënt.', null, 'chronicUsers', 'down', '2027-03-12'],
    ]);

    await page.getByRole('button', { name: 'Bijeenkomst beëindigen' }).click();
    await page.getByRole('button', { name: 'Bijeenkomst hervatten' }).waitFor();
    expect(expectOk(await core.call('meetings.get', { id: meetingId })).status).toBe('ended');

    // The report, as Word and as PDF, with the attendance list and the agreements.
    await page.getByRole('tab', { name: 'Verslag' }).click();
    const word = await downloaded(page, 'Verslag als Word (.docx)');
    expect(word.download.suggestedFilename()).toMatch(/\.docx$/);
    const wordText = await docxText(word.file);
    for (const name of ['dr. A. Appelboom', 'dr. B. Beukenhout', 'apotheker V. Vijzel', 'G. Gastvrij']) expect(wordText).toContain(name);
    expect(wordText).toContain('Afwezig: P. Ondersteuner');
    expect(wordText).toContain('Gezondheidscentrum De Brug');
    expect(wordText).toContain('Bij elk herhaalrecept voor een opioïd belt de huisarts eerst met de patiënt.');
    expect(wordText).toContain(agreements[0]!.text);
    expect(wordText).toContain('eerst paracetamol');

    const pdf = await downloaded(page, 'Verslag als PDF');
    expect(pdf.download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdfText = execFileSync('pdftotext', [pdf.file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const name of ['dr. A. Appelboom', 'dr. B. Beukenhout', 'apotheker V. Vijzel', 'G. Gastvrij']) expect(pdfText).toContain(name);
    expect(pdfText).toContain('belt de huisarts eerst met de patiënt');
    expect(pdfText).toContain('hoogstens 7 dagen');
    fs.mkdirSync(SHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf.file, path.join(SHOTS, 'ui-52-report-page')]);

    const sheet = await downloaded(page, 'Afspraken als Excel (.xlsx)');
    expect(sheet.download.suggestedFilename()).toMatch(/\.xlsx$/);
    await app.screenshot('54-report-tab');
    await page.getByRole('tab', { name: 'Presentatie' }).click();
    await page.getByRole('list', { name: "Dia's" }).waitFor();
    await app.screenshot('55-deck-tab');
    expect(app.problems).toEqual([]);
  });

  it('keeps what was typed: leaving the tab right after typing loses nothing, and it is there after the app is closed and started again', async () => {
    const started = await demoApp(browser(), 'bijeenkomst');
    app = started;
    const { page, host, file, groupId } = started;
    const meeting = expectOk(await host.core.call('meetings.create', { groupId, startsAt: '2026-03-12T19:30', place: 'De Brug' }));
    await page.reload();
    await openMeetingTab(page, 'Afspraken');
    await page.getByRole('button', { name: 'Nieuwe afspraak' }).click();
    const typed = 'Herhaalrecepten opioïden alleen na een consult.';
    await page.getByLabel('Afspraak', { exact: true }).pressSequentially(typed);
    // Leaving the tab at once (before the autosave's pause has passed) still stores every letter.
    await page.getByRole('tab', { name: 'Verslag' }).click();
    await expect.poll(async () => expectOk(await host.core.call('agreements.list', { meetingId: meeting.id }))[0]?.text).toBe(typed);
    await page.getByRole('tab', { name: 'Planning' }).click();
    await page.getByLabel('Plaats').fill('Gezondheidscentrum De Brug, zaal 2');
    await allSaved(page);
    await started.close();

    app = await startApp(browser(), { file });
    await app.open('bijeenkomst');
    await app.page.getByRole('button', { name: /19:30 openen$/ }).click();
    expect(await app.page.getByLabel('Plaats').inputValue()).toBe('Gezondheidscentrum De Brug, zaal 2');
    await app.page.getByRole('tab', { name: 'Afspraken' }).click();
    expect(await app.page.getByLabel('Afspraak', { exact: true }).inputValue()).toBe(typed);
    await app.screenshot('53-meeting-agreements-tab');
    expect(started.problems).toEqual([]);
    expect(app.problems).toEqual([]);
  });

  it('loses nothing that was shown as saved when the app process is killed mid-meeting', async () => {
    // The demo group and a running meeting in a database file, made beforehand.
    const file = path.join(tempDir(), 'fto.sqlite');
    const setup = openCoreHost(file, nodeServices());
    const { groupId } = expectOk(await setup.core.call('demo.load', {}));
    const meeting = expectOk(await setup.core.call('meetings.create', { groupId, startsAt: '2026-03-12T19:30' }));
    expectOk(await setup.core.call('meetings.start', { id: meeting.id }));
    setup.close();

    const context = await browser().newContext({ viewport: { width: 1366, height: 768 } });
    const started: ChildProcess[] = [];
    try {
      const first = await startFtoWeb(file, path.dirname(file), started);
      const page = await context.newPage();
      await page.goto(`${first.launchUrl}#bijeenkomst`);
      await openMeetingTab(page, 'Afspraken');
      await page.getByRole('button', { name: 'Nieuwe afspraak' }).click();
      const text = page.getByLabel('Afspraak', { exact: true });
      await text.pressSequentially('Pijnpoli en huisarts spreken af wie afbouwt');
      await allSaved(page);
      await text.pressSequentially(', en dat staat in de brief.');
      await allSaved(page);
      first.child.kill('SIGKILL');
      expect(await first.ended).toEqual({ code: null, signal: 'SIGKILL' });

      const second = await startFtoWeb(file, path.dirname(file), started);
      // A new port is a new origin to the browser: the meeting is opened again by hand.
      await page.goto(`${second.launchUrl}#bijeenkomst`);
      await openMeetingTab(page, 'Afspraken');
      expect(await page.getByLabel('Afspraak', { exact: true }).inputValue()).toBe(
        'Pijnpoli en huisarts spreken af wie afbouwt, en dat staat in de brief.',
      );
    } finally {
      await context.close();
      for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    }
  });
});
