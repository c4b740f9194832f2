import { z } from 'zod';
import { byId, deleteImpact, id, method, noInput, optionalAgb, requiredName } from './common';

export const group = z.object({
  id,
  name: z.string(),
  practiceCount: z.number().int(),
  pharmacyCount: z.number().int(),
  createdAt: z.string(),
});

export const listSize = z.object({
  year: z
    .number({ error: 'Vul een jaar in.' })
    .int()
    .min(1990, { error: 'Kies een jaar vanaf 1990.' })
    .max(2100, { error: 'Kies een jaar tot 2100.' }),
  size: z
    .number({ error: 'Vul het aantal patiënten in.' })
    .int({ error: 'Vul een heel aantal patiënten in.' })
    .positive({ error: 'Het aantal patiënten moet groter dan 0 zijn.' }),
});

export const practice = z.object({
  id,
  groupId: id,
  name: z.string(),
  agb: z.string().nullable(),
  listSizes: z.array(listSize),
  prescriberCount: z.number().int(),
});

const practiceInput = z.object({
  groupId: id,
  name: requiredName,
  agb: optionalAgb,
  listSizes: z
    .array(listSize)
    .default([])
    .refine((sizes) => new Set(sizes.map((s) => s.year)).size === sizes.length, { error: 'Elk jaar mag maar één keer voorkomen.' }),
});

export const prescriber = z.object({
  id,
  key: z.string(),
  name: z.string(),
  agb: z.string().nullable(),
  practiceId: id.nullable(),
  practiceSource: z.enum(['manual', 'data']).nullable(),
});

const prescriberInput = z.object({
  name: requiredName,
  agb: optionalAgb,
  /** null: belongs to no practice (specialist, locum, out-of-hours post). */
  practiceId: id.nullable().default(null),
});

export const pharmacy = z.object({ id, groupId: id.nullable(), name: z.string(), agb: z.string().nullable() });
const pharmacyInput = z.object({ groupId: id.nullable().default(null), name: requiredName, agb: optionalAgb });

export const registryContract = {
  'groups.list': method(noInput, z.array(group)),
  'groups.create': method(z.object({ name: requiredName }), group),
  'groups.update': method(z.object({ id, name: requiredName }), group),
  'groups.deleteImpact': method(byId, deleteImpact),
  'groups.delete': method(byId, z.null()),

  'practices.list': method(z.object({ groupId: id.optional() }).default({}), z.array(practice)),
  'practices.create': method(practiceInput, practice),
  'practices.update': method(practiceInput.extend({ id }), practice),
  'practices.deleteImpact': method(byId, deleteImpact),
  'practices.delete': method(byId, z.null()),

  'prescribers.list': method(z.object({ groupId: id.optional() }).default({}), z.array(prescriber)),
  'prescribers.create': method(prescriberInput, prescriber),
  'prescribers.update': method(prescriberInput.extend({ id }), prescriber),
  'prescribers.deleteImpact': method(byId, deleteImpact),
  'prescribers.delete': method(byId, z.null()),

  'pharmacies.list': method(z.object({ groupId: id.optional() }).default({}), z.array(pharmacy)),
  'pharmacies.create': method(pharmacyInput, pharmacy),
  'pharmacies.update': method(pharmacyInput.extend({ id }), pharmacy),
  'pharmacies.deleteImpact': method(byId, deleteImpact),
  'pharmacies.delete': method(byId, z.null()),
};
