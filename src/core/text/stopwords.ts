// Function words of Arabic, French and English, in normalized form (see normalizeText: ى→ي,
// ة→ه, أ/إ/آ→ا, no accents). They carry no topic, so they are left out of the term vectors
// that say what an article is about. Search keeps its own, much shorter list (search/plan.ts):
// there a dropped word changes what a reader asked for; here it only removes noise.
import type { Levels } from './stem.ts';

const ARABIC = `
في من الي علي عن مع عند عندما منذ خلال بعد قبل بين حتي حيث نحو ضد لدي دون غير سوي
فوق تحت امام وراء حول عبر لكن لكنه لكنها بل او ام ثم اذا اذ اذن لو لولا كي كيف متي اين
هل ما ماذا لماذا لم لن لا ليس ليست قد لقد سوف ان انه انها انهم اني كان كانت كانوا يكون تكون
هذا هذه ذلك تلك هءلاء اولءك هناك هنا التي الذي الذين اللذين اللتين اللواتي اللاتي
هو هي هم هن هما نحن انا انت انتم كل كله كلها بعض جميع اي ايه ايضا كما كذلك مثل ذات فقط جدا
فيه فيها فيهم منه منها منهم عليه عليها عليهم اليه اليها به بها بهم له لها لهم لنا عنه عنها
وفي ومن وعلي والي وعن ومع وان وقد ولم ولا وما وهو وهي وهم وكان وكانت وكل وبعد وقبل وبين
فقد فان فهو فهي فلا كما وكما لان لانه بان بانه بانها وانه وانها وهذا وهذه وذلك
قال قالت يقول تقول وقال وقالت اضاف واضاف اضافت واضافت اكد واكد اكدت واكدت اوضح واوضح
يوم اليوم امس غدا عام العام سنه السنه الان حاليا مساء صباح
`;

const FRENCH = `
le la les l un une des de du d et ou mais donc or ni car a au aux en dans par pour sur sous avec
sans entre vers chez contre selon depuis pendant avant apres lors ce cet cette ces c ca cela ceci
celui celle ceux celles qui que qu quoi dont ou il elle ils elles on nous vous je tu se s sa son
ses leur leurs lui y ne n pas plus moins tres aussi comme ainsi deja encore tout tous toute toutes
autre autres meme est sont ete etre etait etaient sera seront a ont avait avaient avoir fait faire
peut peuvent doit dit selon alors bien si non oui notre nos votre vos mon ma mes
`;

const ENGLISH = `
the a an and or but of to in on at by for with from as into over under about after before
between during since until than then so also not no is are was were be been being am it its
this that these those he she they we you i his her their our your my him them us there here
which who whom whose what when where while how all any some each more most other such only own
same can could will would shall should may might must has have had do does did said says say
`;

function listOf(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...listOf(ARABIC),
  ...listOf(FRENCH),
  ...listOf(ENGLISH),
]);

/** Whether an analyzed word is a function word (checked as printed and without its article). */
export function isStopWord(term: Pick<Levels, 'exact' | 'base'>): boolean {
  return STOP_WORDS.has(term.exact) || STOP_WORDS.has(term.base);
}
