import { prescriberKey } from '../../domain';
import type { registryContract } from '../contract/registry';
import type { CoreContext, Handlers } from '../handler';
import { AppError } from '../errors';
import type { Db } from '../open';
import { queryAll, queryOne, queryValue, statement } from '../query';

interface GroupRow {
  id: number;
  name: string;
  created_at: string;
  practice_count: number;
  pharmacy_count: number;
}
interface PracticeRow {
  id: number;
  group_id: number;
  name: string;
  agb: string | null;
  prescriber_count: number;
}
interface PrescriberRow {
  id: number;
  key: string;
  name: string;
  agb: string | null;
  practice_id: number | null;
  practice_source: 'manual' | 'data' | null;
}
interface PharmacyRow {
  id: number;
  group_id: number | null;
  name: string;
  agb: string | null;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Groups, practices, prescribers and pharmacies: the FTO group's own register. */
export function registryHandlers({ db }: CoreContext): Handlers<keyof typeof registryContract> {
  const count = (sql: string, ...params: unknown[]) => queryValue<number>(db, sql, ...params);

  const groupSelect = `
    SELECT g.id, g.name, g.created_at,
      (SELECT count(*) FROM practice p WHERE p.group_id = g.id) AS practice_count,
      (SELECT count(*) FROM pharmacy f WHERE f.group_id = g.id) AS pharmacy_count
    FROM fto_group g`;
  const toGroup = (row: GroupRow) => ({
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    practiceCount: row.practice_count,
    pharmacyCount: row.pharmacy_count,
  });
  const getGroup = (id: number) => {
    const row = queryOne<GroupRow>(db, `${groupSelect} WHERE g.id = ?`, id);
    if (!row) throw new AppError('not_found', 'Deze FTO-groep bestaat niet (meer).');
    return toGroup(row);
  };

  const practiceSelect = `
    SELECT p.id, p.group_id, p.name, p.agb,
      (SELECT count(*) FROM prescriber r WHERE r.practice_id = p.id) AS prescriber_count
    FROM practice p`;
  const listSizesOf = statement<{ year: number; size: number }>(
    db,
    'SELECT year, size FROM practice_list_size WHERE practice_id = ? ORDER BY year',
  );
  const toPractice = (row: PracticeRow) => ({
    id: row.id,
    groupId: row.group_id,
    name: row.name,
    agb: row.agb,
    prescriberCount: row.prescriber_count,
    listSizes: listSizesOf.all(row.id),
  });
  const getPractice = (id: number) => {
    const row = queryOne<PracticeRow>(db, `${practiceSelect} WHERE p.id = ?`, id);
    if (!row) throw new AppError('not_found', 'Deze praktijk bestaat niet (meer).');
    return toPractice(row);
  };
  const saveListSizes = (practiceId: number, sizes: { year: number; size: number }[]) => {
    db.prepare('DELETE FROM practice_list_size WHERE practice_id = ?').run(practiceId);
    const insert = db.prepare('INSERT INTO practice_list_size (practice_id, year, size) VALUES (?, ?, ?)');
    for (const { year, size } of sizes) insert.run(practiceId, year, size);
  };

  const toPrescriber = (row: PrescriberRow) => ({
    id: row.id,
    key: row.key,
    name: row.name,
    agb: row.agb,
    practiceId: row.practice_id,
    practiceSource: row.practice_source,
  });
  const getPrescriber = (id: number) => {
    const row = queryOne<PrescriberRow>(db, 'SELECT * FROM prescriber WHERE id = ?', id);
    if (!row) throw new AppError('not_found', 'Deze voorschrijver bestaat niet (meer).');
    return toPrescriber(row);
  };

  const toPharmacy = (row: PharmacyRow) => ({ id: row.id, groupId: row.group_id, name: row.name, agb: row.agb });
  const getPharmacy = (id: number) => {
    const row = queryOne<PharmacyRow>(db, 'SELECT * FROM pharmacy WHERE id = ?', id);
    if (!row) throw new AppError('not_found', 'Deze apotheek bestaat niet (meer).');
    return toPharmacy(row);
  };

  const requireGroup = (groupId: number | null) => {
    if (groupId !== null && count('SELECT count(*) AS n FROM fto_group WHERE id = ?', groupId) === 0) {
      throw new AppError('validation', 'Kies een bestaande FTO-groep.', 'groupId');
    }
  };
  const requirePractice = (practiceId: number | null) => {
    if (practiceId !== null && count('SELECT count(*) AS n FROM practice WHERE id = ?', practiceId) === 0) {
      throw new AppError('validation', 'Kies een bestaande praktijk.', 'practiceId');
    }
  };
  /** Names are unique regardless of case, AGB codes plainly; say so next to the field. */
  const requireUnique = (table: string, field: 'name' | 'agb', value: string | null, ownId: number | null, message: string) => {
    if (value === null) return;
    const clash = queryValue<number>(
      db,
      `SELECT count(*) AS n FROM ${table} WHERE ${field} = ? COLLATE NOCASE AND id IS NOT ?`,
      value,
      ownId,
    );
    if (clash > 0) throw new AppError('duplicate', message, field);
  };

  return {
    'groups.list': () => queryAll<GroupRow>(db, `${groupSelect} ORDER BY g.name`).map(toGroup),
    'groups.create': ({ name }) => {
      requireUnique('fto_group', 'name', name, null, `Er bestaat al een FTO-groep met de naam "${name}".`);
      const { lastInsertRowid } = db.prepare('INSERT INTO fto_group (name) VALUES (?)').run(name);
      return getGroup(Number(lastInsertRowid));
    },
    'groups.update': ({ id, name }) => {
      getGroup(id);
      requireUnique('fto_group', 'name', name, id, `Er bestaat al een FTO-groep met de naam "${name}".`);
      db.prepare('UPDATE fto_group SET name = ? WHERE id = ?').run(name, id);
      return getGroup(id);
    },
    'groups.deleteImpact': ({ id }) => {
      const group = getGroup(id);
      const prescribers = count(
        'SELECT count(*) AS n FROM prescriber WHERE practice_id IN (SELECT id FROM practice WHERE group_id = ?)',
        id,
      );
      const imports = count('SELECT count(*) AS n FROM import_batch WHERE group_id = ?', id);
      return {
        name: group.name,
        consequences: [
          ...(group.practiceCount ? [`${plural(group.practiceCount, 'praktijk wordt', 'praktijken worden')} verwijderd`] : []),
          ...(prescribers ? [`${plural(prescribers, 'voorschrijver wordt', 'voorschrijvers worden')} losgekoppeld van hun praktijk`] : []),
          ...(group.pharmacyCount
            ? [`${plural(group.pharmacyCount, 'apotheek wordt', 'apotheken worden')} losgekoppeld van de groep`]
            : []),
          ...(imports ? [`${plural(imports, 'import blijft', 'imports blijven')} bewaard, zonder groep`] : []),
        ],
        blockedBy: null,
      };
    },
    'groups.delete': ({ id }) => {
      getGroup(id);
      db.prepare('DELETE FROM fto_group WHERE id = ?').run(id);
      return null;
    },

    'practices.list': ({ groupId }) =>
      queryAll<PracticeRow>(
        db,
        `${practiceSelect} WHERE ? IS NULL OR p.group_id = ? ORDER BY p.name`,
        groupId ?? null,
        groupId ?? null,
      ).map(toPractice),
    'practices.create': (input) =>
      db.transaction(() => {
        requireGroup(input.groupId);
        requireUnique('practice', 'name', input.name, null, `Er bestaat al een praktijk met de naam "${input.name}".`);
        requireUnique('practice', 'agb', input.agb, null, `Er bestaat al een praktijk met AGB-code ${input.agb}.`);
        const { lastInsertRowid } = db
          .prepare('INSERT INTO practice (group_id, name, agb) VALUES (?, ?, ?)')
          .run(input.groupId, input.name, input.agb);
        saveListSizes(Number(lastInsertRowid), input.listSizes);
        return getPractice(Number(lastInsertRowid));
      })(),
    'practices.update': (input) =>
      db.transaction(() => {
        getPractice(input.id);
        requireGroup(input.groupId);
        requireUnique('practice', 'name', input.name, input.id, `Er bestaat al een praktijk met de naam "${input.name}".`);
        requireUnique('practice', 'agb', input.agb, input.id, `Er bestaat al een praktijk met AGB-code ${input.agb}.`);
        db.prepare('UPDATE practice SET group_id = ?, name = ?, agb = ? WHERE id = ?').run(input.groupId, input.name, input.agb, input.id);
        saveListSizes(input.id, input.listSizes);
        return getPractice(input.id);
      })(),
    'practices.deleteImpact': ({ id }) => {
      const practice = getPractice(id);
      return {
        name: practice.name,
        consequences: [
          ...(practice.prescriberCount
            ? [`${plural(practice.prescriberCount, 'voorschrijver telt', 'voorschrijvers tellen')} daarna mee als "Overige voorschrijvers"`]
            : []),
          ...(practice.listSizes.length
            ? [`de praktijkgrootte van ${plural(practice.listSizes.length, 'jaar', 'jaren')} wordt verwijderd`]
            : []),
        ],
        blockedBy: null,
      };
    },
    'practices.delete': ({ id }) => {
      getPractice(id);
      db.prepare('DELETE FROM practice WHERE id = ?').run(id);
      return null;
    },

    'prescribers.list': ({ groupId }) =>
      queryAll<PrescriberRow>(
        db,
        `SELECT r.* FROM prescriber r LEFT JOIN practice p ON p.id = r.practice_id
           WHERE ? IS NULL OR p.group_id = ? ORDER BY r.name, r.key`,
        groupId ?? null,
        groupId ?? null,
      ).map(toPrescriber),
    'prescribers.create': (input) => {
      requirePractice(input.practiceId);
      const key = prescriberKey(input.name, input.agb);
      requireUnique('prescriber', 'agb', input.agb, null, `Er bestaat al een voorschrijver met AGB-code ${input.agb}.`);
      if (count('SELECT count(*) AS n FROM prescriber WHERE key = ?', key) > 0) {
        throw new AppError(
          'duplicate',
          `Er bestaat al een voorschrijver "${input.name}" zonder AGB-code; vul de AGB-code in om ze te onderscheiden.`,
          'name',
        );
      }
      const { lastInsertRowid } = db
        .prepare('INSERT INTO prescriber (key, name, agb, practice_id, practice_source) VALUES (?, ?, ?, ?, ?)')
        .run(key, input.name, input.agb, input.practiceId, input.practiceId === null ? null : 'manual');
      return getPrescriber(Number(lastInsertRowid));
    },
    'prescribers.update': (input) => {
      const current = getPrescriber(input.id);
      requirePractice(input.practiceId);
      requireUnique('prescriber', 'agb', input.agb, input.id, `Er bestaat al een voorschrijver met AGB-code ${input.agb}.`);
      // The key identifies the prescriber in imported rows, so it changes only when the AGB code does.
      const key = input.agb === current.agb ? current.key : prescriberKey(input.name, input.agb);
      if (count('SELECT count(*) AS n FROM prescriber WHERE key = ? AND id <> ?', key, input.id) > 0) {
        throw new AppError('duplicate', 'Er bestaat al een voorschrijver met deze naam of AGB-code.', 'agb');
      }
      // Choosing a practice (or none) in the app is an explicit assignment, which imports never override.
      const source = input.practiceId === current.practiceId ? current.practiceSource : 'manual';
      db.prepare('UPDATE prescriber SET key = ?, name = ?, agb = ?, practice_id = ?, practice_source = ? WHERE id = ?').run(
        key,
        input.name,
        input.agb,
        input.practiceId,
        source,
        input.id,
      );
      return getPrescriber(input.id);
    },
    'prescribers.deleteImpact': ({ id }) => {
      const prescriber = getPrescriber(id);
      const dispensings = dispensingCount(db, id);
      return {
        name: prescriber.name,
        consequences: [],
        blockedBy: dispensings
          ? `Er ${dispensings === 1 ? 'hoort 1 uitgifte' : `horen ${dispensings} uitgiften`} bij deze voorschrijver. Maak eerst de import ongedaan die ze bevat.`
          : null,
      };
    },
    'prescribers.delete': ({ id }) => {
      getPrescriber(id);
      if (dispensingCount(db, id)) throw new AppError('conflict', 'Deze voorschrijver heeft uitgiften en kan niet worden verwijderd.');
      db.prepare('DELETE FROM prescriber WHERE id = ?').run(id);
      return null;
    },

    'pharmacies.list': ({ groupId }) =>
      queryAll<PharmacyRow>(
        db,
        'SELECT * FROM pharmacy WHERE ? IS NULL OR group_id = ? ORDER BY name',
        groupId ?? null,
        groupId ?? null,
      ).map(toPharmacy),
    'pharmacies.create': (input) => {
      requireGroup(input.groupId);
      requireUnique('pharmacy', 'name', input.name, null, `Er bestaat al een apotheek met de naam "${input.name}".`);
      requireUnique('pharmacy', 'agb', input.agb, null, `Er bestaat al een apotheek met AGB-code ${input.agb}.`);
      const { lastInsertRowid } = db
        .prepare('INSERT INTO pharmacy (group_id, name, agb) VALUES (?, ?, ?)')
        .run(input.groupId, input.name, input.agb);
      return getPharmacy(Number(lastInsertRowid));
    },
    'pharmacies.update': (input) => {
      requireGroup(input.groupId);
      requireUnique('pharmacy', 'name', input.name, input.id, `Er bestaat al een apotheek met de naam "${input.name}".`);
      requireUnique('pharmacy', 'agb', input.agb, input.id, `Er bestaat al een apotheek met AGB-code ${input.agb}.`);
      const before = getPharmacy(input.id);
      db.transaction(() => {
        db.prepare('UPDATE pharmacy SET group_id = ?, name = ?, agb = ? WHERE id = ?').run(input.groupId, input.name, input.agb, input.id);
        // Dispensings name their pharmacy (spec §5 "Group scope"): a renamed pharmacy keeps them. Their §7 identity is unchanged.
        if (before.name !== input.name)
          db.prepare('UPDATE dispensing SET pharmacy_key = ? WHERE pharmacy_key = ? COLLATE NOCASE').run(input.name, before.name);
      })();
      return getPharmacy(input.id);
    },
    'pharmacies.deleteImpact': ({ id }) => ({ name: getPharmacy(id).name, consequences: [], blockedBy: null }),
    'pharmacies.delete': ({ id }) => {
      getPharmacy(id);
      db.prepare('DELETE FROM pharmacy WHERE id = ?').run(id);
      return null;
    },
  };
}

function dispensingCount(db: Db, prescriberId: number): number {
  return queryValue<number>(db, 'SELECT count(*) AS n FROM dispensing WHERE prescriber_id = ?', prescriberId);
}
