import type * as Tinyld from 'tinyld/light';
import { lazyPackage } from './lazy';

/** tinyld/light decodes its whole model when evaluated (about 40 ms of the ingest function's init): first use instead. */
const tinyld = lazyPackage<typeof Tinyld>('tinyld/light', () => require('tinyld/light'));

export const detectAll: typeof Tinyld.detectAll = (text, options) => tinyld().detectAll(text, options);
