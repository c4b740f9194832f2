import { useEffect, useState } from 'react';
import { onConnection, type Connection } from '../api';
import { useI18n } from '../i18n';

/**
 * Says so when the browser shell no longer knows this page (it was started again for another user
 * or data folder), and lists edits from before a reload that the app refused. What is typed stays
 * in the page meanwhile and is sent as soon as the app takes it again.
 */
export function ConnectionBanner({ refused }: { refused: string[] }) {
  const { t } = useI18n();
  const [state, setState] = useState<Connection>('ok');
  useEffect(() => onConnection(setState), []);
  return (
    <>
      {state === 'session_lost' && (
        <p className="notice connection-lost" role="alert">
          <strong>{t('connection.lostTitle')}</strong> {t('connection.lostText')}
        </p>
      )}
      {refused.length > 0 && (
        <div className="error" role="alert">
          <p>{t('connection.refusedAfterReload')}</p>
          <ul>
            {refused.map((message, k) => (
              <li key={k}>{message}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
