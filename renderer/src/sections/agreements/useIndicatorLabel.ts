import { get } from '../../api';
import { labelKey } from '../../figures/model';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import type { AgreementIndicator } from './model';

/** An indicator's name as the figures screen writes it, with the stored "more than 3" threshold filled in. */
export function useIndicatorLabel(): (name: AgreementIndicator) => string {
  const { t } = useI18n();
  const settings = useLoad(() => get('indicators.settings.get'), []);
  const min = settings.data?.newUserMinDispensings;
  return (name) => t(labelKey(name), min === undefined ? { min: '…', over: '…' } : { min, over: min - 1 });
}
