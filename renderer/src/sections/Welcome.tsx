import { useState } from 'react';
import { useI18n } from '../i18n';
import { GroupForm } from './RegistryForms';

/** First start with an empty database: start with the demo group or an own group. */
export function Welcome({ onGroupsChanged }: { onGroupsChanged(selectId?: number): void }) {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  return (
    <div className="welcome panel">
      <h2>{t('welcome.title')}</h2>
      <p>{t('welcome.intro')}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          {t('group.new')}
        </button>
      </div>
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
