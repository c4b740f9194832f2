import path from 'node:path';
import { createCore } from '../../db/core';
import { deckFileName } from '../../slides';
import { AppError } from '../../db/errors';
import { buildDeckFor, deckFile, meetingDeck } from '../../db/deck/build';
import { openDatabase, type Db } from '../../db/open';
import { requireOption, unwrap, writeOutputFile, type Command } from '../command';
import { nodeServices } from '../../db/services';
import { chromiumPdfRenderer } from '../../db/reports/pdf';

const formats = [
  ['out', 'html'],
  ['pdf', 'pdf'],
  ['pptx', 'pptx'],
] as const;

export const deckCommand: Command = {
  name: 'deck',
  usage: 'fto deck --db BESTAND (--group NAAM --year JJJJ | --meeting ID) --out deck.html [--pdf deck.pdf] [--pptx deck.pptx] [--json]',
  options: {
    db: { type: 'string' },
    group: { type: 'string' },
    year: { type: 'string' },
    meeting: { type: 'string' },
    out: { type: 'string' },
    pdf: { type: 'string' },
    pptx: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values }, io) {
    const file = requireOption(values, 'db', this);
    requireOption(values, 'out', this);
    for (const [option, extension] of formats) {
      const target = values[option];
      if (typeof target === 'string' && path.extname(target).toLowerCase() !== `.${extension}`) {
        throw new AppError('validation', `Het bestand bij --${option} moet op .${extension} eindigen: ${target}`);
      }
    }
    const db = openDatabase(file, { mustExist: true });
    try {
      const { deck, meetingId } = await chooseDeck(db, file, values, this);
      const written: { format: string; file: string; bytes: number }[] = [];
      for (const [option, format] of formats) {
        const target = values[option];
        if (typeof target !== 'string') continue;
        const exported = await deckFile(deck, format, chromiumPdfRenderer());
        const bytes = Buffer.from(exported.base64, 'base64');
        writeOutputFile(target, bytes, 'De presentatie');
        written.push({ format, file: target, bytes: bytes.length });
      }
      const visible = deck.slides.filter((slide) => !slide.hidden).length;
      if (values.json) {
        io.out(
          JSON.stringify({
            group: deck.group,
            meetingId,
            slides: visible,
            files: written,
            suggestedName: deckFileName(deck.group, deck.date, 'html'),
          }),
        );
        return;
      }
      io.out(`Presentatie voor ${deck.group}${meetingId ? ` (bijeenkomst ${meetingId})` : ''}: ${visible} dia's`);
      for (const entry of written) io.out(`  ${entry.format.toUpperCase().padEnd(4)} ${entry.file} (${Math.ceil(entry.bytes / 1024)} kB)`);
    } finally {
      db.close();
    }
  },
};

/** A meeting given, or else the group's meeting for that year when there is one (with its edits), or a plain deck. */
async function chooseDeck(db: Db, file: string, values: Record<string, unknown>, command: Command) {
  if (typeof values.meeting === 'string') {
    if (!/^\d+$/.test(values.meeting.trim()))
      throw new AppError('validation', `--meeting moet het nummer van een bijeenkomst zijn, niet "${values.meeting}".`);
    const meetingId = Number(values.meeting);
    return { deck: meetingDeck(db, meetingId).deck, meetingId };
  }
  const groupName = requireOption(values, 'group', command);
  const yearText = requireOption(values, 'year', command);
  if (!/^\d{4}$/.test(yearText.trim())) throw new AppError('validation', `--year moet een jaartal zijn (JJJJ), niet "${yearText}".`);
  const year = Number(yearText);
  const core = createCore({ db, file, ...nodeServices() });
  const group = unwrap(await core.call('groups.list', {})).find((g) => g.name.toLowerCase() === groupName.trim().toLowerCase());
  if (!group) throw new AppError('not_found', `De FTO-groep "${groupName}" bestaat niet in ${file}.`);
  const meeting = unwrap(await core.call('meetings.list', { groupId: group.id })).find(
    (m) => m.periodFrom === `${year}-01-01` && m.periodTo === `${year}-12-31`,
  );
  if (meeting) return { deck: meetingDeck(db, meeting.id).deck, meetingId: meeting.id };
  const spec = {
    groupName: group.name,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    compareFromYear: null,
    anonymizePractices: false,
    date: null,
    meetingId: null,
  };
  return { deck: buildDeckFor(db, spec).deck, meetingId: null };
}
