import { LocalHost } from '../../shared/hosting/local/LocalHost';

/** A fixture as named DSCRO drops: [flow, file name, CSV content]. */
export type FixtureDrops = Record<string, readonly [string, string, string]>;

/** Drops every extract of a fixture, in the order given (the fixture's own order by default), running the chain after each. */
export async function dropFixture(host: LocalHost, drops: FixtureDrops, order: string[] = Object.keys(drops)): Promise<void> {
  for (const name of order) {
    const [flow, fileName, content] = drops[name];
    await host.dropContent(flow, fileName, content);
    await host.runUntilQuiet();
  }
}
