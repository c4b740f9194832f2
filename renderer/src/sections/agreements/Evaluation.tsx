import { useI18n } from '../../i18n';
import type { AgreementIndicator, Evaluation } from './model';

/** "2025" for a calendar year, otherwise "01-03-2025 – 28-02-2026". */
export function periodLabel(from: string, to: string, formatDate: (iso: string) => string): string {
  if (from.slice(5) === '01-01' && to.slice(5) === '12-31' && from.slice(0, 4) === to.slice(0, 4)) return from.slice(0, 4);
  return `${formatDate(from)} – ${formatDate(to)}`;
}

/** Before, now, the change, the goal and whether it was met, in words; the core's sentence as the full explanation. */
export function EvaluationView({
  evaluation,
  goal,
  indicatorLabel,
}: {
  evaluation: Evaluation | null;
  goal: string | null;
  indicatorLabel(name: AgreementIndicator): string;
}) {
  const { t, formatNumber, formatDate } = useI18n();
  if (!evaluation) return <span className="muted">{t('evaluation.noIndicator')}</span>;
  const { before, now, change, changePercent, met } = evaluation;
  const signed = (n: number, digits = 0) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${formatNumber(Math.abs(n), digits)}`;
  return (
    <div className="evaluation" title={evaluation.summary}>
      <div className="evaluation-indicator">
        {indicatorLabel(evaluation.indicator)} · {evaluation.levelName}
      </div>
      {goal && <div className="evaluation-goal">{goal}</div>}
      <div>
        {t('evaluation.before', { period: periodLabel(before.from, before.to, formatDate), value: formatNumber(before.value) })}
        {' → '}
        {now
          ? t('evaluation.now', { period: periodLabel(now.from, now.to, formatDate), value: formatNumber(now.value) })
          : t('evaluation.noNow')}
      </div>
      {change !== null && (
        <div>
          {t('evaluation.change', { change: signed(change) })}
          {changePercent !== null && ` (${signed(changePercent)}%)`}
        </div>
      )}
      <div className={met === null ? 'verdict unknown' : met ? 'verdict met' : 'verdict not-met'}>
        {t(met === null ? 'evaluation.unknown' : met ? 'evaluation.met' : 'evaluation.notMet')}
      </div>
    </div>
  );
}
