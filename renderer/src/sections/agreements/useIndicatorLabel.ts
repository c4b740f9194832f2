import { get } from '../../api';
import { indicatorVars, labelKey } from '../../figures/model';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import type { AgreementIndicator } from './model';

/** An indicator's name as the figures screen writes it, with the stored settings ("more than 3", the start limit) filled in. */
export function useIndicatorLabel(): (name: AgreementIndicator) => string {
  const { t } = useI18n();
  const settings = useLoad(() => get('indicators.settings.get'), []);
  const vars = settings.data ? indicatorVars(settings.data) : { min: '…', limit: '…', ome: '…' };
  return (name) => t(labelKey(name), vars);
}
