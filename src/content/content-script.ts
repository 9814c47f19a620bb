import { handle } from '../shared/messages';
handle({ ping: () => ({ version: '0' }) });
