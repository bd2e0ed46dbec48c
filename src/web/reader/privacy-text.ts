// The privacy page's text in the three site languages: what the site counts when a page is
// read, and what it does not keep. Kept in step with services/readership (what is stored) and
// docs/operations.md (what operators are told).
import type { Lang } from '../../core/types.ts';

export interface PrivacyText {
  title: string;
  intro: string;
  /** Shown while the site owner has turned counting off. */
  off: string;
  sections: { heading: string; paragraphs: string[] }[];
}

const ar: PrivacyText = {
  title: 'الخصوصية',
  intro:
    'يحترم هذا الموقع خصوصية قرائه. لا نتتبعك، ولا نبيع شيئًا عنك، ولا نستعين بأي خدمة خارجية لقياس الزيارات.',
  off: 'عدّ القراءات متوقف حاليًا في هذا الموقع: لا يُرسل أي نص برمجي للعدّ ولا يُحفظ شيء.',
  sections: [
    {
      heading: 'ما الذي نعدّه',
      paragraphs: [
        'حين تظهر صفحة على شاشتك يرسل المتصفح إلى موقعنا نفسه إشارة صغيرة تقول: رقم المقال المقروء (أو نوع الصفحة، كالرئيسية أو القسم)، ولغة الصفحة، واسم الموقع الذي جئت منه إن وُجد (اسم النطاق فقط، دون العنوان الكامل).',
        'نحفظ من ذلك أعدادًا مجمّعة فقط: عدد قراءات كل مقال في كل ساعة، وعدد القادمين من كل موقع في كل يوم، ونوع الجهاز (هاتف أو لوحي أو حاسوب) مستنتجًا من اسم المتصفح. بهذه الأعداد نعرض قائمة «الأكثر قراءة» ونعرف ما يهمّ القراء.',
      ],
    },
    {
      heading: 'ما الذي لا نحفظه',
      paragraphs: [
        'لا ملفات تعريف ارتباط (كوكيز)، ولا معرّف في متصفحك، ولا عنوان IP، ولا سجل لما قرأه شخص بعينه، ولا موقعك الجغرافي.',
        'كي لا تُحسب إعادة تحميل الصفحة قراءةً جديدة، نحسب بصمة مؤقتة من عنوانك واسم متصفحك والصفحة ومفتاح عشوائي يتغير كل يوم. تبقى هذه البصمة في الذاكرة نصف ساعة ثم تُنسى، ولا تُكتب على القرص أبدًا، ويُمحى المفتاح نفسه بعد يومه، فلا يمكن بعد ذلك ربطها بأحد.',
        'لا يحمّل الموقع أي نص برمجي أو صورة أو خط من موقع آخر، فلا يعلم أحد غيرنا بزيارتك.',
      ],
    },
    {
      heading: 'الروبوتات',
      paragraphs: [
        'لا تُحسب زيارات محركات البحث والبرامج الآلية المعروفة، ولا الإشارات المتكررة بكثرة من عنوان واحد.',
      ],
    },
  ],
};

const fr: PrivacyText = {
  title: 'Confidentialité',
  intro:
    'Ce site respecte la vie privée de ses lecteurs. Nous ne vous suivons pas, ne vendons rien à votre sujet et ne confions la mesure d’audience à aucun service extérieur.',
  off: 'La mesure d’audience est actuellement désactivée sur ce site : aucun script de mesure n’est envoyé et rien n’est enregistré.',
  sections: [
    {
      heading: 'Ce que nous comptons',
      paragraphs: [
        'Quand une page s’affiche sur votre écran, votre navigateur envoie à notre propre site un petit signal : le numéro de l’article lu (ou le type de page, comme l’accueil ou une rubrique), la langue de la page et le nom du site d’où vous venez s’il y en a un (le nom de domaine seulement, jamais l’adresse complète).',
        'Nous n’en gardons que des totaux : le nombre de lectures de chaque article par heure, le nombre de visiteurs venus de chaque site par jour et le type d’appareil (téléphone, tablette ou ordinateur) déduit du nom du navigateur. Ces totaux servent à la liste « Les plus lus » et à savoir ce qui intéresse les lecteurs.',
      ],
    },
    {
      heading: 'Ce que nous ne gardons pas',
      paragraphs: [
        'Aucun cookie, aucun identifiant dans votre navigateur, aucune adresse IP, aucun historique de ce qu’une personne a lu, aucune localisation.',
        'Pour qu’un rechargement de page ne compte pas comme une nouvelle lecture, nous calculons une empreinte temporaire à partir de votre adresse, du nom de votre navigateur, de la page et d’une clé aléatoire renouvelée chaque jour. Cette empreinte reste une demi-heure en mémoire puis est oubliée ; elle n’est jamais écrite sur disque, et la clé elle-même disparaît après sa journée : plus rien ne permet alors de la rattacher à quelqu’un.',
        'Le site ne charge aucun script, aucune image ni aucune police depuis un autre site : personne d’autre que nous ne sait que vous êtes venu.',
      ],
    },
    {
      heading: 'Robots',
      paragraphs: [
        'Les visites des moteurs de recherche et des robots connus ne sont pas comptées, ni les signaux envoyés en rafale depuis une même adresse.',
      ],
    },
  ],
};

const en: PrivacyText = {
  title: 'Privacy',
  intro:
    'This site respects its readers’ privacy. We do not track you, we sell nothing about you, and no outside service measures our audience.',
  off: 'Readership counting is turned off on this site at the moment: no counting script is sent and nothing is stored.',
  sections: [
    {
      heading: 'What we count',
      paragraphs: [
        'When a page appears on your screen, your browser sends our own site a small signal: the number of the article read (or the kind of page, such as the home page or a section), the page’s language, and the name of the site you came from if any (its domain only, never the full address).',
        'We keep nothing but totals: how many times each article was read in each hour, how many readers came from each site each day, and the kind of device (phone, tablet or computer) told from the browser’s name. These totals make the “Most read” list and tell the newsroom what readers care about.',
      ],
    },
    {
      heading: 'What we do not keep',
      paragraphs: [
        'No cookies, no identifier in your browser, no IP address, no record of what any one person read, no location.',
        'So that reloading a page does not count as a new reading, we compute a temporary fingerprint from your address, your browser’s name, the page and a random key renewed every day. The fingerprint stays in memory for half an hour and is then forgotten; it is never written to disk, and the key itself is gone after its day, after which nothing can link it to anyone.',
        'The site loads no script, image or font from any other site: nobody but us learns of your visit.',
      ],
    },
    {
      heading: 'Robots',
      paragraphs: [
        'Visits from search engines and known robots are not counted, nor are signals sent in bursts from one address.',
      ],
    },
  ],
};

const TEXT: Record<Lang, PrivacyText> = { ar, fr, en };

export function privacyText(lang: Lang): PrivacyText {
  return TEXT[lang];
}
