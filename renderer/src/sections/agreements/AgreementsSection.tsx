import { useState } from 'react';
import { call, get, type MethodInput } from '../../api';
import { DateField, SelectField } from '../../components/Field';
import { Tabs } from '../../components/Tabs';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import type { Group } from '../../types';
import { meetingWhen } from '../meeting/model';
import { AgreementTable } from './AgreementTable';
import { DueList } from './DueNotice';
import { FileButton } from './FileButton';
import { LevelEvidence } from './LevelEvidence';
import { DUE_WITHIN_DAYS, scopeFromValue, scopeValue, statuses, statusKey, type Agreement, type AgreementStatus } from './model';
import { PracticeView } from './PracticeView';
import { useStatusDialog } from './StatusDialog';
import './agreements.css';

type View = 'overview' | 'practice' | 'level';
type Filter = NonNullable<MethodInput<'agreements.list'>>;
const ALL = 'all';

/** Afspraken: every agreement of the group with status and evaluation, per practice, and the FTO level. */
export function AgreementsSection({ group }: { group: Group }) {
  const { t } = useI18n();
  const [view, setView] = useState<View>('overview');
  return (
    <Tabs<View>
      label={t('nav.agreements')}
      current={view}
      onChange={setView}
      tabs={[
        { key: 'overview', label: t('followup.tabOverview') },
        { key: 'practice', label: t('followup.tabPractice') },
        { key: 'level', label: t('followup.tabLevel') },
      ]}
    >
      {view === 'overview' && <Overview group={group} />}
      {view === 'practice' && <PracticeView group={group} />}
      {view === 'level' && <LevelEvidence group={group} />}
    </Tabs>
  );
}

function Overview({ group }: { group: Group }) {
  const { t, formatDate } = useI18n();
  const [scope, setScope] = useState(ALL);
  const [meetingId, setMeetingId] = useState(ALL);
  const [status, setStatus] = useState(ALL);
  const [dueTo, setDueTo] = useState('');
  const { edit, dialog, version } = useStatusDialog();

  const places = useLoad(
    () =>
      Promise.all([
        get('practices.list', { groupId: group.id }),
        get('pharmacies.list', { groupId: group.id }),
        get('meetings.list', { groupId: group.id }),
      ]),
    [group.id],
  );
  const chosen = scope === ALL ? undefined : scopeFromValue(scope);
  const filter: Filter = {
    groupId: group.id,
    ...(chosen?.practiceId && { practiceId: chosen.practiceId }),
    ...(chosen?.pharmacyId && { pharmacyId: chosen.pharmacyId }),
    ...(chosen && !chosen.practiceId && !chosen.pharmacyId && { wholeGroup: true }),
    ...(meetingId !== ALL && { meetingId: Number(meetingId) }),
    ...(status !== ALL && { status: [status as AgreementStatus] }),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(dueTo) && { dueTo }),
  };
  const list = useLoad(() => get('agreements.evaluateMany', { filter }), [JSON.stringify(filter), version]);
  const due = useLoad(() => get('agreements.due', { groupId: group.id, withinDays: DUE_WITHIN_DAYS }), [group.id, version]);
  const [practices, pharmacies, meetings] = places.data ?? [[], [], []];

  const openDue = async (agreement: Agreement) =>
    edit({ ...agreement, evaluation: await get('agreements.evaluate', { id: agreement.id }) });

  return (
    <>
      <section className="panel due" aria-label={t('followup.dueTitle')}>
        <h2>{t('followup.dueTitle')}</h2>
        <p className="hint">{t('followup.dueHint', { days: DUE_WITHIN_DAYS })}</p>
        {due.error && <p className="error">{due.error}</p>}
        {due.data && due.data.length === 0 && <p className="muted">{t('followup.dueNone')}</p>}
        {due.data && due.data.length > 0 && <DueList agreements={due.data} onEvaluate={openDue} />}
      </section>

      <section className="panel" aria-label={t('followup.allTitle')}>
        <div className="panel-head">
          <h2>{t('followup.allTitle')}</h2>
          <FileButton label={t('followup.exportXlsx')} make={() => call('agreements.exportXlsx', { filter })} />
        </div>
        <div className="toolbar">
          <SelectField
            label={t('followup.filterScope')}
            value={scope}
            onChange={setScope}
            options={[
              { value: ALL, label: t('followup.all') },
              ...practices.map((p) => ({ value: scopeValue({ practiceId: p.id, pharmacyId: null }), label: p.name })),
              ...pharmacies.map((p) => ({ value: scopeValue({ practiceId: null, pharmacyId: p.id }), label: p.name })),
              { value: scopeValue({ practiceId: null, pharmacyId: null }), label: t('agreement.wholeGroup') },
            ]}
          />
          <SelectField
            label={t('followup.filterMeeting')}
            value={meetingId}
            onChange={setMeetingId}
            options={[
              { value: ALL, label: t('followup.all') },
              ...meetings.map((m) => ({ value: String(m.id), label: `${meetingWhen(m, t, formatDate)} · ${m.topic}` })),
            ]}
          />
          <SelectField
            label={t('followup.filterStatus')}
            value={status}
            onChange={setStatus}
            options={[{ value: ALL, label: t('followup.all') }, ...statuses.map((s) => ({ value: s, label: t(statusKey(s)) }))]}
          />
          <DateField label={t('followup.filterDueTo')} value={dueTo} onChange={setDueTo} />
        </div>
        {list.error && <p className="error">{list.error}</p>}
        {list.data && list.data.length === 0 && <p className="muted">{t('followup.none')}</p>}
        {list.data && list.data.length > 0 && (
          <div className="table-scroll">
            <AgreementTable agreements={list.data} label={t('followup.allTitle')} withScope onSetStatus={edit} />
          </div>
        )}
      </section>
      {dialog}
    </>
  );
}
