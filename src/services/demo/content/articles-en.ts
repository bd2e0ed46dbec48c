// English demo articles. One translates an Arabic article; the others stand alone.
// Original text written for this demo; people quoted by name are fictional.
import type { DemoArticle } from './types.ts';

export const articlesEn: DemoArticle[] = [
  {
    key: 'niger-solar-minigrids-en',
    translationOf: 'niger-solar-minigrids',
    lang: 'en',
    status: 'published',
    title: 'Small solar grids light up villages in rural Niger',
    slug: 'small-solar-grids-light-up-villages-in-rural-niger',
    dek: 'Far from the national grid, small solar plants now power lights, grain mills and vaccine fridges in village health posts.',
    section: 'niger',
    authors: ['abdourahmane-maiga'],
    tags: ['الطاقة', 'المناخ'],
    image: {
      scene: 'solar',
      palette: 'niger',
      alt: 'Illustration of rows of solar panels on green land next to a small house',
      caption: 'Solar panels outside a village in rural Niger',
      credit: 'Illustration: Midad',
    },
    hoursAgo: 9 * 24 + 1,
    body: `<p>When the sun sets over a small village in the Dosso region, darkness no longer ends the day. For several months, white lamps have lit the village lanes and its small shops, powered by a solar mini-grid built on the outskirts: rows of panels, a bank of batteries and a network of cables running to the houses.</p>
<p>The village lies tens of kilometres from the nearest national grid line, and until recently electricity meant a few diesel generators and battery torches. Today, subscribers pay a monthly fee for a share of power that covers lighting, phone charging and a television or a fan.</p>
<h2>From light to livelihoods</h2>
<p>The head of the village energy committee says the biggest change was not the light but the businesses it made possible. A young man opened a shop selling cold drinks and ice, the grain mill now runs on electricity instead of diesel, and seamstresses can work into the evening.</p>
<p>At the health post, the nurse keeps vaccines in a solar-powered fridge instead of fetching them from town in cool boxes. Night-time births, he says, have become safer since the room stays lit all night.</p>
<h2>Questions of cost and upkeep</h2>
<p>These projects still face questions about how long they can last. Monthly fees, though lower than the cost of diesel, are high for some families, and batteries must be replaced after a few years, which needs planning from the start. An official at the energy ministry says involving residents in running the plants and training local technicians to maintain them are essential.</p>
<p>The authorities plan to extend the scheme to more villages in the coming years, drawing on early lessons, including the need to leave spare capacity for the demand that grows once people get used to having power.</p>`,
  },
  {
    key: 'gao-ferrymen',
    lang: 'en',
    status: 'published',
    title: 'The ferrymen of Gao keep the river crossing alive',
    slug: 'the-ferrymen-of-gao-keep-the-river-crossing-alive',
    dek: 'With no bridge nearby, motorised pirogues carry people, goats and motorbikes across the Niger every day.',
    section: 'mali',
    authors: ['mariam-coulibaly'],
    tags: ['نهر-النيجر', 'التراث'],
    image: {
      scene: 'river',
      palette: 'sahel',
      alt: 'Illustration of a long wooden boat on a wide river lined with reeds',
      caption: 'A pirogue crossing the Niger',
      credit: 'Illustration: Midad',
    },
    hoursAgo: 21 * 24 + 4,
    body: `<p>Before the heat sets in, the landing on the riverbank is already busy. Traders with sacks of millet, a schoolteacher with a bicycle, two women with baskets of dried fish and a reluctant goat wait for the next pirogue to fill up. When it does, the ferryman pulls the cord of an outboard motor and the long wooden boat slides out onto the wide, slow river.</p>
<p>For communities on both banks, the crossing is part of daily life: to reach the market, the clinic, a school or relatives on the other side. Ferrymen work from dawn to dusk, and in the flood season the crossing takes longer as the river spreads.</p>
<h2>A trade passed down</h2>
<p>Alassane Touré has worked the crossing for twenty years, like his father before him. He knows where the sandbanks shift and how the current changes after a storm. "The river is never the same twice," he says. "You have to read it every morning."</p>
<p>Fares are modest, and the ferrymen say rising fuel prices eat into their earnings. Several have formed an association to share the cost of repairs and to agree on safety rules, including a limit on passengers and life jackets for children.</p>
<h2>Waiting for a bridge</h2>
<p>Residents have long asked for a bridge or a larger ferry that could carry lorries. Until then, the pirogues remain the link between the two banks. As the sun climbs, Touré loads another group of passengers and points his boat towards the far shore, where a line of people is already waiting.</p>`,
  },
  {
    key: 'niamey-coding-clubs',
    lang: 'en',
    status: 'published',
    title: 'After-school coding clubs draw teenagers in Niamey',
    slug: 'after-school-coding-clubs-draw-teenagers-in-niamey',
    dek: 'Volunteers teach programming on shared laptops, and some students are already building apps for their neighbourhoods.',
    section: 'society',
    authors: ['abdourahmane-maiga'],
    tags: ['التعليم', 'نيامي', 'women'],
    image: {
      scene: 'pattern',
      palette: 'society',
      alt: 'Illustration of geometric diamonds, triangles and pendants in purple, orange and cream',
      caption: 'Patterns drawn for the clubs’ posters',
      credit: 'Illustration: Midad',
    },
    hoursAgo: 1 * 24 + 7,
    body: `<p>On a weekday afternoon in a Niamey secondary school, twenty teenagers crowd around eight laptops. On the screens, small programs draw shapes, count votes in a mock class election and calculate the price of a basket of vegetables at the market. The noise level rises each time a program finally runs without errors.</p>
<p>The coding club was started two years ago by a group of volunteer engineers and university students who wanted to share what they had learned. It now meets three times a week in several schools, using donated laptops that are shared in pairs.</p>
<h2>Learning by building</h2>
<p>The volunteers teach the basics of programming through small projects that make sense locally. "We don't start with theory," says Mariama Issoufou, a computer science graduate who coordinates the clubs. "We start with a problem the students know, like keeping track of a shop's sales, and we build something that solves it."</p>
<p>Girls make up almost half of the members, a balance the organisers worked for by inviting women engineers to speak and by scheduling sessions before dark so that parents feel comfortable.</p>
<h2>Power cuts and patience</h2>
<p>The clubs face the same problems as the rest of the city: power cuts, slow internet and not enough machines. Students download lessons when the connection is good and work offline the rest of the time. Some have learned to write code on paper while waiting for the electricity to come back.</p>
<p>A few former members are now studying computing at university, and one group is building a simple app to help market traders record their daily sales. "They don't all have to become programmers," Issoufou says. "But they leave knowing that technology is something they can make, not only something they buy."</p>`,
  },
];
