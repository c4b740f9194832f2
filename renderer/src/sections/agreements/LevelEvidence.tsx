import { useState } from 'react';
import { call, get } from '../../api';
import { SelectField } from '../../components/Field';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { TableHead } from '../../components/TableHead';
import type { Group } from '../../types';
import { meetingWhen, statusKey as meetingStatusKey } from '../meeting/model';
import type { MeetingStatus } from '../../../../db/contract/meetings';
import { FileButton } from './FileButton';
import { statuses, statusKey } from './model';

const YEARS_OFFERED = 6;

/** What an IVM level-4 assessment asks for: the year's meetings, the agreements made and evaluated. */
export function LevelEvidence({ group }: { group: Group }) {
  const { t, formatDate } = useI18n();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(thisYear));
  const evidence = useLoad(() => get('ftoLevel.evidence', { groupId: group.id, year: Number(year) }), [group.id, year]);
  const data = evidence.data;
  return (
    <section className="panel" aria-label={t('level.title')}>
      <h2>{t('level.title')}</h2>
      <p className="hint">{t('level.intro')}</p>
      <div className="toolbar">
        <SelectField
          label={t('field.year')}
          value={year}
          onChange={setYear}
          options={Array.from({ length: YEARS_OFFERED }, (_, i) => String(thisYear - i)).map((y) => ({ value: y, label: y }))}
        />
        <FileButton label={t('level.exportXlsx')} make={() => call('ftoLevel.exportXlsx', { groupId: group.id, year: Number(year) })} />
        <FileButton label={t('level.exportBundle')} make={() => call('ftoLevel.exportBundle', { groupId: group.id, year: Number(year) })} />
      </div>
      {evidence.error && <p className="error">{evidence.error}</p>}
      {data && (
        <>
          <dl className="counts">
            <div>
              <dt>{t('level.meetings')}</dt>
              <dd>{data.meetings.length}</dd>
            </div>
            <div>
              <dt>{t('level.made', { year: data.year })}</dt>
              <dd>{data.agreementsMade}</dd>
            </div>
            <div>
              <dt>{t('level.madeAndEvaluated', { year: data.year })}</dt>
              <dd>{data.agreementsMadeAndEvaluated}</dd>
            </div>
            <div>
              <dt>{t('level.evaluated', { year: data.year })}</dt>
              <dd>{data.agreementsEvaluated}</dd>
            </div>
          </dl>
          <h3>{t('level.byStatus', { year: data.year })}</h3>
          <dl className="counts">
            {statuses.map((s) => (
              <div key={s}>
                <dt>{t(statusKey(s))}</dt>
                <dd>{data.byStatus[s] ?? 0}</dd>
              </div>
            ))}
          </dl>
          {data.meetings.length === 0 ? (
            <p className="muted">{t('level.noMeetings')}</p>
          ) : (
            <table aria-label={t('level.meetings')}>
              <TableHead
                columns={[
                  t('meeting.when'),
                  t('meeting.topic'),
                  t('meeting.status'),
                  { label: t('meeting.present'), num: true },
                  { label: t('meeting.agreements'), num: true },
                  t('meeting.accreditationNumber'),
                ]}
              />
              <tbody>
                {data.meetings.map((m) => (
                  <tr key={m.id}>
                    <td>{meetingWhen(m, t, formatDate)}</td>
                    <td>{m.topic}</td>
                    <td>{t(meetingStatusKey(m.status as MeetingStatus))}</td>
                    <td className="num">{m.presentCount}</td>
                    <td className="num">{m.agreementCount}</td>
                    <td>{m.accreditationNumber ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
