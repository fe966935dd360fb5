import { Command } from 'commander';
import { registerCommands } from './commands.js';
import { swedishHelp } from './swedish-help.js';

describe('the CLI help', () => {
  it('is Swedish for the program and every command: headings, descriptions and the help flag', () => {
    const program = swedishHelp(new Command().name('npm run cli --').description('Årshjulet – kommandorad'));
    registerCommands(program);
    const texts = [program.helpInformation(), ...program.commands.map((command) => command.helpInformation())];
    for (const text of texts) {
      expect(text).toContain('Användning:');
      expect(text).not.toMatch(/Usage:|Options:|Commands:|display help/);
    }
    expect(texts[0]).toContain('Kommandon:');
    expect(texts[0]).toContain('visa hjälpen för ett kommando');
    for (const command of program.commands) expect(command.description()).not.toMatch(/^(Create|List|Run|Load|Print|Deactivate)\b/);
  });
});
