import { useEffect, useState, type FormEvent } from 'react';
import { call, get, type ErrorValue } from '../../api';
import { FormDialog } from '../../components/Dialog';
import { SelectField, TextField } from '../../components/Field';
import { fieldError, formError, useAction, useLoad, useSaveForm } from '../../hooks';
import { useI18n } from '../../i18n';
import { scopeFromValue, scopeValue } from '../agreements/model';
import { roleKey, roles, type Attendee, type Meeting, type PersonRole } from './model';
import { TableHead } from '../../components/TableHead';
import { FileButton } from '../agreements/FileButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';

// A person with neither practice nor pharmacy, as the agreements' scope writes "the whole group".
const NO_PLACE = scopeValue({ practiceId: null, pharmacyId: null });

/** Aanwezigheid: the group's members with a checkbox each; members and guests are added inline. */
export function Attendance({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const loaded = useLoad(() => get('attendance.list', { meetingId: meeting.id }), [meeting.id]);
  const places = useLoad(
    () => Promise.all([get('practices.list', { groupId: meeting.groupId }), get('pharmacies.list', { groupId: meeting.groupId })]),
    [meeting.groupId],
  );
  const [people, setPeople] = useState<Attendee[]>();
  useEffect(() => setPeople(loaded.data), [loaded.data]);
  const tick = useAction((personId: number, present: boolean) =>
    call('attendance.set', { meetingId: meeting.id, entries: [{ personId, present }] }),
  );

  const toggle = async (person: Attendee, present: boolean) => {
    // The tick shows at once; it is put back when the core refuses it.
    setPeople((list) => list?.map((p) => (p.id === person.id ? { ...p, present } : p)));
    if (!(await tick.run(person.id, present)).ok)
      setPeople((list) => list?.map((p) => (p.id === person.id ? { ...p, present: !present } : p)));
  };
  const removeGuest = async (guest: Attendee) => {
    const result = await call('attendance.removeGuest', { id: guest.id });
    if (result.ok) setPeople((list) => list?.filter((p) => p.id !== guest.id));
  };
  const presentCount = people?.filter((p) => p.present).length ?? 0;
  const [practices, pharmacies] = places.data ?? [[], []];
  const placeOptions = [
    ...practices.map((p) => ({ value: scopeValue({ practiceId: p.id, pharmacyId: null }), label: p.name })),
    ...pharmacies.map((p) => ({ value: scopeValue({ practiceId: null, pharmacyId: p.id }), label: p.name })),
  ];
  const [editing, setEditing] = useState<Attendee>();

  return (
    <>
      <section className="panel" aria-label={t('attendance.title')}>
        <div className="panel-head">
          <h3>{t('attendance.title')}</h3>
          <span className="muted" role="status">
            {t('attendance.count', { n: presentCount, total: people?.length ?? 0 })}
          </span>
          <FileButton label={t('attendance.printList')} make={() => call('meetings.exportAttendanceList', { id: meeting.id })} />
        </div>
        {loaded.error && <p className="error">{loaded.error}</p>}
        <ErrorAlert message={tick.error?.message} />
        {people && people.length === 0 && <p className="muted">{t('attendance.none')}</p>}
        {people && people.length > 0 && (
          <table className="attendance">
            <TableHead
              columns={[
                t('attendance.present'),
                t('field.name'),
                t('attendance.role'),
                t('attendance.place'),
                t('attendance.registration'),
              ]}
              actions
            />
            <tbody>
              {people.map((person) => (
                <tr key={person.id} className={person.present ? 'is-present' : undefined}>
                  <td>
                    <input
                      type="checkbox"
                      checked={person.present}
                      onChange={(event) => toggle(person, event.target.checked)}
                      aria-label={t('attendance.presentNamed', { name: person.name })}
                    />
                  </td>
                  <td>
                    {person.name}
                    {person.guest && <span className="badge review">{t('attendance.guest')}</span>}
                  </td>
                  <td>{t(roleKey(person.role))}</td>
                  <td>{person.practiceName ?? person.pharmacyName ?? '—'}</td>
                  <td>{person.registration ?? '—'}</td>
                  <td className="row-actions">
                    <LinkButton
                      label={t('common.edit')}
                      name={t('common.editNamed', { name: person.name })}
                      onClick={() => setEditing(person)}
                    />
                    {person.guest && (
                      <LinkButton
                        label={t('common.remove')}
                        name={t('attendance.removeGuestNamed', { name: person.name })}
                        onClick={() => removeGuest(person)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <PersonForm
        meetingId={meeting.id}
        groupId={meeting.groupId}
        places={placeOptions}
        listed={people ?? []}
        onAdded={(person) => setPeople((list) => [...(list ?? []), person])}
      />
      {editing && (
        <EditPerson
          person={editing}
          places={placeOptions}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            loaded.reload();
          }}
        />
      )}
    </>
  );
}

interface PersonDraft {
  name: string;
  role: PersonRole;
  place: string;
  registration: string;
}

const draftOf = (person?: Attendee): PersonDraft => ({
  name: person?.name ?? '',
  role: person?.role ?? 'huisarts',
  place: person ? scopeValue(person) : NO_PLACE,
  registration: person?.registration ?? '',
});

/** The draft as the contract takes a person. */
function personInput(draft: PersonDraft) {
  return { name: draft.name, role: draft.role, registration: draft.registration, ...scopeFromValue(draft.place) };
}

const personFields = ['name', 'role', 'practiceId', 'pharmacyId', 'registration'];

/** Name, role, practice or pharmacy and registration number: the same for a member and a guest. */
function PersonFields({
  draft,
  onChange,
  places,
  error,
}: {
  draft: PersonDraft;
  onChange(draft: PersonDraft): void;
  places: { value: string; label: string }[];
  error: ErrorValue | null;
}) {
  const { t } = useI18n();
  const set = (change: Partial<PersonDraft>) => onChange({ ...draft, ...change });
  return (
    <div className="form-grid">
      <TextField label={t('field.name')} value={draft.name} onChange={(name) => set({ name })} error={fieldError(error, 'name')} />
      <SelectField<PersonRole>
        label={t('attendance.role')}
        value={draft.role}
        onChange={(role) => set({ role })}
        options={roles.map((r) => ({ value: r, label: t(roleKey(r)) }))}
      />
      <SelectField
        label={t('attendance.place')}
        value={draft.place}
        onChange={(place) => set({ place })}
        options={[{ value: NO_PLACE, label: t('attendance.noPlace') }, ...places]}
        error={fieldError(error, 'practiceId') ?? fieldError(error, 'pharmacyId')}
      />
      <TextField
        label={t('attendance.registrationOptional')}
        value={draft.registration}
        onChange={(registration) => set({ registration })}
        error={fieldError(error, 'registration')}
      />
    </div>
  );
}

function EditPerson({
  person,
  places,
  onClose,
  onSaved,
}: {
  person: Attendee;
  places: { value: string; label: string }[];
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => draftOf(person));
  const [active, setActive] = useState(person.active);
  const save = useSaveForm(() => call('members.update', { id: person.id, ...personInput(draft), active }), onSaved);
  return (
    <FormDialog
      title={t('attendance.editTitle', { name: person.name })}
      onClose={onClose}
      {...save.dialog((f) => personFields.includes(f))}
    >
      <PersonFields draft={draft} onChange={setDraft} places={places} error={save.error} />
      {!person.guest && (
        <label className="choice">
          <input type="checkbox" checked={active} onChange={(event) => setActive(event.target.checked)} />
          {t('attendance.active')}
        </label>
      )}
    </FormDialog>
  );
}

interface FormProps {
  meetingId: number;
  groupId: number;
  places: { value: string; label: string }[];
  /** Who is on the list already: not offered again from the register. */
  listed: Attendee[];
  onAdded(person: Attendee): void;
}

const NOBODY = '';

/** One inline form for both a new member of the group and a guest of this meeting only. */
function PersonForm({ meetingId, groupId, places, listed, onAdded }: FormProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => draftOf());
  // The prescribers the group's register knows (from the imports or typed in Groep & praktijken), with
  // practice and AGB code: picking one fills the form instead of retyping it.
  const register = useLoad(() => get('prescribers.list', { groupId }), [groupId]);
  const listedNames = new Set(listed.map((p) => p.name.trim().toLowerCase()));
  const known = (register.data ?? []).filter((p) => !listedNames.has(p.name.trim().toLowerCase()));
  const pick = (value: string) => {
    const prescriber = known.find((p) => String(p.id) === value);
    if (!prescriber) return;
    setDraft({
      name: prescriber.name,
      role: prescriber.practiceId !== null ? 'huisarts' : 'anders',
      place: scopeValue({ practiceId: prescriber.practiceId, pharmacyId: null }),
      registration: prescriber.agb ?? '',
    });
  };
  const save = useAction(async (asGuest: boolean) => {
    const input = personInput(draft);
    if (asGuest) return call('attendance.addGuest', { meetingId, ...input });
    const member = await call('members.create', { groupId, ...input });
    if (!member.ok) return member;
    // A member added during the meeting is usually there: tick them at once.
    const ticked = await call('attendance.set', { meetingId, entries: [{ personId: member.value.id, present: true }] });
    return ticked.ok ? { ok: true as const, value: { ...member.value, present: true, guest: false } } : ticked;
  });
  const submit = async (asGuest: boolean) => {
    const result = await save.run(asGuest);
    if (!result.ok) return;
    onAdded(result.value);
    // After a member, role and place stay: the next person is often from the same practice.
    // A guest comes from elsewhere, so the next person should not silently inherit their role and place.
    setDraft((current) => (asGuest ? draftOf() : { ...current, name: '', registration: '' }));
  };
  return (
    <form
      className="panel person-form"
      aria-label={t('attendance.addTitle')}
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void submit(false);
      }}
    >
      <h3>{t('attendance.addTitle')}</h3>
      {known.length > 0 && (
        <SelectField
          label={t('attendance.fromRegister')}
          value={NOBODY}
          onChange={pick}
          options={[
            { value: NOBODY, label: t('attendance.fromRegisterChoose', { n: known.length }) },
            ...known.map((p) => ({
              value: String(p.id),
              label: [
                p.name,
                places.find((o) => o.value === scopeValue({ practiceId: p.practiceId, pharmacyId: null }))?.label,
                p.agb && `AGB ${p.agb}`,
              ]
                .filter(Boolean)
                .join(' · '),
            })),
          ]}
          hint={t('attendance.fromRegisterHint')}
        />
      )}
      <PersonFields draft={draft} onChange={setDraft} places={places} error={save.error} />
      <ErrorAlert message={formError(save.error, (f) => personFields.includes(f))} />
      <div className="actions">
        <button type="submit" className="primary" disabled={save.busy}>
          {t('attendance.addMember')}
        </button>
        <button type="button" disabled={save.busy} onClick={() => submit(true)}>
          {t('attendance.addGuest')}
        </button>
      </div>
    </form>
  );
}
