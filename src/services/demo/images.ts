// Demo illustrations drawn as SVG and rasterised with sharp: no downloads, no fonts, and the
// same seed always gives the same picture. Editorial scenes are 1600×900; portraits 400×400.

export type Scene =
  | 'dunes'
  | 'river'
  | 'city'
  | 'field'
  | 'pattern'
  | 'track'
  | 'pitch'
  | 'solar'
  | 'market'
  | 'manuscript'
  | 'rain';

export interface Palette {
  /** Sky from top to horizon. */
  sky: [string, string];
  sun: string;
  /** Landforms, far to near (lighter to darker works best). */
  land: [string, string, string];
  /** Accents for objects and patterns. */
  accent: [string, string, string];
}

export const PALETTES: Record<string, Palette> = {
  sahel: {
    sky: ['#f7dcae', '#f0a46a'],
    sun: '#fff4dc',
    land: ['#e2a35d', '#c97d3e', '#9d5628'],
    accent: ['#5b3a29', '#2f5d62', '#f3d9a4'],
  },
  mali: {
    sky: ['#fde9cc', '#eea56f'],
    sun: '#fff6e2',
    land: ['#d99256', '#b8643a', '#8c4426'],
    accent: ['#4a2c1d', '#2e6b5e', '#f6e3c0'],
  },
  niger: {
    sky: ['#cfe7f0', '#f6d9a9'],
    sun: '#fffaf0',
    land: ['#a9b86c', '#6f9451', '#c59a5f'],
    accent: ['#2f6f9a', '#5da6cc', '#6b3f22'],
  },
  economy: {
    sky: ['#e6efe8', '#f3d49c'],
    sun: '#fffbef',
    land: ['#7fb0a0', '#2f7a70', '#1d4f4a'],
    accent: ['#e3a33b', '#c4572f', '#f7ecd6'],
  },
  society: {
    sky: ['#e9e4f5', '#f4cfae'],
    sun: '#fff7ee',
    land: ['#b9a6d6', '#7c6fb0', '#4f4a86'],
    accent: ['#d06f52', '#e8b35a', '#f8efe4'],
  },
  culture: {
    sky: ['#1f2b57', '#c7733f'],
    sun: '#ffd98a',
    land: ['#3a4f8c', '#25386b', '#15224a'],
    accent: ['#d9a441', '#f2e6c9', '#b5452f'],
  },
  sport: {
    sky: ['#dff0e6', '#f8d7a6'],
    sun: '#fffaf0',
    land: ['#4fa866', '#2f7d4a', '#1f5a35'],
    accent: ['#f08a3c', '#fdf6ea', '#c8472d'],
  },
};

/** Small, fast, seedable PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const W = 1600;
const H = 900;
const n = (x: number) => Math.round(x * 10) / 10;

/** A smooth ridge across the picture (Catmull-Rom through random points), closed to the bottom. */
function ridge(rand: () => number, base: number, amp: number, segments = 5, bottom = H): string {
  const pts: [number, number][] = [];
  for (let i = 0; i <= segments; i++) pts.push([(W * i) / segments, base + (rand() - 0.5) * 2 * amp]);
  pts.unshift([-W / segments, pts[0]![1]]);
  pts.push([W + W / segments, pts.at(-1)![1]]);
  let d = `M${n(pts[1]![0])},${n(pts[1]![1])}`;
  for (let i = 1; i < pts.length - 2; i++) {
    const [p0, p1, p2, p3] = [pts[i - 1]!, pts[i]!, pts[i + 1]!, pts[i + 2]!];
    const c1 = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2 = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    d += ` C${n(c1[0]!)},${n(c1[1]!)} ${n(c2[0]!)},${n(c2[1]!)} ${n(p2[0])},${n(p2[1])}`;
  }
  return `${d} L${W},${bottom} L0,${bottom} Z`;
}

function sky(p: Palette, id: string): string {
  return `<defs><linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.sky[0]}"/><stop offset="1" stop-color="${p.sky[1]}"/></linearGradient>
<radialGradient id="${id}g"><stop offset="0" stop-color="${p.sun}" stop-opacity="0.9"/><stop offset="1" stop-color="${p.sun}" stop-opacity="0"/></radialGradient></defs>
<rect width="${W}" height="${H}" fill="url(#${id})"/>`;
}

