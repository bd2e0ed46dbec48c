// Sample view models (Arabic and French) for the view tests and for local previews.
// Not used by the server.
import { messages } from '../../../core/i18n.ts';
import { counted } from '../../../core/plural.ts';
import type { Lang } from '../../../core/types.ts';
import type {
  ArticleCardView,
  ArticlePageView,
  CommentView,
  DateView,
  HeadView,
  ImageView,
  SiteView,
} from '../view-models.ts';
import { dirOf } from './util.ts';

const BASE = 'https://midad.example';

export function sampleSite(lang: Lang = 'ar', copyProtection = false): SiteView {
  const t = messages(lang);
  const names: Record<Lang, string[]> = {
    ar: ['سياسة', 'اقتصاد', 'مجتمع', 'ثقافة', 'رياضة', 'رأي'],
    fr: ['Politique', 'Économie', 'Société', 'Culture', 'Sport', 'Opinion'],
    en: ['Politics', 'Economy', 'Society', 'Culture', 'Sport', 'Opinion'],
  };
  const slugs = ['politics', 'economy', 'society', 'culture', 'sport', 'opinion'];
  return {
    ui: lang,
    name: lang === 'ar' ? 'مداد' : 'Midad',
    tagline:
      lang === 'ar' ? 'أخبار الساحل بأقلام مستقلة' : 'Le Sahel raconté par des journalistes indépendants',
    lang,
    dir: dirOf(lang),
    baseUrl: BASE,
    homeHref: `/${lang}/`,
    nav: slugs.map((s, i) => ({ href: `/${lang}/${s}/`, label: names[lang][i] ?? s })),
    languages: (['ar', 'fr', 'en'] as const).map((l) => ({
      lang: l,
      href: `/${l}/`,
      label: { ar: 'العربية', fr: 'Français', en: 'English' }[l],
      current: l === lang,
    })),
    searchAction: `/${lang}/search`,
    t,
    assets: {
      css: '/assets/site.css',
      copyProtectJs: '/assets/copy-protect.js',
      enhanceJs: '/assets/enhance.js',
      icon: '/assets/icon.0123456789.svg',
    },
    copyProtection,
    logo: null,
    year: 2025,
  };
}

export function sampleHead(title: string, path: string, noindex = false): HeadView {
  return { title, description: title, canonical: `${BASE}${path}`, noindex };
}

export const sampleDate: DateView = {
  iso: '2025-12-03T08:15:00.000Z',
  gregorian: '3 ديسمبر 2025',
  hijri: '12 جمادى الآخرة 1447 هـ',
};

const updatedDate: DateView = {
  iso: '2025-12-03T14:40:00.000Z',
  gregorian: '3 ديسمبر 2025، 14:40',
  hijri: '12 جمادى الآخرة 1447 هـ',
};

export function sampleImage(src = '/media/2025/12/niamey-flood.jpg'): ImageView {
  const base = src.replace(/\.jpg$/, '');
  return {
    src,
    width: 1200,
    height: 675,
    srcsetJpeg: `${base}-640.jpg 640w, ${base}-1200.jpg 1200w`,
    srcsetWebp: `${base}-640.webp 640w, ${base}-1200.webp 1200w`,
    srcsetAvif: '',
    alt: 'سكان يعبرون شارعًا غمرته المياه في حي بنيامي',
    caption: 'سكان يعبرون شارعًا غمرته مياه الأمطار في العاصمة نيامي.',
    credit: 'تصوير: عيسى موسى',
  };
}

export function sampleCard(id: number, overrides: Partial<ArticleCardView> = {}): ArticleCardView {
  return {
    id,
    href: `/ar/society/${id}/article-${id}`,
    title: `مزارعو منطقة تيلابيري يستعدون لموسم جاف بعد فيضانات العام الماضي (${id})`,
    dek: 'تعاونيات نسائية تخزّن البذور وتعيد حفر الآبار قبل أشهر الجفاف.',
    lang: 'ar',
    section: { href: '/ar/society/', label: 'مجتمع' },
    image: null,
    published: sampleDate,
    authors: [{ href: '/ar/author/aicha', label: 'عائشة مايغا' }],
    isBreaking: false,
    commentCount: id % 3,
    ...overrides,
  };
}

function comment(
  id: number,
  authorName: string,
  bodyHtml: string,
  depth: number,
  replies: CommentView[] = [],
): CommentView {
  return { id, authorName, bodyHtml, created: sampleDate, depth, replies, kind: 'comment', sourceUrl: null };
}

