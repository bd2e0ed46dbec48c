// Images made on the spot for the media tests: a photo carrying GPS coordinates in its EXIF,
// and a decompression bomb (a few hundred bytes that claim 2.5 billion pixels).
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** A JPEG from a "camera" that recorded where it was: Bamako, 12°38'N 8°0'W. */
export function photoWithGps(width = 1400, height = 900): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#446688' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'MidadCam', Model: 'Field 1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '12/1 38/1 0/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '8/1 0/1 0/1',
      },
    })
    .toBuffer();
}

/** Whether an EXIF block holds a pointer to a GPS directory (tag 0x8825, either byte order). */
export function exifHasGps(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  return exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25]));
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** A valid PNG header for a 50,000 × 50,000 image, with one compressed row of data. */
export function decompressionBomb(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(50_000, 0);
  ihdr.writeUInt32BE(50_000, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(2, 9); // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1 + 50_000 * 3))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A minimal PDF file: enough for the content check, which looks at its head and tail. */
export function tinyPdf(): Buffer {
  return Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
}
