import { AppError } from '../../db/errors';
import { listMerges, mergePrescribers, mergeProposals, prescriberIdByKey, unmergePrescriber } from '../../db/indicators/merge';
import { openDatabase } from '../../db/open';
import { requireOption, type Command } from '../command';

export const mergeCommand: Command = {
  name: 'merge',
  usage: 'fto merge --db BESTAND [--from SLEUTEL --into SLEUTEL | --from SLEUTEL --undo] [--json]',
  options: {
    db: { type: 'string' },
    from: { type: 'string' },
    into: { type: 'string' },
    undo: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run({ values }, io) {
    const file = requireOption(values, 'db', this);
    const db = openDatabase(file, { mustExist: true });
    try {
      if (typeof values.from !== 'string') {
        if (values.into !== undefined || values.undo)
          throw new AppError('validation', 'Geef met --from aan welke voorschrijver het betreft.');
        const proposals = mergeProposals(db);
        const merges = listMerges(db);
        if (values.json) {
          io.out(JSON.stringify({ proposals, merges }, null, 2));
          return;
        }
        io.out(proposals.length ? 'Voorstellen om samen te voegen:' : 'Geen voorstellen om samen te voegen.');
        for (const p of proposals)
          io.out(`  --from "${p.from.key}" --into "${p.into.key}"   ${p.from.name} → ${p.into.name} (${p.reason})`);
        if (merges.length) io.out('Samengevoegd:');
        for (const m of merges) io.out(`  ${m.from.name} (${m.from.key}) telt als ${m.into.name} (${m.into.key})`);
        return;
      }
      const fromId = prescriberIdByKey(db, values.from, 'from');
      if (values.undo) {
        if (values.into !== undefined) throw new AppError('validation', 'Bij --undo hoort alleen --from.');
        unmergePrescriber(db, fromId);
        if (values.json) io.out(JSON.stringify({ undone: true, from: values.from }, null, 2));
        else io.out(`De samenvoeging van ${values.from} is ongedaan gemaakt; deze voorschrijver telt weer apart.`);
        return;
      }
      const into = requireOption(values, 'into', this);
      const intoId = prescriberIdByKey(db, into, 'into');
      mergePrescribers(db, fromId, intoId);
      if (values.json) io.out(JSON.stringify({ merged: true, from: values.from, into }, null, 2));
      else io.out(`${values.from} telt voortaan als ${into}. Ongedaan maken: npx fto merge --db ${file} --from "${values.from}" --undo`);
    } finally {
      db.close();
    }
  },
};
