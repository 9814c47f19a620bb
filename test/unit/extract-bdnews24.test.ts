import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../src/core/extract-article';
import type { Article } from '../../src/core/types';

const URL_ = 'https://bdnews24.com/world/why-did-isis-k-attack-a-moscow-theatre';

const PARAGRAPHS = [
  "The US has intelligence confirming Islamic State's claim of responsibility for a deadly shooting attack at a concert near Moscow on Friday, a US official told Reuters.",
  "Here is information about the Islamic State's Afghan branch known as ISIS-K and their motives for attacking Russia:",
  'WHAT IS ISIS-K?',
  'Islamic State Khorasan (ISIS-K), named after an old term for the region that included parts of Iran, Turkmenistan and Afghanistan, emerged in eastern Afghanistan in late 2014 and quickly established a reputation for extreme brutality.',
  'One of the most active regional affiliates of the Islamic State militant group, ISIS-K has seen its membership decline since peaking around 2018. The Taliban and US forces inflicted heavy losses.',
  'The United States has said its ability to develop intelligence against extremist groups in Afghanistan such as ISIS-K has been reduced since the withdrawal of US troops from the country in 2021.',
  'WHAT ATTACKS HAS THE GROUP CARRIED OUT?',
  'ISIS-K has a history of attacks, including against mosques, inside and outside Afghanistan.',
  'Earlier this year, the US intercepted communications confirming the group carried out twin bombings in Iran that killed nearly 100 people.',
  'In September 2022, ISIS-K militants claimed responsibility for a deadly suicide bombing at the Russian embassy in Kabul.',
  "The group was responsible for an attack on Kabul's international airport in 2021 that killed 13 US troops and scores of civilians during the chaotic US evacuation from the country.",
  'Earlier this month, the top US general in the Middle East said ISIS-K could attack US and Western interests outside of Afghanistan "in as little as six months and with little to no warning."',
  'WHY WOULD THEY ATTACK RUSSIA?',
  'While the attack by ISIS-K in Russia on Friday was a dramatic escalation, experts said the group has opposed Russian President Vladimir Putin in recent years.',
  '"ISIS-K has been fixated on Russia for the past two years, frequently criticising Putin in its propaganda," said Colin Clarke of Soufan Center, a Washington-based research group.',
  'Michael Kugelman of the Washington-based Wilson Center said that ISIS-K "sees Russia as being complicit in activities that regularly oppress Muslims."',
  'He added that the group also counts as members a number of Central Asian militants with their own grievances against Moscow.',
];

const QUESTIONS = ['WHAT IS ISIS-K?', 'WHAT ATTACKS HAS THE GROUP CARRIED OUT?', 'WHY WOULD THEY ATTACK RUSSIA?'];

const CHROME_TEXT = [
  'date 2024-03-23',
  'বাংলা',
  'Entertainment',
  'Lifestyle',
  'Multimedia',
  'RELATED STORIES',
  'Smoke from fire rises above the burning Crocus City Hall',
  'Over 60 killed in Moscow concert attack',
  'Health officials said about 145 people were wounded',
  'Representational photo.',
  'Attack on Pakistan army post near Afghan border kills 7',
  'Militants used a vehicle laden with explosives',
  'US embassy warns of imminent attack in Moscow',
  'The alert comes hours after Russian authorities',
  'armoured vehicle past the US embassy',
  'Iran sends Russia hundreds of ballistic missiles',
  'Fateh-110',
  'Opinion',
  'Cryptoverse: AI tokens outpace record-breaking bitcoin',
  'Flowers for solidarity',
  'Tasneem Hossain',
  'Germany is key to rearming Europe',
  'Peter Apps',
  "Europe's mild winter leaves gas stocks at record high",
  'John Kemp',
  'Advertisement',
  'About us',
  'Privacy policy',
  'Copyright',
  'Published :',
  'We use cookies',
];

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

function extract(name: string): Article {
  const html = readFileSync(new URL(`../fixtures/${name}/source.html`, import.meta.url), 'utf8');
  const { document } = parseHTML(html);
  const result = extractArticle(document as unknown as Document, URL_, { timeBudgetMs: 60_000 });
  if (result.kind !== 'article') throw new Error(`no article: ${result.noArticle.message}`);
  return result.article;
}

