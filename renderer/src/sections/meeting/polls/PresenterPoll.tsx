import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n';
import { PollResults } from './PollResults';
import type { Poll } from './usePolls';
import './polls.css';

// The presenter view (a second window without access to the core) follows the poll over its own
// BroadcastChannel, as it follows the slides over the deck's.

export type PollMessage = { type: 'hello' } | { type: 'poll'; poll: Poll | null };

export function pollChannel(meetingId: number): BroadcastChannel {
  return new BroadcastChannel(`fto-polls-${meetingId}`);
}

/** In the presenter view: the poll that is open or on the big screen, with its count and results. */
export function PresenterPoll({ meetingId }: { meetingId: number }) {
  const { t } = useI18n();
  const [poll, setPoll] = useState<Poll | null>(null);
  useEffect(() => {
    const channel = pollChannel(meetingId);
    channel.onmessage = (event: MessageEvent<PollMessage>) => {
      if (event.data.type === 'poll') setPoll(event.data.poll);
    };
    channel.postMessage({ type: 'hello' } satisfies PollMessage);
    return () => channel.close();
  }, [meetingId]);
  if (!poll) return null;
  return (
    <section className="panel presenter-poll" aria-label={t('poll.title')}>
      <h2>
        {t('poll.title')}: {poll.question}
      </h2>
      {poll.status === 'open' && poll.resultsHidden ? (
        <p className="poll-count">{t('poll.answers', { n: poll.result.count })}</p>
      ) : (
        <PollResults poll={poll} />
      )}
      {poll.status === 'closed' && <p className="muted">{t('poll.closed')}</p>}
    </section>
  );
}
