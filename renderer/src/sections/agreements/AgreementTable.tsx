import { TableHead } from '../../components/TableHead';
import { useI18n } from '../../i18n';
import { meetingWhen } from '../meeting/model';
import { EvaluationView } from './Evaluation';
import { statusKey, type EvaluatedAgreement } from './model';
import { useIndicatorLabel } from './useIndicatorLabel';
import { LinkButton } from '../../components/LinkButton';

/**
 * Agreements with their status and evaluation, each with "Status zetten". The overview also shows for whom
 * and when each is to be evaluated; a practice's own page leaves those out.
 */
export function AgreementTable({
  agreements,
  label,
  withScope = false,
  onSetStatus,
}: {
  agreements: EvaluatedAgreement[];
  label?: string;
  withScope?: boolean;
  onSetStatus: (agreement: EvaluatedAgreement) => void;
}) {
  const { t, formatDate } = useI18n();
  const indicatorLabel = useIndicatorLabel();
  const columns = withScope
    ? [
        t('agreement.for'),
        t('agreement.text'),
        t('followup.meeting'),
        t('agreement.evaluationDate'),
        t('status.status'),
        t('followup.evaluation'),
      ]
    : [t('agreement.text'), t('followup.meeting'), t('status.status'), t('followup.evaluation')];
  return (
    <table className="agreement-table" aria-label={label}>
      <TableHead columns={columns} actions />
      <tbody>
        {agreements.map((a) => (
          <tr key={a.id}>
            {withScope && <td>{a.scopeName}</td>}
            <td className="agreement-text">{a.text || <em>{t('agreement.empty')}</em>}</td>
            <td>{meetingWhen({ startsAt: a.meetingStartsAt }, t, formatDate)}</td>
            {withScope && <td>{formatDate(a.evaluationDate)}</td>}
            <td>
              <span className={`status-pill ${a.status}`}>{t(statusKey(a.status))}</span>
              {a.statusNote && <div className="status-note">{a.statusNote}</div>}
            </td>
            <td>
              <EvaluationView evaluation={a.evaluation} goal={a.goal} indicatorLabel={indicatorLabel} />
            </td>
            <td className="row-actions">
              <LinkButton
                label={t('followup.setStatus')}
                name={t('followup.setStatusFor', { text: a.text.slice(0, 60) })}
                onClick={() => onSetStatus(a)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
