/**
 * Reads the named environment variables once, failing at start-up (not on the first
 * request) when one is missing, so a misconfigured function never serves traffic.
 */
export function readConfig<const Name extends string>(
  names: readonly Name[],
  env: NodeJS.ProcessEnv = process.env,
): Record<Name, string> {
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(`Missing required environment variable(s): ${missing.join(', ')}`);
  }
  return Object.fromEntries(names.map((name) => [name, env[name] as string])) as Record<Name, string>;
}
