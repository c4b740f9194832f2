import path from 'node:path';
import { createCore } from '../../db/core';
import { AppError } from '../../db/errors';
import { openDatabase } from '../../db/open';
import { requireOption, unwrap, writeOutputFile, type Command } from '../command';
import { nodeServices } from '../../db/services';

export const reportCommand: Command = {
  name: 'report',
  usage: 'fto report --db BESTAND --meeting ID --out verslag.pdf|verslag.docx [--json]',
  options: { db: { type: 'string' }, meeting: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }, io) {
    const file = requireOption(values, 'db', this);
    const meetingText = requireOption(values, 'meeting', this);
    const out = requireOption(values, 'out', this);
    if (!/^\d+$/.test(meetingText.trim()))
      throw new AppError('validation', `--meeting moet het nummer van een bijeenkomst zijn, niet "${meetingText}".`);
    const format = path.extname(out).toLowerCase().slice(1);
    if (format !== 'pdf' && format !== 'docx')
      throw new AppError('validation', `Het uitvoerbestand ${out} moet op .pdf of .docx eindigen.`);

    const db = openDatabase(file, { mustExist: true });
    try {
      const core = createCore({ db, file, ...nodeServices() });
      const meeting = unwrap(await core.call('meetings.get', { id: Number(meetingText) }));
      const report = unwrap(await core.call('meetings.exportReport', { id: meeting.id, format }));
      const bytes = Buffer.from(report.base64, 'base64');
      writeOutputFile(out, bytes, 'Het verslag');
      const summary = {
        file: out,
        format,
        bytes: bytes.length,
        meeting: { id: meeting.id, group: meeting.groupName, topic: meeting.topic, startsAt: meeting.startsAt },
        attendees: meeting.presentCount,
        agreements: meeting.agreementCount,
      };
      if (values.json) io.out(JSON.stringify(summary));
      else {
        io.out(`Verslag geschreven: ${out} (${format.toUpperCase()}, ${Math.ceil(bytes.length / 1024)} kB)`);
        io.out(
          `Bijeenkomst ${meeting.id}: ${meeting.topic}, ${meeting.groupName}, ${meeting.startsAt?.replace('T', ' ') ?? 'zonder datum'}`,
        );
        io.out(`${meeting.presentCount} aanwezigen, ${meeting.agreementCount} werkafspraken`);
      }
    } finally {
      db.close();
    }
  },
};
