import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queueOf } from '../../shared/chain/chain';
import { ErrorCodes } from '../../shared/errors/errorCodes';
import { LocalMessageBus } from '../../shared/messaging/local-message-bus';
import { answerDeadLetterRequest } from '../../shared/operations/answerDeadLetterRequest';
import { listDeadLetters, purgeDeadLetters, replayDeadLetters } from '../../shared/operations/deadLetterOperations';
import { stageMessageFactory } from '../factories/stageMessageFactory';

const extractA = 'a'.repeat(32);
const extractB = 'b'.repeat(32);

/** A bus whose handlers always fail, so every message sent ends in the dead-letter store. */
async function busWithDeadLetters(deadLetterFile?: string): Promise<LocalMessageBus> {
  const bus = new LocalMessageBus({ maxDeliveryCount: 2, deadLetterFile });
  await bus.send(queueOf('load'), stageMessageFactory({ stage: 'load', extractId: extractA }));
  await bus.send(queueOf('load'), stageMessageFactory({ stage: 'load', extractId: extractB }));
  await bus.send(queueOf('map'), stageMessageFactory({ stage: 'map', extractId: extractA, product: 'careflow' }));
  const fail = async () => {
    // A description that (wrongly) carried an NHS number must still not reach an operator's screen.
    throw new Error('DSCRO-STAGE-001: stage failed for extract; value 999 000 0018 rejected');
  };
  await bus.drain(new Map([[queueOf('load'), fail], [queueOf('map'), fail]]));
  return bus;
}

describe('dead-letter operations', () => {
  it('lists every stage queue by default, each letter with its extract, flow, product, stage and reason, scrubbed', async () => {
    // Prepare
    const bus = await busWithDeadLetters();

    // Act
    const all = await listDeadLetters(bus);
    const onlyB = await listDeadLetters(bus, [queueOf('load')], { extractId: extractB });

    // Assess
    expect(all.map((letter) => [letter.queue, letter.extractId, letter.stage])).toEqual([
      [queueOf('map'), extractA, 'map'],
      [queueOf('load'), extractA, 'load'],
      [queueOf('load'), extractB, 'load'],
    ]);
    expect(all[0]).toMatchObject({ flow: 'sus-apc', product: 'careflow', reason: 'MaxDeliveryCountExceeded', deliveryCount: 2 });
    expect(all.every((letter) => !letter.description.includes('999 000 0018'))).toBe(true);
    expect(onlyB.map((letter) => letter.extractId)).toEqual([extractB]);
  });

  it('replays by extract id onto the queue and removes the dead letter', async () => {
    // Prepare
    const bus = await busWithDeadLetters();

    // Act
    const result = await replayDeadLetters(bus, { queue: queueOf('load'), extractId: extractA });

    // Assess
    expect(result).toMatchObject({ requested: 1, done: 1 });
    expect(bus.pendingCount).toBe(1);
    expect((await listDeadLetters(bus, [queueOf('load')])).map((letter) => letter.extractId)).toEqual([extractB]);
  });

  it('refuses a replay or purge that names nothing, or an unknown queue', async () => {
    // Prepare
    const bus = await busWithDeadLetters();

    // Act / Assess
    await expect(replayDeadLetters(bus, { queue: queueOf('load') })).rejects.toMatchObject({ code: ErrorCodes.invalidOperation });
    await expect(replayDeadLetters(bus, { queue: 'dscro-nowhere', ids: ['x'] })).rejects.toMatchObject({ code: ErrorCodes.invalidOperation });
    await expect(purgeDeadLetters(bus, { queue: queueOf('load') }, true)).rejects.toMatchObject({ code: ErrorCodes.invalidOperation });
  });

  it('refuses to purge without confirmation, then purges and persists the change', async () => {
    // Prepare
    const folder = mkdtempSync(join(tmpdir(), 'dscro-dlq-'));
    const file = join(folder, 'dead-letters.json');
    try {
      const bus = await busWithDeadLetters(file);

      // Act
      const refused = purgeDeadLetters(bus, { queue: queueOf('load'), all: true }, false);

      // Assess
      await expect(refused).rejects.toMatchObject({ code: ErrorCodes.purgeNotConfirmed });
      expect(await listDeadLetters(bus, [queueOf('load')])).toHaveLength(2);

      // Act
      const purged = await purgeDeadLetters(bus, { queue: queueOf('load'), all: true }, true);

      // Assess: gone, also for the next process that reads the state folder
      expect(purged.done).toBe(2);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveLength(1);
      expect(await listDeadLetters(new LocalMessageBus({ maxDeliveryCount: 2, deadLetterFile: file }))).toHaveLength(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('answerDeadLetterRequest (ops HTTP API)', () => {
  it('lists, replays and purges; an unconfirmed purge or a missing queue is a 400 with the error code', async () => {
    // Prepare
    const bus = await busWithDeadLetters();

    // Act
    const listed = await answerDeadLetterRequest(bus, 'list', { queue: queueOf('load') });
    const unconfirmed = await answerDeadLetterRequest(bus, 'purge', { queue: queueOf('map'), all: true });
    const noQueue = await answerDeadLetterRequest(bus, 'replay', { extractId: extractA });
    const replayed = await answerDeadLetterRequest(bus, 'replay', { queue: queueOf('load'), ids: [(listed.jsonBody as { deadLetters: { messageId: string }[] }).deadLetters[0].messageId] });
    const purged = await answerDeadLetterRequest(bus, 'purge', { queue: queueOf('map'), all: true, confirm: true });

    // Assess
    expect(listed).toMatchObject({ status: 200, jsonBody: { count: 2 } });
    expect(unconfirmed).toMatchObject({ status: 400, jsonBody: { code: ErrorCodes.purgeNotConfirmed } });
    expect(noQueue).toMatchObject({ status: 400, jsonBody: { code: ErrorCodes.invalidOperation } });
    expect(replayed).toMatchObject({ status: 200, jsonBody: { done: 1 } });
    expect(purged).toMatchObject({ status: 200, jsonBody: { done: 1 } });
    expect(await listDeadLetters(bus)).toHaveLength(1);
  });
});
