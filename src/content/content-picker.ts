/**
 * The click-to-hide element picker, kept out of content.js: the popup injects this file next to
 * the content script just before it asks the page to start picking.
 */
import { startPicker } from './element-picker';
import { contentAddons } from './content-addons';

contentAddons().startPicker ??= startPicker;
