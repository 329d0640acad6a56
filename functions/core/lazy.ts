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
