// French demo articles. One translates an Arabic article; the others stand alone.
// Original text written for this demo; people quoted by name are fictional.
import type { DemoArticle } from './types.ts';

export const articlesFr: DemoArticle[] = [
  {
    key: 'mopti-rice-fr',
    translationOf: 'mopti-rice',
    lang: 'fr',
    status: 'published',
    title: 'À Mopti, les riziculteurs guettent la crue entre espoir et prudence',
    slug: 'a-mopti-les-riziculteurs-guettent-la-crue',
    dek: 'Des milliers de paysans du delta intérieur du Niger dépendent de la crue annuelle pour irriguer leurs rizières, et chaque saison est un nouveau pari.',
    section: 'mali',
    authors: ['mariam-coulibaly', 'youssouf-ag-mohamed'],
    tags: ['الزراعة', 'نهر-النيجر', 'المناخ'],
    image: {
      scene: 'field',
      palette: 'mali',
      alt: 'Illustration de champs verts et dorés qui s’étendent jusqu’à l’horizon, ponctués d’acacias',
      caption: 'Des champs en bordure du delta',
      credit: 'Illustration : Midad',
    },
    hoursAgo: 12 * 24 + 2,
    body: `<p>Sur les berges argileuses près de Mopti, Boubacar Cissé observe chaque matin la couleur et le niveau du fleuve. Cet agriculteur, qui cultive le riz depuis trente ans, sait que toute sa saison dépend de la date d’arrivée de la crue et de sa hauteur : précoce et suffisante, elle promet une bonne récolte ; tardive ou faible, elle emporte une partie de ses semences et de son travail.</p>
<p>Le delta intérieur du Niger est l’une des plus grandes zones humides d’Afrique de l’Ouest. Pendant la crue, le fleuve s’étale sur de vastes plaines, irrigue les rizières et nourrit les pâturages et les pêcheries dont vivent des centaines de milliers de personnes.</p>
<h2>Une agriculture réglée sur le rythme du fleuve</h2>
<p>La plupart des paysans pratiquent la riziculture de submersion : le grain est semé avant l’arrivée de l’eau, puis la plante grandit avec elle. Certaines familles conservent des variétés locales capables de suivre la montée des eaux, tandis que d’autres essaient des variétés améliorées distribuées par les services de vulgarisation agricole.</p>
<p>Boubacar Cissé dit avoir appris à ne pas mettre toutes ses semences dans un seul champ : « Je partage ma terre entre le bas et le haut. Si la crue est forte, le haut est sauvé ; si elle est faible, c’est le bas. »</p>
<h2>Des saisons de plus en plus incertaines</h2>
<p>Selon des spécialistes, l’irrégularité des pluies dans le haut bassin rend la crue plus difficile à prévoir. Un responsable de la direction régionale de l’agriculture explique que ses services diffusent, avec les stations de suivi, des bulletins réguliers sur le niveau du fleuve par les radios locales, afin d’aider les paysans à caler leurs semis.</p>
<p>Les coopératives demandent aussi la réparation de petits canaux et de vannes permettant de mieux contrôler l’entrée et la sortie de l’eau, ainsi qu’un accès facilité au crédit de campagne pour acheter semences et engrais.</p>
<p>En attendant, Cissé et ses voisins nettoient leurs parcelles et consolident les petites diguettes, les yeux rivés sur un fleuve qu’ils décrivent comme « la source du pain et la source de l’inquiétude à la fois ».</p>`,
  },
  {
    key: 'segou-potters',
    lang: 'fr',
    status: 'published',
    title: 'Près de Ségou, les potières de la rive gardent la main',
    slug: 'pres-de-segou-les-potieres-de-la-rive-gardent-la-main',
    dek: 'Dans un village au bord du Niger, des femmes façonnent et cuisent à ciel ouvert des jarres vendues dans tout le pays.',
    section: 'culture',
    authors: ['khadija-alansari'],
    tags: ['التراث', 'women', 'نهر-النيجر'],
    image: {
      scene: 'pattern',
      palette: 'mali',
      alt: 'Motifs géométriques de losanges et de triangles aux couleurs de terre cuite',
      caption: 'Des motifs inspirés des poteries du fleuve',
      credit: 'Illustration : Midad',
    },
    hoursAgo: 16 * 24 + 5,
    body: `<p>Au petit matin, sur une place de terre battue à quelques kilomètres de Ségou, une dizaine de femmes sont déjà assises devant des mottes d’argile grise. Elles tournent autour de la pièce plutôt que de faire tourner la pièce : ici, on ne connaît pas le tour, et chaque jarre naît du geste patient des mains et d’un simple galet.</p>
<p>L’argile est extraite des berges du fleuve en saison sèche, puis mélangée à de la poudre de tessons pour mieux résister à la cuisson. Les formes sont anciennes : grandes jarres pour garder l’eau fraîche, marmites, brûle-parfums, petits bols pour le thé.</p>
<h2>Une cuisson à ciel ouvert</h2>
<p>Une fois séchées, les pièces sont empilées sur un lit de bois et de paille, puis recouvertes de branchages. La cuisson dure quelques heures et demande une grande attention au vent. « Si le feu monte trop vite, tout éclate », explique Nana Coulibaly, qui a appris le métier auprès de sa mère.</p>
<p>Les jarres sont ensuite vendues aux marchés de la région ou chargées sur des pirogues et des camions vers Bamako. Leur porosité garde l’eau fraîche, ce qui leur vaut une clientèle fidèle, même dans les quartiers où l’on possède un réfrigérateur.</p>
<h2>Entre tradition et nouveaux clients</h2>
<p>Depuis quelques années, les potières ont aussi trouvé des acheteurs parmi les décorateurs et les hôtels, qui commandent des pièces plus petites et décorées. Certaines ont suivi des formations sur la gestion et les prix, afin de ne plus vendre à perte aux intermédiaires.</p>
<p>Mais la relève inquiète. Les jeunes filles vont davantage à l’école, et peu d’entre elles veulent passer leurs journées dans la poussière et la fumée. Les anciennes espèrent qu’un meilleur revenu rendra le métier plus attractif. « L’argile ne manque pas, dit Nana Coulibaly. Ce qui pourrait manquer, ce sont les mains. »</p>`,
  },
  {
    key: 'cotton-season',
    lang: 'fr',
    status: 'published',
    title: 'Coton : les producteurs maliens préparent la campagne avec prudence',
    slug: 'coton-les-producteurs-maliens-preparent-la-campagne',
    dek: 'Prix des intrants, pluies incertaines et dettes de la saison passée : les cotonculteurs du sud du pays pèsent chaque décision.',
    section: 'economy',
    authors: ['youssouf-ag-mohamed'],
    tags: ['الزراعة', 'المناخ'],
    image: {
      scene: 'field',
      palette: 'economy',
      alt: 'Illustration de rangées de cultures vertes et ocre sous un soleil pâle',
      caption: 'Des parcelles prêtes pour les semis',
      credit: 'Illustration : Midad',
    },
    hoursAgo: 10 * 24 + 7,
    body: `<p>Dans les villages cotonniers du sud du Mali, la préparation de la campagne agricole a commencé. Les hommes réparent les charrues, les femmes trient les semences de céréales, et les réunions des groupements de producteurs se prolongent tard le soir sous les manguiers.</p>
<p>Le coton reste l’une des principales sources de revenus monétaires de la région. Mais pour beaucoup de familles, la décision de semer plus ou moins de coton se prend désormais avec prudence, en tenant compte des prix des engrais, du prix d’achat annoncé et de la météo.</p>
<h2>Des coûts qui pèsent lourd</h2>
<p>« L’engrais est pris à crédit au début de la saison, et on rembourse à la vente du coton, explique Adama Traoré, président d’un groupement. Si la récolte est mauvaise, la dette reste, et elle pèse sur l’année suivante. » Plusieurs producteurs disent vouloir réduire leurs surfaces de coton au profit du maïs et du sorgho, moins risqués pour nourrir la famille.</p>
<p>Les techniciens agricoles recommandent de leur côté la rotation des cultures et l’usage de la fumure organique pour préserver des sols fatigués par des années de culture intensive.</p>
<h2>Des pluies à surveiller</h2>
<p>Les prévisions saisonnières annoncent des pluies plutôt abondantes, une bonne nouvelle qui n’écarte pas le risque de poches de sécheresse ou de fortes averses en début de saison. Les producteurs suivent de près les bulletins diffusés par les radios rurales avant de fixer la date des semis.</p>
<p>Au-delà de la campagne qui s’ouvre, les groupements réclament un meilleur accès au crédit, des délais de paiement plus courts après la récolte et un accompagnement pour transformer une part du coton sur place. « Nous produisons la fibre, conclut Adama Traoré, mais la valeur se fait ailleurs. »</p>`,
  },
];