function sun(p: Palette, id: string, x: number, y: number, r: number): string {
  return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r * 2.6)}" fill="url(#${id}g)"/><circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${p.sun}"/>`;
}

function acacia(x: number, ground: number, s: number, color: string): string {
  const top = ground - 150 * s;
  return `<g fill="${color}"><path d="M${n(x - 6 * s)},${ground} L${n(x - 3 * s)},${n(top + 20 * s)} L${n(x + 3 * s)},${n(top + 20 * s)} L${n(x + 6 * s)},${ground} Z"/>
<path d="M${n(x)},${n(top + 40 * s)} L${n(x - 45 * s)},${n(top + 8 * s)} L${n(x - 38 * s)},${n(top + 4 * s)} Z M${n(x)},${n(top + 40 * s)} L${n(x + 50 * s)},${n(top + 6 * s)} L${n(x + 44 * s)},${n(top + 2 * s)} Z"/>
<ellipse cx="${n(x)}" cy="${n(top)}" rx="${n(115 * s)}" ry="${n(22 * s)}"/><ellipse cx="${n(x - 30 * s)}" cy="${n(top - 14 * s)}" rx="${n(60 * s)}" ry="${n(14 * s)}"/></g>`;
}

type Drawer = (p: Palette, r: () => number, id: string) => string;

