/**
 * The settings schema (reading, export defaults, per-site rules), its defaults and
 * validation, and a load/save API on browser.storage.local. Whatever is stored is
 * validated on load: a corrupt value is replaced by its default and reported in
 * `problems` (a sentence a person can read), and the cleaned value is written back.
 */
import browser from 'webextension-polyfill';

export type FontFamily = 'serif' | 'sans';
export type Theme = 'light' | 'dark' | 'sepia' | 'system';
export type ExportFormat = 'markdown' | 'text' | 'html' | 'json';

export interface ReadingSettings {
  /** Body font size in CSS px. */
  fontSize: number;
  /** Maximum content width in CSS ch. */
  width: number;
  lineHeight: number;
  fontFamily: FontFamily;
  theme: Theme;
}

export interface ExportSettings {
  format: ExportFormat;
  /** Markdown exports start with YAML front matter. */
  frontMatter: boolean;
}

/** What Clearpage remembers about one site (keyed by host name, e.g. "bdnews24.com"). */
export interface SiteRules {
  /** Strip automatically on every visit (a content script is registered for the host). */
  autoStrip: boolean;
  /** Selectors the user picked to hide (click-to-hide picker). */
  hide: string[];
  /** Selectors the user asked to show again although detected as chrome. */
  keep: string[];
}

export interface Settings {
  reading: ReadingSettings;
  export: ExportSettings;
  sites: Record<string, SiteRules>;
}

export const READING_LIMITS = {
  fontSize: { min: 12, max: 32 },
  width: { min: 40, max: 120 },
  lineHeight: { min: 1.1, max: 2.4 },
} as const;

export const DEFAULT_READING: Readonly<ReadingSettings> = /* @__PURE__ */ Object.freeze({
  fontSize: 18,
  width: 68,
  lineHeight: 1.6,
  fontFamily: 'serif',
  theme: 'system',
});

export const DEFAULT_EXPORT: Readonly<ExportSettings> = Object.freeze({ format: 'markdown', frontMatter: true });

export function defaultSiteRules(): SiteRules {
  return { autoStrip: false, hide: [], keep: [] };
}

export function defaultSettings(): Settings {
  return { reading: { ...DEFAULT_READING }, export: { ...DEFAULT_EXPORT }, sites: {} };
}

const FONT_FAMILIES: readonly FontFamily[] = ['serif', 'sans'];
const THEMES: readonly Theme[] = ['light', 'dark', 'sepia', 'system'];
const FORMATS: readonly ExportFormat[] = ['markdown', 'text', 'html', 'json'];
/** A selector longer than this is not something a person picked. */
const MAX_SELECTOR_LENGTH = 500;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

/** A host key as used in `Settings.sites`: lower-case host name, no port, no trailing dot. */
export function hostKey(urlOrHost: string): string {
  let host = urlOrHost.trim();
  try {
    if (/^[a-z][a-z0-9+.-]*:/i.test(host)) host = new URL(host).hostname;
  } catch {
    return '';
  }
  return host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
}

/** Whether a string is a syntactically valid CSS selector (checked with the DOM where there is one). */
export function isValidSelector(selector: unknown): selector is string {
  if (typeof selector !== 'string') return false;
  const s = selector.trim();
  if (!s || s.length > MAX_SELECTOR_LENGTH) return false;
  // The MV3 service worker has no document: accept there, the page will check again.
  if (typeof document === 'undefined') return true;
  try {
    document.createDocumentFragment().querySelector(s);
    return true;
  } catch {
    return false;
  }
}

/** Validated reading settings: invalid fields take their default and are reported. */
export function validateReading(raw: unknown, problems: string[] = []): ReadingSettings {
  const out: ReadingSettings = { ...DEFAULT_READING };
  if (raw === undefined) return out;
  if (!isRecord(raw)) {
    problems.push('Reading settings were unreadable and have been reset to the defaults.');
    return out;
  }
  const bad: string[] = [];
  const { fontSize, width, lineHeight } = READING_LIMITS;
  if (raw.fontSize !== undefined) {
    if (numberIn(raw.fontSize, fontSize.min, fontSize.max)) out.fontSize = raw.fontSize;
    else bad.push('font size');
  }
  if (raw.width !== undefined) {
    if (numberIn(raw.width, width.min, width.max)) out.width = raw.width;
    else bad.push('width');
  }
  if (raw.lineHeight !== undefined) {
    if (numberIn(raw.lineHeight, lineHeight.min, lineHeight.max)) out.lineHeight = raw.lineHeight;
    else bad.push('line height');
  }
  if (raw.fontFamily !== undefined) {
    if (FONT_FAMILIES.includes(raw.fontFamily as FontFamily)) out.fontFamily = raw.fontFamily as FontFamily;
    else bad.push('font');
  }
  if (raw.theme !== undefined) {
    if (THEMES.includes(raw.theme as Theme)) out.theme = raw.theme as Theme;
    else bad.push('theme');
  }
  if (bad.length) problems.push(`Some reading settings were invalid and have been reset: ${bad.join(', ')}.`);
  return out;
}

