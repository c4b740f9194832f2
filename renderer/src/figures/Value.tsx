import { useI18n } from '../i18n';
import type { IndicatorName } from './model';

type Figures = Record<IndicatorName, number> & { rates: Record<IndicatorName, number> | null };

interface Props {
  row: Figures;
  name: IndicatorName;
  showRates: boolean;
  /** Only the text, for a cell that adds more to it. */
  bare?: boolean;
}

/** One figure: the count, or its rate per 1,000 patients ("—" where the list size is unknown). */
export function Value({ row, name, showRates, bare }: Props) {
  const { formatNumber } = useI18n();
  const rate = row.rates?.[name];
  const text = !showRates ? formatNumber(row[name]) : rate === undefined ? '—' : formatNumber(rate, 1);
  return bare ? <>{text}</> : <td className="num">{text}</td>;
}