const scenes: Record<Scene, Drawer> = {
  dunes(p, r, id) {
    const sx = 300 + r() * 1000;
    return `${sky(p, id)}${sun(p, id, sx, 190 + r() * 120, 70 + r() * 30)}
<path d="${ridge(r, 520, 40, 4)}" fill="${p.land[0]}" opacity="0.75"/>
<path d="${ridge(r, 620, 60, 4)}" fill="${p.land[0]}"/>
<path d="${ridge(r, 720, 70, 3)}" fill="${p.land[1]}"/>
<path d="${ridge(r, 830, 50, 3)}" fill="${p.land[2]}"/>
${acacia(200 + r() * 1200, 700 + r() * 40, 0.8 + r() * 0.4, p.accent[0])}`;
  },
  river(p, r, id) {
    const boatX = 350 + r() * 800;
    const lines = Array.from({ length: 9 }, (_, i) => {
      const y = 580 + i * 26 + r() * 10;
      const x = r() * 1300;
      return `<rect x="${n(x)}" y="${n(y)}" width="${n(120 + r() * 220)}" height="4" rx="2" fill="${p.sun}" opacity="0.45"/>`;
    }).join('');
    const reeds = Array.from({ length: 40 }, () => {
      const x = r() * W;
      const h = 40 + r() * 70;
      return `<path d="M${n(x)},${H} q${n(6 - r() * 12)},${n(-h / 2)} ${n(10 - r() * 20)},${n(-h - 60)}" stroke="${p.land[1]}" stroke-width="5" fill="none"/>`;
    }).join('');
    return `${sky(p, id)}${sun(p, id, 1150 + r() * 250, 200 + r() * 80, 60)}
<path d="${ridge(r, 500, 25, 6, 620)}" fill="${p.land[0]}"/>
<rect y="560" width="${W}" height="340" fill="${p.accent[0]}"/>
<path d="${ridge(r, 590, 10, 6, 700)}" fill="${p.accent[1]}" opacity="0.5"/>${lines}
<path d="M${n(boatX)},705 q190,40 380,0 q-20,26 -60,32 h-260 q-40,-6 -60,-32 Z" fill="${p.accent[2]}"/>
<path d="M${n(boatX + 250)},705 l-4,-110" stroke="${p.accent[2]}" stroke-width="6"/>
<circle cx="${n(boatX + 250)}" cy="590" r="14" fill="${p.accent[2]}"/>
<path d="${ridge(r, 860, 20, 5)}" fill="${p.land[2]}"/>${reeds}`;
  },
  city(p, r, id) {
    let blocks = '';
    let x = -20;
    while (x < W) {
      const w = 90 + r() * 160;
      const h = 120 + r() * 200;
      const y = 720 - h;
      blocks += `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h + 40)}" rx="10" fill="${r() < 0.5 ? p.land[0] : p.land[1]}"/>`;
      for (let k = 0; k < 3; k++) {
        blocks += `<rect x="${n(x + 14 + r() * (w - 40))}" y="${n(y + 30 + r() * (h - 80))}" width="14" height="22" rx="7" fill="${p.accent[0]}" opacity="0.55"/>`;
      }
      x += w - 6;
    }
    // A mud-brick mosque front with three towers and the wooden beams that stick out of it.
    const mx = 520 + r() * 400;
    let towers = '';
    for (const dx of [0, 190, 380]) {
      const tx = mx + dx;
      towers += `<path d="M${n(tx)},720 V330 q0,-60 35,-80 q35,20 35,80 V720 Z" fill="${p.land[2]}"/>`;
      for (let y = 360; y < 700; y += 70) {
        towers += `<rect x="${n(tx - 12)}" y="${y}" width="94" height="7" rx="3" fill="${p.accent[0]}"/>`;
      }
    }
    return `${sky(p, id)}${sun(p, id, 200 + r() * 300, 190, 75)}${blocks}
<rect x="${n(mx - 40)}" y="420" width="530" height="300" rx="8" fill="${p.land[1]}"/>${towers}
<rect y="700" width="${W}" height="200" fill="${p.land[2]}"/>
<path d="${ridge(r, 820, 20, 5)}" fill="${p.accent[0]}" opacity="0.5"/>`;
  },
  field(p, r, id) {
    const rows = 9;
    let bands = '';
    for (let i = 0; i < rows; i++) {
      const x0 = (W * i) / rows;
      const x1 = (W * (i + 1)) / rows;
      const fill = i % 2 === 0 ? p.land[1] : p.accent[0];
      bands += `<path d="M${n(W / 2 + (x0 - W / 2) * 0.25)},560 L${n(W / 2 + (x1 - W / 2) * 0.25)},560 L${n(W / 2 + (x1 - W / 2) * 2.2)},${H} L${n(W / 2 + (x0 - W / 2) * 2.2)},${H} Z" fill="${fill}" opacity="${i % 2 === 0 ? 1 : 0.85}"/>`;
    }
    return `${sky(p, id)}${sun(p, id, 300 + r() * 1000, 210, 80)}
<path d="${ridge(r, 540, 25, 5, 600)}" fill="${p.land[0]}"/>${bands}
${acacia(150 + r() * 300, 575, 0.9, p.land[2])}${acacia(1150 + r() * 300, 580, 0.7, p.land[2])}`;
  },
  pattern(p, r) {
    const size = 200;
    let tiles = '';
    for (let ty = 0; ty < H; ty += size) {
      for (let tx = 0; tx < W; tx += size) {
        const cx = tx + size / 2;
        const cy = ty + size / 2;
        const kind = Math.floor(r() * 3);
        const c = p.accent[Math.floor(r() * 3)]!;
        if (kind === 0) {
          tiles += `<path d="M${cx},${ty + 20} L${tx + 180},${cy} L${cx},${ty + 180} L${tx + 20},${cy} Z" fill="${c}"/><path d="M${cx},${ty + 60} L${tx + 140},${cy} L${cx},${ty + 140} L${tx + 60},${cy} Z" fill="${p.land[2]}"/>`;
        } else if (kind === 1) {
          // A cross-shaped pendant, the kind silversmiths in Agadez make.
          tiles += `<circle cx="${cx}" cy="${ty + 55}" r="24" fill="none" stroke="${c}" stroke-width="12"/><path d="M${cx},${ty + 82} L${cx + 48},${cy + 20} L${cx},${ty + 178} L${cx - 48},${cy + 20} Z" fill="${c}"/><rect x="${cx - 70}" y="${cy + 12}" width="140" height="16" rx="8" fill="${c}"/>`;
        } else {
          tiles += `<path d="M${tx + 20},${ty + 180} L${cx},${ty + 30} L${tx + 180},${ty + 180} Z" fill="none" stroke="${c}" stroke-width="14" stroke-linejoin="round"/><circle cx="${cx}" cy="${ty + 130}" r="16" fill="${c}"/>`;
        }
      }
    }
    return `<rect width="${W}" height="${H}" fill="${p.land[1]}"/>${tiles}
<rect width="${W}" height="${H}" fill="none" stroke="${p.accent[0]}" stroke-width="30"/>`;
  },
  track(p, r, id) {
    let lanes = '';
    for (let i = 0; i < 7; i++) {
      const rad = 560 + i * 70;
      lanes += `<circle cx="${W + 200}" cy="${H + 250}" r="${rad}" fill="none" stroke="${p.accent[1]}" stroke-width="5"/>`;
    }
    const runners = Array.from({ length: 3 }, (_, i) => {
      const x = 260 + i * 260 + r() * 80;
      const y = 690 - i * 70;
      return `<g fill="${p.land[2]}"><circle cx="${n(x)}" cy="${n(y - 120)}" r="20"/><path d="M${n(x - 10)},${n(y - 96)} l-30,60 l28,8 l-26,70 l18,6 l34,-74 l-14,-10 l20,-44 Z"/><path d="M${n(x)},${n(y - 92)} l40,28 l-10,10 l-36,-24 Z M${n(x + 4)},${n(y - 40)} l38,46 l-14,10 l-36,-44 Z"/></g>`;
    }).join('');
    return `${sky(p, id)}${sun(p, id, 1300, 180, 70)}
<path d="${ridge(r, 420, 20, 5)}" fill="${p.land[0]}"/>
<circle cx="${W + 200}" cy="${H + 250}" r="1040" fill="${p.accent[2]}"/>${lanes}
<circle cx="${W + 200}" cy="${H + 250}" r="540" fill="${p.land[1]}"/>${runners}`;
  },
  pitch(p, r, id) {
    let stripes = '';
    for (let i = 0; i < 10; i++) {
      stripes += `<path d="M${n(-400 + i * 240)},${H} L${n(560 + i * 48)},470 L${n(608 + i * 48)},470 L${n(-160 + i * 240)},${H} Z" fill="${i % 2 ? p.land[1] : p.land[0]}"/>`;
    }
    return `${sky(p, id)}${sun(p, id, 250 + r() * 300, 180, 70)}
<rect y="430" width="${W}" height="60" fill="${p.land[2]}"/>${stripes}
<ellipse cx="800" cy="640" rx="260" ry="70" fill="none" stroke="${p.accent[1]}" stroke-width="8"/>
<path d="M560,470 L1040,470 M800,470 L800,${H}" stroke="${p.accent[1]}" stroke-width="8"/>
<path d="M720,470 V420 H880 V470" fill="none" stroke="${p.accent[1]}" stroke-width="10"/>
<circle cx="${n(900 + r() * 200)}" cy="790" r="34" fill="${p.accent[1]}"/><circle cx="${n(900 + r() * 200)}" cy="790" r="12" fill="${p.accent[2]}"/>`;
  },
  solar(p, r, id) {
    let panels = '';
    for (let row = 0; row < 2; row++) {
      for (let i = 0; i < 5; i++) {
        const x = 180 + i * 250 + row * 60;
        const y = 610 + row * 120;
        panels += `<path d="M${x},${y + 20} l30,60 M${x + 180},${y + 20} l-10,60" stroke="${p.accent[0]}" stroke-width="8"/>
<path d="M${x},${y} L${x + 190},${y} L${x + 160},${y - 80} L${x + 30},${y - 80} Z" fill="#1f3b63"/>
<path d="M${x + 63},${y} L${x + 73},${y - 80} M${x + 127},${y} L${x + 117},${y - 80} M${x + 15},${y - 40} H${x + 175}" stroke="#6f9cc9" stroke-width="3"/>`;
      }
    }
    return `${sky(p, id)}${sun(p, id, 1200 + r() * 200, 170, 90)}
<path d="${ridge(r, 500, 30, 5)}" fill="${p.land[0]}"/>
<path d="${ridge(r, 600, 10, 5)}" fill="${p.land[1]}"/>
<rect x="1330" y="430" width="150" height="120" fill="${p.accent[2]}"/><path d="M1310,440 L1405,370 L1500,440 Z" fill="${p.land[2]}"/>
<rect x="1380" y="480" width="40" height="70" fill="${p.land[2]}"/>${panels}`;
  },
  market(p, r, id) {
    let stalls = '';
    for (let i = 0; i < 6; i++) {
      const x = 20 + i * 265;
      const c = p.accent[i % 3]!;
      const stripes = Array.from(
        { length: 5 },
        (_, k) =>
          `<path d="M${x + k * 48},364 h48 l-4,70 q-20,14 -40,0 Z" fill="${k % 2 ? c : p.accent[2]}"/>`,
      ).join('');
      let fruit = '';
      for (let k = 0; k < 8; k++) {
        fruit += `<circle cx="${n(x + 30 + r() * 180)}" cy="${n(600 + r() * 20)}" r="${n(14 + r() * 10)}" fill="${p.accent[Math.floor(r() * 2)]}"/>`;
      }
      stalls += `<rect x="${x}" y="340" width="240" height="24" fill="${p.land[2]}"/>${stripes}
<rect x="${x + 10}" y="440" width="8" height="300" fill="${p.land[2]}"/><rect x="${x + 222}" y="440" width="8" height="300" fill="${p.land[2]}"/>
<rect x="${x}" y="620" width="240" height="30" rx="6" fill="${p.land[1]}"/>${fruit}
<path d="M${x + 40},740 a50,40 0 0 1 100,0 Z" fill="${p.land[2]}"/>`;
    }
    return `${sky(p, id)}${sun(p, id, 1300, 150, 60)}
<rect y="740" width="${W}" height="160" fill="${p.land[0]}"/>${stalls}`;
  },
  manuscript(p, r) {
    let lines = '';
    for (const x0 of [300, 820]) {
      for (let i = 0; i < 11; i++) {
        const y = 250 + i * 40;
        let x = x0 + 440;
        while (x > x0 + 60) {
          const w = 30 + r() * 90;
          lines += `<rect x="${n(x - w)}" y="${n(y)}" width="${n(w)}" height="9" rx="4.5" fill="${i === 0 ? p.accent[2] : p.land[2]}" opacity="0.85"/>`;
          x -= w + 14;
        }
      }
    }
    return `<rect width="${W}" height="${H}" fill="${p.land[1]}"/>
<rect x="240" y="150" width="1120" height="650" rx="18" fill="${p.land[2]}"/>
<path d="M280,180 Q540,160 800,200 L800,770 Q540,735 280,760 Z" fill="${p.accent[1]}"/>
<path d="M1320,180 Q1060,160 800,200 L800,770 Q1060,735 1320,760 Z" fill="${p.accent[1]}"/>
<path d="M800,200 L800,770" stroke="${p.accent[0]}" stroke-width="4"/>${lines}
<circle cx="540" cy="700" r="28" fill="none" stroke="${p.accent[0]}" stroke-width="6"/><circle cx="1060" cy="700" r="28" fill="none" stroke="${p.accent[0]}" stroke-width="6"/>`;
  },
  rain(p, r, id) {
    let drops = '';
    for (let i = 0; i < 140; i++) {
      const x = r() * (W + 200);
      const y = r() * 600;
      drops += `<path d="M${n(x)},${n(y)} l-18,46" stroke="${p.accent[1]}" stroke-width="3" opacity="0.55"/>`;
    }
    let ripples = '';
    for (let i = 0; i < 14; i++) {
      ripples += `<ellipse cx="${n(r() * W)}" cy="${n(720 + r() * 160)}" rx="${n(30 + r() * 40)}" ry="${n(6 + r() * 6)}" fill="none" stroke="${p.sun}" stroke-width="3" opacity="0.6"/>`;
    }
    const clouds = Array.from({ length: 5 }, () => {
      const cx = r() * W;
      const cy = 80 + r() * 160;
      return `<g fill="#eef1f4" opacity="0.85"><circle cx="${n(cx)}" cy="${n(cy)}" r="90"/><circle cx="${n(cx + 110)}" cy="${n(cy + 20)}" r="70"/><circle cx="${n(cx - 110)}" cy="${n(cy + 25)}" r="65"/></g>`;
    }).join('');
    let houses = '';
    for (let i = 0; i < 5; i++) {
      const x = 100 + i * 300 + r() * 60;
      houses += `<rect x="${n(x)}" y="560" width="180" height="140" fill="${p.accent[2]}"/><rect x="${n(x - 10)}" y="545" width="200" height="20" fill="${p.land[2]}"/><rect x="${n(x + 70)}" y="610" width="40" height="90" fill="${p.land[2]}"/>`;
    }
    return `<defs><linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#5c6b7a"/><stop offset="1" stop-color="${p.sky[0]}"/></linearGradient></defs>
<rect width="${W}" height="${H}" fill="url(#${id})"/>${clouds}${houses}
<rect y="660" width="${W}" height="240" fill="${p.accent[0]}" opacity="0.92"/>${ripples}${drops}`;
  },
};