/** Validated export defaults: invalid fields take their default and are reported. */
export function validateExport(raw: unknown, problems: string[] = []): ExportSettings {
  const out: ExportSettings = { ...DEFAULT_EXPORT };
  if (raw === undefined) return out;
  if (!isRecord(raw)) {
    problems.push('Export settings were unreadable and have been reset to the defaults.');
    return out;
  }
  const bad: string[] = [];
  if (raw.format !== undefined) {
    if (FORMATS.includes(raw.format as ExportFormat)) out.format = raw.format as ExportFormat;
    else bad.push('format');
  }
  if (raw.frontMatter !== undefined) {
    if (typeof raw.frontMatter === 'boolean') out.frontMatter = raw.frontMatter;
    else bad.push('front matter');
  }
  if (bad.length) problems.push(`Some export settings were invalid and have been reset: ${bad.join(', ')}.`);
  return out;
}

function validSelectorList(raw: unknown): { list: string[]; dropped: number } {
  if (!Array.isArray(raw)) return { list: [], dropped: raw === undefined ? 0 : 1 };
  const list: string[] = [];
  let dropped = 0;
  for (const s of raw) {
    if (isValidSelector(s)) {
      const t = s.trim();
      if (!list.includes(t)) list.push(t);
    } else dropped++;
  }
  return { list, dropped };
}

/** Validated rules of one site (null when nothing of it is usable). */
export function validateSiteRules(raw: unknown): { rules: SiteRules; dropped: number } | null {
  if (!isRecord(raw)) return null;
  const hide = validSelectorList(raw.hide);
  const keep = validSelectorList(raw.keep);
  const autoOk = raw.autoStrip === undefined || typeof raw.autoStrip === 'boolean';
  return {
    rules: { autoStrip: raw.autoStrip === true, hide: hide.list, keep: keep.list },
    dropped: hide.dropped + keep.dropped + (autoOk ? 0 : 1),
  };
}

/** One stored site entry validated: its host key and rules, or null when the entry is unusable. */
function siteEntry(host: string, value: unknown): { key: string; site: { rules: SiteRules; dropped: number } } | null {
  const key = hostKey(host);
  const site = validateSiteRules(value);
  return key && /^[a-z0-9.-]+$/.test(key) && site ? { key, site } : null;
}

/** Validated per-site rules: unusable hosts and selectors are dropped and reported. */
export function validateSites(raw: unknown, problems: string[] = []): Record<string, SiteRules> {
  const out: Record<string, SiteRules> = {};
  if (raw === undefined) return out;
  if (!isRecord(raw)) {
    problems.push('Site rules were unreadable and have been cleared.');
    return out;
  }
  let droppedSites = 0;
  let droppedRules = 0;
  for (const [host, value] of Object.entries(raw)) {
    const entry = siteEntry(host, value);
    if (!entry) {
      droppedSites++;
      continue;
    }
    out[entry.key] = entry.site.rules;
    droppedRules += entry.site.dropped;
  }
  if (droppedSites) problems.push(`${droppedSites} unreadable site entr${droppedSites === 1 ? 'y was' : 'ies were'} removed.`);
  if (droppedRules) problems.push(`${droppedRules} invalid site rule${droppedRules === 1 ? ' was' : 's were'} removed.`);
  return out;
}

/**
 * One host's rules as validateSites keeps them (undefined when it has none), without validating
 * every other site: the content script needs only its page's, and not validateSites' reports.
 */
