/** The toolbar badge: how many blocks are hidden on each tab, or a short error mark. */
import browser from 'webextension-polyfill';

const COLOR = '#0f5e63';
const ERROR_COLOR = '#b42318';
/** Tabs whose tooltip carries an error, to put back the default title. */
const errored = new Set<number>();

/** Show the hidden-block count for a tab (nothing when not stripped). */
export async function showCount(tabId: number, stripped: boolean, count: number): Promise<void> {
  await Promise.all([
    browser.action.setBadgeBackgroundColor({ tabId, color: COLOR }),
    browser.action.setBadgeText({ tabId, text: stripped ? String(count) : '' }),
  ]);
  if (errored.delete(tabId)) {
    await browser.action.setTitle({ tabId, title: browser.i18n.getMessage('actionTitle') || 'Clearpage' });
  }
}

/** Mark a tab's button with "!" and put the error in its tooltip (no notifications permission). */
export async function showError(tabId: number, message: string): Promise<void> {
  errored.add(tabId);
  await Promise.all([
    browser.action.setBadgeBackgroundColor({ tabId, color: ERROR_COLOR }),
    browser.action.setBadgeText({ tabId, text: '!' }),
    browser.action.setTitle({ tabId, title: message }),
  ]);
}

export async function clearBadge(tabId: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: '' });
}

/** The badge text of a tab (for tests and the popup). */
export async function badgeText(tabId: number): Promise<string> {
  return browser.action.getBadgeText({ tabId });
}