export function sampleComments(): CommentView[] {
  return [
    comment(101, 'محمد ولد أحمد', '<p>تقرير مهم، شكرًا لكم. نحتاج إلى مثل هذه التغطية من الميدان.</p>', 0, [
      comment(
        102,
        'Fatou Diallo',
        '<p>Merci pour cet article, très juste sur la situation à Ayorou.</p>',
        1,
        [
          comment(103, 'سيدي', '<p>أوافقك الرأي تمامًا.</p>', 2, [
            comment(104, 'عمر', '<p>رد على رد على رد.</p>', 3, [
              comment(105, 'مريم', '<p>وأنا كذلك.</p>', 3),
            ]),
          ]),
        ],
      ),
    ]),
    comment(
      106,
      'زائر',
      '<p>هذا نص فيه &lt;script&gt;alert(1)&lt;/script&gt; ورابط طويل <a href="https://example.org/a/very/long/path/that/never/ends/and/keeps/going/on-and-on-and-on-without-any-break" rel="nofollow ugc">https://example.org/a/very/long/path/that/never/ends/and/keeps/going/on-and-on-and-on-without-any-break</a></p>',
      0,
    ),
  ];
}

export function sampleArticle(overrides: Partial<ArticlePageView> = {}): ArticlePageView {
  const t = messages('ar');
  const canonical = `${BASE}/ar/society/42/niamey-floods`;
  const share: ArticlePageView['share'] = [
    { network: 'x', href: `https://x.com/intent/post?url=${encodeURIComponent(canonical)}`, label: 'X' },
    {
      network: 'facebook',
      href: `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(canonical)}`,
      label: 'فيسبوك',
    },
    { network: 'whatsapp', href: `https://wa.me/?text=${encodeURIComponent(canonical)}`, label: 'واتساب' },
    {
      network: 'telegram',
      href: `https://t.me/share/url?url=${encodeURIComponent(canonical)}`,
      label: 'تيليغرام',
    },
    {
      network: 'email',
      href: `mailto:?subject=${encodeURIComponent('فيضانات نيامي')}&body=${encodeURIComponent(canonical)}`,
      label: t.shareByEmail,
    },
    { network: 'copy', href: canonical, label: t.copyLink },
  ];
  return {
    id: 42,
    lang: 'ar',
    textLang: 'ar',
    dir: 'rtl',
    canonical,
    title: 'فيضانات نيامي: أحياء بأكملها تحت الماء والسكان يطالبون بخطة تصريف دائمة',
    dek: 'بعد أسبوع من الأمطار الغزيرة، يعيش آلاف السكان في المدارس والمساجد بانتظار انحسار المياه.',
    section: { href: '/ar/society/', label: 'مجتمع' },
    breadcrumb: [{ href: '/ar/society/', label: 'مجتمع' }],
    image: sampleImage(),
    authors: [
      { href: '/ar/author/aicha', label: 'عائشة مايغا' },
      { href: '/ar/author/ibrahim', label: 'إبراهيم سيسي' },
    ],
    published: sampleDate,
    updated: updatedDate,
    readingMinutes: 5,
    readingTimeLabel: counted('minutes', 5, 'ar'),
    bodyHtml:
      '<p>غمرت مياه الأمطار أحياء كاملة على ضفاف نهر النيجر، واضطرت مئات الأسر إلى ترك منازلها.</p>' +
      '<h2>مدارس تتحول إلى ملاجئ</h2><p>قال مدير إحدى المدارس إن الفصول استقبلت أكثر من ثلاثمئة شخص. ' +
      '<a href="https://example.org/report/2025/a-very-long-url-that-should-wrap-on-small-screens-without-any-problem">التقرير الكامل</a></p>' +
      '<blockquote><p>«لم نر مثل هذا منذ عشرين عامًا»، يقول الحاج موسى.</p></blockquote>' +
      '<p lang="fr" dir="ltr">« Nous avons tout perdu », confie une habitante du quartier Kirkissoye.</p>',
    tags: [
      { href: '/ar/tag/niger', label: 'النيجر' },
      { href: '/ar/tag/floods', label: 'فيضانات' },
      { href: '/ar/tag/climate', label: 'المناخ' },
    ],
    share,
    authorBoxes: [
      {
        name: 'عائشة مايغا',
        href: '/ar/author/aicha',
        bio: 'صحفية مستقلة مقيمة في نيامي، تكتب عن المناخ والمجتمع في الساحل.',
        avatar: null,
      },
    ],
    related: [
      sampleCard(7),
      sampleCard(8, { isBreaking: true }),
      sampleCard(9, { lang: 'fr', title: 'Niamey : les digues cèdent', dek: '' }),
    ],
    comments: sampleComments(),
    commentCount: 6,
    commentForm: {
      action: '/ar/society/42/niamey-floods/comments',
      open: true,
      values: { name: 'سعيد', email: 'not-an-email', body: '', parentId: '102' },
      errors: { email: t.errEmail, body: t.errRequired },
      notice: { kind: 'error', text: t.commentRefused },
      token: 'signed.token.value',
      replyingTo: { id: 102, authorName: 'Fatou Diallo', cancelHref: '/ar/society/42/niamey-floods#respond' },
      replyHrefBase: '/ar/society/42/niamey-floods?replyto=',
      honeypotName: 'website',
      limits: { name: 80, email: 254, body: 5000 },
    },
    isBreaking: true,
    translations: [{ href: '/fr/societe/43/inondations-niamey', label: 'Français', lang: 'fr' }],
    ...overrides,
  };
}
