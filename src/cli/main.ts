// The `midad` command. Every command reads MIDAD_DATA_DIR and DATABASE_URL (from the
// environment, or a .env file in the working folder); operator mistakes are printed as one
// clear line on stderr with a non-zero exit, never a stack.
import { Command, CommanderError } from 'commander';
import { MidadError } from '../core/errors.ts';
import { midadVersion } from '../services/backup/manifest.ts';
import { registerBackup } from './backup.ts';
import { loadEnvFile } from './env-file.ts';
import { registerExport } from './export.ts';
import { registerMigrate } from './migrate.ts';
import { registerReindex } from './reindex.ts';
import { registerServe } from './serve.ts';
import { registerImport } from './import.ts';
import { registerInit } from './init.ts';
import { registerLocales } from './locales.ts';
import { registerTags } from './tags.ts';
import { registerUser } from './user.ts';

export async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name('midad')
    .description('Midad: an Arabic-first news publishing platform')
    .version(midadVersion(), '-V, --version', 'print the version of Midad')
    // A usage mistake is one line, like every other refusal (`--help` shows the options).
    .showHelpAfterError(false)
    .exitOverride();
  registerServe(program);
  registerMigrate(program);
  registerReindex(program);
  registerInit(program);
  registerExport(program, registerImport(program));
  registerUser(program);
  registerTags(program);
  registerLocales(program);
  registerBackup(program);
  // Before a command's action reads its configuration; --help and --version need none.
  program.hook('preAction', () => {
    loadEnvFile();
  });
  try {
    await program.parseAsync(argv);
  } catch (err) {
    process.exitCode = reportFailure(err);
  }
}

export function reportFailure(err: unknown): number {
  if (err instanceof CommanderError) return err.exitCode;
  if (err instanceof MidadError) {
    process.stderr.write(`midad: ${err.message}\n`);
    return 1;
  }
  process.stderr.write(
    `midad: unexpected failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  return 2;
}
