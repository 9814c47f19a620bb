/**
 * The fixture pages under test/fixtures/, how to load them, and the facts a reader would check on
 * each one (text present or absent, headings, metadata). Used by the golden, nothing-lost and
 * bad-page tests and by scripts/regen-golden.ts.
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { JSDOM } from 'jsdom';
import type { ChromeCategory, MetadataField, MetadataSource, NoArticleReason } from '../../src/core/types';

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface HeadingFact {
  level: number;
  text: string;
}

export interface ArticleFixture {
  name: string;
  kind: 'article';
  /** The address the page is extracted as (relative URLs resolve against it). */
  url: string;
  /** Each must appear in article.text (after whitespace is collapsed). */
  present: string[];
  /** Each must appear in article.text, in this order (the article's paragraphs, by their opening words). */
  inOrder?: string[];
  /** Chrome text: none may appear in article.text. */
  absent: string[];
  /** The outline must be exactly these headings. */
  outline?: HeadingFact[];
  /** The outline must contain these headings, in this order (other headings may sit between them). */
  outlineIncludes?: HeadingFact[];
  /** Exact metadata values. */
  meta?: Partial<Record<'title' | 'byline' | 'siteName' | 'publishedTime' | 'modifiedTime' | 'lang' | 'dir' | 'image', string>>;
  /** Metadata values that must contain this text (where the exact value is a matter of taste). */
  metaContains?: Partial<Record<'title' | 'byline' | 'siteName', string>>;
  /** Where a metadata value must have come from. */
  sources?: Partial<Record<MetadataField, MetadataSource>>;
  /** Categories that must be among article.removed. */
  removedCategories?: ChromeCategory[];
  /** Each must open or sit in some removed block's sample: the block is reported, so the page can hide it. */
  removedSamples?: string[];
}

export interface NoArticleFixture {
  name: string;
  kind: 'no-article';
  url: string;
  /** Acceptable reasons (a page may honestly be described more than one way). */
  reasons: NoArticleReason[];
  /** The page title the result must carry, when the page has one. */
  title?: string | null;
  /** The message must match this (it must tell the person why, in words that fit the page). */
  message?: RegExp;
}

export type Fixture = ArticleFixture | NoArticleFixture;

/** The seed page's paragraphs, by their opening words, in order (shared by both bdnews24 variants). */
const BDNEWS24_PARAGRAPHS = [
  'The US has intelligence confirming Islamic State',
  'Here is information about the Islamic State',
  'WHAT IS ISIS-K?',
  'Islamic State Khorasan (ISIS-K), named after an old term',
  'One of the most active regional affiliates',
  'The United States has said its ability to develop intelligence',
  'WHAT ATTACKS HAS THE GROUP CARRIED OUT?',
  'ISIS-K has a history of attacks, including against mosques',
  'Earlier this year, the US intercepted communications',
  'In September 2022, ISIS-K militants claimed responsibility',
  "The group was responsible for an attack on Kabul's international airport",
  'Earlier this month, the top US general in the Middle East',
  'WHY WOULD THEY ATTACK RUSSIA?',
  'While the attack by ISIS-K in Russia on Friday was a dramatic escalation',
  '"ISIS-K has been fixated on Russia for the past two years',
  'Michael Kugelman of the Washington-based Wilson Center',
  'He added that the group also counts as members',
];

const BDNEWS24_CHROME = [
  'date 2024-03-23',
  'বাংলা',
  'Multimedia',
  'Entertainment',
  'RELATED STORIES',
  'Over 60 killed in Moscow concert attack',
  'Attack on Pakistan army post near Afghan border kills 7',
  'Representational photo',
  'Iran sends Russia hundreds of ballistic missiles',
  'Opinion',
  'Cryptoverse: AI tokens outpace record-breaking bitcoin',
  'Flowers for solidarity',
  'Tasneem Hossain',
  'Peter Apps',
  'Advertisement',
  'Copyright © 2024 bdnews24.com',
  'Privacy policy',
  'Advertise with us',
  'We use cookies',
];

