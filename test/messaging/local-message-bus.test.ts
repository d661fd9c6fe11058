import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalMessageBus, QueueHandler } from '../../shared/messaging/local-message-bus';
import { StageMessage } from '../../shared/messaging/stageMessage';

function stageMessage(overrides: Partial<StageMessage> = {}): StageMessage {
  return {
    schemaVersion: 1,
    stage: 'map',
    correlationId: 'corr-1',
    product: 'careflow',
    flow: 'sus-apc',
    extractId: '0123456789abcdef0123456789abcdef',
    precedence: '20240515000000-0123456789abcdef0123456789abcdef',
    fileName: 'sus_apc_202404_20240515.csv',
    blobs: [{ zone: 'processed', path: 'careflow/sus-apc/pseudonymise/0123456789abcdef0123456789abcdef.csv.gz' }],
    ...overrides,
  };
}

describe('LocalMessageBus', () => {
  let state: string;

  beforeEach(async () => {
    state = await mkdtemp(path.join(tmpdir(), 'dscro-bus-'));
  });

  afterEach(async () => {
    await rm(state, { recursive: true, force: true });
  });

  it('delivers messages in the order they were sent, across queues', async () => {
    // Prepare
    const bus = new LocalMessageBus({ maxDeliveryCount: 5 });
    await bus.send('dscro-map', stageMessage({ correlationId: 'a' }));
    await bus.send('dscro-load', stageMessage({ correlationId: 'b' }));
    await bus.send('dscro-map', stageMessage({ correlationId: 'c' }));
    const seen: string[] = [];
    const record = (queue: string): QueueHandler => async (body) => void seen.push(`${queue}:${(body as StageMessage).correlationId}`);

    // Act
    const deliveries = await bus.drain(new Map([['dscro-map', record('map')], ['dscro-load', record('load')]]));

    // Assess
    expect(seen).toEqual(['map:a', 'load:b', 'map:c']);
    expect(deliveries).toBe(3);
    expect(bus.pendingCount).toBe(0);
  });

  it('delivers messages sent by a handler in the same drain', async () => {
    // Prepare
    const bus = new LocalMessageBus({ maxDeliveryCount: 5 });
    await bus.send('dscro-map', stageMessage());
    const seen: string[] = [];
    const handlers = new Map<string, QueueHandler>([
      ['dscro-map', async (body) => bus.send('dscro-load', { ...(body as StageMessage), stage: 'load' })],
      ['dscro-load', async (body) => void seen.push((body as StageMessage).stage)],
    ]);

    // Act
    await bus.drain(handlers);

    // Assess
    expect(seen).toEqual(['load']);
  });

  it('redelivers a failed message until it succeeds: fails twice, delivered 3 times', async () => {
    // Prepare
    const bus = new LocalMessageBus({ maxDeliveryCount: 5 });
    await bus.send('dscro-map', stageMessage());
    const deliveryCounts: number[] = [];
    const flaky: QueueHandler = async (_body, deliveryCount) => {
      deliveryCounts.push(deliveryCount);
      if (deliveryCount < 3) throw new Error('blob store busy');
    };

    // Act
    const deliveries = await bus.drain(new Map([['dscro-map', flaky]]));

    // Assess
    expect(deliveryCounts).toEqual([1, 2, 3]);
    expect(deliveries).toBe(3);
    expect(bus.listAll()).toEqual([]);
  });

  it('puts a redelivery behind messages already waiting', async () => {
    // Prepare
    const bus = new LocalMessageBus({ maxDeliveryCount: 5 });
    await bus.send('dscro-map', stageMessage({ correlationId: 'a' }));
    await bus.send('dscro-map', stageMessage({ correlationId: 'b' }));
    const seen: string[] = [];
    const failsOnceForA: QueueHandler = async (body, deliveryCount) => {
      const id = (body as StageMessage).correlationId;
      seen.push(`${id}#${deliveryCount}`);
      if (id === 'a' && deliveryCount === 1) throw new Error('transient');
    };

    // Act
    await bus.drain(new Map([['dscro-map', failsOnceForA]]));

    // Assess
    expect(seen).toEqual(['a#1', 'b#1', 'a#2']);
  });

  it('dead-letters a message that fails maxDeliveryCount times, with the reason and the error message', async () => {
    // Prepare
    const bus = new LocalMessageBus({ maxDeliveryCount: 3 });
    const message = stageMessage();
    await bus.send('dscro-map', message);
    let calls = 0;
    const broken: QueueHandler = async () => {
      calls += 1;
      throw new Error('DSCRO-REF-001: price table is malformed');
    };

    // Act
    await bus.drain(new Map([['dscro-map', broken]]));

    // Assess
    expect(calls).toBe(3);
    expect(bus.pendingCount).toBe(0);
    expect(bus.listAll()).toEqual([
      expect.objectContaining({
        queue: 'dscro-map',
        message,
        deadLetterReason: 'MaxDeliveryCountExceeded',
        deadLetterErrorDescription: 'DSCRO-REF-001: price table is malformed',
        deliveryCount: 3,
      }),
    ]);
  });

  it('dead-letters a message on a queue nobody listens to, without retrying it', async () => {
    // Prepare
    const bus = new LocalMessageBus({ maxDeliveryCount: 5 });
    await bus.send('dscro-nowhere', stageMessage());

    // Act
    const deliveries = await bus.drain(new Map());

    // Assess
    expect(deliveries).toBe(1);
    expect(bus.listAll()).toEqual([
      expect.objectContaining({ queue: 'dscro-nowhere', deadLetterReason: 'NoHandler', deadLetterErrorDescription: 'no handler listens on queue dscro-nowhere', deliveryCount: 1 }),
    ]);
  });

  it('delivers a copy: changing the sent object afterwards does not change the body', async () => {
    // Prepare
    const bus = new LocalMessageBus({ maxDeliveryCount: 5 });
    const message = stageMessage({ periods: ['2024-04'] });
    await bus.send('dscro-map', message);
    message.fileName = 'changed.csv';
    message.periods?.push('2024-05');
    const bodies: unknown[] = [];

    // Act
    await bus.drain(new Map([['dscro-map', async (body) => void bodies.push(body)]]));

    // Assess
    expect(bodies).toEqual([stageMessage({ periods: ['2024-04'] })]);
    expect(bodies[0]).not.toBe(message);
  });

  it('redelivers the original body even if a failed handler changed the one it got', async () => {
    // Prepare
    const bus = new LocalMessageBus({ maxDeliveryCount: 5 });
    await bus.send('dscro-map', stageMessage());
    const fileNames: string[] = [];
    const mutating: QueueHandler = async (body, deliveryCount) => {
      const message = body as StageMessage;
      fileNames.push(message.fileName);
      message.fileName = 'mutated.csv';
      if (deliveryCount === 1) throw new Error('transient');
    };

    // Act
    await bus.drain(new Map([['dscro-map', mutating]]));

    // Assess
    expect(fileNames).toEqual(['sus_apc_202404_20240515.csv', 'sus_apc_202404_20240515.csv']);
  });

  describe('with a dead-letter file', () => {
    async function busWithOneDeadLetter(file: string): Promise<LocalMessageBus> {
      const bus = new LocalMessageBus({ maxDeliveryCount: 1, deadLetterFile: file });
      await bus.send('dscro-map', stageMessage({ correlationId: 'dead' }));
      await bus.drain(new Map([['dscro-map', async () => Promise.reject(new Error('boom'))]]));
      return bus;
    }

    it('keeps dead letters in the file, where a new bus reads them back', async () => {
      // Prepare: the file's folder does not exist yet
      const file = path.join(state, 'bus', 'dead-letters.json');
      const first = await busWithOneDeadLetter(file);

      // Act
      const restarted = new LocalMessageBus({ maxDeliveryCount: 1, deadLetterFile: file });

      // Assess
      expect(await restarted.list('dscro-map', 10)).toEqual(first.listAll());
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(first.listAll());
      expect(restarted.listAll()).toHaveLength(1);
    });

    it('starts with no dead letters when the file does not exist', () => {
      // Prepare
      const file = path.join(state, 'missing', 'dead-letters.json');

      // Act
      const bus = new LocalMessageBus({ maxDeliveryCount: 1, deadLetterFile: file });

      // Assess
      expect(bus.listAll()).toEqual([]);
    });

    it('replays a dead letter: re-queued with a fresh delivery count and removed from the file', async () => {
      // Prepare
      const file = path.join(state, 'dead-letters.json');
      const bus = await busWithOneDeadLetter(file);
      const [letter] = bus.listAll();
      const counts: number[] = [];

      // Act
      const replayed = await bus.replay('dscro-map', [letter.messageId]);
      await bus.drain(new Map([['dscro-map', async (body, deliveryCount) => void counts.push(deliveryCount)]]));

      // Assess
      expect(replayed).toBe(1);
      expect(counts).toEqual([1]);
      expect(bus.listAll()).toEqual([]);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual([]);
    });

    it('replays nothing for an id on another queue or an unknown id', async () => {
      // Prepare
      const file = path.join(state, 'dead-letters.json');
      const bus = await busWithOneDeadLetter(file);
      const [letter] = bus.listAll();

      // Act
      const replayed = [await bus.replay('dscro-load', [letter.messageId]), await bus.replay('dscro-map', ['no-such-id'])];

      // Assess
      expect(replayed).toEqual([0, 0]);
      expect(bus.pendingCount).toBe(0);
      expect(bus.listAll()).toHaveLength(1);
    });
  });

  it("purges 'all' dead letters of one queue and leaves other queues alone", async () => {
    // Prepare
    const bus = new LocalMessageBus({ maxDeliveryCount: 1 });
    await bus.send('dscro-map', stageMessage({ correlationId: 'm1' }));
    await bus.send('dscro-map', stageMessage({ correlationId: 'm2' }));
    await bus.send('dscro-load', stageMessage({ correlationId: 'l1' }));
    const failing: QueueHandler = async () => Promise.reject(new Error('boom'));
    await bus.drain(new Map([['dscro-map', failing], ['dscro-load', failing]]));

    // Act
    const purged = await bus.purge('dscro-map', 'all');

    // Assess
    expect(purged).toBe(2);
    expect(bus.listAll().map((letter) => letter.message.correlationId)).toEqual(['l1']);
  });

  it('purges only the named dead letters', async () => {
    // Prepare
    const bus = new LocalMessageBus({ maxDeliveryCount: 1 });
    await bus.send('dscro-map', stageMessage({ correlationId: 'm1' }));
    await bus.send('dscro-map', stageMessage({ correlationId: 'm2' }));
    await bus.drain(new Map([['dscro-map', async () => Promise.reject(new Error('boom'))]]));
    const [first] = bus.listAll();

    // Act
    const purged = await bus.purge('dscro-map', [first.messageId]);

    // Assess
    expect(purged).toBe(1);
    expect(bus.listAll().map((letter) => letter.message.correlationId)).toEqual(['m2']);
  });

  it('lists at most max dead letters, of every queue when no queue is named', async () => {
    // Prepare
    const bus = new LocalMessageBus({ maxDeliveryCount: 1 });
    for (const id of ['m1', 'm2', 'm3']) await bus.send('dscro-map', stageMessage({ correlationId: id }));
    await bus.send('dscro-load', stageMessage({ correlationId: 'l1' }));
    await bus.drain(new Map());

    // Act
    const listed = [await bus.list('dscro-map', 2), await bus.list('', 10)];

    // Assess
    expect(listed[0].map((letter) => letter.message.correlationId)).toEqual(['m1', 'm2']);
    expect(listed[1].map((letter) => letter.message.correlationId)).toEqual(['m1', 'm2', 'm3', 'l1']);
  });
});