export function storedSiteRules(raw: unknown, host: string): SiteRules | undefined {
  let rules: SiteRules | undefined;
  if (!isRecord(raw)) return rules;
  for (const [key, value] of Object.entries(raw)) {
    // The last usable entry of the host wins, as in validateSites.
    if (hostKey(key) === host) rules = siteEntry(key, value)?.site.rules ?? rules;
  }
  return rules;
}

/** The stored front-matter default as validateExport reads it (without its reports). */
export function storedFrontMatter(raw: unknown): boolean {
  return isRecord(raw) && typeof raw.frontMatter === 'boolean' ? raw.frontMatter : DEFAULT_EXPORT.frontMatter;
}

/** Validate a whole stored settings object; never throws. */
export function validateSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const record = isRecord(raw) ? raw : {};
  const settings: Settings = {
    reading: validateReading(record.reading, problems),
    export: validateExport(record.export, problems),
    sites: validateSites(record.sites, problems),
  };
  return { settings, problems };
}

/** Whether a site entry carries nothing worth storing. */
function isEmptySite(rules: SiteRules): boolean {
  return !rules.autoStrip && rules.hide.length === 0 && rules.keep.length === 0;
}

/** uBlock Origin cosmetic filter lines (`host##selector`) for the sites' hide rules. */
export function toUblockFilters(sites: Record<string, SiteRules>): string {
  const lines: string[] = [];
  for (const host of Object.keys(sites).sort()) {
    for (const selector of sites[host].hide) lines.push(`${host}##${selector}`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

// ---------------------------------------------------------------------------------
// Storage (browser.storage.local): keys 'reading', 'export', 'sites'.

const KEYS = ['reading', 'export', 'sites'] as const;

/** Load all settings, validated; a corrupt stored part is reset (written back) and reported. */
export async function loadSettings(): Promise<{ settings: Settings; problems: string[] }> {
  const stored = await browser.storage.local.get([...KEYS]);
  const result = validateSettings(stored);
  if (result.problems.length) {
    await browser.storage.local.set({ ...result.settings });
  }
  return result;
}

/** Save reading settings (merged over the current ones; invalid values rejected with an error). */
export async function saveReading(patch: Partial<ReadingSettings>): Promise<ReadingSettings> {
  const { settings } = await loadSettings();
  const problems: string[] = [];
  const next = validateReading({ ...settings.reading, ...patch }, problems);
  if (problems.length) throw new Error(problems.join(' '));
  await browser.storage.local.set({ reading: next });
  return next;
}

/** Save export defaults (merged over the current ones; invalid values rejected with an error). */
export async function saveExport(patch: Partial<ExportSettings>): Promise<ExportSettings> {
  const { settings } = await loadSettings();
  const problems: string[] = [];
  const next = validateExport({ ...settings.export, ...patch }, problems);
  if (problems.length) throw new Error(problems.join(' '));
  await browser.storage.local.set({ export: next });
  return next;
}

/** All sites with rules. */
export async function loadSites(): Promise<Record<string, SiteRules>> {
  return (await loadSettings()).settings.sites;
}

/** The rules of one host (defaults when it has none). */
export async function loadSiteRules(host: string): Promise<SiteRules> {
  const sites = await loadSites();
  return sites[hostKey(host)] ?? defaultSiteRules();
}

/** Change one host's rules with a function of the current ones; an empty entry is removed. */
export async function updateSiteRules(host: string, change: (rules: SiteRules) => SiteRules): Promise<SiteRules> {
  const key = hostKey(host);
  if (!key) throw new Error(`Not a site: "${host}"`);
  const sites = await loadSites();
  const changed = validateSiteRules(change(sites[key] ? structuredClone(sites[key]) : defaultSiteRules()));
  if (!changed) throw new Error('Invalid site rules');
  if (changed.dropped) throw new Error('That is not a valid CSS selector.');
  if (isEmptySite(changed.rules)) delete sites[key];
  else sites[key] = changed.rules;
  await browser.storage.local.set({ sites });
  return changed.rules;
}

/** Forget a host's rules. */
export async function removeSite(host: string): Promise<void> {
  const sites = await loadSites();
  delete sites[hostKey(host)];
  await browser.storage.local.set({ sites });
}

/** Call back whenever stored settings change (from any context); returns an unsubscribe function. */
export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area !== 'local') return;
    void loadSettings().then(({ settings }) => callback(settings));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
