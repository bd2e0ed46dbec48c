// The templates the quality collection is written from: places, cities, people, and for each
// topic its titles and sentences, in Arabic and French. Original text, written for the suite.
import type { Lang } from '../../src/core/types.ts';

export const PLACES = [
  { id: 'mali', ar: 'مالي', fr: 'Mali' },
  { id: 'niger', ar: 'النيجر', fr: 'Niger' },
  { id: 'mauritania', ar: 'موريتانيا', fr: 'Mauritanie' },
  { id: 'lebanon', ar: 'لبنان', fr: 'Liban' },
  { id: 'chad', ar: 'تشاد', fr: 'Tchad' },
];
export const CITIES = [
  { id: 'nouakchott', place: 'mauritania', ar: 'نواكشوط', fr: 'Nouakchott' },
  { id: 'niamey', place: 'niger', ar: 'نيامي', fr: 'Niamey' },
  { id: 'bamako', place: 'mali', ar: 'باماكو', fr: 'Bamako' },
  { id: 'timbuktu', place: 'mali', ar: 'تمبكتو', fr: 'Tombouctou' },
  { id: 'gao', place: 'mali', ar: 'غاو', fr: 'Gao' },
];
export const PERSONS = [
  { id: 'abdallah', ar: 'عبدالله ولد أحمد' },
  { id: 'abdrahman', ar: 'عبد الرحمن ولد محمد' },
  { id: 'salka', ar: 'السالكة منت محمد' },
];

export interface TopicSpec {
  topic: string;
  lang: Lang;
  count: number;
  /** What {place}/{city} are filled with, cycling through the lists. */
  where: 'place' | 'city' | 'none';
  titles: string[];
  sentences: string[];
}

export const FILLER_AR = [
  'وقال مراسلنا إن الوضع ما زال هادئا في المساء.',
  'ويأتي ذلك في سياق إقليمي صعب تتابعه المنظمات الدولية.',
  'وتعهدت السلطات المحلية بنشر تقرير مفصل خلال الأسابيع المقبلة.',
  'وتداول ناشطون صورا للحدث على مواقع التواصل.',
  'ولم يصدر أي تعليق رسمي حتى ساعة كتابة هذا الخبر.',
];
export const FILLER_FR = [
  'Notre correspondant indique que la situation reste calme.',
  'Les autorités promettent un rapport détaillé dans les prochaines semaines.',
  'Aucun commentaire officiel n’avait été publié en fin de journée.',
];

