/**
 * The reader popup's entry, loaded as an async module so it runs as soon as it is fetched. Its
 * first import, page-request.ts, starts the page request as it is evaluated, before the reader's
 * own modules (views, sanitiser, strings) run; then the last session's reading style goes on
 * <html>, so the first paint has the right colours and size, and the reader renders the answer
 * once the DOM is there. The removed tray, the settings form and the exporters load later.
 */
import { firstRequest } from './page-request';
import { applyCachedReadingStyle } from './reading-cache';
import { startReader } from './reader-popup';

applyCachedReadingStyle();
void startReader(firstRequest);
