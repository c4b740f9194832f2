// The settings of the indicator definitions (spec §5), with their defaults: one shape for the contract,
// the engine, the deck and the app.

export interface IndicatorSettings {
  /** A patient is a chronic user with at least this many covered days in the period. */
  chronicDays: number;
  /** A first dispensing with no dispensing in this many days before it starts a new user. */
  lookbackDays: number;
  /** "More than 3": a new user with at least this many dispensings in the period counts in newUsersOver3. */
  newUserMinDispensings: number;
  /** A start is over the limit when the first prescription covers more days than this (spec §5 v2). */
  startLimitDays: number;
  /** A patient is a high-dose user from this mean daily oral morphine equivalent in mg. */
  highDoseOme: number;
}

export type SettingName = keyof IndicatorSettings;

/** The settings in the order the app's form and the CLI's flags list them. */
export const SETTING_NAMES = [
  'chronicDays',
  'lookbackDays',
  'newUserMinDispensings',
  'startLimitDays',
  'highDoseOme',
] as const satisfies readonly SettingName[];

/**
 * Spec §5 defaults: chronic from 90 covered days, a look-back of 365 days, "more than 3" dispensings,
 * a start of at most 7 days, high dose from 90 mg oral morphine equivalent a day.
 */
export const DEFAULT_SETTINGS: Readonly<IndicatorSettings> = {
  chronicDays: 90,
  lookbackDays: 365,
  newUserMinDispensings: 4,
  startLimitDays: 7,
  highDoseOme: 90,
};

type MustBeNever<T extends never> = T;
/** The compiler refuses a setting missing from SETTING_NAMES. */
export type UnlistedSettings = MustBeNever<Exclude<SettingName, (typeof SETTING_NAMES)[number]>>;
