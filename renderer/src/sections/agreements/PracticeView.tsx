import { useState } from 'react';
import { call, get } from '../../api';
import { BarChart } from '../../components/BarChart';
import { SelectField } from '../../components/Field';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { labelKey } from '../../figures/model';
import type { Group } from '../../types';
import { AgreementTable } from './AgreementTable';
import { FileButton } from './FileButton';
import { ReviewImport } from './ReviewImport';
import { useStatusDialog } from './StatusDialog';

const figureColumns = ['dispensingsShort', 'dispensingsLong', 'chronicUsers', 'patientsAny', 'newUsers'] as const;

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
                  <table className="figures" aria-label={t('followup.keyFigures')}>
                    <thead>
                      <tr>
                        <th scope="col">{t('field.year')}</th>
                        {figureColumns.map((name) => (
                          <th key={name} scope="col" className="num">
                            {t(labelKey(name))}
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
                          <th scope="row">{y.year}</th>
                          {figureColumns.map((name) => (
                            <td key={name} className="num">
                              {formatNumber(y[name])}
                            </td>
                          ))}
                          <td className="num">{y.listSize === null ? '—' : formatNumber(y.listSize)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <BarChart
                  title={t('chart.shortLong')}
                  categories={data.years.map((y) => String(y.year))}
                  series={[
                    { name: t('chart.short'), tone: 'short', values: data.years.map((y) => y.dispensingsShort) },
                    { name: t('chart.long'), tone: 'long', values: data.years.map((y) => y.dispensingsLong) },
                  ]}
                />
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