const BDNEWS24_OUTLINE: HeadingFact[] = [
  { level: 2, text: 'WHAT IS ISIS-K?' },
  { level: 2, text: 'WHAT ATTACKS HAS THE GROUP CARRIED OUT?' },
  { level: 2, text: 'WHY WOULD THEY ATTACK RUSSIA?' },
];

const BDNEWS24_META = {
  title: 'Why did ISIS-K attack a Moscow theatre?',
  byline: 'Reuters',
  siteName: 'bdnews24.com',
  publishedTime: '2024-03-23T04:04:00+06:00',
  lang: 'en',
};

export const FIXTURES: Fixture[] = [
  {
    name: 'bdnews24-explainer',
    kind: 'article',
    url: 'https://bdnews24.com/world/why-did-isis-k-attack-a-moscow-theatre',
    present: BDNEWS24_PARAGRAPHS,
    inOrder: BDNEWS24_PARAGRAPHS,
    absent: BDNEWS24_CHROME,
    outline: BDNEWS24_OUTLINE,
    meta: BDNEWS24_META,
    removedCategories: ['related', 'more-from', 'language', 'navigation', 'ad', 'header-footer'],
  },
  {
    name: 'bdnews24-hashed',
    kind: 'article',
    url: 'https://bdnews24.com/world/why-did-isis-k-attack-a-moscow-theatre',
    present: BDNEWS24_PARAGRAPHS,
    inOrder: BDNEWS24_PARAGRAPHS,
    absent: BDNEWS24_CHROME,
    outline: BDNEWS24_OUTLINE,
    meta: BDNEWS24_META,
    removedCategories: ['related', 'more-from', 'language'],
  },
  {
    name: 'blog-code-table',
    kind: 'article',
    url: 'https://fieldnotes.example.dev/posts/debounce-mutation-observer/',
    present: [
      'const pending = new Set<Element>();',
      'observer.observe(document.body, { childList: true, subtree: true });',
      'Record set, one flush per frame',
      'Make the handler idempotent first; optimise the set second.',
      'Keeping only the last callback',
      'Observe the narrowest root that still sees the changes you need.',
      'including one that inserts ten thousand nodes a minute. 🚀',
    ],
    inOrder: [
      'Content scripts that react to the page tend to start simple',
      'A MutationObserver hands you a list of records',
      'On a long article page with infinite scroll',
      'Every record of type childList carries addedNodes',
      'Collect the added elements into a set',
      'Two details matter.',
      'I ran each strategy for ten minutes',
      'The timeout debounce looks fine on cost',
      'The third one is subtle.',
      'That is the whole pattern.',
    ],
    absent: [
      'Skip to content',
      'Archive',
      '#javascript',
      '#performance',
      'Share this post',
      'Share on Mastodon',
      'Post to Hacker News',
      'Get new posts by email',
      'One email a month',
      '3 comments',
      'Would a WeakSet work here',
      'A WeakSet is not iterable',
      'Leave a comment',
      'Text licensed CC BY 4.0',
    ],
    outline: [
      { level: 2, text: 'The problem with re-scanning' },
      { level: 3, text: 'What the records tell you' },
      { level: 2, text: 'The pattern' },
      { level: 3, text: 'Measurements' },
      { level: 2, text: 'Two mistakes worth avoiding' },
      { level: 3, text: 'A short checklist' },
    ],
    meta: {
      title: 'Debouncing MutationObserver callbacks without losing records',
      byline: 'Priya Raman',
      siteName: 'Field Notes',
      publishedTime: '2025-02-11T09:30:00-05:00',
      modifiedTime: '2025-02-14T16:05:00-05:00',
      lang: 'en',
      image: 'https://fieldnotes.example.dev/img/observer-timeline.png',
    },
    // The tags and share bar sit in the post's <footer>, reported as one outermost block of either kind.
    removedCategories: ['newsletter', 'comments'],
  },
  {
    name: 'rtl-arabic',
    kind: 'article',
    url: 'https://alsahil.example/economy/energy/solar-desalination-plant',
    present: ['بدأت محطة جديدة لتحلية مياه البحر تعمل بالطاقة الشمسية بالكامل', 'تمول جزءا منها قروض ميسرة من صناديق تنموية إقليمية.'],
    inOrder: [
      'بدأت محطة جديدة لتحلية مياه البحر',
      'وقال مدير المشروع المهندس كريم منصور',
      'وأضاف منصور أن كلفة إنتاج المتر المكعب',
      'غير أن جمعيات بيئية محلية أبدت قلقها',
      'وردت الهيئة بأن أنابيب التصريف',
      'ومن المقرر أن تبدأ أعمال المرحلة الثانية',
      'وتقدر كلفة المرحلتين معا',
    ],
    absent: [
      'English',
      'تسجيل الدخول',
      'رياضة',
      'إعلان',
      'أخبار ذات صلة',
      'ارتفاع أسعار الكهرباء في موسم الصيف',
      'شركة ناشئة تطور ألواحا شمسية',
      'الأكثر قراءة',
      'المنتخب يتأهل إلى الدور النهائي',
      'واتساب',
      'جميع الحقوق محفوظة',
    ],
    outline: [
      { level: 2, text: 'مخاوف بيئية' },
      { level: 2, text: 'المرحلة الثانية' },
    ],
    meta: {
      title: 'افتتاح أكبر محطة لتحلية المياه بالطاقة الشمسية في المنطقة',
      byline: 'سلمى الحداد',
      siteName: 'صحيفة الساحل',
      publishedTime: '2025-06-03T10:15:00+03:00',
      lang: 'ar',
      dir: 'rtl',
    },
    removedCategories: ['related'],
  },
  {
    name: 'rtl-hebrew',
    kind: 'article',
    url: 'https://haemek.example/city/night-library',
    present: ['הספרייה העירונית תפתח בשבוע הבא סניף חדש', 'העירייה מסרה כי תבחן את הבקשה לאחר חודש הפעלה ראשון.'],
    inOrder: [
      'הספרייה העירונית תפתח בשבוע הבא',
      'לדברי מנהלת הספריות בעיר',
      'בסניף יהיו כמאה ועשרים מקומות ישיבה',
      'הכניסה תהיה חופשית לכל מי שמחזיק',
      'אגודת הסטודנטים בירכה על המהלך',
    ],
    absent: [
      'אתר זה משתמש בעוגיות',
      'כתבות נוספות',
      'תחנת האוטובוס החדשה ליד הקמפוס',
      'שיתוף בפייסבוק',
      'כל הזכויות שמורות',
      'צור קשר',
    ],
    outline: [
      { level: 2, text: 'מה יהיה בסניף' },
      { level: 2, text: 'תגובות בקמפוס' },
    ],
    meta: {
      title: 'הספרייה העירונית פותחת סניף לילה לסטודנטים',
      byline: 'נועה ברק',
      siteName: 'חדשות העמק',
      publishedTime: '2025-01-19T08:00:00+02:00',
      modifiedTime: '2025-01-19T12:40:00+02:00',
      lang: 'he',
      dir: 'rtl',
    },
    sources: { byline: 'json-ld', publishedTime: 'json-ld' },
    removedCategories: ['consent', 'related'],
    removedSamples: ['אתר זה משתמש בעוגיות'],
  },
  {
    name: 'cjk-chinese',
    kind: 'article',
    url: 'https://jiangnan.example/city/20250408/rooftop-farm.html',
    present: ['“没想到报名的人这么多，第一批的六十个种植箱三天就被认领完了。”', '并考虑对符合条件的项目给予一定补贴。🌱'],
    inOrder: [
      '在老城区一栋商场的屋顶上',
      '屋顶农场的发起人、退休工程师周建国',
      '农场的灌溉用水全部来自屋顶的雨水收集系统',
      '居民们还在屋顶一角建起了堆肥区',
      '不过，屋顶农场也遇到了一些问题',
      '此外，夏季高温时屋顶地表温度',
      '区农业农村局的一位负责人表示',
    ],
    absent: ['当前位置', '相关新闻', '老旧小区加装电梯进度过半', '热点排行', '地铁新线路下月试运营', '分享到', '沪ICP备', '网站地图'],
    outline: [
      { level: 2, text: '雨水收集与堆肥' },
      { level: 2, text: '面临的难题' },
    ],
    meta: {
      title: '城市屋顶农场进入社区：一年收获三吨蔬菜',
      siteName: '江南晚报',
      publishedTime: '2025-04-08T07:30:00+08:00',
      lang: 'zh-CN',
    },
    metaContains: { byline: '陈晓雯' },
    removedCategories: ['related'],
  },
  {
    name: 'japanese-shift-jis',
    kind: 'article',
    url: 'https://kitayama-shimbun.example/local/20250520/school-inn.html',
    present: ['「校舎を取り壊す話が出たとき、思い出の場所を残したいという声が多かった」', '黒板やオルガンがそのまま残る教室'],
    inOrder: [
      '児童数の減少で三年前に閉校した',
      '運営するのは、卒業生や保護者だった住民ら',
      'かつての給食室は食堂に改装し',
      '開業から二か月で',
      '一方で、古い校舎は断熱が十分でなく',
      '町の担当者は',
    ],
    absent: ['関連記事', '閉校した中学校がキャンプ場に', 'アクセスランキング', '梅雨入りは平年より早く', 'All Rights Reserved', 'スポーツ'],
    outline: [
      { level: 2, text: '給食室で地元の料理' },
      { level: 2, text: '課題は冬の暖房費' },
    ],
    meta: {
      title: '山あいの小学校、廃校舎を宿泊施設に　地域の人が運営',
      siteName: '北山新聞',
      publishedTime: '2025-05-20T06:00:00+09:00',
      lang: 'ja',
      byline: '佐藤美咲',
    },
  },
  {
    name: 'cyrillic-windows-1251',
    kind: 'article',
    url: 'https://vecherny-volzhsk.example/news/night-trams.html',
    present: ['«Мы долго изучали, как люди возвращаются домой после вечерних смен.', 'ночью звук колёс слышен особенно хорошо.'],
    inOrder: [
      'С первого июля по трём маршрутам',
      'Ночные рейсы пройдут по маршрутам',
      '«Мы долго изучали',
      'Стоимость проезда в ночных трамваях',
      'Эксперимент продлится до конца года.',
      'Жители левобережья встретили новость',
    ],
    absent: ['Форум', 'Афиша', 'Поделиться', 'Другие новости', 'На набережной откроют летний кинотеатр', 'Перепечатка материалов'],
    outline: [
      { level: 2, text: 'Сколько стоит проезд' },
      { level: 2, text: 'Мнения жителей' },
    ],
    meta: {
      title: 'В городе запустили ночные трамваи',
      byline: 'Андрей Соколов',
      siteName: 'Вечерний Волжск',
      publishedTime: '2025-06-28T18:45:00+03:00',
      lang: 'ru',
    },
  },
  {
    name: 'latin1-iso-8859-1',
    kind: 'article',
    url: 'https://echo-alpages.example/economie/affinage-grotte',
    present: ["« Ici, l'humidité est naturelle, on n'a besoin d'aucune climatisation »", 'étagères en épicéa non traité', 'À partir de juin'],
    inOrder: [
      'Trois coopératives fromagères de la haute vallée',
      "« Ici, l'humidité est naturelle",
      "Les fromagers assurent que l'affinage en grotte",
      "L'opération a coûté près de cent vingt mille euros",
      'À partir de juin, la grotte sera ouverte',
      'Prochaine étape',
    ],
    absent: ['À lire aussi', 'La transhumance attire', 'Partager', 'Mentions légales', 'Météo'],
    outline: [
      { level: 2, text: 'Un goût différent' },
      { level: 2, text: "Des visites l'été prochain" },
    ],
    meta: {
      title: "Les fromagers de la vallée misent sur l'affinage en grotte",
      byline: 'Hélène Dupré',
      siteName: "L'Écho des Alpages",
      publishedTime: '2024-11-05T07:00:00+01:00',
      lang: 'fr',
    },
  },
  {
    name: 'bengali-news',
    kind: 'article',
    url: 'https://nodipar.example/bangladesh/bamboo-cages-river-erosion',
    present: ['গত দুই মাসে তিনটি গ্রামে নতুন করে একটি বাড়িও নদীতে বিলীন হয়নি।', 'পরীক্ষামূলকভাবে চালু করা হবে। 🌊'],
    inOrder: [
      'ব্রহ্মপুত্রের ভাঙনে প্রতিবছর ঘরবাড়ি হারাতেন চরের মানুষ',
      'স্থানীয় কৃষক আবদুল মালেক বলেন',
      'প্রতিটি খাঁচা প্রায় দশ মিটার লম্বা',
      'একটি খাঁচা তৈরিতে খরচ পড়ে প্রায় পঁচিশ হাজার টাকা',
      'পানিসম্পদ বিশেষজ্ঞ অধ্যাপক নাসরিন সুলতানা বলেন',
      'পানি উন্নয়ন বোর্ডের স্থানীয় কার্যালয় জানিয়েছে',
    ],
    absent: [
      'English',
      'শনিবার, ১৪ সেপ্টেম্বর ২০২৪',
      'বিনোদন',
      'আরও পড়ুন',
      'তিস্তার পানি বাড়ছে',
      'চরের স্কুলে ভাসমান পাঠাগার',
      'জলবায়ু তহবিল কোথায় যাচ্ছে',
      'ফেসবুকে শেয়ার করুন',
      'সর্বস্বত্ব সংরক্ষিত',
    ],
    outline: [
      { level: 2, text: 'কীভাবে তৈরি হয় খাঁচা' },
      { level: 2, text: 'বিশেষজ্ঞরা যা বলছেন' },
    ],
    meta: {
      title: 'নদীভাঙন ঠেকাতে বাঁশের খাঁচা, সুফল পাচ্ছেন চরের মানুষ',
      byline: 'রফিকুল ইসলাম',
      siteName: 'নদীপাড় সংবাদ',
      publishedTime: '2024-09-14T11:20:00+06:00',
      modifiedTime: '2024-09-14T15:05:00+06:00',
      lang: 'bn',
    },
    sources: { publishedTime: 'json-ld' },
    removedCategories: ['language', 'related', 'more-from'],
  },
  {
    name: 'lazy-images',
    kind: 'article',
    url: 'https://coastline.example/walks/harbour-wall/',
    present: ['The old harbour wall runs for almost four miles', 'Dogs are welcome on the wall'],
    inOrder: [
      'The old harbour wall runs for almost four miles',
      'Start at the car park by the lifeboat station',
      'Halfway along, the wall doglegs around the white lighthouse',
      'From the red lighthouse you can see across the bay',
      'The café at the root of the wall opens only when the tide is low',
      'Allow two and a half hours for the round trip',
    ],
    absent: ['More walks', 'The cliff path to Porth Mawr', 'Birdwatching on the estuary', 'Privacy'],
    outline: [
      { level: 2, text: 'The two lighthouses' },
      { level: 2, text: 'Tea when the tide allows' },
    ],
    meta: {
      title: 'A winter walk along the old harbour wall',
      byline: 'Elspeth Morgan',
      siteName: 'Coastline Journal',
      publishedTime: '2025-01-04T12:00:00Z',
      lang: 'en-GB',
      image: 'https://coastline.example/media/harbour/lead-1600.jpg',
    },
  },
  {
    name: 'json-ld-graph',
    kind: 'article',
    url: 'https://commonsweekly.example/2024/10/library-of-things/',
    present: ['two hundred and forty things you can borrow for a week', 'publish its catalogue and software'],
    inOrder: [
      'Behind the branch library on Alder Street',
      'The library of things opened eighteen months ago',
      'The idea is simple arithmetic.',
      'Damage is rarer than people expect.',
      'The seed drawer works differently.',
      'A repair café now runs on the first Sunday',
      'The branch plans to add a second garage',
    ],
    absent: ['Previous: The bike kitchen turns five', 'Next: A tenant union wins new windows', 'Tagged', 'reader-owned cooperative', 'Donate'],
    outline: [
      { level: 2, text: 'Borrowing instead of buying' },
      { level: 2, text: 'The seed drawer' },
    ],
    meta: {
      title: 'How a small library lends seeds, tools and sewing machines',
      byline: 'Marisol Ortega',
      publishedTime: '2024-10-22T14:10:00-07:00',
      modifiedTime: '2024-10-23T09:02:00-07:00',
      lang: 'en-US',
      // The Article's image is an @id reference to an ImageObject elsewhere in the @graph.
      image: 'https://commonsweekly.example/wp-content/uploads/2024/10/shelves.jpg',
    },
    metaContains: { siteName: 'Commons Weekly' },
    sources: { byline: 'json-ld', publishedTime: 'json-ld', modifiedTime: 'json-ld', title: 'json-ld' },
  },
  {
    name: 'overlays-paywall',
    kind: 'article',
    url: 'https://meridianreview.example/travel/night-trains',
    present: ['At ten past nine on a Thursday evening', 'the toddler on platform nine slept through the whole journey.'],
    inOrder: [
      'At ten past nine on a Thursday evening',
      'A decade ago this service did not exist.',
      'The economics remain awkward.',
      'What has changed, operators say, is who is buying tickets.',
      'Governments have helped too',
      'For now the trains are full on most weekends',
    ],
    absent: [
      'We and our 143 partners',
      'Accept all cookies',
      'Manage preferences',
      "You've read your 3 free articles this month",
      'Already a subscriber?',
      'Sign up for The Morning Meridian',
      'Sign me up',
      'Subscribe for $1',
      'All rights reserved',
    ],
    meta: {
      title: 'The quiet comeback of the night train',
      byline: 'Jonas Whitfield',
      siteName: 'The Meridian Review',
      publishedTime: '2025-03-02T05:00:00+00:00',
    },
    removedCategories: ['consent', 'newsletter'],
    // The overlays cover the article on the live page: each must be found as a block to hide.
    removedSamples: ['We and our 143 partners', "You've read your 3 free articles", 'Sign up for The Morning Meridian'],
  },
  {
    name: 'shadow-root-article',
    kind: 'article',
    url: 'https://lattice-science.example/biology/bee-hexagons',
    present: [
      'A honeycomb looks like the work of a mathematician',
      'a repair strategy that engineers of tiled materials have started to study closely.',
      'The seam cells are slightly larger on average',
    ],
    inOrder: [
      'A honeycomb looks like the work of a mathematician',
      'The geometric argument is old.',
      'One long-standing idea holds that bees build round cells',
      'More recent work with cameras inside hives',
      'Where two sections of comb started from different points meet',
    ],
    absent: ['How army ants build living bridges', 'The mathematics of soap films', 'Related stories', '© Lattice Science'],
    outline: [
      { level: 2, text: 'Circles that become hexagons' },
      { level: 2, text: 'When the pattern breaks' },
    ],
    meta: { title: 'Why bees build hexagons', lang: 'en', siteName: 'Lattice Science' },
    metaContains: { byline: 'Ines Halvorsen' },
  },
  {
    name: 'live-blog',
    kind: 'article',
    url: 'https://harbourcityherald.example/national/live-storm-crosses-coast',
    present: [
      'crews have restored power to about 12,000 homes overnight',
      "If it's flooded, forget it.",
      'An evacuation centre has opened in the main pavilion at the showground.',
      'a gust of 128 kilometres an hour',
      'The storm crossed the coast about forty kilometres north of the city',
    ],
    inOrder: [
      'The electricity distributor says crews have restored power',
      'Police have asked drivers to avoid all but essential travel',
      'An evacuation centre has opened',
      'The weather bureau recorded a gust',
      'Good morning. The storm crossed the coast',
    ],
    absent: ['Interest rates held for a third month', 'Latest news', 'Advertisement', 'Schools closed in three council areas', 'Load earlier posts'],
    outlineIncludes: [
      { level: 0, text: 'Power restored to 12,000 homes' },
      { level: 0, text: 'Motorists urged to stay off the roads' },
      { level: 0, text: 'Evacuation centre opens at the showground' },
      { level: 0, text: 'Wind gusts peaked at 128 km/h' },
      { level: 0, text: 'Storm makes landfall' },
    ],
    meta: { siteName: 'Harbour City Herald', publishedTime: '2025-02-18T05:30:00+11:00', lang: 'en-AU' },
    metaContains: { title: 'Storm crosses the coast', byline: 'Kate Nguyen' },
  },
  {
    name: 'long-form',
    kind: 'article',
    url: 'https://longreads-quarterly.example/essays/town-time',
    present: ['The sun rises over our hill, not over the observatory', 'someone climbed every week for two hundred years.'],
    inOrder: [
      "For most of history a town's noon was the moment",
      'Tower clocks did not define that time',
      'Setting a clock by a sundial is less simple than it sounds.',
      'Ports had a sharper problem.',
      'The person responsible for the town clock',
      'Winding a large clock could take half an hour',
      'Some keepers kept logs',
      'Railways made local time a daily nuisance.',
      'Railway companies began to run their whole networks',
      'A few clockmakers sold dials with two minute hands',
      'The electric telegraph let an observatory send its time',
      'Observatories soon found they could charge for the service.',
      'Not everyone welcomed the change.',
      'That line, from a letter to a local newspaper',
      'Radio time signals, and much later satellites',
      'What remains of local time is mostly in the stone',
    ],
    // The in-article table of contents (<nav aria-label="Contents">) is navigation: the popup's outline replaces it.
    absent: ['Contents', 'Also in this issue', 'The last lighthouse keepers', 'Printed on paper, and online.'],
    outlineIncludes: [
      { level: 2, text: 'Noon by the sun' },
      { level: 3, text: 'Sundials and equation tables' },
      { level: 3, text: 'The noon gun' },
      { level: 2, text: 'The keepers' },
      { level: 3, text: 'A day in the tower' },
      { level: 4, text: "The keeper's log" },
      { level: 2, text: 'The railways arrive' },
      { level: 3, text: 'Two minute hands' },
      { level: 2, text: 'Time by telegraph' },
      { level: 3, text: 'Selling the signal' },
      { level: 2, text: 'Resistance' },
      { level: 2, text: 'Afterwards' },
      { level: 3, text: 'What remains' },
    ],
    meta: {
      title: 'The clock in the tower: a history of keeping town time',
      byline: 'Theo Marchetti',
      siteName: 'Longreads Quarterly',
      lang: 'en',
    },
  },
  {
    name: 'broken-html',
    kind: 'article',
    url: 'https://riverside-gazette.example/news/otter-survey',
    present: [
      'the first full survey of the animals since the 1980s',
      'Now we have a family living under the footbridge by the library.',
      'Volunteers were trained to tell otter signs from mink',
      'Each stretch of bank was walked twice',
      'counting otter poo is surprisingly sociable',
    ],
    inOrder: [
      'More than sixty volunteers spent last weekend',
      'The survey found signs of otters along almost every stretch',
      '"Twenty years ago you would not have found a single spraint in town,"',
      'The results will be sent to the county wildlife trust',
      'Hughes said the volunteers had already asked to do it again',
    ],
    absent: ['Kingfishers return to the mill pond', 'Tannery site to become a park', "What's on", '© Riverside Gazette'],
    meta: { title: "Volunteers count the river's otters for the first time in decades" },
    metaContains: { byline: 'Owen Price' },
  },
  { name: 'no-article-home', kind: 'no-article', url: 'https://dailyledger.example/', reasons: ['not-article'], title: 'The Daily Ledger – News, Sport, Weather' },
  {
    name: 'no-article-search',
    kind: 'no-article',
    url: 'https://homeenergy.example/search?q=heat+pump',
    reasons: ['not-article'],
    // The site name after the en dash is cut, as Readability cuts it after "|" or " - ".
    title: 'Search results for "heat pump"',
  },
  { name: 'no-article-login', kind: 'no-article', url: 'https://parcelwise.example/login', reasons: ['not-article', 'empty'], title: 'Sign in – Parcelwise' },
  {
    name: 'no-article-gallery',
    kind: 'no-article',
    url: 'https://northlight.example/galleries/autumn',
    reasons: ['not-article'],
    title: 'Autumn in the highlands – photo gallery',
  },
  { name: 'empty-body', kind: 'no-article', url: 'https://app.example/', reasons: ['empty'], title: 'Loading…' },
  {
    name: 'frameset',
    kind: 'no-article',
    url: 'https://archive.example/catalogue/',
    reasons: ['not-html'],
    title: 'County Archive – Catalogue',
    message: /frame/i,
  },
  {
    name: 'iframe-only',
    kind: 'no-article',
    url: 'https://reports.example/embed/4471',
    reasons: ['not-html', 'empty', 'not-article'],
    title: 'Embedded report viewer',
    // "a list of links" would mislead: the page's content is another page embedded in a frame.
    message: /frame|embed/i,
  },
];

