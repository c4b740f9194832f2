import { useId } from 'react';
import { omeFactorDecimals } from '../../../slides/ome';
import { get } from '../api';
import { ScrollTable } from '../components/TableHead';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';

/** Spec §9's factor table with its source, read-only: what the dose figures convert to oral morphine with. */
export function OmeFactors() {
  const { t, formatNumber } = useI18n();
  const titleId = useId();
  const factors = useLoad(() => get('definitions.omeFactors'), []);
  if (factors.error) return <p className="error">{factors.error}</p>;
  if (!factors.data) return <p>{t('common.loading')}</p>;
  const factor = (value: number | null) => (value === null ? '—' : formatNumber(value, omeFactorDecimals(value)));
  return (
    <section className="ome-factors" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('ome.title')}</h3>
      <p className="hint">{t('ome.intro')}</p>
      <ScrollTable
        columns={[
          'ATC',
          t('ome.substance'),
          { label: t('ome.oral'), num: true },
          { label: t('ome.parenteral'), num: true },
          { label: t('ome.transdermal'), num: true },
        ]}
      >
        {factors.data.rows.map((row) => (
          <tr key={row.substance}>
            <td>{row.atc.join(', ')}</td>
            <td>{row.substance}</td>
            <td className="num">{factor(row.oral)}</td>
            <td className="num">{factor(row.parenteral)}</td>
            <td className="num">{factor(row.transdermal)}</td>
          </tr>
        ))}
      </ScrollTable>
      <p className="hint">{t('ome.source', { source: factors.data.source })}</p>
    </section>
  );
}
