import { handle } from '../shared/messages';
handle({ 'get-site': () => ({ autoStrip: false, hide: [], keep: [] }) });
