// `midad tags link A B` / `midad tags unlink A`: tags that name one subject in different
// languages (تمبكتو, Tombouctou, Timbuktu), so a search for one finds the others.
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { findTag, linkedTags, linkTags, unlinkTag } from '../services/tags/link-tags.ts';
import { openSite } from './site.ts';

export function registerTags(program: Command): void {
  const tags = program.command('tags').description('manage tags');

  tags
    .command('link')
    .description('link two tags (slug, name or id) as one subject across languages')
    .argument('<tag>')
    .argument('<other>')
    .action(async (a: string, b: string) => {
      const services = await openSite(loadConfig());
      try {
        const [tag, other] = [await findTag(services, a), await findTag(services, b)];
        await linkTags(services, 'cli', { tagId: tag.id, withId: other.id });
        const group = (await linkedTags(services, [tag.id])).get(tag.id) ?? [];
        const names = (await services.repos.tags.byIds(group)).map((t) => t.name);
        process.stdout.write(`Linked: ${[tag.name, ...names].join(' = ')}\n`);
      } finally {
        await services.close();
      }
    });

  tags
    .command('unlink')
    .description('take a tag out of its group of linked tags')
    .argument('<tag>')
    .action(async (a: string) => {
      const services = await openSite(loadConfig());
      try {
        const tag = await findTag(services, a);
        await unlinkTag(services, 'cli', { tagId: tag.id });
        process.stdout.write(`Unlinked: ${tag.name}\n`);
      } finally {
        await services.close();
      }
    });
}
