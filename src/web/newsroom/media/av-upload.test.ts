// Audio and video in the newsroom's media library over HTTP: uploads checked by content and
// held to their own size limit (refused before anything is stored), the item's page with its
// player and playing time, the poster chosen from the library or uploaded, caption tracks
// added (WebVTT checked) and removed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { postMultipart, signedInClients, stored } from '../../../../test/support/media-library.ts';
import { csrfFrom, type NewsroomClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import type { Role } from '../../../core/types.ts';
import { minimalMp4, wavFile } from '../../../media/test-av.ts';
import { MAX_AV_UPLOAD_SETTING, MAX_UPLOAD_SETTING } from '../../../services/media/queries.ts';

let site: TestSite;
let clients: Map<Role, NewsroomClient>;

before(async () => {
  site = await startTestSite();
  clients = await signedInClients(site);
});
after(() => site.close());

const editor = () => clients.get('editor')!;
const token = async () => csrfFrom((await editor().get('/newsroom/media')).body);

async function upload(name: string, type: string, data: Buffer, url = '/newsroom/media') {
  return postMultipart(site, editor(), { _csrf: await token() }, { name, type, data }, 'text/html', url);
}

function idFrom(location: string | undefined): number {
  const id = Number(/^\/newsroom\/media\/(\d+)/.exec(location ?? '')?.[1]);
  assert.ok(id > 0, `redirected to an item: ${location}`);
  return id;
}

const VTT = 'WEBVTT\n\n00:00.000 --> 00:01.000\nالنهر يفيض\n';

describe('audio and video in the media library', () => {
  it('stores a WAV as audio with its duration and shows a player and the time', async () => {
    const res = await upload('interview.wav', 'audio/wav', wavFile(2));
    assert.equal(res.status, 303);
    const media = (await site.services.repos.media.byId(idFrom(res.location)))!;
    assert.deepEqual([media.kind, media.mime, media.durationMs], ['audio', 'audio/wav', 2000]);
    assert.match(media.path, /\.wav$/);
    const page = await editor().get(`/newsroom/media/${media.id}`);
    assert.match(page.body, /<audio controls preload="metadata" src="\/media\/[^"]+\.wav"/);
    assert.match(page.body, /<dt>المدة<\/dt>\s*<dd><bdi dir="ltr">0:02<\/bdi>/);
    const library = await editor().get('/newsroom/media');
    assert.match(library.body, /<span class="nr-media-doc">WAV<\/span>/);
    assert.match(library.body, /<em class="nr-muted">صوت<\/em>/);
  });

  it('refuses a text file named .mp3 with the reason, storing nothing', async () => {
    const before = await stored(site);
    const res = await upload(
      'podcast.mp3',
      'audio/mpeg',
      Buffer.from('Not a recording at all.\n'.repeat(40)),
    );
    assert.equal(res.status, 422);
    assert.match(res.body, /اسم الملف أو نوعه يقول إنه صوت أو فيديو، لكن محتواه ليس كذلك/);
    assert.deepEqual(await stored(site), before);
  });

  it('holds audio and video to their own limit, refused before the file is stored', async () => {
    await site.services.repos.settings.set(MAX_AV_UPLOAD_SETTING, 0.01);
    try {
      const before = await stored(site);
      const res = await upload('long.wav', 'audio/wav', wavFile(2));
      assert.equal(res.status, 413);
      assert.match(res.body, /ملف الصوت أو الفيديو أكبر من الحد المسموح \(0\.01 ميغابايت\)/);
      assert.deepEqual(await stored(site), before, 'no row and no file');
    } finally {
      await site.services.repos.settings.set(MAX_AV_UPLOAD_SETTING, 200);
    }
    // The image limit does not apply to audio: a small image limit leaves a larger recording in.
    await site.services.repos.settings.set(MAX_UPLOAD_SETTING, 0.01);
    try {
      const res = await upload('long.wav', 'audio/wav', wavFile(2));
      assert.equal(res.status, 303);
    } finally {
      await site.services.repos.settings.set(MAX_UPLOAD_SETTING, 20);
    }
  });

  it('stores an MP4 as video with its picture size; a poster is chosen, uploaded and removed', async () => {
    const res = await upload(
      'flood.mp4',
      'video/mp4',
      minimalMp4({ durationMs: 75_000, width: 640, height: 360 }),
    );
    const videoId = idFrom(res.location);
    const video = (await site.services.repos.media.byId(videoId))!;
    assert.deepEqual([video.kind, video.width, video.height, video.durationMs], ['video', 640, 360, 75_000]);

    const photo = await sharp({ create: { width: 64, height: 36, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer();
    const imageId = idFrom((await upload('poster.jpg', 'image/jpeg', photo)).location);
    let page = await editor().get(`/newsroom/media/${videoId}`);
    assert.match(page.body, new RegExp(`name="posterId" value="${imageId}"`));
    assert.match(page.body, /<dt>المدة<\/dt>\s*<dd><bdi dir="ltr">1:15<\/bdi>/);
    const chosen = await editor().post(`/newsroom/media/${videoId}/poster`, {
      _csrf: csrfFrom(page.body),
      posterId: String(imageId),
    });
    assert.equal(chosen.status, 303);
    assert.equal((await site.services.repos.media.byId(videoId))?.posterMediaId, imageId);
    page = await editor().get(chosen.location!);
    assert.match(page.body, /حُفظت صورة الغلاف/);
    assert.match(page.body, /<video controls preload="metadata" src="[^"]+\.mp4" poster="\/media\/[^"]+"/);

    // A poster that is not an image is refused with the reason.
    const wrong = await editor().post(`/newsroom/media/${videoId}/poster`, {
      _csrf: csrfFrom(page.body),
      posterId: String(videoId),
    });
    assert.equal(wrong.status, 422);
    assert.match(wrong.body, /صورة الغلاف يجب أن تكون صورة من المكتبة/);

    const uploaded = await upload(
      'new-poster.jpg',
      'image/jpeg',
      photo,
      `/newsroom/media/${videoId}/poster/upload`,
    );
    assert.equal(uploaded.status, 303);
    const withNew = (await site.services.repos.media.byId(videoId))!;
    assert.ok(withNew.posterMediaId && withNew.posterMediaId !== imageId);

    const removed = await editor().post(`/newsroom/media/${videoId}/poster`, {
      _csrf: csrfFrom(page.body),
      remove: '1',
    });
    assert.equal(removed.status, 303);
    assert.equal((await site.services.repos.media.byId(videoId))?.posterMediaId, null);
  });

  it('adds WebVTT caption tracks, refuses a file that is not WebVTT, removes a track', async () => {
    const audioId = idFrom((await upload('talk.wav', 'audio/wav', wavFile(1))).location);
    const url = `/newsroom/media/${audioId}/tracks`;
    const fields = async () => ({ _csrf: await token(), lang: 'ar', label: 'العربية', kind: 'captions' });
    const added = await postMultipart(
      site,
      editor(),
      await fields(),
      { name: 'talk-ar.vtt', type: 'text/vtt', data: Buffer.from(VTT) },
      'text/html',
      url,
    );
    assert.equal(added.status, 303);
    const [track] = await site.services.repos.media.tracksOf([audioId]);
    assert.deepEqual([track?.lang, track?.label, track?.kind], ['ar', 'العربية', 'captions']);
    const page = await editor().get(`/newsroom/media/${audioId}`);
    assert.match(page.body, /<track kind="captions" src="\/media\/[^"]+\.vtt" srclang="ar" label="العربية"/);

    const before = await stored(site);
    const srt = await postMultipart(
      site,
      editor(),
      await fields(),
      { name: 'talk.vtt', type: 'text/vtt', data: Buffer.from('1\n00:00:00,000 --> 00:00:01,000\nx\n') },
      'text/html',
      url,
    );
    assert.equal(srt.status, 422, srt.body.slice(0, 300));
    assert.match(srt.body, /ملف الترجمة ليس WebVTT صالحًا/);
    const noLang = await postMultipart(
      site,
      editor(),
      { ...(await fields()), lang: 'not a language' },
      { name: 't.vtt', type: 'text/vtt', data: Buffer.from(VTT) },
      'text/html',
      url,
    );
    assert.equal(noLang.status, 422);
    assert.match(noLang.body, /أعطِ المسار رمز لغة/);
    assert.deepEqual(await stored(site), before, 'refused tracks leave no file and no row');

    const removed = await editor().post(`/newsroom/media/${audioId}/tracks/${track!.id}/delete`, {
      _csrf: csrfFrom(page.body),
    });
    assert.equal(removed.status, 303);
    assert.deepEqual(await site.services.repos.media.tracksOf([audioId]), []);
  });
  it('lets an admin set the audio and video limit in the settings, keeping it when a form lacks it', async () => {
    const admin = clients.get('admin')!;
    const page = await admin.get('/newsroom/settings');
    assert.match(
      page.body,
      /<input id="maxAudioVideoMB" name="maxAudioVideoMB" type="number" min="1" max="4096"[^>]* value="200"/,
    );
    const form = {
      name: 'مداد',
      tagline: '',
      description: '',
      defaultLang: 'ar',
      timezone: 'Africa/Niamey',
      commentModeration: 'first-time',
      languages: ['ar', 'fr', 'en'],
      dateDisplay: 'both',
      maxUploadMB: '20',
    };
    const bad = await admin.submit('/newsroom/settings', '/newsroom/settings', {
      ...form,
      maxAudioVideoMB: '0',
    });
    assert.equal(bad.status, 422);
    assert.match(bad.body, /اكتب عددًا صحيحًا بين 1 و4096/);
    const ok = await admin.submit('/newsroom/settings', '/newsroom/settings', {
      ...form,
      maxAudioVideoMB: '300',
    });
    assert.equal(ok.status, 303);
    assert.equal(await site.services.repos.settings.get(MAX_AV_UPLOAD_SETTING), 300);
    // A form without the field (an older page) leaves the limit as it was.
    assert.equal((await admin.submit('/newsroom/settings', '/newsroom/settings', form)).status, 303);
    assert.equal(await site.services.repos.settings.get(MAX_AV_UPLOAD_SETTING), 300);
    await site.services.repos.settings.set(MAX_AV_UPLOAD_SETTING, 200);
  });
});
