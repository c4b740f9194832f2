import type { MeetingStatus } from '../../../../db/contract/meetings';
import { PERSON_ROLES } from '../../../../domain';
import type { MethodOutput } from '../../api';
import type { Key, T } from '../../i18n';

export type Meeting = MethodOutput<'meetings.get'>;
export type Attendee = MethodOutput<'attendance.list'>[number];
export type PersonRole = Attendee['role'];

export const roles = PERSON_ROLES;

export const statusKey = (status: MeetingStatus) => `meeting.status.${status}` as Key;
export const roleKey = (role: PersonRole) => `role.${role}` as Key;

/**
 * "12 mrt 2026 19:30" (dates written as everywhere else in the app), or "zonder datum". The time is taken
 * as typed: the stored value is local time without a zone.
 */
export function meetingWhen(meeting: { startsAt: string | null }, t: T, formatDate: (iso: string) => string): string {
  if (!meeting.startsAt) return t('meeting.noDate');
  const [date, time] = meeting.startsAt.split('T') as [string, string];
  return `${formatDate(date)} ${time}`;
}