export interface SceneOptions {
  scene: Scene;
  palette: Palette;
  seed: number;
}

export function sceneSvg({ scene, palette, seed }: SceneOptions): string {
  const id = `s${seed}`;
  const body = scenes[scene](palette, rng(seed * 7919 + scene.length), id);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${body}</svg>`;
}

export type PortraitStyle = 'scarf' | 'turban' | 'short' | 'cap' | 'braids';

export interface PortraitOptions {
  seed: number;
  style: PortraitStyle;
  background: string;
  /** Colour of the head covering, hair or clothing. */
  cloth: string;
}

const SKIN = ['#8d5a3b', '#6f4429', '#a46b45', '#5a3620', '#b07a52'];

export function portraitSvg({ seed, style, background, cloth }: PortraitOptions): string {
  const r = rng(seed * 104729 + 17);
  const skin = SKIN[Math.floor(r() * SKIN.length)]!;
  const shirt = cloth;
  const shade = 'rgba(0,0,0,0.18)';
  const shoulders = `<path d="M50,400 C55,300 120,268 200,268 C280,268 345,300 350,400 Z" fill="${shirt}"/>`;
  const neck = `<rect x="175" y="215" width="50" height="70" rx="18" fill="${skin}"/>`;
  const head = `<ellipse cx="200" cy="168" rx="64" ry="76" fill="${skin}"/>`;
  let top = '';
  switch (style) {
    case 'scarf':
      return frame(
        background,
        `${shoulders}<path d="M200,70 C120,70 110,150 112,200 C114,250 130,300 100,330 L300,330 C270,300 286,250 288,200 C290,150 280,70 200,70 Z" fill="${cloth}"/>
<path d="M200,70 C120,70 110,150 112,200 C114,250 130,300 100,330 L300,330" fill="none" stroke="${shade}" stroke-width="10"/>
<ellipse cx="200" cy="175" rx="54" ry="66" fill="${skin}"/>`,
      );
    case 'turban':
      // A wrapped head cloth with a veil over the lower face, as Tuareg men wear it.
      return frame(
        background,
        `${shoulders}${neck}${head}<path d="M128,150 C128,70 272,70 272,150 L272,168 L128,168 Z" fill="${cloth}"/>
<path d="M128,118 C160,100 240,100 272,118 M132,140 C170,125 230,125 268,140" stroke="${shade}" stroke-width="8" fill="none"/>
<path d="M132,190 L268,190 L262,250 C240,290 160,290 138,250 Z" fill="${cloth}"/>
<path d="M150,300 C170,280 230,280 250,300 L240,330 L160,330 Z" fill="${cloth}"/>`,
      );
    case 'cap':
      top = `<path d="M138,135 C138,90 262,90 262,135 L262,120 C262,80 138,80 138,120 Z" fill="${cloth}"/><rect x="136" y="88" width="128" height="50" rx="10" fill="${cloth}"/><path d="M140,104 H260" stroke="${shade}" stroke-width="6"/>`;
      break;
    case 'braids':
      top = `<path d="M132,176 C120,46 280,46 268,176 C260,136 240,120 200,120 C160,120 140,136 132,176 Z" fill="#1c1410"/>
<path d="M140,170 C128,220 130,260 140,300 M260,170 C272,220 270,260 260,300" stroke="#1c1410" stroke-width="16" stroke-linecap="round" fill="none"/>`;
      break;
    case 'short':
      top = `<path d="M134,172 C124,48 276,48 266,172 C258,134 238,122 200,122 C162,122 142,134 134,172 Z" fill="#1c1410"/>`;
      break;
  }
  return frame(background, `${shoulders}${neck}${head}${top}`);
}

function frame(background: string, figure: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">
<defs><radialGradient id="bg" cx="0.5" cy="0.35" r="0.8"><stop offset="0" stop-color="#ffffff" stop-opacity="0.35"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient></defs>
<rect width="400" height="400" fill="${background}"/><rect width="400" height="400" fill="url(#bg)"/>${figure}</svg>`;
}

/** Rasterises an SVG to opaque PNG bytes, lightly compressed: they are re-encoded at once. */
export async function svgToPng(svg: string): Promise<Buffer> {
  // Loaded here, not at start: see loadSharp in media/images.ts.
  const { default: sharp } = await import('sharp');
  return sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).png({ compressionLevel: 2 }).toBuffer();
}

export function sceneImage(options: SceneOptions): Promise<Buffer> {
  return svgToPng(sceneSvg(options));
}

export function portraitImage(options: PortraitOptions): Promise<Buffer> {
  return svgToPng(portraitSvg(options));
}
