import { useEffect, useState, type FormEvent } from 'react';
import { call, get } from '../../api';
import { SelectField, TextField } from '../../components/Field';
import { fieldError, formError, useAction, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { roleKey, roles, type Attendee, type Meeting, type PersonRole } from './model';

const NO_PLACE = 'none';

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
  const tick = useAction((personId: number, present: boolean) => call('attendance.set', { meetingId: meeting.id, entries: [{ personId, present }] }));

  const toggle = async (person: Attendee, present: boolean) => {
    // The tick shows at once; it is put back when the core refuses it.
    setPeople((list) => list?.map((p) => (p.id === person.id ? { ...p, present } : p)));
    if (!(await tick.run(person.id, present)).ok) setPeople((list) => list?.map((p) => (p.id === person.id ? { ...p, present: !present } : p)));
  };
  const removeGuest = async (guest: Attendee) => {
    const result = await call('attendance.removeGuest', { id: guest.id });
    if (result.ok) setPeople((list) => list?.filter((p) => p.id !== guest.id));
  };
  const presentCount = people?.filter((p) => p.present).length ?? 0;
  const [practices, pharmacies] = places.data ?? [[], []];

  return (
    <>
      <section className="panel" aria-label={t('attendance.title')}>
        <div className="panel-head">
          <h3>{t('attendance.title')}</h3>
          <span className="muted" role="status">
            {t('attendance.count', { n: presentCount, total: people?.length ?? 0 })}
          </span>
        </div>
        {loaded.error && <p className="error">{loaded.error}</p>}
        {tick.error && (
          <p className="error" role="alert">
            {tick.error.message}
          </p>
        )}
        {people && people.length === 0 && <p className="muted">{t('attendance.none')}</p>}
        {people && people.length > 0 && (
          <table className="attendance">
            <thead>
              <tr>
                <th scope="col">{t('attendance.present')}</th>
                <th scope="col">{t('field.name')}</th>
                <th scope="col">{t('attendance.role')}</th>
                <th scope="col">{t('attendance.place')}</th>
                <th scope="col">{t('attendance.registration')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
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
                    {person.guest && (
                      <button type="button" className="link" onClick={() => removeGuest(person)} aria-label={t('attendance.removeGuestNamed', { name: person.name })}>
                        {t('common.remove')}
                      </button>
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
        places={[
          ...practices.map((p) => ({ value: `practice:${p.id}`, label: p.name })),
          ...pharmacies.map((p) => ({ value: `pharmacy:${p.id}`, label: p.name })),
        ]}
        onAdded={(person) => setPeople((list) => [...(list ?? []), person])}
      />
    </>
  );
}

interface FormProps {
  meetingId: number;
  groupId: number;
  places: { value: string; label: string }[];
  onAdded(person: Attendee): void;
}

/** One inline form for both a new member of the group and a guest of this meeting only. */
function PersonForm({ meetingId, groupId, places, onAdded }: FormProps) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [role, setRole] = useState<PersonRole>('huisarts');
  const [place, setPlace] = useState(NO_PLACE);
  const [registration, setRegistration] = useState('');
  const save = useAction(async (asGuest: boolean) => {
    const [kind, id] = place.split(':');
    const input = {
      name,
      role,
      registration,
      practiceId: kind === 'practice' ? Number(id) : null,
      pharmacyId: kind === 'pharmacy' ? Number(id) : null,
    };
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
    setName('');
    setRegistration('');
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
      <div className="form-grid">
        <TextField label={t('field.name')} value={name} onChange={setName} error={fieldError(save.error, 'name')} />
        <SelectField<PersonRole> label={t('attendance.role')} value={role} onChange={setRole} options={roles.map((r) => ({ value: r, label: t(roleKey(r)) }))} />
        <SelectField
          label={t('attendance.place')}
          value={place}
          onChange={setPlace}
          options={[{ value: NO_PLACE, label: t('attendance.noPlace') }, ...places]}
          error={fieldError(save.error, 'practiceId') ?? fieldError(save.error, 'pharmacyId')}
        />
        <TextField
          label={t('attendance.registrationOptional')}
          value={registration}
          onChange={setRegistration}
          error={fieldError(save.error, 'registration')}
        />
      </div>
      {formError(save.error, (f) => ['name', 'practiceId', 'pharmacyId', 'registration'].includes(f)) && (
        <p className="error" role="alert">
          {save.error?.message}
        </p>
      )}
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
