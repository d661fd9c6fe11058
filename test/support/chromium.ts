import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs it); no browser is downloaded from a CDN. */
export const chromiumPath = '/usr/bin/chromium';

/** Flags for a quiet, reproducible headless run: no sandbox (containers), no GPU, no calls home. */
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * `describe` when Chromium is installed. Without it the suite is skipped with a message, except in CI (CI=true),
 * where a missing browser must fail the build rather than pass it silently.
 */
export function describeWithChromium(name: string, suite: () => void): void {
  if (existsSync(chromiumPath)) {
    describe(name, suite);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('has Chromium to run in', () => {
        throw new Error(`Chromium is required at ${chromiumPath} when CI=true; .ci/run installs it with apt-get`);
      });
    });
  } else {
    console.log(`Skipping "${name}": no Chromium at ${chromiumPath} (install Debian's chromium package to run the browser tests).`);
    describe.skip(name, suite);
  }
}

export interface RunningChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh user-data folder, removed again on close. */
export async function launchChromium(): Promise<RunningChromium> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'dscro-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
