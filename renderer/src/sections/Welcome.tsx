import { useState } from 'react';
import { call } from '../api';
import { useAction } from '../hooks';
import { useI18n } from '../i18n';
import { GroupForm } from './RegistryForms';
import { ErrorAlert } from '../components/ErrorAlert';

/** First start with an empty database: start with the demo group or an own group. */
export function Welcome({ onGroupsChanged }: { onGroupsChanged(selectId?: number): void }) {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const demo = useAction(() => call('demo.load'));
  const loadDemo = async () => {
    const result = await demo.run();
    if (result.ok) onGroupsChanged(result.value.groupId);
  };
  return (
    <div className="welcome panel">
      <h2>{t('welcome.title')}</h2>
      <p>{t('welcome.intro')}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => setCreating(true)} disabled={demo.busy}>
          {t('group.new')}
        </button>
        <button type="button" onClick={loadDemo} disabled={demo.busy}>
          {t('welcome.demo')}
        </button>
      </div>
      {demo.busy && <p role="status">{t('welcome.demoBusy')}</p>}
      <ErrorAlert message={demo.error?.message} />
      {creating && (
        <GroupForm
          onClose={() => setCreating(false)}
          onSaved={(group) => {
            setCreating(false);
            onGroupsChanged(group.id);
          }}
        />
      )}
    </div>
  );
}
