import { useState } from 'react';
import { call, get } from '../api';
import { SelectField } from '../components/Field';
import { saveBase64, XLSX_TYPE } from '../download';
import { useAction, useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { ScrollTable } from '../components/TableHead';
import type { Practice } from '../types';
import { periodInput, type PeriodChoice } from './model';

interface Props {
  practices: Practice[];
  choice: PeriodChoice;
  version: number;
}

/** "Stap 1: in kaart brengen": one practice's chronic users, for that practice only (never in a deck or report). */
export function Worklist({ practices, choice, version }: Props) {
  const { t, formatNumber, formatDate } = useI18n();
  const [practiceId, setPracticeId] = useState(practices[0] ? String(practices[0].id) : '');
  const input = { ...periodInput(choice), practiceId: Number(practiceId) };
  const list = useLoad(
    () => (practiceId ? get('worklist.chronic', input) : Promise.resolve(undefined)),
    [practiceId, JSON.stringify(input), version],
  );
  const exporter = useAction(() => call('worklist.exportXlsx', input));
  const download = async () => {
    const result = await exporter.run();
    if (result.ok) saveBase64(result.value.fileName, result.value.base64, XLSX_TYPE);
  };
  if (practices.length === 0) return <p className="muted">{t('practice.none')}</p>;
  const data = list.data;

  return (
    <>
      <p className="notice">{t('worklist.private')}</p>
      <div className="toolbar">
        <SelectField
          label={t('field.practice')}
          value={practiceId}
          onChange={setPracticeId}
          options={practices.map((p) => ({ value: String(p.id), label: p.name }))}
        />
        <button type="button" onClick={download} disabled={exporter.busy || !data?.patients.length}>
          {t('worklist.download')}
        </button>
      </div>
      {exporter.error && <p className="error">{exporter.error.message}</p>}
      {list.error && <p className="error">{list.error}</p>}
      {data && (
        <>
          <p>
            {t('worklist.count', {
              n: data.patients.length,
              practice: data.practice,
              from: formatDate(data.from),
              to: formatDate(data.to),
              days: data.settings.chronicDays,
            })}{' '}
            {t('worklist.highDoseCount', { n: data.patients.filter((p) => p.highDose).length, ome: data.settings.highDoseOme })}
          </p>
          {data.patients.length > 0 && (
            <ScrollTable
              columns={[
                t('worklist.patient'),
                t('worklist.responsible'),
                { label: t('worklist.coveredDays'), num: true },
                { label: t('worklist.dispensings'), num: true },
                { label: t('worklist.meanOme'), num: true },
                t('worklist.products'),
                t('worklist.last'),
              ]}
            >
              {data.patients.map((p) => (
                <tr key={p.patientKey} className={p.highDose ? 'high-dose' : undefined}>
                  <td>
                    {p.patientKey}
                    {p.highDose && <span className="badge danger">{t('worklist.highDose')}</span>}
                  </td>
                  <td>{p.responsibleName}</td>
                  <td className="num">{formatNumber(p.coveredDays)}</td>
                  <td className="num">{formatNumber(p.dispensings)}</td>
                  <td className="num">{p.meanDailyOme === null ? '—' : formatNumber(p.meanDailyOme, 0)}</td>
                  <td>{p.products.join(', ')}</td>
                  <td>
                    {formatDate(p.lastDispensing)}: {p.lastProduct}
                  </td>
                </tr>
              ))}
            </ScrollTable>
          )}
        </>
      )}
    </>
  );
}
