import { useState } from 'react';
import { Tabs } from '../../components/Tabs';
import { useI18n } from '../../i18n';
import { AgreementsEditor } from '../agreements/AgreementsEditor';
import { DeckEditor } from '../deck/DeckEditor';
import { Attendance } from './Attendance';
import { MeetingMode } from './MeetingMode';
import { meetingWhen, statusKey, type Meeting } from './model';
import { Planning } from './Planning';
import { Report } from './Report';

const tabs = ['planning', 'attendance', 'deck', 'meeting', 'agreements', 'report'] as const;
type Tab = (typeof tabs)[number];
// The tab is remembered per meeting: a meeting opened for the first time starts on Planning (or, while it
// runs, on Vergadering), never on the tab last used in another meeting.
const tabKey = (meeting: Meeting) => `fto.meetingTab.${meeting.id}`;

function storedTab(meeting: Meeting): Tab {
  const value = sessionStorage.getItem(tabKey(meeting));
  if ((tabs as readonly string[]).includes(value ?? '')) return value as Tab;
  return meeting.status === 'running' ? 'meeting' : 'planning';
}

/** One meeting: plan it, take attendance, prepare the deck, run it, record agreements and make the report. */
export function MeetingPage({ initial, onBack }: { initial: Meeting; onBack(): void }) {
  const { t, formatDate } = useI18n();
  const [meeting, setMeeting] = useState(initial);
  const [tab, setTab] = useState<Tab>(() => storedTab(initial));
  const choose = (next: Tab) => {
    setTab(next);
    sessionStorage.setItem(tabKey(meeting), next);
  };
  return (
    <>
      <div className="group-head meeting-head">
        <div>
          <button type="button" className="link back" onClick={onBack}>
            {t('meeting.back')}
          </button>
          <h2 className="group-name">
            {meeting.topic} · {meetingWhen(meeting, t, formatDate)}
          </h2>
        </div>
        <span className={`status-pill ${meeting.status}`}>{t(statusKey(meeting.status))}</span>
      </div>
      <Tabs<Tab>
        label={t('meeting.tabs')}
        current={tab}
        onChange={choose}
        tabs={[
          { key: 'planning', label: t('meeting.tab.planning') },
          { key: 'attendance', label: t('meeting.tab.attendance') },
          { key: 'deck', label: t('meeting.tab.deck') },
          { key: 'meeting', label: t('meeting.tab.meeting') },
          { key: 'agreements', label: t('meeting.tab.agreements') },
          { key: 'report', label: t('meeting.tab.report') },
        ]}
      >
        {tab === 'planning' && <Planning meeting={meeting} onSaved={setMeeting} />}
        {tab === 'attendance' && <Attendance meeting={meeting} />}
        {tab === 'deck' && <DeckEditor meetingId={meeting.id} />}
        {tab === 'meeting' && <MeetingMode meeting={meeting} onChanged={setMeeting} />}
        {tab === 'agreements' && <AgreementsEditor meeting={meeting} />}
        {tab === 'report' && <Report meeting={meeting} />}
      </Tabs>
    </>
  );
}
