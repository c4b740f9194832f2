import { useState } from 'react';
import { call, get } from '../../api';
import { ConfirmImpact } from '../../components/ConfirmDelete';
import { useAction, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import type { Group } from '../../types';
import { MeetingPage } from './MeetingPage';
import { meetingWhen, statusKey, type Meeting } from './model';
import './meeting.css';
import { TableHead } from '../../components/TableHead';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';

const MEETING_KEY = 'fto.meeting';

/** Bijeenkomst: the group's meetings, and the open one with its tabs. */
export function MeetingSection({ group }: { group: Group }) {
  const { t, formatDate } = useI18n();
  const meetings = useLoad(() => get('meetings.list', { groupId: group.id }), [group.id]);
  // The open meeting survives a reload (or a crash and restart) of the app.
  const [openId, setOpenId] = useState<number | undefined>(() => Number(localStorage.getItem(MEETING_KEY)) || undefined);
  const [deleting, setDeleting] = useState<number>();
  // The meeting just planned, shown before the list is loaded again.
  const [created, setCreated] = useState<Meeting>();
  const create = useAction(() => call('meetings.create', { groupId: group.id }));
  const open = (id: number | undefined) => {
    setOpenId(id);
    if (id === undefined) localStorage.removeItem(MEETING_KEY);
    else localStorage.setItem(MEETING_KEY, String(id));
  };
  const plan = async () => {
    const result = await create.run();
    if (!result.ok) return;
    setCreated(result.value);
    open(result.value.id);
  };

  const list = meetings.data;
  const current = list?.find((m) => m.id === openId) ?? (created?.id === openId ? created : undefined);
  if (current) {
    return (
      <MeetingPage
        key={current.id}
        initial={current}
        onBack={() => {
          open(undefined);
          meetings.reload();
        }}
      />
    );
  }

  return (
    <>
      <section className="panel" aria-label={t('meeting.listTitle')}>
        <div className="panel-head">
          <h2>{t('meeting.listTitle')}</h2>
          <button type="button" className="primary" onClick={plan} disabled={create.busy}>
            {t('meeting.plan')}
          </button>
        </div>
        <ErrorAlert message={create.error?.message} />
        {meetings.error && <p className="error">{meetings.error}</p>}
        {list && list.length === 0 && <p className="muted">{t('meeting.none')}</p>}
        {list && list.length > 0 && (
          <table>
            <TableHead
              columns={[
                t('meeting.when'),
                t('meeting.topic'),
                t('meeting.place'),
                t('meeting.status'),
                { label: t('meeting.present'), num: true },
                { label: t('meeting.agreements'), num: true },
              ]}
              actions
            />
            <tbody>
              {list.map((m) => (
                <tr key={m.id}>
                  <td>{meetingWhen(m, t, formatDate)}</td>
                  <td>{m.topic}</td>
                  <td>{m.place ?? '—'}</td>
                  <td>
                    <span className={`status-pill ${m.status}`}>{t(statusKey(m.status))}</span>
                  </td>
                  <td className="num">{m.presentCount}</td>
                  <td className="num">{m.agreementCount}</td>
                  <td className="row-actions">
                    <LinkButton
                      label={t('meeting.open')}
                      name={t('meeting.openNamed', { name: `${m.topic} ${meetingWhen(m, t, formatDate)}` })}
                      onClick={() => open(m.id)}
                    />
                    <LinkButton
                      label={t('common.delete')}
                      name={t('common.deleteNamed', { name: `${m.topic} ${meetingWhen(m, t, formatDate)}` })}
                      onClick={() => setDeleting(m.id)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {deleting !== undefined && (
        <ConfirmImpact
          impact={() => get('meetings.deleteImpact', { id: deleting })}
          confirm={() => call('meetings.delete', { id: deleting })}
          confirmLabel={t('common.delete')}
          question={(name) => t('delete.title', { name })}
          onClose={() => setDeleting(undefined)}
          onDone={() => {
            setDeleting(undefined);
            meetings.reload();
          }}
        />
      )}
    </>
  );
}
