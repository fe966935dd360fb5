import type { Command } from 'commander';

/** Commander's own headings, in Swedish like the rest of the help. */
const HELP_TITLES_SV: Record<string, string> = {
  'Usage:': 'Användning:',
  'Options:': 'Flaggor:',
  'Commands:': 'Kommandon:',
  'Arguments:': 'Argument:',
  'Global Options:': 'Globala flaggor:',
};

/** The help in Swedish: headings, the help flag and command. Call before adding commands; they inherit it. */
export function swedishHelp(program: Command): Command {
  return program
    .configureHelp({ styleTitle: (title: string) => HELP_TITLES_SV[title] ?? title })
    .helpOption('-h, --help', 'visa hjälpen för kommandot')
    .helpCommand('help [kommando]', 'visa hjälpen för ett kommando')
    .showHelpAfterError('(skriv --help för hjälp)');
}
