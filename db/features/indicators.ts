import type { indicatorsContract } from '../contract/indicators';
import type { CoreContext, Handlers } from '../core';
import { regionalExport } from '../reports/regional';
import { assignMany, assignPrescriber, unassignedPrescribers } from '../indicators/assign';
import { computeIndicators, computeYears } from '../indicators/compute';
import { readSettings, writeSettings } from '../indicators/settings';
import { chronicWorklist, worklistXlsx } from '../indicators/worklist';

/** Spec §5 figures, their settings, prescriber assignment and the chronic-user worklist. */
export function indicatorHandlers({ db }: CoreContext): Handlers<keyof typeof indicatorsContract> {
  return {
    'indicators.compute': (input) => computeIndicators(db, input),
    'indicators.years': (input) => computeYears(db, input),
    'indicators.settings.get': () => readSettings(db),
    'indicators.settings.set': (changes) => writeSettings(db, changes),
    'prescribers.unassigned': () => unassignedPrescribers(db),
    'prescribers.assign': ({ prescriberId, practiceId }) => assignPrescriber(db, prescriberId, practiceId),
    'prescribers.assignMany': ({ rows }) => assignMany(db, rows),
    'worklist.chronic': (input) => chronicWorklist(db, input),
    'worklist.exportXlsx': (input) => worklistXlsx(chronicWorklist(db, input)),
    'indicators.exportRegional': (input) => regionalExport(db, input),
  };
}
