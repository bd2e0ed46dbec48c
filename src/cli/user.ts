// `midad user add|reset-password|list`. A password may come from standard input (one line),
// so it never appears in the shell history; otherwise one is generated and printed once.
import { type Command, Option } from 'commander';
import { loadConfig } from '../config.ts';
import { ROLES } from '../core/types.ts';
import { addStaff, resetPassword } from '../services/staff.ts';
import { openSite } from './site.ts';

async function passwordFromStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  return text === '' ? undefined : text;
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('manage newsroom accounts');

  user
    .command('add')
    .description('add a person who can sign in to the newsroom')
    .requiredOption('--email <email>', 'e-mail address (the sign-in name)')
    .requiredOption('--name <name>', 'name as shown in bylines')
    .addOption(new Option('--role <role>', 'what the person may do').choices(ROLES).makeOptionMandatory())
    .action(async (options: { email: string; name: string; role: string }) => {
      const password = await passwordFromStdin();
      const services = await openSite(loadConfig());
      try {
        const result = await addStaff(services, {
          ...options,
          ...(password !== undefined ? { password } : {}),
        });
        process.stdout.write(
          `Added ${result.person.name} <${result.person.email}> as ${result.person.role}.\n`,
        );
        if (result.generated) process.stdout.write(`Password (shown once): ${result.password}\n`);
      } finally {
        await services.close();
      }
    });

  user
    .command('reset-password')
    .description("set a new password and end the person's sessions")
    .requiredOption('--email <email>', 'e-mail address of the account')
    .action(async (options: { email: string }) => {
      const password = await passwordFromStdin();
      const services = await openSite(loadConfig());
      try {
        const result = await resetPassword(services, {
          email: options.email,
          ...(password !== undefined ? { password } : {}),
        });
        process.stdout.write(
          `Password reset for ${options.email}; ${result.endedSessions} session(s) ended.\n`,
        );
        if (password === undefined) process.stdout.write(`New password (shown once): ${result.password}\n`);
      } finally {
        await services.close();
      }
    });

  user
    .command('list')
    .description('list the people with an account')
    .action(async () => {
      const services = await openSite(loadConfig());
      try {
        const people = await services.repos.people.list();
        for (const p of people) {
          const flags = [p.twoFactorEnabled ? '2fa' : '', p.disabled ? 'disabled' : '']
            .filter(Boolean)
            .join(',');
          process.stdout.write(`${p.email}\t${p.role}\t${p.name}${flags ? `\t${flags}` : ''}\n`);
        }
      } finally {
        await services.close();
      }
    });
}
