export { sanitizeArticleHtml, setSanitizedHtml, parseSanitizedHtml, safeElementId, setSanitizerWindowFactory, SAFE_ID_PREFIX } from './sanitize';
export { toPlainText, articleSourceLine, formatArticleDate } from './export-text';
export { toMarkdown, htmlToMarkdown, yamlString } from './export-markdown';
export type { MarkdownOptions } from './export-markdown';
export { toStandaloneHtml, escapeHtml } from './export-html';
export { toJson, articleToRecord } from './export-json';
export { safeFileName } from './file-name';
