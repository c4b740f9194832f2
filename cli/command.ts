import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Core } from '../db/core';
import { AppError, type Result } from '../db/errors';
import { makePrivateDir, writePrivateFile } from '../db/private-files';

/** One `fto` sub-command. Its texts are Dutch: the CLI is for the same users as the app. */
export interface Command {
  name: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals?: boolean;
  run(
    args: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] },
    io: CommandIo,
  ): Promise<void>;
}

export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

export function parseCommandArgs(command: Command, argv: string[]) {
  try {
    return parseArgs({ args: argv, options: command.options, allowPositionals: command.allowPositionals ?? false, strict: true });
  } catch (error) {
    throw new AppError('validation', `${translateParseError((error as Error).message)} Gebruik: ${command.usage}`);
  }
}

function translateParseError(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `Onbekende optie ${unknown[1]}.`;
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return `De optie ${missing[1]} heeft een waarde nodig.`;
  if (/Unexpected argument/.test(message)) return 'Onverwacht argument.';
  return 'Ongeldige opties.';
}

/** Reads a required string option or explains which one is missing. */
export function requireOption(values: Record<string, unknown>, name: string, command: Command): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new AppError('validation', `De optie --${name} ontbreekt. Gebruik: ${command.usage}`);
  }
  return value;
}

/** Unwraps a core result; a failed one becomes the CLI's one-line error. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.field);
  return result.value;
}

export type { Core };

/** Writes an export the user asked for, creating its folder; a failure is one Dutch line. */
export function writeOutputFile(out: string, bytes: Uint8Array, what: string): void {
  try {
    makePrivateDir(path.dirname(out));
    writePrivateFile(out, bytes);
  } catch (error) {
    throw new AppError('conflict', `${what} kan niet worden geschreven naar ${out}: ${(error as Error).message}`);
  }
}
