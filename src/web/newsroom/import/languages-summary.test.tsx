// The newsroom's import summary names the posts whose language was corrected from their text,
// and the articles per language, from the stored report (read defensively: an old report
// without these fields shows neither).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'preact-render-to-string';
import type { ImportRun } from '../../../core/import-runs.ts';
import { importMessages } from './messages.ts';
import { presentRun } from './presenter.ts';
import { RunPage } from './views.tsx';

const at = '2026-12-01T10:00:00.000Z';
function run(report: unknown): ImportRun {
  return {
    id: 7,
    status: 'done',
    fileName: 'safarnameh.xml',
    filePath: '/tmp/x.xml',
    options: {},
    personId: null,
    done: 5,
    total: 5,
    report,
    error: null,
    createdAt: at,
    startedAt: at,
    updatedAt: at,
    finishedAt: at,
  };
}

describe('import summary: languages', () => {
  it('lists the corrected posts and the languages', () => {
    const t = importMessages('en');
    const view = presentRun(
      run({
        counts: {},
        languages: { fa: 3, 'en-US': 2 },
        languageChangeCount: 3,
        languageChanges: [
          { postId: '11', title: 'یک روز در کوچه‌های یزد', from: 'en-US', to: 'fa', why: 'letters' },
        ],
        warnings: [],
      }),
      t,
      { lang: 'en', timezone: 'UTC' },
    );
    const html = render(<RunPage t={t} csrf="x" run={view} script="" />);
    assert.match(html, /Language corrected from the text \(3\)/);
    assert.match(html, /<bdi lang="fa" dir="auto">یک روز در کوچه‌های یزد<\/bdi>/);
    assert.match(html, /en-US → fa/);
    assert.match(html, /fa \(3\), en-US \(2\)/);
  });

  it('shows neither for an older report', () => {
    const t = importMessages('ar');
    const view = presentRun(run({ counts: {}, warnings: [] }), t, { lang: 'ar', timezone: 'UTC' });
    const html = render(<RunPage t={t} csrf="x" run={view} script="" />);
    assert.doesNotMatch(html, /لغة صُححت|لغات المقالات/);
  });
});
