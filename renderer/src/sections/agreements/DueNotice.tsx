import { get } from '../../api';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import type { Group } from '../../types';
import { DUE_WITHIN_DAYS, type Agreement } from './model';
import './agreements.css';
import { LinkButton } from '../../components/LinkButton';

/** On the group's home page: agreements whose evaluation is due, with a way to the Afspraken section. */
export function DueNotice({ group }: { group: Group }) {
  const { t } = useI18n();
  const due = useLoad(() => get('agreements.due', { groupId: group.id, withinDays: DUE_WITHIN_DAYS }), [group.id]);
  if (!due.data || due.data.length === 0) return null;
  return (
    <section className="panel due" aria-label={t('followup.dueTitle')}>
      <h2>{t('followup.dueTitle')}</h2>
      <DueList agreements={due.data} />
      <p>
        <a href="#afspraken">{t('followup.dueOpen')}</a>
      </p>
    </section>
  );
}

/**
 * Agreements to evaluate (the core sends the most overdue first), one line each: when, for whom, what and
 * the goal it is judged by; with an optional action per line.
 */
export function DueList({ agreements, onEvaluate }: { agreements: Agreement[]; onEvaluate?: (agreement: Agreement) => void }) {
  const { t, formatDate } = useI18n();
  const today = new Date().toISOString().slice(0, 10);
  return (
    <ul className="due-list">
      {agreements.map((a) => (
        <li key={a.id} className={a.evaluationDate < today ? 'overdue' : undefined}>
          <span className="due-date">
            {formatDate(a.evaluationDate)}
            {a.evaluationDate < today && <span className="due-overdue"> {t('followup.overdue')}</span>}
          </span>
          <span className="due-scope">{a.scopeName}</span>
          <span className="due-text">
            {a.text || t('agreement.empty')}
            {a.goal && <span className="due-goal">{a.goal}</span>}
          </span>
          {onEvaluate && <LinkButton label={t('followup.evaluate')} onClick={() => onEvaluate(a)} />}
        </li>
      ))}
    </ul>
  );
}
