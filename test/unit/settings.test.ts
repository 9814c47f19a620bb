import { describe, expect, it, vi } from 'vitest';

// settings.ts imports the polyfill for its storage functions, which refuses to load outside an
// extension; these tests cover the pure schema part only (storage is exercised in e2e).
vi.mock('webextension-polyfill', () => ({ default: {} }));

const {
  DEFAULT_EXPORT,
  DEFAULT_READING,
  defaultSettings,
  hostKey,
  storedFrontMatter,
  storedSiteRules,
  toUblockFilters,
  validateExport,
  validateSettings,
  validateSites,
} = await import('../../src/shared/settings');

describe('settings schema', () => {
  it('gives the defaults for an empty store, without problems', () => {
    expect(validateSettings({})).toEqual({ settings: defaultSettings(), problems: [] });
    expect(validateSettings(undefined).problems).toEqual([]);
  });

  it('keeps valid stored values', () => {
    const stored = {
      reading: { fontSize: 20, width: 72, lineHeight: 1.8, fontFamily: 'sans', theme: 'sepia' },
      export: { format: 'json', frontMatter: false },
      sites: { 'bdnews24.com': { autoStrip: true, hide: ['.promo'], keep: ['section.related-stories'] } },
    };
    expect(validateSettings(stored)).toEqual({ settings: stored, problems: [] });
  });

  it('resets a corrupt value to its default and says so', () => {
    const { settings, problems } = validateSettings({
      reading: { fontSize: 'huge', width: 72, lineHeight: Number.NaN, theme: 'neon' },
      export: 'markdown',
    });
    expect(settings.reading).toEqual({ ...DEFAULT_READING, width: 72 });
    expect(settings.export).toEqual(DEFAULT_EXPORT);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/font size, line height, theme/);
    expect(problems[1]).toMatch(/Export settings .* reset/);
  });

  it('drops unusable sites and rules, and normalises hosts', () => {
    const { settings, problems } = validateSettings({
      sites: {
        'WWW.Example.com.': { autoStrip: true, hide: ['.ad', 42, '', '.ad'], keep: 'nope' },
        'not a host!': { autoStrip: true },
        'ok.org': 'corrupt',
      },
    });
    expect(settings.sites).toEqual({ 'www.example.com': { autoStrip: true, hide: ['.ad'], keep: [] } });
    expect(problems.join(' ')).toMatch(/2 unreadable site entries were removed/);
    expect(problems.join(' ')).toMatch(/3 invalid site rules were removed/);
  });

  it('clears site rules that are not an object at all', () => {
    const { settings, problems } = validateSettings({ sites: ['bdnews24.com'] });
    expect(settings.sites).toEqual({});
    expect(problems).toEqual(['Site rules were unreadable and have been cleared.']);
  });

  it("reads one host's rules and the front-matter default as the full validation does (the content script's reads)", () => {
    const sites = {
      'WWW.Example.com.': { autoStrip: true, hide: ['.ad', 42, '.ad'], keep: 'nope' },
      'www.example.com': 'corrupt',
      'ok.org': { hide: ['.promo'] },
      'OK.org': { keep: ['.related'] },
    };
    for (const host of ['www.example.com', 'ok.org', 'other.net', '', 'constructor']) {
      expect(storedSiteRules(sites, host)).toEqual(Object.hasOwn(validateSites(sites), host) ? validateSites(sites)[host] : undefined);
    }
    expect(storedSiteRules(sites, 'ok.org')).toEqual({ autoStrip: false, hide: [], keep: ['.related'] });
    expect(storedSiteRules(['ok.org'], 'ok.org')).toBeUndefined();
    for (const stored of [undefined, null, 'x', [], {}, { frontMatter: false }, { frontMatter: 'no' }, { format: 'text', frontMatter: true }]) {
      expect(storedFrontMatter(stored)).toBe(validateExport(stored).frontMatter);
    }
  });

  it('turns URLs and hosts into site keys', () => {
    expect(hostKey('https://BDNews24.com:8443/news/x?y=1')).toBe('bdnews24.com');
    expect(hostKey('bdnews24.com')).toBe('bdnews24.com');
    expect(hostKey('http://127.0.0.1:5173/')).toBe('127.0.0.1');
  });

  it('writes uBlock Origin cosmetic filters for the hide rules', () => {
    expect(
      toUblockFilters({
        'b.example': { autoStrip: false, hide: ['.promo', 'div#x > p'], keep: [] },
        'a.example': { autoStrip: true, hide: [], keep: ['.related'] },
      }),
    ).toBe('b.example##.promo\nb.example##div#x > p\n');
  });
});
