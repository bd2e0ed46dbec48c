import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { CatalogueError, installCatalogues, messages, messagesFor } from '../../core/i18n.ts';
import { catalogueFiles, installReaderCatalogues, SHIPPED_CATALOGUES } from './reader-catalogues.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/locales');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-locales-'));
after(() => {
  installCatalogues([]);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('reading further catalogues at startup', () => {
  it('reads the operator folder, its keys first and the fallback for the rest', () => {
    const installed = installReaderCatalogues({ MIDAD_LOCALES_DIR: FIXTURES });
    assert.ok(installed.some((c) => c.tag === 'fa'));
    assert.equal(messagesFor('fa', 'fr').home, 'خانه');
    assert.equal(messagesFor('fa', 'fr').sections, messages('fr').sections);
  });

  it('never takes the built-in files for further languages', () => {
    const files = catalogueFiles({});
    for (const lang of ['ar', 'fr', 'en'])
      assert.ok(!files.includes(path.join(SHIPPED_CATALOGUES, `${lang}.json`)));
  });

  it('lets the operator file for a language replace the shipped one', () => {
    fs.writeFileSync(path.join(dir, 'fa.json'), '{"home": "صفحهٔ نخست"}');
    installReaderCatalogues({ MIDAD_LOCALES_DIR: dir });
    assert.equal(messagesFor('fa', 'en').home, 'صفحهٔ نخست');
  });

  it('refuses a file that is not an object, or an operator file for a built-in language', () => {
    fs.writeFileSync(path.join(dir, 'fa.json'), '"خانه"');
    assert.throws(
      () => installReaderCatalogues({ MIDAD_LOCALES_DIR: dir }),
      (err: unknown) =>
        err instanceof CatalogueError && /fa\.json: a catalogue is one JSON object/.test(err.message),
    );
    fs.rmSync(path.join(dir, 'fa.json'));
    fs.writeFileSync(path.join(dir, 'fr.json'), '{"home": "Début"}');
    assert.throws(() => installReaderCatalogues({ MIDAD_LOCALES_DIR: dir }), /fr\.json: fr is built in/);
  });
});
