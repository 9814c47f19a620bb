/** A short message at the bottom of the popup ("Copied as Markdown"), announced to screen readers. */
import { byId } from './element-builder';

let timer: ReturnType<typeof setTimeout> | undefined;

/** Shows a message for a moment; errors stay a little longer. */
export function showToast(message: string, kind: 'ok' | 'error' = 'ok'): void {
  const toast = byId('toast');
  clearTimeout(timer);
  toast.textContent = message;
  toast.classList.toggle('error', kind === 'error');
  toast.classList.add('visible');
  timer = setTimeout(() => toast.classList.remove('visible'), kind === 'error' ? 5000 : 2200);
}