describe.each(['bdnews24-explainer', 'bdnews24-hashed'])('extractArticle on %s', (name) => {
  const article = extract(name);
  const text = collapse(article.text);

  it('keeps every article paragraph, in order, each as its own block', () => {
    let from = 0;
    for (const p of PARAGRAPHS) {
      const at = text.indexOf(p, from);
      expect(at, p).toBeGreaterThanOrEqual(from);
      from = at + p.length;
    }
    const blocks = article.text.split('\n\n').map(collapse);
    for (const p of PARAGRAPHS) expect(blocks).toContain(p);
  });

  it('leaves out all of the page chrome', () => {
    for (const chrome of CHROME_TEXT) expect(text, chrome).not.toContain(chrome);
  });

  it('does not repeat the title in the body text', () => {
    expect(text).not.toContain('Why did ISIS-K attack a Moscow theatre?');
  });

  it('turns the three questions into h2 headings and exactly those into the outline', () => {
    const { document } = parseHTML(`<!doctype html><html><body>${article.html}</body></html>`);
    const h2 = Array.from(document.querySelectorAll('h2')).map((h) => collapse(h.textContent ?? ''));
    expect(h2).toEqual(QUESTIONS);
    expect(document.querySelectorAll('h1, h3, h4, h5, h6').length).toBe(0);
    expect(article.outline.map((o) => [o.level, o.text])).toEqual(QUESTIONS.map((q) => [2, q]));
    for (const item of article.outline) {
      expect(document.getElementById(item.id)?.textContent).toBe(item.text);
    }
  });

  it('reads the metadata', () => {
    expect(article.title).toBe('Why did ISIS-K attack a Moscow theatre?');
    expect(article.byline).toBe('Reuters');
    expect(article.siteName).toBe('bdnews24.com');
    expect(article.publishedTime).toBe('2024-03-23T04:04:00+06:00');
    expect(article.modifiedTime).toBe('2024-03-23T04:04:00+06:00');
    expect(article.lang).toBe('en');
    expect(article.sources.publishedTime).toBe('json-ld');
    expect(article.sources.byline).toBe('json-ld');
  });

  it('reports the chrome it removed, with samples', () => {
    const categories = new Set(article.removed.map((r) => r.category));
    for (const c of ['related', 'more-from', 'language', 'navigation', 'share', 'ad', 'header-footer'] as const) {
      expect(categories, c).toContain(c);
    }
    const related = article.removed.find((r) => r.category === 'related');
    expect(related?.sample).toMatch(/^RELATED STORIES/);
    expect(article.removed.find((r) => r.category === 'language')?.sample).toContain('বাংলা');
    for (const r of article.removed) expect(r.sample.length).toBeLessThanOrEqual(80);
  });

  it('counts words and reading time', () => {
    expect(article.wordCount).toBeGreaterThan(350);
    expect(article.wordCount).toBeLessThan(420);
    expect(article.readingTimeMinutes).toBe(2);
  });

  it('makes URLs absolute and resolves lazy images', () => {
    expect(article.html).not.toMatch(/(src|href)="\/(?!\/)/);
    expect(article.html).not.toContain('data:image/gif');
    expect(article.url).toBe(URL_);
  });
});

describe('extractArticle without JSON-LD or meta dates', () => {
  it('reads the visible "Published :" line, without an offset when the page states none', () => {
    const html = readFileSync(new URL('../fixtures/bdnews24-explainer/source.html', import.meta.url), 'utf8')
      .replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '')
      .replace(/<meta property="article:(published|modified)_time"[^>]*>/g, '');
    const { document } = parseHTML(html);
    const result = extractArticle(document as unknown as Document, URL_, { timeBudgetMs: 60_000 });
    expect(result.kind).toBe('article');
    if (result.kind !== 'article') return;
    expect(result.article.publishedTime).toBe('2024-03-23T04:04:00');
    expect(result.article.sources.publishedTime).toBe('text');
    expect(result.article.byline).toBe('Reuters');
  });

  it('does not change the input document', () => {
    const html = readFileSync(new URL('../fixtures/bdnews24-hashed/source.html', import.meta.url), 'utf8');
    const { document } = parseHTML(html);
    const before = document.toString();
    extractArticle(document as unknown as Document, URL_, { timeBudgetMs: 60_000 });
    expect(document.toString()).toBe(before);
  });
});
