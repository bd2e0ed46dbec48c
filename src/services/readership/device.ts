// The device class of a view, from the user agent alone: phone, tablet or desktop. Nothing
// finer is kept (no model, no browser, no version), so the class cannot help single anyone out.
import type { DeviceClass } from '../../db/repositories/readership-contract.ts';

// Checked first: tablets whose user agents also say "Mobile" or "Android" (iPads, Kindles).
const TABLET = /iPad|Tablet|PlayBook|Silk|Kindle|Nexus (?:7|9|10)\b|SM-T\d/i;
const PHONE = /Mobi|iPhone|iPod|Windows Phone|Opera Mini|BlackBerry|KaiOS/i;

export function deviceClass(userAgent: string): DeviceClass {
  if (TABLET.test(userAgent)) return 'tablet';
  if (PHONE.test(userAgent)) return 'phone';
  // Android without "Mobile" is a tablet by Google's own convention.
  if (/Android/i.test(userAgent)) return 'tablet';
  return 'desktop';
}
