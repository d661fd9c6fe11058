import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queueOf } from '../../shared/chain/chain';
import { deadLettersCommand } from '../../shared/cli/deadLettersCommand';
import { LocalMessageBus } from '../../shared/messaging/local-message-bus';
import { stageMessageFactory } from '../factories/stageMessageFactory';

describe('dscro-flows deadletters (local state folder)', () => {
  const state = mkdtempSync(join(tmpdir(), 'dscro-cli-dlq-'));
  afterAll(() => rmSync(state, { recursive: true, force: true }));

  beforeAll(async () => {
    const bus = new LocalMessageBus({ maxDeliveryCount: 1, deadLetterFile: join(state, 'dead-letters.json') });
    await bus.send(queueOf('dq'), stageMessageFactory({ stage: 'dq', blobs: [] }));
    await bus.drain(new Map([[queueOf('dq'), async () => { throw new Error('DSCRO-STAGE-001: stage dq failed for extract 0123456789abcdef0123456789abcdef'); }]]));
  });

  it('lists what an earlier run left, refuses an unconfirmed purge, then purges with --yes', async () => {
    // Prepare
    const lines: string[] = [];
    const env = {};

    // Act
    await deadLettersCommand('list', { state }, (line) => lines.push(line), env);
    const refused = deadLettersCommand('purge', { state, queue: queueOf('dq'), all: true }, (line) => lines.push(line), env);
    await expect(refused).rejects.toThrow(/not confirmed/);
    await deadLettersCommand('purge', { state, queue: queueOf('dq'), all: true, yes: true }, (line) => lines.push(line), env);
    await deadLettersCommand('list', { state }, (line) => lines.push(line), env);

    // Assess
    const output = lines.join('\n');
    expect(output).toMatch(/Dead letters \(.*\): 1/);
    expect(output).toMatch(/extract=0123456789abcdef0123456789abcdef flow=sus-apc product=careflow stage=dq/);
    expect(output).toMatch(/MaxDeliveryCountExceeded: DSCRO-STAGE-001: stage dq failed/);
    expect(output).toMatch(/Purged 1 dead letter\(s\) from dscro-dq/);
    expect(output).toMatch(/Dead letters \(.*\): 0$/);
  });
});
