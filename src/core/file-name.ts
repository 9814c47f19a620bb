/** File names for saved articles that every common file system accepts. */

const MAX_CHARS = 100;
// ext4 and APFS allow 255 bytes per name: keep a margin for " (2)" suffixes and CJK text (3 bytes a character).
const MAX_UTF8_BYTES = 200;
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Cuts `text` to at most `chars` code points and `bytes` UTF-8 bytes without splitting a character. */
function truncate(text: string, chars: number, bytes: number): string {
  let out = '';
  let count = 0;
  for (const ch of text) {
    if (count + 1 > chars || utf8Length(out + ch) > bytes) break;
    out += ch;
    count += 1;
  }
  return out;
}

/**
 * Returns `title` as a safe file name ending in `.ext`: no reserved characters or device names,
 * no control or bidi-override characters, trimmed, at most 100 characters, Unicode kept, "article" when empty.
 */
export function safeFileName(title: string, ext: string): string {
  const extension = ext.replace(/^\.+/, '').replace(/[^A-Za-z0-9]/g, '').slice(0, 10);
  const suffix = extension ? '.' + extension : '';
  let stem = (title ?? '')
    .normalize('NFC')
    // Bidi overrides can disguise an extension ("gpj.exe" shown as "exe.jpg").
    .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  stem = truncate(stem, MAX_CHARS - suffix.length, MAX_UTF8_BYTES - utf8Length(suffix));
  // Windows drops trailing dots and spaces; Unix hides names that start with a dot.
  stem = stem.replace(/^[\s.]+|[\s.]+$/g, '');
  if (!stem) stem = 'article';
  if (WINDOWS_RESERVED.test(stem.split('.')[0]!.trim())) stem = '_' + stem;
  return stem + suffix;
}
