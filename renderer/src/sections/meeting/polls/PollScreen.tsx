import { useI18n } from '../../../i18n';
import { PollResults } from './PollResults';
import { QrCode } from './QrCode';
import { usePolls } from './usePolls';
import './polls.css';

/**
 * What the big screen shows over the slides while the chair puts a poll on it: the QR code, the short
 * address and the code, large enough to scan or type from the back of the room, and the results
 * (live, unless hidden until the poll closes).
 */
export function PollScreen() {
  const { t } = useI18n();
  const { onScreen: poll } = usePolls();
  if (!poll) return null;
  const showResults = poll.status === 'closed' || !poll.resultsHidden;
  return (
    <div className="poll-screen" role="region" aria-label={t('poll.screen')}>
      {poll.status === 'open' && (
        <div className="poll-screen-join">
          {poll.address ? (
            <>
              <QrCode qr={poll.address.qr} label={t('poll.qrLabel')} />
              <p className="poll-screen-go">{t('poll.scanOrType')}</p>
              <p className="poll-screen-address">{poll.address.short}</p>
              <p className="poll-screen-code">
                {t('poll.code')} <strong>{poll.address.code}</strong>
              </p>
            </>
          ) : (
            <p className="error">{poll.addressProblem}</p>
          )}
        </div>
      )}
      <div className="poll-screen-main">
        <h2>{poll.question}</h2>
        {showResults ? <PollResults poll={poll} large /> : <p className="poll-count">{t('poll.answers', { n: poll.result.count })}</p>}
        {poll.status === 'closed' && <p className="poll-screen-closed">{t('poll.closed')}</p>}
      </div>
    </div>
  );
}
