import type { SlideSize } from './shadow';

// The presenter view is a second window on the app's own page (#/presenter/<meeting id>); Electron opens
// exactly this route and nothing else (electron/security.ts). It gets everything it shows from the
// presenting window over a BroadcastChannel, so it needs no access to the core of its own.

export const presenterHash = (meetingId: number) => `#/presenter/${meetingId}`;
/** The chair's panel in a window of its own (Electron gives that one the preload: it saves what is typed). */
export const chairHash = (meetingId: number) => `#/chair/${meetingId}`;

function routeMeetingId(hash: string, route: 'presenter' | 'chair'): number | undefined {
  const match = new RegExp(`^#/${route}/([1-9]\\d{0,9})$`).exec(hash);
  return match ? Number(match[1]) : undefined;
}

export const presenterMeetingId = (hash: string) => routeMeetingId(hash, 'presenter');
export const chairMeetingId = (hash: string) => routeMeetingId(hash, 'chair');

/** One visible slide as the presenter view shows it: its fitted HTML and its speaker notes. */
export interface PresenterSlide {
  id: string;
  title: string;
  html: string;
  notesHtml: string;
}

export type PresenterMessage =
  /** The presenter view has opened and asks for the deck. */
  | { type: 'hello' }
  /** The whole deck, sent on 'hello' and whenever the presentation (re)starts. */
  | { type: 'deck'; css: string; size: SlideSize; slides: PresenterSlide[]; index: number; startedAt: number }
  | { type: 'slide'; index: number }
  /** The presenter view's own buttons and keys move the presentation. */
  | { type: 'go'; step: 1 | -1 }
  /** The presentation was closed. */
  | { type: 'ended' }
  /** The chair's panel window saved an agreement: the presenting window fetches its slides again. */
  | { type: 'contentChanged' };

export function deckChannel(meetingId: number): BroadcastChannel {
  return new BroadcastChannel(`fto-deck-${meetingId}`);
}
