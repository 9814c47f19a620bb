/**
 * The reading settings form (theme, font, text size, line length, line spacing), one for the
 * popup's Aa sheet and the options page: built with DOM calls from the settings schema, and
 * bound so that every change applies at once and is saved (debounced).
 */
import { DEFAULT_READING, READING_LIMITS, saveReading, type FontFamily, type ReadingSettings, type Theme } from './settings';
import { formatCount, t, type MessageKey } from './i18n';
import { el } from './element-builder';
import { applyReadingStyle } from './reading-style';

type NumericField = 'fontSize' | 'width' | 'lineHeight';

const THEMES: ReadonlyArray<{ value: Theme; label: MessageKey }> = [
  { value: 'system', label: 'themeSystem' },
  { value: 'light', label: 'themeLight' },
  { value: 'sepia', label: 'themeSepia' },
  { value: 'dark', label: 'themeDark' },
];

const FONTS: ReadonlyArray<{ value: FontFamily; label: MessageKey }> = [
  { value: 'serif', label: 'fontSerif' },
  { value: 'sans', label: 'fontSans' },
];

/** The ranges; their ids (font-size, width, line-height) are what labels and tests point at. */
const RANGES: ReadonlyArray<{ field: NumericField; id: string; label: MessageKey; step: string }> = [
  { field: 'fontSize', id: 'font-size', label: 'fontSizeLabel', step: '1' },
  { field: 'width', id: 'width', label: 'widthLabel', step: '2' },
  { field: 'lineHeight', id: 'line-height', label: 'lineHeightLabel', step: '0.1' },
];

function describe(field: NumericField, value: number): string {
  if (field === 'fontSize') return t('fontSizeValue', formatCount(value));
  if (field === 'width') return t('widthValue', formatCount(value));
  return formatCount(Math.round(value * 10) / 10);
}

function choiceField(legend: MessageKey, name: 'theme' | 'fontFamily', choices: ReadonlyArray<{ value: string; label: MessageKey }>): HTMLFieldSetElement {
  const options = choices.map(({ value, label }) =>
    el(
      'label',
      {},
      el('input', { attrs: { type: 'radio', name, value } }),
      // The font choices are set in their own face, so the choice shows what it gives.
      el('span', { class: name === 'fontFamily' ? `font-sample ${value}` : undefined, text: t(label) }),
    ),
  );
  return el('fieldset', { class: 'segmented-field' }, el('legend', { text: t(legend) }), el('div', { class: 'segmented' }, ...options));
}

function rangeField({ field, id, label, step }: (typeof RANGES)[number]): HTMLElement {
  const limits = READING_LIMITS[field];
  return el(
    'div',
    { class: 'range-field' },
    el('label', { attrs: { for: id }, text: t(label) }),
    el('input', { attrs: { type: 'range', id, name: field, step, min: limits.min, max: limits.max } }),
    el('output', { attrs: { for: id, id: `${id}-value` } }),
  );
}

/** A new, unbound reading settings form with the given id (labelled, grouped in fieldsets). */
export function buildReadingSettingsForm(id: string): HTMLFormElement {
  return el(
    'form',
    { class: 'reading-settings-form', attrs: { id } },
    choiceField('themeLabel', 'theme', THEMES),
    choiceField('fontLabel', 'fontFamily', FONTS),
    ...RANGES.map(rangeField),
  );
}

export interface ReadingSettingsBinding {
  /** Puts every field back to the defaults, applies and saves them. */
  reset(): void;
}

/**
 * Wires a form from buildReadingSettingsForm to the reading settings: each change is applied to
 * the page at once and saved after a short pause; `onError` gets a failed save.
 */
export function bindReadingSettingsForm(
  form: HTMLFormElement,
  initial: ReadingSettings,
  onError: (error: unknown) => void,
): ReadingSettingsBinding {
  let current: ReadingSettings = { ...initial };
  let saveTimer: ReturnType<typeof setTimeout> | undefined;

  const show = () => {
    for (const { field, id } of RANGES) {
      const range = form.querySelector<HTMLInputElement>(`#${id}`)!;
      range.value = String(current[field]);
      const text = describe(field, current[field]);
      form.querySelector(`#${id}-value`)!.textContent = text;
      range.setAttribute('aria-valuetext', text);
    }
    for (const name of ['theme', 'fontFamily'] as const) {
      for (const radio of form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) {
        radio.checked = radio.value === current[name];
      }
    }
  };

  const commit = (patch: Partial<ReadingSettings>) => {
    current = { ...current, ...patch };
    applyReadingStyle(current);
    show();
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      saveReading(current).catch(onError);
    }, 250);
  };

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('input', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.type === 'range') {
      const field = target.name as NumericField;
      commit({ [field]: field === 'lineHeight' ? Math.round(Number(target.value) * 10) / 10 : Number(target.value) });
    }
  });
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.type === 'radio' && target.checked) {
      commit({ [target.name]: target.value } as Partial<ReadingSettings>);
    }
  });
  show();
  return { reset: () => commit({ ...DEFAULT_READING }) };
}
