import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openServices } from '../services/context.ts';
import { initializeSite, type SetupResult } from '../services/setup.ts';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description(
      'create and migrate the database and add demo content (first run only); print the link that makes the first admin',
    )
    .option('--no-demo', 'start with an empty site')
    .action(async (options: { demo: boolean }) => {
      const services = await openServices(loadConfig());
      try {
        const result = await initializeSite(services, { demo: options.demo });
        printSetup(result, services.db.location);
        if (!result.setupLink)
          process.stdout.write(`The site in ${services.db.location} is already set up.\n`);
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
  if (result.setupLink) {
    // The link, never a password: it works once, and only until the site has an admin. It sits
    // on a line of its own so that it can be copied whole.
    const expires = `${result.setupLink.expiresAt.slice(0, 16).replace('T', ' ')} UTC`;
    process.stdout.write(
      'Finish setting up the site in your browser: this link makes the first admin account.\n' +
        `It works once, until ${expires} (lost it? run \`midad init\` again for a new one):\n\n` +
        `  ${result.setupLink.url}\n\n`,
    );
  }
}
