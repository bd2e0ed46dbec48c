import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openServices } from '../services/context.ts';
import { initializeSite, type SetupResult } from '../services/setup.ts';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create and migrate the database, add demo content and an admin account (first run only)')
    .option('--no-demo', 'start with an empty site')
    .action(async (options: { demo: boolean }) => {
      const services = await openServices(loadConfig());
      try {
        const result = await initializeSite(services, { demo: options.demo });
        printSetup(result, services.db.location);
        if (!result.admin) process.stdout.write(`The site in ${services.db.location} is already set up.\n`);
      } finally {
        await services.close();
      }
    });
}

export function printSetup(result: SetupResult, location: string): void {
  if (result.seeded) {
    process.stdout.write(
      `Created ${location} with demo content: ${result.seeded.articles} articles, ` +
        `${result.seeded.people} authors, ${result.seeded.comments} comments.\n`,
    );
  }
  if (result.admin) {
    const lines = [
      'An admin account was created. Keep this password: it is shown only once.',
      `  e-mail:   ${result.admin.email}`,
      `  password: ${result.admin.password}`,
    ];
    const width = Math.max(...lines.map((l) => l.length)) + 2;
    const bar = '─'.repeat(width);
    process.stdout.write(`┌${bar}┐\n${lines.map((l) => `│ ${l.padEnd(width - 1)}│`).join('\n')}\n└${bar}┘\n`);
  }
}
