/**
 * The click-to-hide picker: highlights the element under the pointer, and a click picks it;
 * Escape (or cancel()) gives up. While it runs, clicks do not reach the page.
 */
import { UI_ATTR, textSample } from '../core/page-strip';

export interface Picker {
  /** Resolves with the picked element, or null when cancelled. */
  result: Promise<Element | null>;
  cancel(): void;
}

export function startPicker(doc: Document): Picker {
  const view = doc.defaultView ?? window;
  const box = doc.createElement('div');
  box.setAttribute(UI_ATTR, 'picker');
  box.setAttribute('aria-hidden', 'true');
  Object.assign(box.style, {
    position: 'fixed',
    zIndex: '2147483647',
    pointerEvents: 'none',
    boxSizing: 'border-box',
    border: '2px solid #0f766e',
    background: 'rgba(20, 184, 166, 0.18)',
    borderRadius: '3px',
    display: 'none',
    transition: 'all 60ms ease-out',
  } satisfies Partial<CSSStyleDeclaration>);
  const label = doc.createElement('div');
  label.setAttribute(UI_ATTR, 'picker-label');
  Object.assign(label.style, {
    position: 'fixed',
    zIndex: '2147483647',
    pointerEvents: 'none',
    font: '12px/1.4 system-ui, sans-serif',
    color: '#fff',
    background: '#0f5e63',
    padding: '2px 6px',
    borderRadius: '3px',
    maxWidth: '60vw',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    display: 'none',
  } satisfies Partial<CSSStyleDeclaration>);
  doc.documentElement.append(box, label);

  let current: Element | null = null;
  let settle: (value: Element | null) => void = () => {};
  const result = new Promise<Element | null>((resolve) => (settle = resolve));

  const targetOf = (event: Event): Element | null => {
    const target = event.target;
    if (!(target instanceof view.Element) || target.hasAttribute(UI_ATTR)) return null;
    if (target === doc.documentElement || target === doc.body) return null;
    return target;
  };

  const highlight = (element: Element | null) => {
    current = element;
    if (!element) {
      box.style.display = 'none';
      label.style.display = 'none';
      return;
    }
    const r = element.getBoundingClientRect();
    Object.assign(box.style, { display: 'block', left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
    label.textContent = `${element.localName} — ${textSample(element, 50)}`;
    Object.assign(label.style, { display: 'block', left: `${Math.max(0, r.left)}px`, top: `${Math.max(0, r.top - 22)}px` });
  };

  const onMove = (event: Event) => highlight(targetOf(event));
  const swallow = (event: Event) => {
    event.preventDefault();
    event.stopPropagation();
    event.stopImmediatePropagation();
  };
  const onClick = (event: Event) => {
    swallow(event);
    const picked = targetOf(event) ?? current;
    finish(picked);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      swallow(event);
      finish(null);
    }
  };

  const options = { capture: true } as const;
  doc.addEventListener('mouseover', onMove, options);
  doc.addEventListener('mousemove', onMove, options);
  doc.addEventListener('mousedown', swallow, options);
  doc.addEventListener('mouseup', swallow, options);
  doc.addEventListener('click', onClick, options);
  doc.addEventListener('keydown', onKey, options);

  let done = false;
  function finish(value: Element | null) {
    if (done) return;
    done = true;
    doc.removeEventListener('mouseover', onMove, options);
    doc.removeEventListener('mousemove', onMove, options);
    doc.removeEventListener('mousedown', swallow, options);
    doc.removeEventListener('mouseup', swallow, options);
    doc.removeEventListener('click', onClick, options);
    doc.removeEventListener('keydown', onKey, options);
    box.remove();
    label.remove();
    settle(value);
  }

  return { result, cancel: () => finish(null) };
}
