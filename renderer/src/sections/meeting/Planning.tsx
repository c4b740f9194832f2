import { useState } from 'react';
import { call, get, type MethodInput } from '../../api';
import { DateField, TextField } from '../../components/Field';
import { dayMonthYear, incompleteMark } from '../../figures/model';
import { toOptionalNumber, useLoad } from '../../hooks';
import { useI18n, type Key } from '../../i18n';
import { SaveStatus, useAutosave } from './autosave';
import type { Meeting } from './model';

type Patch = Omit<MethodInput<'meetings.update'>, 'id'>;
type TextKey = 'topic' | 'place' | 'chair' | 'minuteTaker' | 'qualityConsultant' | 'accreditationNumber';

const textFields: { key: TextKey; label: Key; hint?: Key }[] = [
  { key: 'topic', label: 'meeting.topic' },
  { key: 'place', label: 'meeting.place' },
  { key: 'chair', label: 'meeting.chair' },
  { key: 'minuteTaker', label: 'meeting.minuteTaker' },
  { key: 'qualityConsultant', label: 'meeting.qualityConsultant', hint: 'meeting.qualityConsultantHint' },
  { key: 'accreditationNumber', label: 'meeting.accreditationNumber' },
];

/** Planning: every field is saved as it is typed (meetings.update takes only what changed). */
export function Planning({ meeting, onSaved }: { meeting: Meeting; onSaved(meeting: Meeting): void }) {
  const { t } = useI18n();
  const [texts, setTexts] = useState<Record<TextKey, string>>(() => ({
    topic: meeting.topic,
    place: meeting.place ?? '',
    chair: meeting.chair ?? '',
    minuteTaker: meeting.minuteTaker ?? '',
    qualityConsultant: meeting.qualityConsultant ?? '',
    accreditationNumber: meeting.accreditationNumber ?? '',
  }));
  const [startsAt, setStartsAt] = useState(meeting.startsAt ?? '');
  const [periodFrom, setPeriodFrom] = useState(meeting.periodFrom);
  const [periodTo, setPeriodTo] = useState(meeting.periodTo);
  const [compareFrom, setCompareFrom] = useState(meeting.compareFromYear === null ? '' : String(meeting.compareFromYear));
  const [anonymous, setAnonymous] = useState(meeting.anonymizePractices);
  const autosave = useAutosave<Patch>(async (patch) => {
    const result = await call('meetings.update', { id: meeting.id, ...patch });
    if (result.ok) {
      onSaved(result.value);
      // Until it is set by hand, the period follows the date (the core works it out).
      if (!result.value.periodManual && patch.periodFrom === undefined && patch.periodTo === undefined) {
        setPeriodFrom(result.value.periodFrom);
        setPeriodTo(result.value.periodTo);
      }
    }
    return result;
  });
  const range = useLoad(() => get('indicators.dataRange', { groupId: meeting.groupId }), [meeting.groupId]);
  const dataEnd = range.data?.dataEnd ?? null;
  const year = Number(periodTo.slice(0, 4));

  return (
    <form className="panel planning" onSubmit={(event) => event.preventDefault()} onBlur={() => void autosave.flush()} noValidate>
      <div className="panel-head">
        <h3>{t('meeting.tab.planning')}</h3>
        <SaveStatus state={autosave.state} />
      </div>
      <p className="hint">{t('meeting.autosaveHint')}</p>
      <div className="form-grid">
        <TextField
          label={t('meeting.startsAt')}
          type="datetime-local"
          className="date"
          value={startsAt}
          {...autosave.field('startsAt', setStartsAt, (value) => (value === '' ? null : value))}
        />
        {textFields.map((field) => (
          <TextField
            key={field.key}
            label={t(field.label)}
            value={texts[field.key]}
            hint={field.hint && t(field.hint)}
            {...autosave.field(field.key, (value) => setTexts((current) => ({ ...current, [field.key]: value })))}
          />
        ))}
      </div>
      <fieldset>
        <legend>{t('meeting.figures')}</legend>
        <p className="hint">
          {t('meeting.periodHint')} {dataEnd ? t('figures.dataEndSentence', { date: dayMonthYear(dataEnd) }) : ''}
          {range.data && (dataEnd === null || periodTo > dataEnd) && <span className="badge">{incompleteMark(t, dataEnd)}</span>}
        </p>
        <div className="form-grid">
          <DateField label={t('meeting.periodFrom')} value={periodFrom} {...autosave.field('periodFrom', setPeriodFrom)} />
          <DateField label={t('meeting.periodTo')} value={periodTo} {...autosave.field('periodTo', setPeriodTo)} />
          <TextField
            label={t('meeting.compareFrom')}
            className="short"
            inputMode="numeric"
            value={compareFrom}
            hint={Number.isFinite(year) ? t('meeting.compareFromHint', { year: year - 4 }) : undefined}
            {...autosave.field('compareFromYear', setCompareFrom, toOptionalNumber)}
          />
        </div>
        <fieldset className="choices">
          <legend className="visually-hidden">{t('meeting.practiceNames')}</legend>
          {[false, true].map((value) => (
            <label key={String(value)} className="choice">
              <input
                type="radio"
                name="anonymize"
                checked={anonymous === value}
                onChange={() => {
                  setAnonymous(value);
                  autosave.change({ anonymizePractices: value });
                }}
              />
              {t(value ? 'meeting.practicesAbc' : 'meeting.practicesByName')}
            </label>
          ))}
        </fieldset>
      </fieldset>
    </form>
  );
}
