/**
 * The options page: reading and export defaults, the sites Clearpage remembers (automatic
 * stripping, hide and keep rules, each removable), their rules as uBlock Origin filters, and
 * a notice when stored settings were damaged and reset.
 */
import { send } from '../shared/messages';
import {
  loadSettings,
  onSettingsChanged,
  saveExport,
  toUblockFilters,
  type ExportFormat,
  type Settings,
  type SiteRules,
} from '../shared/settings';
import { localizePage, t } from '../shared/i18n';
import { byId, clear, el } from '../shared/element-builder';
import { applyReadingStyle } from '../shared/reading-style';
import { bindReadingSettingsForm, buildReadingSettingsForm } from '../shared/reading-settings-form';
import { showToast } from '../shared/toast';
import { enableAutoStrip, hasAccess } from '../shared/site-access';

let sites: Record<string, SiteRules> = {};
let confirmTimer: ReturnType<typeof setTimeout> | undefined;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function fail(error: unknown): void {
  showToast(errorText(error), 'error');
}

function showProblems(problems: string[]): void {
  const box = byId('problems');
  const list = byId('problem-list');
  clear(list);
  for (const problem of problems) list.append(el('li', { text: problem }));
  box.hidden = problems.length === 0;
}

function ruleList(host: string, kind: 'hide' | 'keep', selectors: string[]): HTMLElement {
  const heading = kind === 'hide' ? t('siteHideRules') : t('siteKeepRules');
  const items = selectors.map((selector) =>
    el(
      'li',
      {},
      el('code', { text: selector }),
      el('button', {
        class: 'small-button',
        text: t('removeRule'),
        attrs: { type: 'button', 'aria-label': t('removeRuleLong', selector), 'data-testid': 'remove-rule' },
        on: {
          click: () => {
            send({ type: 'remove-site-rule', host, kind, selector })
              .then(() => refresh())
              .catch(fail);
          },
        },
      }),
    ),
  );
  return el('div', { class: 'rules' }, el('h4', { text: `${heading} (${selectors.length})` }), el('ul', {}, ...items));
}

/** Hosts whose access the extension holds, checked when the list is drawn (a click cannot wait). */
const access = new Map<string, boolean>();

function originsOf(host: string): string[] {
  return [`https://${host}/*`, `http://${host}/*`];
}

function onAutoChange(host: string, checkbox: HTMLInputElement): void {
  if (!checkbox.checked) {
    send({ type: 'set-site-auto', host, enabled: false })
      .then(() => refresh())
      .catch(fail);
    return;
  }
  enableAutoStrip(host, originsOf(host), access.get(host) ?? false)
    .then(async (granted) => {
      if (!granted) {
        checkbox.checked = false;
        showToast(t('toastPermissionDenied', host), 'error');
        return;
      }
      await refresh();
    })
    .catch((error: unknown) => {
      checkbox.checked = false;
      fail(error);
    });
}

function renderSites(): void {
  const list = byId('site-list');
  clear(list);
  const hosts = Object.keys(sites).sort();
  byId('sites-empty').hidden = hosts.length > 0;
  byId('clear-all').hidden = hosts.length === 0;
  for (const host of hosts) {
    const rules = sites[host];
    const autoId = `auto-${host.replace(/[^a-z0-9]/gi, '-')}`;
    const auto = el('input', { attrs: { type: 'checkbox', id: autoId, 'data-testid': 'site-auto' } });
    if (!access.has(host)) {
      void Promise.all(originsOf(host).map((origin) => hasAccess([origin]))).then((held) => access.set(host, held.some(Boolean)));
    }
    auto.checked = rules.autoStrip;
    auto.addEventListener('change', () => onAutoChange(host, auto));
    list.append(
      el(
        'li',
        { class: 'site', attrs: { 'data-host': host, 'data-testid': 'site' } },
        el(
          'div',
          { class: 'site-head' },
          el('h3', { text: host }),
          el('button', {
            class: 'small-button',
            text: t('removeSite'),
            attrs: { type: 'button', 'aria-label': t('removeSiteLong', host), 'data-testid': 'remove-site' },
            on: {
              click: () => {
                send({ type: 'clear-site', host })
                  .then(() => refresh())
                  .then(() => showToast(t('toastSiteRemoved', host)))
                  .catch(fail);
              },
            },
          }),
        ),
        el('label', { class: 'check', attrs: { for: autoId } }, auto, el('span', { text: t('siteAuto') })),
        rules.hide.length ? ruleList(host, 'hide', rules.hide) : null,
        rules.keep.length ? ruleList(host, 'keep', rules.keep) : null,
        !rules.hide.length && !rules.keep.length ? el('p', { class: 'hint', text: t('noRules') }) : null,
      ),
    );
  }
  const filters = toUblockFilters(sites);
  const textarea = byId<HTMLTextAreaElement>('filters');
  textarea.value = filters;
  textarea.placeholder = t('filtersEmpty');
  byId<HTMLButtonElement>('copy-filters').disabled = !filters;
  byId<HTMLButtonElement>('download-filters').disabled = !filters;
}

