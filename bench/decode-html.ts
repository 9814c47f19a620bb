/**
 * Turning a saved page's bytes into text. Saved pages carry their charset in a BOM or a
 * <meta> tag (the HTTP header is gone), and many in the corpora are German, Russian or
 * Japanese, so decoding them all as UTF-8 would garble exactly the text we score.
 */

const META_SCAN_BYTES = 64 * 1024;

/** Returns the charset declared by a byte-order mark, or null. */
function charsetFromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Returns the charset named by `<meta charset>` or `<meta http-equiv content="...; charset=">` near the top, or null. */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, META_SCAN_BYTES)).toString('latin1');
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return direct ? direct[1].toLowerCase() : null;
}

function decoderFor(label: string, fatal = false): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return null;
  }
}

export interface DecodedHtml {
  html: string;
  /** The encoding actually used. */
  encoding: string;
  /** How it was chosen: 'bom', 'utf-8-valid', 'meta', 'fallback'. */
  how: 'bom' | 'utf-8-valid' | 'meta' | 'fallback';
}

/**
 * Decodes page bytes: a BOM wins; then bytes that are valid UTF-8 are UTF-8 (pages re-saved as
 * UTF-8 often keep a stale `charset=iso-8859-1` meta, and valid multi-byte UTF-8 is almost never an
 * accident in a legacy encoding); then the meta charset (leniently); then windows-1252, the web's default.
 */
export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  const bom = charsetFromBom(bytes);
  if (bom) {
    const dec = decoderFor(bom)!;
    return { html: dec.decode(bytes), encoding: dec.encoding, how: 'bom' };
  }
  try {
    return { html: decoderFor('utf-8', true)!.decode(bytes), encoding: 'utf-8', how: 'utf-8-valid' };
  } catch {
    // not valid UTF-8: fall through to the declared charset
  }
  const declared = charsetFromMeta(bytes);
  const dec = declared ? decoderFor(declared) : null;
  // A page that says UTF-8 but holds a few stray bytes (a pasted Windows quote) is still UTF-8:
  // decoding it leniently loses those bytes, not every umlaut on the page.
  if (dec) return { html: dec.decode(bytes), encoding: dec.encoding, how: 'meta' };
  const fallback = decoderFor('windows-1252')!;
  return { html: fallback.decode(bytes), encoding: fallback.encoding, how: 'fallback' };
}
