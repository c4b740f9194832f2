import { useState } from 'react';
import { call, type ErrorValue } from '../api';
import { FormDialog } from '../components/Dialog';
import { SelectField, TextField } from '../components/Field';
import { fieldError, toNumber, useSaveForm } from '../hooks';
import { useI18n } from '../i18n';
import { LinkButton } from '../components/LinkButton';
import type { Group, Pharmacy, Practice, Prescriber } from '../types';

interface NameAgbProps {
  name: string;
  setName(name: string): void;
  agb: string;
  setAgb(agb: string): void;
  error: ErrorValue | null;
}

/** Name and optional AGB code: the two fields every register entry has. */
function NameAndAgb({ name, setName, agb, setAgb, error }: NameAgbProps) {
  const { t } = useI18n();
  return (
    <>
      <TextField label={t('field.name')} value={name} onChange={setName} error={fieldError(error, 'name')} autoFocus />
      <TextField
        label={t('field.agbOptional')}
        value={agb}
        onChange={setAgb}
        error={fieldError(error, 'agb')}
        hint={t('field.agbHint')}
        inputMode="numeric"
      />
    </>
  );
}

interface FormProps<V> {
  /** The record being edited; absent when adding. */
  editing?: V;
  onClose(): void;
  onSaved(value: V): void;
}

export function GroupForm({ editing, onClose, onSaved }: FormProps<Group>) {
  const { t } = useI18n();
  const [name, setName] = useState(editing?.name ?? '');
  const save = useSaveForm(() => (editing ? call('groups.update', { id: editing.id, name }) : call('groups.create', { name })), onSaved);
  return (
    <FormDialog title={editing ? t('group.rename') : t('group.new')} onClose={onClose} {...save.dialog((f) => f === 'name')}>
      <TextField label={t('field.name')} value={name} onChange={setName} error={fieldError(save.error, 'name')} autoFocus />
    </FormDialog>
  );
}

interface ListSizeRow {
  year: string;
  size: string;
}

const listSizeFields = [
  { key: 'year', label: 'field.year' },
  { key: 'size', label: 'field.listSize' },
] as const;

export function PracticeForm({ groupId, editing, onClose, onSaved }: FormProps<Practice> & { groupId: number }) {
  const { t } = useI18n();
  const [name, setName] = useState(editing?.name ?? '');
  const [agb, setAgb] = useState(editing?.agb ?? '');
  const [sizes, setSizes] = useState<ListSizeRow[]>(editing?.listSizes.map((s) => ({ year: String(s.year), size: String(s.size) })) ?? []);
  const save = useSaveForm(() => {
    const input = {
      groupId,
      name,
      agb,
      listSizes: sizes.map((row) => ({ year: toNumber(row.year), size: toNumber(row.size) })),
    };
    return editing ? call('practices.update', { ...input, id: editing.id }) : call('practices.create', input);
  }, onSaved);
  const setRow = (index: number, change: Partial<ListSizeRow>) =>
    setSizes((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const addRow = () => {
    const years = sizes.map((row) => toNumber(row.year)).filter(Number.isFinite);
    const next = years.length ? Math.max(...years) + 1 : new Date().getFullYear();
    setSizes((rows) => [...rows, { year: String(next), size: '' }]);
  };
  const shown = (field: string) => ['name', 'agb', 'listSizes'].includes(field) || field.startsWith('listSizes.');
  return (
    <FormDialog title={editing ? t('practice.edit') : t('practice.new')} onClose={onClose} {...save.dialog(shown)}>
      <NameAndAgb name={name} setName={setName} agb={agb} setAgb={setAgb} error={save.error} />
      <fieldset className="list-sizes">
        <legend>{t('practice.listSizes')}</legend>
        <p className="hint">{t('practice.listSizesHint')}</p>
        {sizes.map((row, index) => (
          // Rows have no identity of their own until saved; their position is their key.
          <div className="row" key={index}>
            {listSizeFields.map(({ key, label }) => (
              <TextField
                key={key}
                label={t(label)}
                value={row[key]}
                onChange={(value) => setRow(index, { [key]: value })}
                error={fieldError(save.error, `listSizes.${index}.${key}`)}
                inputMode="numeric"
                className="short"
              />
            ))}
            <LinkButton
              label={t('common.remove')}
              name={t('practice.removeYear', { year: row.year || '?' })}
              onClick={() => setSizes((rows) => rows.filter((_, i) => i !== index))}
            />
          </div>
        ))}
        {fieldError(save.error, 'listSizes') && <p className="error field-error">{fieldError(save.error, 'listSizes')}</p>}
        <button type="button" onClick={addRow}>
          {t('practice.addYear')}
        </button>
      </fieldset>
    </FormDialog>
  );
}

const NO_PRACTICE = 'none';

export function PrescriberForm({ practices, editing, onClose, onSaved }: FormProps<Prescriber> & { practices: Practice[] }) {
  const { t } = useI18n();
  const [name, setName] = useState(editing?.name ?? '');
  const [agb, setAgb] = useState(editing?.agb ?? '');
  const [practice, setPractice] = useState(
    editing?.practiceId ? String(editing.practiceId) : practices[0] ? String(practices[0].id) : NO_PRACTICE,
  );
  const save = useSaveForm(() => {
    const input = { name, agb, practiceId: practice === NO_PRACTICE ? null : Number(practice) };
    return editing ? call('prescribers.update', { ...input, id: editing.id }) : call('prescribers.create', input);
  }, onSaved);
  return (
    <FormDialog
      title={editing ? t('prescriber.edit') : t('prescriber.new')}
      onClose={onClose}
      {...save.dialog((f) => ['name', 'agb', 'practiceId'].includes(f))}
    >
      <NameAndAgb name={name} setName={setName} agb={agb} setAgb={setAgb} error={save.error} />
      <SelectField
        label={t('field.practice')}
        value={practice}
        onChange={setPractice}
        error={fieldError(save.error, 'practiceId')}
        options={[
          ...practices.map((p) => ({ value: String(p.id), label: p.name })),
          { value: NO_PRACTICE, label: t('prescriber.noPractice') },
        ]}
      />
    </FormDialog>
  );
}

export function PharmacyForm({ groupId, groups, editing, onClose, onSaved }: FormProps<Pharmacy> & { groupId: number; groups: Group[] }) {
  const { t } = useI18n();
  const [name, setName] = useState(editing?.name ?? '');
  const [agb, setAgb] = useState(editing?.agb ?? '');
  // Spec §5 "Group scope": the pharmacy's dispensings count in this group's "Overige voorschrijvers".
  const [group, setGroup] = useState(String(editing?.groupId ?? groupId));
  const save = useSaveForm(() => {
    const input = { groupId: Number(group), name, agb };
    return editing ? call('pharmacies.update', { ...input, id: editing.id }) : call('pharmacies.create', input);
  }, onSaved);
  return (
    <FormDialog
      title={editing ? t('pharmacy.edit') : t('pharmacy.new')}
      onClose={onClose}
      {...save.dialog((f) => ['name', 'agb', 'groupId'].includes(f))}
    >
      <NameAndAgb name={name} setName={setName} agb={agb} setAgb={setAgb} error={save.error} />
      <SelectField
        label={t('pharmacy.group')}
        hint={t('pharmacy.groupHint')}
        value={group}
        onChange={setGroup}
        error={fieldError(save.error, 'groupId')}
        options={groups.map((g) => ({ value: String(g.id), label: g.name }))}
      />
    </FormDialog>
  );
}
