import { useState, type ReactNode } from 'react';
import { get } from '../api';
import { ConfirmDelete, type DeletableKind } from '../components/ConfirmDelete';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import type { Group, Pharmacy, Practice, Prescriber } from '../types';
import { GroupForm, PharmacyForm, PracticeForm, PrescriberForm } from './RegistryForms';
import { TableHead } from '../components/TableHead';
import { LinkButton } from '../components/LinkButton';

type Open =
  | { form: 'group'; editing?: Group }
  | { form: 'practice'; editing?: Practice }
  | { form: 'prescriber'; editing?: Prescriber }
  | { form: 'pharmacy'; editing?: Pharmacy }
  | { form: 'delete'; kind: DeletableKind; id: number }
  | null;

interface Props {
  group: Group;
  /** Called after a group was created, renamed or deleted, with the group to show next. */
  onGroupsChanged(selectId?: number): void;
}

/** Groep & praktijken: the selected FTO group with its practices, prescribers and pharmacies. */
export function Registry({ group, onGroupsChanged }: Props) {
  const { t, formatNumber } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  const register = useLoad(async () => {
    const [practices, prescribers, pharmacies, groups, ofGroup, withDispensings] = await Promise.all([
      get('practices.list', { groupId: group.id }),
      get('prescribers.list', {}),
      get('pharmacies.list', { groupId: group.id }),
      get('groups.list', {}),
      get('prescribers.unassigned', { groupId: group.id }),
      get('prescribers.unassigned', {}),
    ]);
    // Prescribers without a practice belong to no group: shown with the groups whose pharmacies delivered
    // for them (spec §5 "Group scope"), and with every group while they have no dispensings at all.
    const own = new Set(practices.map((p) => p.id));
    const ours = new Set(ofGroup.map((p) => p.id));
    const elsewhere = new Set(withDispensings.map((p) => p.id));
    const shown = (p: (typeof prescribers)[number]) =>
      p.practiceId === null ? ours.has(p.id) || !elsewhere.has(p.id) : own.has(p.practiceId);
    return { practices, pharmacies, groups, prescribers: prescribers.filter(shown) };
  }, [group.id]);
  const close = () => setOpen(null);
  const saved = () => {
    setOpen(null);
    register.reload();
    onGroupsChanged(group.id);
  };
  const data = register.data;
  const practiceName = new Map(data?.practices.map((p) => [p.id, p.name]));

  return (
    <>
      <div className="group-head">
        <div>
          <p className="eyebrow">{t('group.label')}</p>
          <h2 className="group-name">{group.name}</h2>
        </div>
        <div className="actions">
          <button type="button" onClick={() => setOpen({ form: 'group', editing: group })}>
            {t('group.rename')}
          </button>
          <button type="button" onClick={() => setOpen({ form: 'delete', kind: 'groups', id: group.id })}>
            {t('group.delete')}
          </button>
          <button type="button" onClick={() => setOpen({ form: 'group' })}>
            {t('group.new')}
          </button>
        </div>
      </div>
      {register.error && <p className="error">{register.error}</p>}
      {data && (
        <>
          <RegisterTable
            title={t('practice.title')}
            addLabel={t('practice.add')}
            onAdd={() => setOpen({ form: 'practice' })}
            empty={t('practice.none')}
            headers={[t('field.name'), t('field.agb'), t('practice.listSizes'), t('practice.prescribers')]}
            rows={data.practices.map((p) => ({
              id: p.id,
              name: p.name,
              cells: [
                p.name,
                p.agb ?? '—',
                p.listSizes.length ? p.listSizes.map((s) => `${s.year}: ${formatNumber(s.size)}`).join(', ') : '—',
                formatNumber(p.prescriberCount),
              ],
              onEdit: () => setOpen({ form: 'practice', editing: p }),
              onDelete: () => setOpen({ form: 'delete', kind: 'practices', id: p.id }),
            }))}
          />
          <RegisterTable
            title={t('prescriber.title')}
            addLabel={t('prescriber.add')}
            onAdd={() => setOpen({ form: 'prescriber' })}
            empty={t('prescriber.none')}
            intro={t('prescriber.intro')}
            headers={[t('field.name'), t('field.agb'), t('field.practice')]}
            rows={data.prescribers.map((p) => ({
              id: p.id,
              name: p.name,
              cells: [
                p.name,
                p.agb ?? '—',
                p.practiceId === null ? <em>{t('prescriber.noPracticeShort')}</em> : practiceName.get(p.practiceId),
              ],
              onEdit: () => setOpen({ form: 'prescriber', editing: p }),
              onDelete: () => setOpen({ form: 'delete', kind: 'prescribers', id: p.id }),
            }))}
          />
          <RegisterTable
            title={t('pharmacy.title')}
            addLabel={t('pharmacy.add')}
            onAdd={() => setOpen({ form: 'pharmacy' })}
            empty={t('pharmacy.none')}
            headers={[t('field.name'), t('field.agb')]}
            rows={data.pharmacies.map((p) => ({
              id: p.id,
              name: p.name,
              cells: [p.name, p.agb ?? '—'],
              onEdit: () => setOpen({ form: 'pharmacy', editing: p }),
              onDelete: () => setOpen({ form: 'delete', kind: 'pharmacies', id: p.id }),
            }))}
          />
        </>
      )}

      {open?.form === 'group' && (
        <GroupForm
          editing={open.editing}
          onClose={close}
          onSaved={(saved) => {
            setOpen(null);
            onGroupsChanged(saved.id);
          }}
        />
      )}
      {open?.form === 'practice' && <PracticeForm groupId={group.id} editing={open.editing} onClose={close} onSaved={saved} />}
      {open?.form === 'prescriber' && data && (
        <PrescriberForm practices={data.practices} editing={open.editing} onClose={close} onSaved={saved} />
      )}
      {open?.form === 'pharmacy' && data && (
        <PharmacyForm groupId={group.id} groups={data.groups} editing={open.editing} onClose={close} onSaved={saved} />
      )}
      {open?.form === 'delete' && (
        <ConfirmDelete
          kind={open.kind}
          id={open.id}
          onClose={close}
          onDeleted={() => {
            setOpen(null);
            if (open.kind === 'groups') onGroupsChanged();
            else saved();
          }}
        />
      )}
    </>
  );
}

interface RegisterRow {
  id: number;
  name: string;
  cells: ReactNode[];
  onEdit(): void;
  onDelete(): void;
}

interface RegisterTableProps {
  title: string;
  intro?: string;
  addLabel: string;
  onAdd(): void;
  empty: string;
  headers: string[];
  rows: RegisterRow[];
}

function RegisterTable({ title, intro, addLabel, onAdd, empty, headers, rows }: RegisterTableProps) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-label={title}>
      <div className="panel-head">
        <h3>{title}</h3>
        <button type="button" onClick={onAdd}>
          {addLabel}
        </button>
      </div>
      {intro && <p className="hint">{intro}</p>}
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table>
          <TableHead columns={headers} actions />
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                {row.cells.map((cell, index) => (
                  <td key={index}>{cell}</td>
                ))}
                <td className="row-actions">
                  <LinkButton label={t('common.edit')} name={t('common.editNamed', { name: row.name })} onClick={row.onEdit} />
                  <LinkButton label={t('common.delete')} name={t('common.deleteNamed', { name: row.name })} onClick={row.onDelete} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
