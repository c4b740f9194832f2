import { get } from '../../api';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import type { Group } from '../../types';
import { DUE_WITHIN_DAYS } from './model';
import './agreements.css';

/** On the group's home page: agreements whose evaluation is due, with a way to the Afspraken section. */
export function DueNotice({ group }: { group: Group }) {
  const { t, formatDate } = useI18n();
  const due = useLoad(() => get('agreements.due', { groupId: group.id, withinDays: DUE_WITHIN_DAYS }), [group.id]);
  if (!due.data || due.data.length === 0) return null;
  return (
    <section className="panel due" aria-label={t('followup.dueTitle')}>
      <h2>{t('followup.dueTitle')}</h2>
      <ul className="due-list">
        {due.data.map((a) => (
          <li key={a.id}>
            <span className="due-date">{formatDate(a.evaluationDate)}</span>
            <span className="due-scope">{a.scopeName}</span>
            <span className="due-text">{a.text || t('agreement.empty')}</span>
          </li>
        ))}
      </ul>
      <p>
        <a href="#afspraken">{t('followup.dueOpen')}</a>
      </p>
    </section>
  );
}