export const ARTICLE_FIXTURES = FIXTURES.filter((f): f is ArticleFixture => f.kind === 'article');
export const NO_ARTICLE_FIXTURES = FIXTURES.filter((f): f is NoArticleFixture => f.kind === 'no-article');

/** The bytes of a fixture's source.html. */
export function readFixtureBytes(name: string): Uint8Array {
  return readFileSync(path.join(FIXTURES_DIR, name, 'source.html'));
}

/** Whether a fixture's source page exists yet (the bdnews24 pages are written by another engineer). */
export function fixtureExists(name: string): boolean {
  return existsSync(path.join(FIXTURES_DIR, name, 'source.html'));
}

/**
 * The character encoding a page declares, the way a browser finds it without an HTTP header:
 * a byte-order mark, else a <meta charset> or <meta http-equiv="Content-Type"> in the first 1024 bytes.
 */
export function sniffCharset(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(tag);
    if (direct) return direct[1].toLowerCase();
  }
  return 'utf-8';
}

/** A fixture's source as text, decoded with the charset the page declares. */
export function readFixtureHtml(name: string): string {
  const bytes = readFixtureBytes(name);
  let label = sniffCharset(bytes);
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    label = 'utf-8';
    return new TextDecoder(label).decode(bytes);
  }
}

/**
 * Parses HTML into a Document the way the CLI does (linkedom), or with jsdom when
 * CLEARPAGE_TEST_DOM=jsdom, so the same tests can run on both.
 */
export function parseDocument(html: string, url: string): Document {
  if (process.env.CLEARPAGE_TEST_DOM === 'jsdom') {
    return new JSDOM(html, { url }).window.document;
  }
  return parseHTML(html).document as unknown as Document;
}

/** Loads a fixture as a Document. */
export function loadFixtureDocument(fixture: Fixture): Document {
  return parseDocument(readFixtureHtml(fixture.name), fixture.url);
}

/** Collapses runs of whitespace (including non-breaking spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
