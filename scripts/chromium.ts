import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';

/** The browser the page tests drive: Debian's `chromium` unless CHROMIUM_PATH names another. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const isExecutable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const isDebian = () => {
  try {
    return /^ID=debian$/m.test(readFileSync('/etc/os-release', 'utf8')) && isExecutable('/usr/bin/apt-get');
  } catch {
    return false;
  }
};

/**
 * Makes sure the browser is there before the tests run: installs Debian's package when it is
 * missing and this is root on Debian (a fresh CI machine), and otherwise says
 * exactly what to install instead of letting the page tests fail obscurely.
 */
export function ensureChromium(): void {
  if (isExecutable(CHROMIUM_PATH)) return;
  const root = process.getuid?.() === 0;
  // Debian's package is the browser itself; Ubuntu's is a stub for a snap, which does not run in containers.
  if (process.env.CHROMIUM_PATH === undefined && root && isDebian()) {
    console.error('Chromium is missing: installing Debian’s chromium package for the browser tests…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (isExecutable(CHROMIUM_PATH)) return;
  }
  throw new Error(
    `No Chromium at ${CHROMIUM_PATH}. The browser tests need it: install it (Debian: sudo apt-get install chromium; elsewhere Chromium or Chrome from the vendor) or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
  );
}

if (import.meta.main) {
  try {
    ensureChromium();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
