// The editor's interface text travels from the server to the browser as data-label-* attributes
// on the body textarea: no JSON to parse, no inline script (the CSP forbids it), and the text
// stays in the newsroom's one message catalogue. This module is shared by both sides.
export const LABEL_KEYS = [
  'toolbar',
  'paragraph',
  'h2',
  'h3',
  'h4',
  'bold',
  'italic',
  'link',
  'linkPrompt',
  'linkInvalid',
  'orderedList',
  'bulletList',
  'blockquote',
  'image',
  'embed',
  'embedPrompt',
  'embedInvalid',
  'embedTitle',
  'embedCaption',
  'embedInsert',
  'embedEdit',
  'mediaTitle',
  'mediaSearch',
  'mediaClose',
  'mediaMore',
  'mediaEmpty',
  'mediaUpload',
  'mediaUploadSend',
  'mediaUploading',
  'mediaUploadFailed',
  'mediaFile',
  'mediaAlt',
  'mediaCaption',
  'conflict',
  'reload',
  'gallery',
  'galleryPick',
  'galleryInsert',
  'galleryAdd',
  'galleryCaption',
  'galleryImageCaption',
  'galleryEarlier',
  'galleryLater',
  'galleryRemove',
  'player',
  'playerPick',
  'playerEmpty',
  'playerCaption',
  'playerRemove',
  'pullQuote',
  'infoBox',
  'infoBoxDefaultTitle',
  'chooseFeatured',
  'changeFeatured',
  'removeFeatured',
  'focalPoint',
  'focalSaved',
  'focalFailed',
  'linkTitle',
  'linkUrl',
  'linkText',
  'linkNewTab',
  'linkApply',
  'linkRemove',
  'cancel',
  'confirmTrash',
  'confirmUnpublish',
  'confirmDiscard',
  'confirmYes',
  'comboRemove',
  'comboEarlier',
  'comboLater',
  'comboNew',
  'comboNone',
  'comboCount',
  'comboChosen',
  'mediaAltRequired',
  'mediaDrop',
  'mediaNotImage',
  'saving',
] as const;

export type LabelKey = (typeof LABEL_KEYS)[number];
export type Labels = Record<LabelKey, string>;

/** HTML lower-cases attribute names, so the attribute is spelled in lower case from the start. */
export function labelAttribute(key: LabelKey): string {
  return `data-label-${key.toLowerCase()}`;
}

/** The attributes to put on the textarea, from a catalogue holding `editor_<key>` texts. */
export function labelAttributes(catalogue: Record<`editor_${LabelKey}`, string>): Record<string, string> {
  return Object.fromEntries(LABEL_KEYS.map((key) => [labelAttribute(key), catalogue[`editor_${key}`]]));
}

/** Reads the labels back in the browser; a missing one falls back to its key rather than nothing. */
export function readLabels(element: { getAttribute(name: string): string | null }): Labels {
  const out = {} as Labels;
  for (const key of LABEL_KEYS) out[key] = element.getAttribute(labelAttribute(key)) ?? key;
  return out;
}
