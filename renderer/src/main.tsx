import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { replayPending } from './api';
import { App } from './App';
import { applyPalette } from './palette';
import { I18nProvider } from './i18n';
import { chairMeetingId, presenterMeetingId } from './sections/deck/channel';
import { PresenterView } from './sections/deck/PresenterView';
import { ChairWindow } from './sections/meeting/ChairWindow';
import './styles.css';

applyPalette(document.documentElement);

// The deck's presenter view and the chair's panel open this page in a second window on their own route.
const presenterFor = presenterMeetingId(window.location.hash);
const chairFor = chairMeetingId(window.location.hash);

const render = (refused: string[]) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider>
        {presenterFor ? (
          <PresenterView meetingId={presenterFor} />
        ) : chairFor ? (
          <ChairWindow meetingId={chairFor} />
        ) : (
          <App refused={refused} />
        )}
      </I18nProvider>
    </StrictMode>,
  );

// Edits a previous page left unsaved go first, so that what the app then loads includes them. The
// presenter window only got a copy of the main window's storage and leaves them to it.
if (presenterFor) render([]);
else void replayPending().then(render, () => render([]));
