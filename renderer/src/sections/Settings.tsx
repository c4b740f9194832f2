import { useState } from 'react';
import { call } from '../api';
import { TextField } from '../components/Field';
import { fieldError, formError, useAction } from '../hooks';
import { languages, useI18n, type Lang } from '../i18n';
import type { DatabaseInfo } from '../types';
import { ErrorAlert } from '../components/ErrorAlert';

interface Props {
  info: DatabaseInfo;
  /** Another database file is open now: everything shown must be loaded again. */
  onDatabaseChanged(info: DatabaseInfo): void;
}

export function Settings({ info, onDatabaseChanged }: Props) {
  const { t, lang, setLang } = useI18n();
  const backup = useAction(() => call('database.backup', {}));
  const [backupPath, setBackupPath] = useState<string>();
  const [path, setPath] = useState('');
  const open = useAction(() => call('database.open', { path }));

  const makeBackup = async () => {
    const result = await backup.run();
    setBackupPath(result.ok ? result.value.path : undefined);
  };
  const openOther = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await open.run();
    if (result.ok) {
      setPath('');
      onDatabaseChanged(result.value);
    }
  };

  return (
    <>
      <section className="panel" aria-labelledby="settings-db">
        <h2 id="settings-db">{t('settings.database')}</h2>
        <dl className="facts">
          <dt>{t('settings.path')}</dt>
          <dd className="path" data-testid="db-path">
            {info.path}
          </dd>
          <dt>{t('settings.schema')}</dt>
          <dd>{info.schemaVersion}</dd>
          <dt>{t('settings.appVersion')}</dt>
          <dd>{info.appVersion}</dd>
        </dl>
        <div className="actions">
          <button type="button" onClick={makeBackup} disabled={backup.busy}>
            {t('settings.backup')}
          </button>
        </div>
        {backupPath && (
          <p className="success" role="status">
            {t('settings.backupWritten')} <span className="path">{backupPath}</span>
          </p>
        )}
        <ErrorAlert message={backup.error?.message} />
      </section>

      <section className="panel" aria-labelledby="settings-open">
        <h2 id="settings-open">{t('settings.openTitle')}</h2>
        <p className="hint">{t('settings.openHint')}</p>
        <form onSubmit={openOther} noValidate className="inline-form">
          <TextField
            label={t('settings.openPath')}
            value={path}
            onChange={setPath}
            error={fieldError(open.error, 'path')}
            className="wide"
            spellCheck={false}
          />
          <button type="submit" disabled={open.busy}>
            {t('settings.open')}
          </button>
        </form>
        <ErrorAlert message={formError(open.error, (f) => f === 'path')} />
      </section>

      <section className="panel" aria-labelledby="settings-lang">
        <h2 id="settings-lang">{t('settings.language')}</h2>
        <fieldset className="choices">
          <legend className="visually-hidden">{t('settings.language')}</legend>
          {languages.map((option: Lang) => (
            <label key={option}>
              <input type="radio" name="lang" value={option} checked={lang === option} onChange={() => setLang(option)} />
              {t(`lang.${option}`)}
            </label>
          ))}
        </fieldset>
      </section>
    </>
  );
}