export const TOPICS: TopicSpec[] = [
  {
    topic: 'elections',
    lang: 'ar',
    count: 40,
    where: 'place',
    titles: [
      'الانتخابات البلدية في {place}',
      'استعدادات للانتخابات التشريعية ب{place}',
      'لجنة الانتخابات في {place} تعلن القوائم النهائية',
    ],
    sentences: [
      'أعلنت اللجنة المستقلة للانتخابات جدول التصويت.',
      'دعا المرشحون الناخبين إلى المشاركة الواسعة.',
      'يتنافس {n} مرشحا على مقاعد المجالس.',
      'انطلقت الحملة الانتخابية وسط إجراءات أمنية.',
    ],
  },
  {
    topic: 'floods',
    lang: 'ar',
    count: 25,
    where: 'city',
    titles: [
      'فيضانات نهر النيجر تغمر أحياء في {city}',
      'ارتفاع منسوب النهر يهدد سكان {city}',
      'السيول تجتاح ضواحي {city}',
    ],
    sentences: [
      'أجلت السلطات مئات الأسر من الأحياء المنخفضة.',
      'ارتفع منسوب نهر النيجر إلى مستوى غير مسبوق.',
      'نصبت فرق الإغاثة خياما للمتضررين.',
    ],
  },
  {
    topic: 'hospital',
    lang: 'ar',
    count: 25,
    where: 'city',
    titles: [
      'افتتاح مستشفى جديد في {city}',
      'المستشفى الجهوي في {city} يستقبل أول المرضى',
      'نقص الأطباء في مستشفيات {city}',
    ],
    sentences: [
      'يضم المستشفى أقساما للولادة والطوارئ.',
      'قال مدير المستشفى إن الطاقة الاستيعابية بلغت {n} سريرا.',
      'تشكو المستشفيات من نقص الأدوية.',
    ],
  },
  {
    topic: 'university',
    lang: 'ar',
    count: 20,
    where: 'city',
    titles: [
      'طلاب جامعة {city} يحتجون على ظروف السكن',
      'الجامعة في {city} تفتح تخصصات جديدة',
      'إضراب الأساتذة يشل الجامعات في {city}',
    ],
    sentences: [
      'طالب الطلاب بتحسين المنح الدراسية.',
      'أعلنت إدارة الجامعة تأجيل الامتحانات.',
      'تضم الجامعة {n} طالب وطالبة.',
    ],
  },
  {
    topic: 'minister',
    lang: 'ar',
    count: 25,
    where: 'place',
    titles: [
      'وزير الخارجية يزور {place} في جولة إقليمية',
      'وزيرة الخارجية تلتقي نظيرها في {place}',
      'وزير الخارجية يبحث التعاون مع {place}',
    ],
    sentences: [
      'بحث الوزير مع نظيره ملفات التعاون الثنائي.',
      'وقع الجانبان اتفاقيات في مجالات النقل والطاقة.',
      'أكدت الوزارة أن الزيارة تستمر يومين.',
    ],
  },
  {
    topic: 'jar',
    lang: 'ar',
    count: 12,
    where: 'city',
    titles: [
      'زير الماء يعود إلى البيوت في {city}',
      'حرفيو {city} يصنعون الزير من الطين',
      'الزير الفخاري يبرد الماء في صيف {city}',
    ],
    sentences: [
      'يحفظ الزير الماء باردا دون كهرباء.',
      'يباع الزير في الأسواق الشعبية بأسعار زهيدة.',
      'تتوارث الأسر صناعة الفخار جيلا بعد جيل.',
    ],
  },
  {
    topic: 'milk',
    lang: 'ar',
    count: 15,
    where: 'city',
    titles: [
      'أسعار اللبن ترتفع في أسواق {city}',
      'مربو الماشية في {city} يشكون تراجع إنتاج اللبن',
      'اللبن الطازج يختفي من محلات {city}',
    ],
    sentences: [
      'ارتفع سعر لتر اللبن بسبب قلة الأعلاف.',
      'يعتمد كثير من الأسر على اللبن في وجبة الإفطار.',
      'طالب التجار بدعم مربي الأبقار.',
    ],
  },
  {
    topic: 'islam',
    lang: 'ar',
    count: 20,
    where: 'city',
    titles: [
      'ندوة حول الفكر الإسلامي في {city}',
      'المحاظر ونشر الإسلام في {city}',
      'مؤتمر علماء الإسلام يختتم أعماله في {city}',
    ],
    sentences: [
      'ناقش العلماء دور المحاظر في نشر الإسلام.',
      'تناولت الجلسات تاريخ التعليم الإسلامي العتيق.',
      'شارك في الندوة باحثون من عدة دول.',
    ],
  },
  {
    topic: 'budget',
    lang: 'ar',
    count: 20,
    where: 'place',
    titles: [
      'البرلمان في {place} يصادق على ميزانية {year}',
      'ميزانية {year} في {place} تركز على التعليم',
      'عجز ميزانية {place} لعام {year}',
    ],
    sentences: [
      'صادق النواب على ميزانية عام {year} بأغلبية واسعة.',
      'خصصت الحكومة نسبة {n} في المئة للصحة.',
      'انتقدت المعارضة ارتفاع الدين العام.',
    ],
  },
  {
    topic: 'literature',
    lang: 'ar',
    count: 15,
    where: 'none',
    titles: [
      '{person} يفوز بجائزة الرواية',
      'الكاتب {person} يصدر ديوان شعر جديدا',
      'أمسية أدبية تكرم {person}',
    ],
    sentences: [
      'تناولت الرواية حياة البدو في الصحراء.',
      'قرأ الشاعر قصائد من ديوانه الأخير.',
      'حضر الأمسية جمهور كبير من المثقفين.',
    ],
  },
  {
    topic: 'palestine',
    lang: 'ar',
    count: 12,
    where: 'none',
    titles: ['مؤتمر دولي حول فلسطين', 'تضامن شعبي مع الفلسطينيين', 'وقفة دعم لفلسطين في العاصمة'],
    sentences: [
      'طالب المشاركون بحماية المدنيين الفلسطينيين.',
      'رفع المتظاهرون أعلام فلسطين.',
      'دعا البيان الختامي إلى وقف إطلاق النار.',
    ],
  },
  {
    topic: 'security',
    lang: 'ar',
    count: 25,
    where: 'place',
    titles: [
      'هجوم مسلح يستهدف موقعا عسكريا في {place}',
      'تعزيز الأمن في منطقة الساحل و{place}',
      'وزير الدفاع يتفقد القوات في {place}',
    ],
    sentences: [
      'أعلن الجيش مقتل عدد من المهاجمين.',
      'تشهد منطقة الساحل تدهورا أمنيا منذ سنوات.',
      'عقد مجلس الأمن الوطني اجتماعا طارئا.',
    ],
  },
  {
    topic: 'manuscripts',
    lang: 'ar',
    count: 10,
    where: 'none',
    titles: [
      'مخطوطات تمبكتو في خطر',
      'ترميم المخطوطات القديمة في تمبكتو',
      'مكتبات تمبكتو تفتح أبوابها للباحثين',
    ],
    sentences: [
      'تضم المكتبات آلاف المخطوطات النادرة.',
      'يعمل المرممون على حفظ المخطوطة من الرطوبة.',
      'تعود بعض الوثائق إلى القرن السادس عشر.',
    ],
  },
  {
    topic: 'elections',
    lang: 'fr',
    count: 12,
    where: 'place',
    titles: [
      'Élections municipales au {place}',
      'Le {place} prépare ses élections législatives',
      'Campagne électorale tendue au {place}',
    ],
    sentences: [
      'Les électeurs sont appelés aux urnes.',
      'La commission électorale a publié les listes.',
      '{n} candidats sont en lice.',
    ],
  },
  {
    topic: 'floods',
    lang: 'fr',
    count: 10,
    where: 'city',
    titles: ['Inondations à {city} : des familles évacuées', 'La crue du fleuve menace {city}'],
    sentences: ['Le niveau du fleuve Niger a atteint un record.', 'Les secours ont installé des tentes.'],
  },
  {
    topic: 'hospital',
    lang: 'fr',
    count: 8,
    where: 'city',
    titles: ['Un nouvel hôpital ouvre à {city}', 'Les hôpitaux de {city} manquent de médecins'],
    sentences: ['L’hôpital compte une maternité et des urgences.', 'Les médecins réclament plus de moyens.'],
  },
  {
    topic: 'university',
    lang: 'fr',
    count: 8,
    where: 'city',
    titles: [
      'Les étudiants de l’université de {city} en grève',
      'L’université de {city} ouvre de nouvelles filières',
    ],
    sentences: ['Les étudiants réclament de meilleures bourses.', 'Les examens sont reportés.'],
  },
];

/** A small deterministic generator (mulberry32), so the collection never changes. */