function showExport(settings: Settings): void {
  byId<HTMLSelectElement>('export-format').value = settings.export.format;
  byId<HTMLInputElement>('front-matter').checked = settings.export.frontMatter;
}

async function refresh(): Promise<void> {
  try {
    sites = await send({ type: 'list-sites' });
  } catch {
    // The background may be asleep or restarting: read storage directly.
    sites = (await loadSettings()).settings.sites;
  }
  renderSites();
}

function wire(): void {
  byId('export-form').addEventListener('submit', (event) => event.preventDefault());
  byId('export-format').addEventListener('change', (event) => {
    saveExport({ format: (event.target as HTMLSelectElement).value as ExportFormat })
      .then(() => showToast(t('toastSettingsSaved')))
      .catch(fail);
  });
  byId('front-matter').addEventListener('change', (event) => {
    saveExport({ frontMatter: (event.target as HTMLInputElement).checked })
      .then(() => showToast(t('toastSettingsSaved')))
      .catch(fail);
  });

  const clearAll = byId<HTMLButtonElement>('clear-all');
  clearAll.addEventListener('click', () => {
    // Two clicks, so one slip does not forget every site (no modal dialog).
    if (clearAll.dataset.confirm !== 'yes') {
      clearAll.dataset.confirm = 'yes';
      clearAll.textContent = t('clearAllConfirm');
      clearTimeout(confirmTimer);
      confirmTimer = setTimeout(() => {
        delete clearAll.dataset.confirm;
        clearAll.textContent = t('clearAll');
      }, 4000);
      return;
    }
    clearTimeout(confirmTimer);
    delete clearAll.dataset.confirm;
    clearAll.textContent = t('clearAll');
    Promise.all(Object.keys(sites).map((host) => send({ type: 'clear-site', host })))
      .then(() => refresh())
      .then(() => showToast(t('toastCleared')))
      .catch(fail);
  });

  byId('copy-filters').addEventListener('click', () => {
    navigator.clipboard
      .writeText(toUblockFilters(sites))
      .then(() => showToast(t('toastCopiedFilters')))
      .catch(fail);
  });
  byId('download-filters').addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([toUblockFilters(sites)], { type: 'text/plain;charset=utf-8' }));
    const link = el('a', { attrs: { href: url, download: 'clearpage-ublock-filters.txt', hidden: true } });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  });
}

async function boot(): Promise<void> {
  localizePage();
  wire();
  const { settings, problems } = await loadSettings();
  showProblems(problems);
  applyReadingStyle(settings.reading);
  const form = buildReadingSettingsForm('reading-form');
  byId('reading-form-slot').replaceWith(form);
  bindReadingSettingsForm(form, settings.reading, fail);
  showExport(settings);
  sites = settings.sites;
  renderSites();
  onSettingsChanged((next) => {
    sites = next.sites;
    renderSites();
    showExport(next);
  });
  await refresh();
}

boot().catch((error: unknown) => {
  showProblems([errorText(error)]);
});
