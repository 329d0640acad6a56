// Not named createRequire: the bundles' banner declares that name at the top of the same scope.
import { createRequire as requireFrom } from 'node:module';

/**
 * A value built on its first use and kept: a table every invocation of some path needs, but not every function that
 * bundles the module (the API bundles the analysis for on-demand digests, and a cold start would pay for tables it
 * may never read). Module scope stays free of work, so init is only parsing.
 */
export function lazy<T>(build: () => T): () => T {
  let built = false;
  let value: T | undefined;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}

/**
 * A regular expression made from its source on first use, for a pattern with Unicode property escapes (\p{L}). V8
 * checks every regular expression literal of a script while parsing it, even one in a function never called, and for
 * a property escape that check builds the property's character set from ICU: about a millisecond a literal, paid at
 * init by every bundle that carries the literal (the API carries the analysis for some requests only). Written as a
 * string, the pattern costs that once, when it is first used, which compiling it costs anyway. One shared object, as a
 * literal at module scope is: a pattern with the `g` or `y` flag must not be given to test() or exec().
 */
export function lazyPattern(source: string, flags = ''): () => RegExp {
  return lazy(() => new RegExp(source, flags));
}

/**
 * A package evaluated on first use rather than at init, for one whose evaluation does real work (decoding a model or
 * a table). `bundled` must be the literal `() => require('<specifier>')`: esbuild bundles that call as a module of
 * its own, evaluated when first required. Unbundled (tsx, Jest) an ES module has no require, and Node's own, made for
 * this file, loads the package instead.
 */
export function lazyPackage<T>(specifier: string, bundled: () => unknown): () => T {
  return lazy(() => (typeof require === 'function' ? bundled() : requireFrom(import.meta.url)(specifier)) as T);
}

/**
 * A template tag for a regular expression with Unicode property escapes written where it is used, as a literal would
 * be (`unicode\`^\p{Lu}\`.test(word)`), but which costs nothing at init: the pattern is the template's raw text, compiled
 * on the call site's first use and kept for that site (a tagged template's strings are one object per site, ECMA-262
 * §13.2.8.4 GetTemplateObject). A literal is checked by V8 when the script is parsed, building each property's set from
 * ICU (about half a millisecond a literal: the ingest bundle carried ninety), and compiled again on first use.
 * Substitutions are not allowed: a pattern is fixed text. One object per site, as `lazyPattern` gives: the `g` tag is
 * for replace(), match() and matchAll(), which reset or copy `lastIndex`, never for test() or exec().
 */
function patternTag(flags: string): (strings: TemplateStringsArray) => RegExp {
  const compiled = new WeakMap<TemplateStringsArray, RegExp>();
  return (strings) => {
    let pattern = compiled.get(strings);
    if (pattern === undefined) {
      if (strings.length !== 1) throw new Error(`A pattern has no substitutions: ${strings.raw.join('…')}`);
      pattern = new RegExp(strings.raw[0] ?? '', flags);
      compiled.set(strings, pattern);
    }
    return pattern;
  };
}

/** `unicode\`…\`` is `/…/u`, built on first use. */
export const unicode = patternTag('u');
/** `unicodeGlobal\`…\`` is `/…/gu`, built on first use: for replace(), match() and matchAll() only. */
export const unicodeGlobal = patternTag('gu');
/** `unicodeIgnoringCase\`…\`` is `/…/iu`, built on first use. */
export const unicodeIgnoringCase = patternTag('iu');
