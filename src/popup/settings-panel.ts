/** The reading settings sheet: every change applies at once and is saved (debounced). */
import { DEFAULT_READING, READING_LIMITS, saveReading, type ReadingSettings } from '../shared/settings';
import { t } from '../shared/i18n';
import { byId } from './element-builder';
import { formatCount } from './article-view';
import { applyReadingStyle } from './reading-style';

type NumericField = 'fontSize' | 'width' | 'lineHeight';
const RANGES: Array<{ field: NumericField; input: string; output: string }> = [
  { field: 'fontSize', input: 'font-size', output: 'font-size-value' },
  { field: 'width', input: 'width', output: 'width-value' },
  { field: 'lineHeight', input: 'line-height', output: 'line-height-value' },
];

function describe(field: NumericField, value: number): string {
  if (field === 'fontSize') return t('fontSizeValue', formatCount(value));
  if (field === 'width') return t('widthValue', formatCount(value));
  return formatCount(Math.round(value * 10) / 10);
}

/** Wires a reading settings form (the popup's sheet, the options page) to the current reading settings; `onError` gets a failed save. */
export function bindSettingsPanel(
  initial: ReadingSettings,
  onError: (error: unknown) => void,
  formId = 'settings-form',
): void {
  const form = byId<HTMLFormElement>(formId);
  let current: ReadingSettings = { ...initial };
  let saveTimer: ReturnType<typeof setTimeout> | undefined;

  const show = () => {
    for (const { field, input, output } of RANGES) {
      const range = byId<HTMLInputElement>(input);
      range.min = String(READING_LIMITS[field].min);
      range.max = String(READING_LIMITS[field].max);
      range.value = String(current[field]);
      const text = describe(field, current[field]);
      byId(output).textContent = text;
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
  document.getElementById('reset-reading')?.addEventListener('click', () => commit({ ...DEFAULT_READING }));
  show();
}
