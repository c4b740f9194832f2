// Child process of the autosave kill test: writes through the core as the meeting screen does, one
// keystroke at a time, and acknowledges each write on stdout only after the core has answered.
import { createCore } from '../../db/core';
import { openDatabase } from '../../db/open';
import { nodeServices } from '../../db/services';

const [file, meetingIdText, agreementIdText] = process.argv.slice(2);
const db = openDatabase(file!);
const core = createCore({ db, file: file!, ...nodeServices() });
const meetingId = Number(meetingIdText);
const agreementId = Number(agreementIdText);

for (let i = 1; ; i++) {
  const answer = await core.call('caseAnswers.save', { meetingId, questionId: 'casus-1', text: `antwoord ${i}` });
  const agreement = await core.call('agreements.save', { id: agreementId, text: `afspraak ${i}` });
  const created = await core.call('agreements.create', { meetingId, text: `nieuw ${i}` });
  if (!answer.ok || !agreement.ok || !created.ok) throw new Error('write failed');
  process.stdout.write(`ack ${i}\n`);
}
