import { call } from '../../api';
import { useI18n } from '../../i18n';
import { FileButton } from '../agreements/FileButton';
import type { Meeting } from './model';

/** Verslag: the meeting report as PDF and Word, and the agreements as a spreadsheet. */
export function Report({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  return (
    <section className="panel report" aria-label={t('report.title')}>
      <h3>{t('report.title')}</h3>
      <p className="hint">{t('report.intro')}</p>
      {meeting.status !== 'ended' && <p className="notice">{t('report.notEnded')}</p>}
      <div className="actions">
        <FileButton primary label={t('report.pdf')} make={() => call('meetings.exportReport', { id: meeting.id, format: 'pdf' })} />
        <FileButton label={t('report.docx')} make={() => call('meetings.exportReport', { id: meeting.id, format: 'docx' })} />
        <FileButton label={t('report.xlsx')} make={() => call('agreements.exportXlsx', { meetingId: meeting.id })} />
      </div>
    </section>
  );
}
