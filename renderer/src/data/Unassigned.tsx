import { useState } from 'react';
import { call, get } from '../api';
import { useAction, useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { ScrollTable } from '../components/TableHead';
import type { Group } from '../types';
import { ErrorAlert } from '../components/ErrorAlert';

const NO_PRACTICE = 'none';

/**
 * Prescribers without a practice that have dispensings, so that a GP is not silently counted under
 * "Overige voorschrijvers". Those deliberately set to no practice are listed apart.
 */
export function Unassigned({ group, version, onChanged }: { group: Group; version: number; onChanged(): void }) {
  const { t, formatNumber, formatDate } = useI18n();
  const data = useLoad(async () => {
    const [unassigned, prescribers, practices] = await Promise.all([
      get('prescribers.unassigned', { groupId: group.id }),
      get('prescribers.list', {}),
      get('practices.list', { groupId: group.id }),
    ]);
    const deliberate = new Set(prescribers.filter((p) => p.practiceSource === 'manual').map((p) => p.id));
    return {
      open: unassigned.filter((p) => !deliberate.has(p.id)),
      deliberate: unassigned.filter((p) => deliberate.has(p.id)),
      practices,
    };
  }, [group.id, version]);
  const [choice, setChoice] = useState<Record<number, string>>({});
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [error, setError] = useState<string>();
  if (data.error) return <p className="error">{data.error}</p>;
  if (!data.data) return <p>{t('common.loading')}</p>;
  const { open, deliberate, practices } = data.data;

  const assign = async (prescriberId: number) => {
    const value = choice[prescriberId];
    if (!value) return;
    const result = await call('prescribers.assign', { prescriberId, practiceId: value === NO_PRACTICE ? null : Number(value) });
    setError(result.ok ? undefined : result.error.message);
    if (result.ok) {
      data.reload();
      onChanged();
    }
  };

  const toggle = (id: number) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const assigned = () => {
    setSelected(new Set());
    data.reload();
    onChanged();
  };

  const table = (rows: typeof open, action: boolean) => (
    <ScrollTable
      columns={[
        ...(action ? [{ label: <span className="visually-hidden">{t('unassigned.select')}</span> }] : []),
        t('field.name'),
        t('field.agb'),
        { label: t('unassigned.dispensings'), num: true },
        { label: t('unassigned.strong'), num: true },
        t('unassigned.last'),
        ...(action ? [t('unassigned.assignTo')] : []),
      ]}
    >
      {rows.map((p) => (
        <tr key={p.id}>
          {action && (
            <td>
              <input
                type="checkbox"
                checked={selected.has(p.id)}
                onChange={() => toggle(p.id)}
                aria-label={t('unassigned.selectNamed', { name: p.name })}
              />
            </td>
          )}
          <td>{p.name}</td>
          <td>{p.agb ?? '—'}</td>
          <td className="num">{formatNumber(p.dispensings)}</td>
          <td className="num">{formatNumber(p.strongDispensings)}</td>
          <td>{p.lastDispensing ? formatDate(p.lastDispensing) : '—'}</td>
          {action && (
            <td className="assign">
              <select
                aria-label={t('unassigned.practiceFor', { name: p.name })}
                value={choice[p.id] ?? ''}
                onChange={(event) => setChoice((c) => ({ ...c, [p.id]: event.target.value }))}
              >
                <PracticeOptions practices={practices} />
              </select>
              <button
                type="button"
                onClick={() => assign(p.id)}
                disabled={!choice[p.id]}
                aria-label={t('unassigned.assignNamed', { name: p.name })}
              >
                {t('unassigned.assign')}
              </button>
            </td>
          )}
        </tr>
      ))}
    </ScrollTable>
  );

  return (
    <>
      <p>{t('unassigned.intro')}</p>
      {error && <p className="error">{error}</p>}
      {open.length > 0 && (
        <BulkAssign group={group} practices={practices} prescribers={open.filter((p) => selected.has(p.id))} onAssigned={assigned} />
      )}
      {open.length === 0 ? <p className="success">{t('unassigned.noneOpen')}</p> : table(open, true)}
      {deliberate.length > 0 && (
        <details className="deliberate">
          <summary>{t('unassigned.deliberate', { n: deliberate.length })}</summary>
          {table(deliberate, false)}
        </details>
      )}
    </>
  );
}

const NEW_PRACTICE = 'new';

type PracticeChoice = { id: number; name: string };

/** The practices and "no practice", after a prompt: none is chosen beforehand, so a specialist never lands in a practice by one click. */
function PracticeOptions({ practices }: { practices: PracticeChoice[] }) {
  const { t } = useI18n();
  return (
    <>
      <option value="" disabled>
        {t('unassigned.choose')}
      </option>
      {practices.map((practice) => (
        <option key={practice.id} value={practice.id}>
          {practice.name}
        </option>
      ))}
      <option value={NO_PRACTICE}>{t('prescriber.noPractice')}</option>
    </>
  );
}

/** Several selected prescribers to one practice at once, or to a practice made here. */
function BulkAssign({
  group,
  practices,
  prescribers,
  onAssigned,
}: {
  group: Group;
  practices: PracticeChoice[];
  prescribers: { key: string; name: string }[];
  onAssigned(): void;
}) {
  const { t } = useI18n();
  const [target, setTarget] = useState('');
  const [name, setName] = useState('');
  const assign = useAction(() => {
    const practice =
      target === NEW_PRACTICE ? name.trim() : target === NO_PRACTICE ? '' : (practices.find((p) => String(p.id) === target)?.name ?? '');
    // assignMany creates the new practice in this group, all or nothing.
    return call('prescribers.assignMany', { rows: prescribers.map((p) => ({ prescriber: p.key, practice, group: group.name })) });
  });
  const submit = async () => {
    if ((await assign.run()).ok) {
      setName('');
      onAssigned();
    }
  };
  const ready = prescribers.length > 0 && target !== '' && (target !== NEW_PRACTICE || name.trim() !== '');
  return (
    <div className="bulk-assign panel">
      <span>{t('unassigned.selected', { n: prescribers.length })}</span>
      <select aria-label={t('unassigned.bulkPractice')} value={target} onChange={(event) => setTarget(event.target.value)}>
        <PracticeOptions practices={practices} />
        <option value={NEW_PRACTICE}>{t('unassigned.newPractice')}</option>
      </select>
      {target === NEW_PRACTICE && (
        <input
          type="text"
          aria-label={t('unassigned.newPracticeName')}
          placeholder={t('unassigned.newPracticeName')}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      )}
      <button type="button" onClick={submit} disabled={!ready || assign.busy}>
        {t('unassigned.assignSelected')}
      </button>
      <ErrorAlert message={assign.error?.message} />
    </div>
  );
}
