// Names written in Latin letters by French and English wires, and their Arabic spelling: a
// reader typing Nouakchott or Tombouctou also finds the Arabic articles, and the other way
// round. Keys and values are normalized single words (see normalizeText).
const PAIRS: readonly (readonly [string, string])[] = [
  ['nouakchott', 'نواكشوط'],
  ['nouadhibou', 'نواذيبو'],
  ['tombouctou', 'تمبكتو'],
  ['timbuktu', 'تمبكتو'],
  ['bamako', 'باماكو'],
  ['niamey', 'نيامي'],
  ['mopti', 'موبتي'],
  ['gao', 'غاو'],
  ['kidal', 'كيدال'],
  ['mali', 'مالي'],
  ['niger', 'النيجر'],
  ['mauritanie', 'موريتانيا'],
  ['mauritania', 'موريتانيا'],
  ['tchad', 'تشاد'],
  ['chad', 'تشاد'],
  ['sahel', 'الساحل'],
  ['liban', 'لبنان'],
  ['lebanon', 'لبنان'],
  ['palestine', 'فلسطين'],
  ['ouagadougou', 'واغادوغو'],
  ['dakar', 'داكار'],
];

const ALIASES = new Map<string, string[]>();
for (const [latin, arabic] of PAIRS) {
  ALIASES.set(latin, [...(ALIASES.get(latin) ?? []), arabic]);
  ALIASES.set(arabic, [...(ALIASES.get(arabic) ?? []), latin]);
}

/** Other spellings of a normalized word (empty when it has none). */
export function aliasesOf(word: string): readonly string[] {
  return ALIASES.get(word) ?? [];
}
