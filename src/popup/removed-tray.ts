/**
 * The "removed" tray: what Clearpage hid on the page (or, before stripping, what it found),
 * grouped by category with counts and text samples, each hidden block with "show again".
 */
import { CHROME_CATEGORIES, type ChromeCategory, type RemovedItem } from '../core/types';
import type { StripItem, StripState } from '../shared/messages';
import { formatCount, t, type MessageKey } from '../shared/i18n';
import { byId, clear, el } from '../shared/element-builder';

const CATEGORY_KEYS: Record<ChromeCategory, MessageKey> = {
  related: 'catRelated',
  'more-from': 'catMoreFrom',
  language: 'catLanguage',
  navigation: 'catNavigation',
  share: 'catShare',
  ad: 'catAd',
  consent: 'catConsent',
  newsletter: 'catNewsletter',
  comments: 'catComments',
  'header-footer': 'catHeaderFooter',
};

/** The UI name of a chrome category. */
export function categoryName(category: ChromeCategory): string {
  return t(CATEGORY_KEYS[category] ?? 'catOther');
}

export interface TrayInput {
  /** The page's strip state (null when the content script could not be reached). */
  state: StripState | null;
  /** What extraction found on the page, shown while the page is not stripped. */
  found: RemovedItem[];
  onShowAgain: (item: StripItem) => void;
}

type Row = { category: ChromeCategory; sample: string; item?: StripItem };

function groupRows(rows: Row[]): Map<ChromeCategory, Row[]> {
  const groups = new Map<ChromeCategory, Row[]>();
  for (const category of CHROME_CATEGORIES) groups.set(category, []);
  for (const row of rows) {
    if (!groups.has(row.category)) groups.set(row.category, []);
    groups.get(row.category)!.push(row);
  }
  for (const [category, list] of groups) if (!list.length) groups.delete(category);
  return groups;
}

/** Renders the tray and returns the number of blocks it lists. */
export function renderTray(input: TrayInput): number {
  const stripped = input.state?.stripped ?? false;
  const rows: Row[] = stripped
    ? input.state!.items.map((item) => ({ category: item.category, sample: item.sample, item }))
    : input.found.map((found) => ({ category: found.category, sample: found.sample }));

  const summary = byId('tray-summary');
  if (stripped) summary.textContent = rows.length ? t('traySummaryHidden', formatCount(rows.length)) : t('trayNothingHidden');
  else summary.textContent = rows.length ? t('traySummaryFound', formatCount(rows.length)) : t('trayNothingFound');

  const container = byId('tray-groups');
  clear(container);
  for (const [category, list] of groupRows(rows)) {
    const headingId = `tray-group-${category}`;
    const items = list.map((row) => {
      const sample = el('span', { class: 'sample', text: row.sample, attrs: { title: row.sample || null } });
      const li = el('li', {}, sample);
      if (row.item) {
        const item = row.item;
        const button = el('button', {
          class: 'small-button',
          text: t('showAgain'),
          attrs: { type: 'button', 'aria-label': t('showAgainLong', row.sample || categoryName(category)) },
        });
        button.addEventListener('click', () => {
          button.disabled = true;
          li.classList.add('shown');
          input.onShowAgain(item);
        });
        li.append(button);
      }
      return li;
    });
    container.append(
      el(
        'section',
        { class: 'tray-group', attrs: { 'aria-labelledby': headingId, 'data-category': category } },
        el(
          'h3',
          { attrs: { id: headingId } },
          el('span', { text: categoryName(category) }),
          el('span', { class: 'count', text: formatCount(list.length) }),
        ),
        el('ul', {}, ...items),
      ),
    );
  }
  return rows.length;
}
