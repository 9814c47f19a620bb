/**
 * The last session's reading settings, kept in the popup's localStorage: storage.local answers
 * asynchronously, and the popup's first paint should not flash the default theme and size first.
 */
import { validateReading, type ReadingSettings } from '../shared/settings';
import { applyReadingStyle } from '../shared/reading-style';

const READING_CACHE_KEY = 'clearpage.reading';

/** Applies the cached reading settings to <html>, if there are any. */
export function applyCachedReadingStyle(): void {
  try {
    const cached = localStorage.getItem(READING_CACHE_KEY);
    if (cached) applyReadingStyle(validateReading(JSON.parse(cached)));
  } catch {
    // Storage may be off or the entry damaged; the stored settings follow a moment later.
  }
}

/** Remembers the reading settings for the next popup's first paint. */
export function cacheReadingSettings(reading: ReadingSettings): void {
  try {
    localStorage.setItem(READING_CACHE_KEY, JSON.stringify(reading));
  } catch {
    // As above: the cache only saves a flash of the wrong style.
  }
}
