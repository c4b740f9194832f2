import { useState } from 'react';
import { call, get } from '../../api';
import { BarChart } from '../../components/BarChart';
import { SelectField } from '../../components/Field';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import {
  definitionKey,
  incompleteMark,
  indicators,
  indicatorVars,
  shortLabelKey,
  yearCategory,
  type IndicatorName,
} from '../../figures/model';
import type { Group } from '../../types';
import { figureIncomplete, percentOf } from '../../../../domain';
import { AgreementTable } from './AgreementTable';
import { FileButton } from './FileButton';
import { ReviewImport } from './ReviewImport';
import { useStatusDialog } from './StatusDialog';

/**
 * The practice's patients, then what the module's agreements are measured by (spec §5 v2: starts over the limit,
 * oxycodone against morphine, high doses), then any other indicator one of its agreements is linked to, and the
 * dispensings the chart beside the table shows.
 */
const usersColumns: IndicatorName[] = ['patientsAny', 'chronicUsers'];
const agreementColumns: IndicatorName[] = ['starts', 'startsOverLimit', 'patientsOxycodone', 'patientsMorphine', 'highDoseUsers'];
const dispensingColumns: IndicatorName[] = ['dispensingsShort', 'dispensingsLong'];

function figureColumns(linked: (IndicatorName | null)[]): IndicatorName[] {
  const fixed = [...usersColumns, ...agreementColumns];
  const more = indicators.filter((name) => linked.includes(name) && !fixed.includes(name) && !dispensingColumns.includes(name));
  return [...fixed, ...more, ...dispensingColumns];
}

/** One practice: its agreements with status and evaluation, its key figures over the years, and its paper round. */
export function PracticeView({ group }: { group: Group }) {
  const { t, formatNumber } = useI18n();
  const practices = useLoad(() => get('practices.list', { groupId: group.id }), [group.id]);
  const [chosen, setChosen] = useState<string>();
  const { edit, dialog, version, reload } = useStatusDialog();
  const practiceId = Number(chosen ?? practices.data?.[0]?.id ?? 0);
  const page = useLoad(
    () => (practiceId ? get('agreements.practicePage', { practiceId }) : Promise.resolve(undefined)),
    [practiceId, version],
  );
  const data = page.data;
  const columns = figureColumns(data?.agreements.map((a) => a.indicator) ?? []);
  const vars = data && indicatorVars(data.settings);
  const partial = data?.years.find((y) => !y.periodComplete);

  if (practices.data && practices.data.length === 0) return <p className="muted">{t('practice.none')}</p>;
  return (
    <>
      <div className="toolbar">
        <SelectField
          label={t('field.practice')}
          value={String(practiceId)}
          onChange={setChosen}
          options={(practices.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
        />
      </div>
      {(practices.error ?? page.error) && <p className="error">{practices.error ?? page.error}</p>}
      {data && (
        <>
          <section className="panel" aria-label={t('followup.practiceAgreements', { name: data.practice.name })}>
            <div className="panel-head">
              <h2>{t('followup.practiceAgreements', { name: data.practice.name })}</h2>
            </div>
            {data.agreements.length === 0 && <p className="muted">{t('followup.none')}</p>}
            {data.agreements.length > 0 && <AgreementTable agreements={data.agreements} onSetStatus={edit} />}
          </section>

          <section className="panel" aria-label={t('followup.keyFigures')}>
            <h2>{t('followup.keyFigures')}</h2>
            {data.years.length === 0 ? (
              <p className="muted">{t('figures.noRows')}</p>
            ) : (
              <div className="practice-figures">
                <div className="table-scroll">
                  <table className="figures key-figures" aria-label={t('followup.keyFigures')}>
                    <thead>
                      <tr>
                        <th scope="col">{t('field.year')}</th>
                        {columns.map((name) => (
                          <th key={name} scope="col" className="num" title={t(definitionKey(name), vars)}>
                            {t(shortLabelKey(name), vars)}
                          </th>
                        ))}
                        <th scope="col" className="num">
                          {t('field.listSize')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.years.map((y) => (
                        <tr key={y.year}>
                          <th scope="row">
                            {y.year}
                            {/* Spec §5 "Data end": ten months are never read as a year. */}
                            {!y.periodComplete && <span className="badge">{incompleteMark(t, data.dataEnd)}</span>}
                          </th>
                          {columns.map((name) => {
                            // Starts over the limit also as a share of all starts, as the deck shows it.
                            const share = name === 'startsOverLimit' ? percentOf(y.startsOverLimit, y.starts) : null;
                            const text = formatNumber(y[name]) + (share === null ? '' : ` (${formatNumber(share)}%)`);
                            const incomplete = figureIncomplete(name, y);
                            return (
                              <td key={name} className={incomplete ? 'num incomplete' : 'num'}>
                                {text}
                                {incomplete && (
                                  <>
                                    {' '}
                                    <span className="badge">{t('figures.incomplete')}</span>
                                  </>
                                )}
                              </td>
                            );
                          })}
                          <td className="num">{y.listSize === null ? '—' : formatNumber(y.listSize)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <BarChart
                  title={t('chart.shortLong')}
                  categories={data.years.map(yearCategory)}
                  series={[
                    { name: t('chart.short'), tone: 'short', values: data.years.map((y) => y.dispensingsShort) },
                    { name: t('chart.long'), tone: 'long', values: data.years.map((y) => y.dispensingsLong) },
                  ]}
                />
                {partial && (
                  <p className="muted">* {t('figures.yearIncomplete', { year: partial.year, mark: incompleteMark(t, data.dataEnd) })}</p>
                )}
              </div>
            )}
          </section>

          <section className="panel" aria-label={t('followup.paperTitle')}>
            <h2>{t('followup.paperTitle')}</h2>
            <p className="hint">{t('followup.paperIntro')}</p>
            <div className="actions">
              <FileButton label={t('followup.reviewSheet')} make={() => call('agreements.exportReviewSheet', { practiceId })} />
              <FileButton label={t('followup.card')} make={() => call('agreements.exportCard', { practiceId })} />
            </div>
            <ReviewImport key={practiceId} practiceId={practiceId} onApplied={reload} />
          </section>
        </>
      )}
      {dialog}
    </>
  );
}
