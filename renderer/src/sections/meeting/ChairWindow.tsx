import { useEffect, useState } from 'react';
import { get } from '../../api';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { deckChannel, type PresenterMessage } from '../deck/channel';
import type { DeckSlide } from '../deck/model';
import { ChairPanel } from './ChairPanel';
import { PollsProvider } from './polls/usePolls';
import './meeting.css';

/**
 * The chair's panel in a window of its own (#/chair/<meeting id>), for the laptop while the deck is full
 * screen on the projector: it follows the presenting window's slide and tells it when agreements change.
 */
export function ChairWindow({ meetingId }: { meetingId: number }) {
  const { t } = useI18n();
  const meeting = useLoad(() => get('meetings.get', { id: meetingId }), [meetingId]);
  const slides = useLoad(() => get('deck.presentation', { meetingId }), [meetingId]);
  const [index, setIndex] = useState<number>();
  const [channel, setChannel] = useState<BroadcastChannel>();
  const { reload } = slides;

  useEffect(() => {
    document.title = `${t('chair.title')} – ${t('app.name')}`;
    const opened = deckChannel(meetingId);
    opened.onmessage = (event: MessageEvent<PresenterMessage>) => {
      const message = event.data;
      if (message.type === 'deck') {
        setIndex(message.index);
        reload(); // the deck was (re)built: its slides may have changed
      } else if (message.type === 'slide') setIndex(message.index);
    };
    opened.postMessage({ type: 'hello' } satisfies PresenterMessage);
    setChannel(opened);
    return () => opened.close();
  }, [meetingId, t, reload]);

  const slide: DeckSlide | undefined = index === undefined ? undefined : slides.data?.slides[index];
  const error = meeting.error ?? slides.error;
  return (
    <div className="chair-window">
      {error && <p className="error">{error}</p>}
      {index === undefined && <p className="muted">{t('chair.waiting')}</p>}
      {meeting.data && (
        // The panel's poll block needs the meeting's polls, as in meeting mode.
        <PollsProvider meetingId={meeting.data.id}>
          <ChairPanel
            meeting={meeting.data}
            slide={slide}
            onAgreementsChanged={() => channel?.postMessage({ type: 'contentChanged' } satisfies PresenterMessage)}
          />
        </PollsProvider>
      )}
    </div>
  );
}
