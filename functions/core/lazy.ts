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
