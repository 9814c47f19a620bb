export { sanitizeArticleHtml, setSanitizedHtml, safeElementId, setSanitizerWindowFactory, SAFE_ID_PREFIX } from './sanitize';
