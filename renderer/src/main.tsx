import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { I18nProvider } from './i18n';
import { chairMeetingId, presenterMeetingId } from './sections/deck/channel';
import { PresenterView } from './sections/deck/PresenterView';
import { ChairWindow } from './sections/meeting/ChairWindow';
import './styles.css';

// The deck's presenter view and the chair's panel open this page in a second window on their own route.
const presenterFor = presenterMeetingId(window.location.hash);
const chairFor = chairMeetingId(window.location.hash);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      {presenterFor ? <PresenterView meetingId={presenterFor} /> : chairFor ? <ChairWindow meetingId={chairFor} /> : <App />}
    </I18nProvider>
  </StrictMode>,
);
