import { useState } from 'react';
import { call } from '../api';
import { FormDialog } from '../components/Dialog';
import { TextField } from '../components/Field';
import { useI18n } from '../i18n';
import { FileButton } from '../sections/agreements/FileButton';
import type { Group } from '../types';
import { DEFAULT_SUPPRESSION_THRESHOLD, periodInput, type PeriodChoice } from './model';

/** Spec §6: the summary that may leave the FTO group. Small counts are hidden unless the user lowers the threshold knowingly. */
export function Regional({ group, choice }: { group: Group; choice: PeriodChoice }) {
  const { t } = useI18n();
  const [onlyGroup, setOnlyGroup] = useState(false);
  const [practiceNames, setPracticeNames] = useState(false);
  const [threshold, setThreshold] = useState<number>(DEFAULT_SUPPRESSION_THRESHOLD);
  const [asking, setAsking] = useState(false);
  const lowered = threshold < DEFAULT_SUPPRESSION_THRESHOLD;
  const make = (format: 'xlsx' | 'csv') => () =>
    call('indicators.exportRegional', {
      ...periodInput(choice),
      ...(onlyGroup ? { groupId: group.id } : {}),
      practiceNames,
      threshold,
      // Only ever true after the dialog below asked for it.
      confirmLowerThreshold: lowered,
      format,
    });

  return (
    <section className="panel regional" aria-labelledby="regional-title">
      <h2 id="regional-title">{t('regional.title')}</h2>
      <p>{t('regional.explain')}</p>
      <p className={lowered ? 'notice' : undefined}>
        {threshold > 1 ? t('regional.hidden', { max: threshold - 1, threshold }) : t('regional.notHidden')}
        {lowered && ` ${t('regional.lowered', { threshold })}`}
      </p>
      <div className="toolbar">
        <label className="choice">
          <input type="checkbox" checked={onlyGroup} onChange={(event) => setOnlyGroup(event.target.checked)} />
          {t('regional.onlyGroup', { group: group.name })}
        </label>
        <label className="choice">
          <input type="checkbox" checked={practiceNames} onChange={(event) => setPracticeNames(event.target.checked)} />
          {t('regional.practiceNames')}
        </label>
        {lowered ? (
          <button type="button" onClick={() => setThreshold(DEFAULT_SUPPRESSION_THRESHOLD)}>
            {t('regional.reset', { threshold: DEFAULT_SUPPRESSION_THRESHOLD })}
          </button>
        ) : (
          <button type="button" onClick={() => setAsking(true)}>
            {t('regional.lower')}
          </button>
        )}
      </div>
      <div className="toolbar">
        <FileButton primary label={t('regional.xlsx')} make={make('xlsx')} />
        <FileButton label={t('regional.csv')} make={make('csv')} />
      </div>
      {asking && (
        <LowerThreshold
          onClose={() => setAsking(false)}
          onLower={(value) => {
            setThreshold(value);
            setAsking(false);
          }}
        />
      )}
    </section>
  );
}

/** Asks before small counts may appear in the file, and which threshold to use instead. */
function LowerThreshold({ onClose, onLower }: { onClose(): void; onLower(threshold: number): void }) {
  const { t } = useI18n();
  const [text, setText] = useState('5');
  const [error, setError] = useState<string>();
  const max = DEFAULT_SUPPRESSION_THRESHOLD - 1;
  const submit = () => {
    const value = Number(text.trim());
    if (!/^\d+$/.test(text.trim()) || value < 1 || value > max) setError(t('regional.thresholdInvalid', { max }));
    else onLower(value);
  };
  return (
    <FormDialog title={t('regional.lowerTitle')} onClose={onClose} onSubmit={submit} submitLabel={t('regional.confirmLower')}>
      <p className="notice">{t('regional.lowerWarning')}</p>
      <TextField label={t('regional.threshold', { max })} value={text} onChange={setText} inputMode="numeric" error={error} autoFocus />
    </FormDialog>
  );
}
