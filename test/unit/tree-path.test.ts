import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { counterparts, elementAtPath, pathFrom } from '../../src/core/tree-path';

const PAGE = `<!DOCTYPE html><html><head><title>T</title></head><body>
<header><nav><a href="/">Home</a></nav></header>
text <main><article><h1 id="t">Title</h1><!-- note --><p>One</p><p id="two">Two</p></article></main>
<ul>${Array.from({ length: 50 }, (_, i) => `<li id="i${i}">${i}</li>`).join('')}</ul></body></html>`;

const parse = (html: string) => parseHTML(html).document as unknown as Document;

describe('pathFrom and elementAtPath', () => {
  it('give the element-child indexes from the root down (text and comments do not count) and find the element again', () => {
    const doc = parse(PAGE);
    const body = doc.body as Element;
    const two = doc.getElementById('two') as Element;
    expect(pathFrom(body, two)).toEqual([1, 0, 2]);
    expect(elementAtPath(body, [1, 0, 2])).toBe(two);
    expect(pathFrom(body, body)).toEqual([]);
    expect(elementAtPath(body, [])).toBe(body);
  });

  it('say null for an element outside the root and for a path that leads nowhere', () => {
    const doc = parse(PAGE);
    const main = doc.querySelector('main') as Element;
    expect(pathFrom(main, doc.querySelector('nav') as Element)).toBeNull();
    expect(pathFrom(main, doc.createElement('p'))).toBeNull();
    expect(elementAtPath(main, [0, 9])).toBeNull();
    expect(elementAtPath(main, [5, 0])).toBeNull();
  });
});

describe('counterparts', () => {
  it('finds elements of a page in a matching copy by position, and null for those not in the page', () => {
    const doc = parse(PAGE);
    const copy = doc.cloneNode(true) as Document;
    const wanted = [doc.getElementById('t'), doc.getElementById('i42'), doc.documentElement, undefined, doc.createElement('p'), doc.getElementById('i0')];
    const found = counterparts(wanted, doc, copy);
    expect(found[0]).toBe(copy.getElementById('t'));
    expect(found[1]).toBe(copy.getElementById('i42'));
    expect(found[2]).toBe(copy.documentElement);
    expect(found.slice(3, 5)).toEqual([null, null]);
    expect(found[5]).toBe(copy.getElementById('i0'));
  });
});
