/**
 * Applies reading settings to the page as CSS custom properties and a theme attribute,
 * so a change shows at once without re-rendering the article.
 */
import type { ReadingSettings, Theme } from '../shared/settings';

const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

/** The concrete theme for a setting ('system' follows the browser's colour scheme). */
export function resolveTheme(theme: Theme): Exclude<Theme, 'system'> {
  if (theme !== 'system') return theme;
  return darkQuery?.matches ? 'dark' : 'light';
}

let followingSystem: (() => void) | null = null;

/** Sets `data-theme` on <html> and, for 'system', keeps following the browser's scheme. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = resolveTheme(theme);
  if (followingSystem) {
    darkQuery?.removeEventListener('change', followingSystem);
    followingSystem = null;
  }
  if (theme === 'system' && darkQuery) {
    followingSystem = () => {
      root.dataset.theme = resolveTheme('system');
    };
    darkQuery.addEventListener('change', followingSystem);
  }
}

/** The line length in CSS px: `width` characters of the reading font (a character averages about half an em). */
export function measurePx(reading: ReadingSettings): number {
  return Math.round(reading.width * reading.fontSize * 0.5);
}

/** The popup's width for a measure: room for the line length plus gutters, within Chrome's 800 px limit. */
export function popupWidthFor(reading: ReadingSettings): number {
  return Math.min(800, Math.max(560, measurePx(reading) + 2 * 32));
}

/** Applies font, size, line height, measure and theme to the document. */
export function applyReadingStyle(reading: ReadingSettings, root: HTMLElement = document.documentElement): void {
  root.style.setProperty('--fs', `${reading.fontSize}px`);
  root.style.setProperty('--lh', String(reading.lineHeight));
  root.style.setProperty('--measure', `${measurePx(reading)}px`);
  root.style.setProperty('--read-font', reading.fontFamily === 'sans' ? 'var(--sans)' : 'var(--serif)');
  root.style.setProperty('--popup-width', `${popupWidthFor(reading)}px`);
  applyTheme(reading.theme, root);
}
