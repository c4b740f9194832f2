import { useState } from 'react';
import { call, type ErrorValue, type Result } from '../api';
import { FormDialog } from '../components/Dialog';
import { SelectField, TextField } from '../components/Field';
import { fieldError, formError, toNumber, useAction } from '../hooks';
import { useI18n } from '../i18n';
import type { Group, Pharmacy, Practice, Prescriber } from '../types';

/** A form's save action: errors kept for the fields, and `onSaved` called only on success. */
function useSaveForm<V>(action: () => Promise<Result<V>>, onSaved: (value: V) => void) {
  const save = useAction(action);
  const submit = async () => {
    const result = await save.run();
    if (result.ok) onSaved(result.value);
  };
  return { ...save, submit };
}

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
    <FormDialog
      title={editing ? t('group.rename') : t('group.new')}
      onClose={onClose}
      onSubmit={save.submit}
      busy={save.busy}
      error={formError(save.error, (f) => f === 'name')}
    >
      <TextField label={t('field.name')} value={name} onChange={setName} error={fieldError(save.error, 'name')} autoFocus />
    </FormDialog>
  );
}

interface ListSizeRow {
  year: string;
  size: string;
}

export function PracticeForm({ groupId, editing, onClose, onSaved }: FormProps<Practice> & { groupId: number }) {
  const { t } = useI18n();
  const [name, setName] = useState(editing?.name ?? '');
  const [agb, setAgb] = useState(editing?.agb ?? '');
  const [sizes, setSizes] = useState<ListSizeRow[]>(
    editing?.listSizes.map((s) => ({ year: String(s.year), size: String(s.size) })) ?? [],
  );
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
    <FormDialog
      title={editing ? t('practice.edit') : t('practice.new')}
      onClose={onClose}
      onSubmit={save.submit}
      busy={save.busy}
      error={formError(save.error, shown)}
    >
      <NameAndAgb name={name} setName={setName} agb={agb} setAgb={setAgb} error={save.error} />
      <fieldset className="list-sizes">
        <legend>{t('practice.listSizes')}</legend>
        <p className="hint">{t('practice.listSizesHint')}</p>
        {sizes.map((row, index) => (
          // Rows have no identity of their own until saved; their position is their key.
          <div className="row" key={index}>
            <TextField
              label={t('field.year')}
              value={row.year}
              onChange={(year) => setRow(index, { year })}
              error={fieldError(save.error, `listSizes.${index}.year`)}
              inputMode="numeric"
              className="short"
            />
            <TextField
              label={t('field.listSize')}
              value={row.size}
              onChange={(size) => setRow(index, { size })}
              error={fieldError(save.error, `listSizes.${index}.size`)}
              inputMode="numeric"
              className="short"
            />
            <button
              type="button"
              className="link"
              onClick={() => setSizes((rows) => rows.filter((_, i) => i !== index))}
              aria-label={t('practice.removeYear', { year: row.year || '?' })}
            >
              {t('common.remove')}
            </button>
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
  const [practice, setPractice] = useState(editing?.practiceId ? String(editing.practiceId) : practices[0] ? String(practices[0].id) : NO_PRACTICE);
  const save = useSaveForm(() => {
    const input = { name, agb, practiceId: practice === NO_PRACTICE ? null : Number(practice) };
    return editing ? call('prescribers.update', { ...input, id: editing.id }) : call('prescribers.create', input);
  }, onSaved);
  return (
    <FormDialog
      title={editing ? t('prescriber.edit') : t('prescriber.new')}
      onClose={onClose}
      onSubmit={save.submit}
      busy={save.busy}
      error={formError(save.error, (f) => ['name', 'agb', 'practiceId'].includes(f))}
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
      onSubmit={save.submit}
      busy={save.busy}
      error={formError(save.error, (f) => ['name', 'agb', 'groupId'].includes(f))}
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
