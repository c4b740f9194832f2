import { AppError } from '../db/errors';
import { parseCommandArgs, type Command, type CommandIo } from './command';

/**
 * Every sub-command; a new feature adds its command here. A command's code (and the libraries it
 * needs) is loaded only when it runs, so that `fto --help` and a light command start at once.
 */
export const commands: { name: string; summary: string; load: () => Promise<Command> }[] = [
  {
    name: 'init',
    summary: 'Maakt een nieuwe, lege database (of werkt een bestaande bij naar het nieuwste schema).',
    load: async () => (await import('./commands/init')).initCommand,
  },
  {
    name: 'web',
    summary: 'Start de app in de browser (op 127.0.0.1), voor machines zonder Electron.',
    load: async () => (await import('./commands/web')).webCommand,
  },
  {
    name: 'import',
    summary: 'Importeert apotheekexports (.xlsx, .xls, .ods, .csv, .txt) in een FTO-groep.',
    load: async () => (await import('./commands/import')).importCommand,
  },
  {
    name: 'demo',
    summary: 'Vult een lege database met de fictieve demo-groep (5 praktijken, 4 apotheken, 2021-2025).',
    load: async () => (await import('./commands/demo')).demoCommand,
  },
  {
    name: 'indicators',
    summary: 'Berekent de indicatoren (sterke opioïden) per voorschrijver, praktijk, FTO-groep en totaal.',
    load: async () => (await import('./commands/indicators')).indicatorsCommand,
  },
  {
    name: 'assign',
    summary: 'Wijst voorschrijvers toe aan praktijken uit een CSV- of Excel-bestand (kolommen prescriber, practice, group).',
    load: async () => (await import('./commands/assign')).assignCommand,
  },
  {
    name: 'merge',
    summary: 'Voegt twee voorschrijvers samen die één persoon zijn (of maakt dat ongedaan); zonder --from toont het de voorstellen.',
    load: async () => (await import('./commands/merge')).mergeCommand,
  },
  {
    name: 'deck',
    summary: 'Maakt de presentatie van een FTO-groep met de eigen cijfers: HTML, en desgewenst PDF en PowerPoint.',
    load: async () => (await import('./commands/deck')).deckCommand,
  },
  {
    name: 'report',
    summary: 'Maakt het verslag van een bijeenkomst als PDF of Word (.docx).',
    load: async () => (await import('./commands/report')).reportCommand,
  },
];

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
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(`Onbekende opdracht "${name}". Zie npx fto --help.`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${entry.summary}\n\nGebruik: ${command.usage}`);
    return 0;
  }
  const { onPermissionsTightened } = await import('../db/open');
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
