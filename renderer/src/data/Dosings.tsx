import { useId, useState } from 'react';
import { call, get } from '../api';
import { ScrollTable } from '../components/TableHead';
import { fieldError, formError, useAction, useLoad } from '../hooks';
import { useI18n, type Lang } from '../i18n';
import { formatUnits, type DosingEntry, type UnreadDosing } from './model';
import { LinkButton } from '../components/LinkButton';

const decimalSign = (lang: Lang) => (lang === 'nl' ? ',' : '.');

/**
 * Gegevens → Doseringen (spec §4.3-4.4): the dosing texts the app could not read, with how many dispensings
 * rely on the 14-day guess; the preparer gives the daily units for a text, and the own table lists them.
 */
export function Dosings({ version, onChanged }: { version: number; onChanged(): void }) {
  const { t } = useI18n();
  const unread = useLoad(() => get('dosing.unread'), [version]);
  const table = useLoad(() => get('dosing.list'), [version]);
  // What the last change did (the core's recomputed counts), shown until the next change.
  const [effect, setEffect] = useState<string>();
  const changed = (message: string) => {
    setEffect(message);
    unread.reload();
    table.reload();
    onChanged();
  };

  return (
    <>
      <p>{t('dosing.intro')}</p>
      {effect && (
        <p className="success" role="status">
          {effect}
        </p>
      )}
      <section aria-labelledby="dosing-unread">
        <h2 id="dosing-unread">{t('dosing.unreadTitle')}</h2>
        {unread.error && <p className="error">{unread.error}</p>}
        {unread.data &&
          (unread.data.length === 0 ? (
            <p className="muted">{t('dosing.noneUnread')}</p>
          ) : (
            <UnreadTable rows={unread.data} onSaved={changed} />
          ))}
      </section>
      <section aria-labelledby="dosing-own">
        <h2 id="dosing-own">{t('dosing.ownTitle')}</h2>
        {table.error && <p className="error">{table.error}</p>}
        {table.data &&
          (table.data.length === 0 ? <p className="muted">{t('dosing.noneOwn')}</p> : <OwnTable rows={table.data} onRemoved={changed} />)}
      </section>
    </>
  );
}

function UnreadTable({ rows, onSaved }: { rows: UnreadDosing[]; onSaved(message: string): void }) {
  const { t, formatNumber } = useI18n();
  const dispensings = rows.reduce((sum, r) => sum + r.dispensings, 0);
  const guessed = rows.reduce((sum, r) => sum + r.guessed, 0);
  return (
    <>
      <p className="hint">
        {t('dosing.unreadSummary', { texts: formatNumber(rows.length), n: formatNumber(dispensings), guessed: formatNumber(guessed) })}
      </p>
      <ScrollTable
        columns={[
          t('dosing.text'),
          { label: t('worklist.dispensings'), num: true },
          { label: t('dosing.guessed'), num: true },
          t('dosing.units'),
        ]}
        className="dosing-table"
      >
        {rows.map((row) => (
          <UnreadRow key={row.text} row={row} onSaved={onSaved} />
        ))}
      </ScrollTable>
    </>
  );
}

/** One unread text with its own field: what the user typed stays when the core refuses it. */
function UnreadRow({ row, onSaved }: { row: UnreadDosing; onSaved(message: string): void }) {
  const { t, formatNumber, lang } = useI18n();
  const [units, setUnits] = useState('');
  const save = useAction(() => call('dosing.set', { text: row.text, units }));
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await save.run();
    if (result.ok) {
      const { entry, dispensings, changedDaysOfUse } = result.value;
      onSaved(
        t('dosing.saved', {
          text: row.example,
          units: formatUnits(entry.units, decimalSign(lang)),
          n: formatNumber(dispensings),
          changed: formatNumber(changedDaysOfUse),
        }),
      );
    }
  };
  const error = fieldError(save.error, 'units') ?? formError(save.error, (f) => f === 'units');
  const errorId = useId();
  return (
    <tr>
      <td>
        <span className="dosing-example">{row.example}</span>
        {row.example.trim().toLowerCase() !== row.text && <span className="muted-value"> ({row.text})</span>}
      </td>
      <td className="num">{formatNumber(row.dispensings)}</td>
      <td className="num">{formatNumber(row.guessed)}</td>
      <td>
        <form className={error ? 'inline-form has-error' : 'inline-form'} onSubmit={submit} noValidate>
          <input
            className="short"
            value={units}
            onChange={(event) => setUnits(event.target.value)}
            aria-label={t('dosing.unitsFor', { text: row.example })}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            inputMode="decimal"
            placeholder={t('dosing.unitsPlaceholder')}
          />
          <button type="submit" disabled={save.busy}>
            {t('common.save')}
          </button>
          {error && (
            <span className="field-error" id={errorId} role="alert">
              {error}
            </span>
          )}
        </form>
      </td>
    </tr>
  );
}

function OwnTable({ rows, onRemoved }: { rows: DosingEntry[]; onRemoved(message: string): void }) {
  const { t, formatNumber, formatDate, lang } = useI18n();
  const [error, setError] = useState<string>();
  const remove = async (entry: DosingEntry) => {
    const result = await call('dosing.remove', { text: entry.text });
    setError(result.ok ? undefined : result.error.message);
    if (result.ok)
      onRemoved(
        t('dosing.removed', {
          text: entry.example ?? entry.text,
          n: formatNumber(result.value.dispensings),
          changed: formatNumber(result.value.changedDaysOfUse),
        }),
      );
  };
  return (
    <>
      {error && <p className="error">{error}</p>}
      <ScrollTable
        columns={[
          t('dosing.text'),
          { label: t('dosing.unitsPerDay'), num: true },
          { label: t('worklist.dispensings'), num: true },
          t('dosing.updated'),
        ]}
        actions
      >
        {rows.map((entry) => (
          <tr key={entry.text}>
            <td>
              {entry.example ?? entry.text}
              {entry.example && entry.example.trim().toLowerCase() !== entry.text && <span className="muted-value"> ({entry.text})</span>}
            </td>
            <td className="num">{formatUnits(entry.units, decimalSign(lang))}</td>
            <td className="num">{formatNumber(entry.dispensings)}</td>
            <td>{formatDate(entry.updatedAt)}</td>
            <td>
              <LinkButton
                label={t('dosing.remove')}
                name={t('dosing.removeFor', { text: entry.example ?? entry.text })}
                onClick={() => remove(entry)}
              />
            </td>
          </tr>
        ))}
      </ScrollTable>
    </>
  );
}
