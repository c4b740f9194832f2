import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyPalette } from './palette';
import { I18nProvider } from './i18n';
import { presenterMeetingId } from './sections/deck/channel';
import { PresenterView } from './sections/deck/PresenterView';
import './styles.css';

applyPalette(document.documentElement);

// The deck's presenter view opens this page in a second window on its own route.
const presenterFor = presenterMeetingId(window.location.hash);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      {presenterFor ? <PresenterView meetingId={presenterFor} /> : <App />}
    </I18nProvider>
  </StrictMode>,
);
