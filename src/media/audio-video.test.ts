import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { probeAudioVideo } from './audio-video.ts';
import { looksLikeVtt, validateVtt } from './captions.ts';
import { readMp4 } from './mp4-boxes.ts';
import { claimsAudioVideo, sniffAudioVideo } from './sniff-av.ts';
import { ffmpegFile, hasFfmpeg, minimalMp4, mp3File, wavFile } from './test-av.ts';

const noFfmpeg = hasFfmpeg ? false : 'ffmpeg is not installed';

async function facts(buffer: Buffer) {
  const sniffed = sniffAudioVideo(buffer);
  assert.ok(sniffed, 'recognised');
  return probeAudioVideo(buffer, sniffed);
}

describe('audio and video by their bytes', () => {
  it('reads a WAV: audio/wav and its duration', async () => {
    const f = await facts(wavFile(1.5));
    assert.equal(f.kind, 'audio');
    assert.equal(f.mime, 'audio/wav');
    assert.equal(f.ext, 'wav');
    assert.equal(f.durationMs, 1500);
    assert.equal(f.width, null);
  });

  it('reads an MP3 of 100 frames: about 2.6 s', async () => {
    const f = await facts(mp3File(100));
    assert.equal(f.mime, 'audio/mpeg');
    assert.ok(Math.abs(f.durationMs - 2612) < 30, `duration ${f.durationMs}`);
    assert.match(f.codec ?? '', /MPEG 1 Layer 3/);
  });

  it('reads an MP4 container: duration from mvhd, size from the video tkhd, moov after mdat', async () => {
    const mp4 = minimalMp4({ durationMs: 12_345, width: 640, height: 360, large: true });
    assert.deepEqual(readMp4(mp4), {
      durationMs: 12_345,
      width: 640,
      height: 360,
      video: true,
      audio: false,
    });
    const f = await facts(mp4);
    assert.equal(f.kind, 'video');
    assert.equal(f.mime, 'video/mp4');
    assert.equal(f.durationMs, 12_345);
    assert.equal(f.width, 640);
    assert.equal(f.height, 360);
  });

  it('refuses what only looks like audio: text named .mp3, a truncated header, an empty WAV', async () => {
    assert.equal(
      sniffAudioVideo(Buffer.from('This is a press release, not a recording.\n'.repeat(20))),
      null,
    );
    assert.equal(sniffAudioVideo(Buffer.from([0xff, 0xfb, 0x90, 0xc4, 1, 2, 3, 4, 5, 6, 7, 8, 9])), null);
    assert.equal(sniffAudioVideo(Buffer.from('RIFF\0\0\0\0AVI LIST', 'latin1')), null);
    const emptyWav = wavFile(0);
    await assert.rejects(() => facts(emptyWav), /no playable length|cannot be read/);
    const broken = Buffer.from(minimalMp4({ durationMs: 0, width: 10, height: 10 }));
    await assert.rejects(
      () => facts(broken),
      (e: Error & { fields?: Record<string, string> }) => {
        return e.fields?.file === 'unreadable_media';
      },
    );
  });

  it('tells which names and types claim to be audio or video', () => {
    assert.equal(claimsAudioVideo({ filename: 'interview.MP3' }), true);
    assert.equal(claimsAudioVideo({ filename: 'report.txt', type: 'video/mp4' }), true);
    assert.equal(claimsAudioVideo({ filename: 'photo.jpg', type: 'image/jpeg' }), false);
  });

  it('reads real encodes: M4A, Ogg Vorbis, Opus, MP4 (H.264) and WebM (VP8)', {
    skip: noFfmpeg,
  }, async () => {
    const m4a = await facts(ffmpegFile('m4a', ['-c:a', 'aac', '-b:a', '32k'], { seconds: 2 }));
    assert.deepEqual([m4a.kind, m4a.mime, m4a.ext], ['audio', 'audio/mp4', 'm4a']);
    assert.ok(Math.abs(m4a.durationMs - 2000) < 100, `m4a ${m4a.durationMs}`);
    const ogg = await facts(ffmpegFile('ogg', ['-c:a', 'libvorbis'], { seconds: 2 }));
    assert.deepEqual([ogg.kind, ogg.mime, ogg.ext], ['audio', 'audio/ogg', 'ogg']);
    assert.ok(Math.abs(ogg.durationMs - 2000) < 100, `ogg ${ogg.durationMs}`);
    const opus = await facts(ffmpegFile('opus', ['-c:a', 'libopus', '-b:a', '16k'], { seconds: 2 }));
    assert.deepEqual([opus.kind, opus.ext], ['audio', 'opus']);
    assert.ok(Math.abs(opus.durationMs - 2000) < 100, `opus ${opus.durationMs}`);
    const mp4 = await facts(
      ffmpegFile('mp4', ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac'], {
        seconds: 2,
        video: true,
      }),
    );
    assert.deepEqual([mp4.kind, mp4.mime, mp4.width, mp4.height], ['video', 'video/mp4', 320, 180]);
    assert.ok(Math.abs(mp4.durationMs - 2000) < 150, `mp4 ${mp4.durationMs}`);
    const webm = await facts(
      ffmpegFile('webm', ['-c:v', 'libvpx', '-b:v', '100k', '-c:a', 'libopus'], { seconds: 2, video: true }),
    );
    assert.deepEqual([webm.kind, webm.mime, webm.width, webm.height], ['video', 'video/webm', 320, 180]);
    assert.ok(Math.abs(webm.durationMs - 2000) < 150, `webm ${webm.durationMs}`);
    const audioWebm = await facts(ffmpegFile('webm', ['-c:a', 'libopus'], { seconds: 1 }));
    assert.deepEqual([audioWebm.kind, audioWebm.mime], ['audio', 'audio/webm']);
  });
});

describe('WebVTT captions', () => {
  const good =
    'WEBVTT\n\n00:00.000 --> 00:01.500\nالفيضان يصل إلى القرية\n\n00:00:01.500 --> 00:00:03.000 align:start\nLe fleuve monte\n';

  it('accepts UTF-8 WebVTT, with or without a byte order mark', () => {
    assert.equal(validateVtt(Buffer.from(good)), good);
    assert.ok(validateVtt(Buffer.from(`\uFEFF${good}`)));
    assert.ok(looksLikeVtt(Buffer.from(good)));
    assert.ok(validateVtt(Buffer.from('WEBVTT - Niger river\r\n')));
  });

  it('refuses a file without the signature, in another encoding, or with a malformed cue time', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as { fields?: Record<string, string> }).fields?.file;
      }
      return 'accepted';
    };
    assert.equal(
      code(() => validateVtt(Buffer.from('1\n00:00:00,000 --> 00:00:01,000\nSRT text\n'))),
      'bad_captions',
    );
    assert.equal(
      code(() => validateVtt(Buffer.from('WEBVTTX\n'))),
      'bad_captions',
    );
    assert.equal(
      code(() => validateVtt(Buffer.from([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0xe9, 0x74, 0xe9]))),
      'bad_captions',
    );
    assert.equal(
      code(() => validateVtt(Buffer.from('WEBVTT\n\n00:00.000 --> soon\nx\n'))),
      'bad_captions',
    );
    assert.equal(
      code(() => validateVtt(Buffer.alloc(3 * 1024 * 1024, 'WEBVTT\n'))),
      'too_large',
    );
    assert.equal(looksLikeVtt(Buffer.from('WEBVTTX')), false);
  });
});
