/** How scripts/vendor-cldr.ts writes functions/core/cldr-data.ts, and calendar.ts and regions.ts read it. */

/** Between the names of a list: a character no CLDR name of the packs' languages holds (the script checks). */
export const CLDR_SEPARATOR = '|';

/** Between a region's code and its name: "NL=Nederland". */
export const CLDR_CODE_MARK = '=';
