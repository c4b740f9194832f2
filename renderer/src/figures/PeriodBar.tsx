import { useState } from 'react';
import { SETTING_NAMES, type SettingName } from '../../../domain';
import { call } from '../api';
import { FormDialog } from '../components/Dialog';
import { TextField } from '../components/Field';
import { fieldError, toNumber, useSaveForm } from '../hooks';
import { useI18n } from '../i18n';
import { dayMonthYear, type IndicatorSettings, type PeriodChoice } from './model';
import { OmeFactors } from './OmeFactors';
import { LinkButton } from '../components/LinkButton';

interface Props {
  choice: PeriodChoice;
  onChange(choice: PeriodChoice): void;
  /** Years offered in the year list (newest first): only years that hold data. */
  years: number[];
  /** Spec §5 "Data end": shown beside the choice; a year past it is marked in the list. */
  dataEnd: string | null;
}

/** The period of the figures: a calendar year, or the 12 months up to a date. */
export function PeriodBar({ choice, onChange, years, dataEnd }: Props) {
  const { t } = useI18n();
  const [year, setYear] = useState(choice.mode === 'year' ? choice.year : years[0]!);
  const [to, setTo] = useState(choice.mode === 'rolling' ? choice.to : `${year}-12-31`);
  return (
    <fieldset className="period">
      <legend>{t('figures.period')}</legend>
      <label className="choice">
        <input type="radio" name="period-mode" checked={choice.mode === 'year'} onChange={() => onChange({ mode: 'year', year })} />
        {t('figures.calendarYear')}
      </label>
      <select
        aria-label={t('figures.year')}
        value={year}
        onChange={(event) => {
          const next = Number(event.target.value);
          setYear(next);
          onChange({ mode: 'year', year: next });
        }}
      >
        {years.map((y) => (
          <option key={y} value={y}>
            {dataEnd !== null && `${y}-12-31` > dataEnd ? `${y} – ${t('figures.incomplete')}` : y}
          </option>
        ))}
      </select>
      <label className="choice">
        <input type="radio" name="period-mode" checked={choice.mode === 'rolling'} onChange={() => onChange({ mode: 'rolling', to })} />
        {t('figures.rolling')}
      </label>
      <input
        type="date"
        aria-label={t('figures.rollingTo')}
        value={to}
        className="date"
        onChange={(event) => {
          setTo(event.target.value);
          if (/^\d{4}-\d{2}-\d{2}$/.test(event.target.value)) onChange({ mode: 'rolling', to: event.target.value });
        }}
      />
      <span className="data-end">{dataEnd ? t('figures.dataEnd', { date: dayMonthYear(dataEnd) }) : t('figures.noData')}</span>
    </fieldset>
  );
}

/** Which settings the figures were made with, and a way to change them. */
export function SettingsLine({ settings, onChanged }: { settings: IndicatorSettings; onChanged(): void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  return (
    <p className="settings-line">
      <span>
        {t('figures.settingsUsed', {
          chronic: settings.chronicDays,
          lookback: settings.lookbackDays,
          min: settings.newUserMinDispensings,
          limit: settings.startLimitDays,
          ome: settings.highDoseOme,
        })}
      </span>{' '}
      <LinkButton label={t('figures.changeSettings')} onClick={() => setEditing(true)} />
      {editing && (
        <SettingsForm
          settings={settings}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onChanged();
          }}
        />
      )}
    </p>
  );
}

function SettingsForm({ settings, onClose, onSaved }: { settings: IndicatorSettings; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const [values, setValues] = useState(
    () => Object.fromEntries(SETTING_NAMES.map((f) => [f, String(settings[f])])) as Record<SettingName, string>,
  );
  const save = useSaveForm(
    () =>
      call(
        'indicators.settings.set',
        Object.fromEntries(SETTING_NAMES.map((f) => [f, toNumber(values[f])])) as Record<SettingName, number>,
      ),
    onSaved,
  );
  return (
    <FormDialog
      title={t('settings.indicators')}
      wide
      onClose={onClose}
      {...save.dialog((f) => (SETTING_NAMES as readonly string[]).includes(f))}
    >
      {SETTING_NAMES.map((field, index) => (
        <TextField
          key={field}
          label={t(`settings.${field}`)}
          hint={t(`settings.${field}.hint`)}
          value={values[field]}
          onChange={(value) => setValues((v) => ({ ...v, [field]: value }))}
          error={fieldError(save.error, field)}
          inputMode="numeric"
          className="short"
          autoFocus={index === 0}
        />
      ))}
      <OmeFactors />
    </FormDialog>
  );
}
