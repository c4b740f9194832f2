import { useI18n } from '../../../i18n';
import type { Poll } from './usePolls';

/** Bars for choices and numbers, a word list for short texts, with the number of answers. */
export function PollResults({ poll, large }: { poll: Poll; large?: boolean }) {
  const { t, formatNumber } = useI18n();
  const { result } = poll;
  const max = Math.max(1, ...result.bars.map((b) => b.count));
  return (
    <div className={large ? 'poll-results large' : 'poll-results'}>
      <p className="poll-count" aria-live="polite">
        {t('poll.answers', { n: result.count })}
        {result.median !== null && (
          <span className="muted">
            {' '}
            · {t('poll.median', { value: formatNumber(result.median, Number.isInteger(result.median) ? 0 : 1) })}
          </span>
        )}
      </p>
      {poll.kind === 'text' ? (
        <ul className="poll-words" aria-label={t('poll.wordList')}>
          {result.bars.map((bar) => (
            <li key={bar.label} className={`weight-${Math.ceil((4 * bar.count) / max)}`}>
              {bar.label}
              {bar.count > 1 && <span className="poll-word-count"> ×{bar.count}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <ul className="poll-bars" aria-label={t('poll.distribution')}>
          {result.bars.map((bar) => (
            <li key={bar.label}>
              <span className="poll-bar-label">{bar.label}</span>
              <span className="poll-bar-track">
                <span className="poll-bar" style={{ width: `${(100 * bar.count) / max}%` }} />
              </span>
              <span className="poll-bar-count">{bar.count}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
