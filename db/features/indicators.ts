import type { indicatorsContract } from '../contract/indicators';
import type { CoreContext, Handlers } from '../handler';
import { regionalExport } from '../reports/regional';
import { assignMany, assignPrescriber, assignPreview, readMappingFile, unassignedPrescribers } from '../indicators/assign';
import { dismissMerge, listMerges, mergePrescribers, mergeProposals, unmergePrescriber } from '../indicators/merge';
import { dataRange } from '../indicators/scope';
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
    'prescribers.unassigned': ({ groupId }) => unassignedPrescribers(db, groupId ?? null),
    'prescribers.assignPreview': ({ rows }) => assignPreview(db, rows),
    'prescribers.readMappingFile': ({ name, base64 }) => readMappingFile(name, Buffer.from(base64, 'base64')),
    'prescribers.mergeProposals': () => mergeProposals(db),
    'prescribers.merges': () => listMerges(db),
    'prescribers.merge': ({ fromId, intoId }) => mergePrescribers(db, fromId, intoId),
    'prescribers.unmerge': ({ fromId }) => unmergePrescriber(db, fromId),
    'prescribers.dismissMerge': ({ fromId, intoId }) => dismissMerge(db, fromId, intoId),
    'indicators.dataRange': ({ groupId, today }) => dataRange(db, groupId ?? null, today),
    'prescribers.assign': ({ prescriberId, practiceId }) => assignPrescriber(db, prescriberId, practiceId),
    'prescribers.assignMany': ({ rows }) => assignMany(db, rows),
    'worklist.chronic': (input) => chronicWorklist(db, input),
    'worklist.exportXlsx': (input) => worklistXlsx(chronicWorklist(db, input)),
    'indicators.exportRegional': (input) => regionalExport(db, input),
  };
}
