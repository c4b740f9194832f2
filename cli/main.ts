import { AppError } from '../db/errors';
import { onPermissionsTightened } from '../db/open';
import { parseCommandArgs, type Command, type CommandIo } from './command';
import { assignCommand } from './commands/assign';
import { deckCommand } from './commands/deck';
import { demoCommand } from './commands/demo';
import { importCommand } from './commands/import';
import { indicatorsCommand } from './commands/indicators';
import { initCommand } from './commands/init';
import { reportCommand } from './commands/report';
import { webCommand } from './commands/web';

/** Every sub-command; a new feature adds its command here. */
export const commands: Command[] = [initCommand, webCommand, importCommand, demoCommand, indicatorsCommand, assignCommand, deckCommand, reportCommand];

const consoleIo: CommandIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'FTO Toolkit: cijfers, presentatie en afspraken voor het farmacotherapeutisch overleg.',
    '',
    'Gebruik: npx fto OPDRACHT [opties]',
    '',
    'Opdrachten:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Hulp bij één opdracht: npx fto OPDRACHT --help',
  ].join('\n');
}

/** Runs the CLI and returns the exit code. User errors print one Dutch line on stderr, without a stack trace. */
export async function main(argv: string[], io: CommandIo = consoleIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`Onbekende opdracht "${name}". Zie npx fto --help.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\n\nGebruik: ${command.usage}`);
    return 0;
  }
  onPermissionsTightened((notice) => io.err(notice));
  try {
    await command.run(parseCommandArgs(command, rest), io);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      io.err(`Fout: ${error.message}`);
      return 1;
    }
    io.err(`Onverwachte fout: ${(error as Error)?.message ?? String(error)}`);
    return 1;
  }
}
