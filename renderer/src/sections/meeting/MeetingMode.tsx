import { useState } from 'react';
import { call, type MethodOutput } from '../../api';
import { useAction } from '../../hooks';
import { useI18n } from '../../i18n';
import { DeckPresenter } from '../deck/DeckPresenter';
import { ChairPanel } from './ChairPanel';
import { PollScreen } from './polls/PollScreen';
import { PollsProvider } from './polls/usePolls';
import type { Meeting } from './model';

type DeckSlide = MethodOutput<'deck.get'>['slides'][number];

/** Vergadering: the deck, and next to it the chair's panel that follows the current slide. */
export function MeetingMode({ meeting, onChanged }: { meeting: Meeting; onChanged(meeting: Meeting): void }) {
  const { t } = useI18n();
  const [slide, setSlide] = useState<DeckSlide>();
  const change = useAction((to: 'start' | 'end') => call(to === 'start' ? 'meetings.start' : 'meetings.end', { id: meeting.id }));
  const run = async (to: 'start' | 'end') => {
    const result = await change.run(to);
    if (result.ok) onChanged(result.value);
  };
  return (
    <div className="meeting-mode">
      <div className="meeting-bar">
        {meeting.status === 'running' ? (
          <>
            <span className="live-dot" aria-hidden="true" />
            <span>{t('meeting.running')}</span>
            <button type="button" onClick={() => run('end')} disabled={change.busy}>
              {t('meeting.end')}
            </button>
          </>
        ) : (
          <button type="button" className="primary" onClick={() => run('start')} disabled={change.busy}>
            {meeting.status === 'ended' ? t('meeting.resume') : t('meeting.start')}
          </button>
        )}
        {meeting.status === 'ended' && <span className="muted">{t('meeting.endedNote')}</span>}
        {change.error && (
          <span className="error" role="alert">
            {change.error.message}
          </span>
        )}
      </div>
      <PollsProvider meetingId={meeting.id}>
        <div className="meeting-layout">
          <div className="meeting-deck">
            <DeckPresenter meetingId={meeting.id} onSlideChange={(next) => setSlide(next)} overlay={<PollScreen />} />
          </div>
          <ChairPanel meeting={meeting} slide={slide} />
        </div>
      </PollsProvider>
    </div>
  );
}
