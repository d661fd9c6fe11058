import { queueOf } from '../../shared/chain/chain';
import { StageMessage } from '../../shared/messaging/stageMessage';
import { susApcCsv, susApcRow, testNhsNumbers } from '../factories/susApcRows';
import { startTestHost, TestHost } from '../support/startTestHost';
import { warehouseSnapshot } from '../support/warehouseSnapshot';

const april = susApcCsv([
  susApcRow({ APCE_Ident: '2001', APCS_Ident: '6001', Admission_Date: '2024-04-03', Discharge_Date: '2024-04-06', Episode_Start_Date: '2024-04-03', Episode_End_Date: '2024-04-06' }),
  susApcRow({ APCE_Ident: '2002', APCS_Ident: '6002', NHS_Number: testNhsNumbers[1], Admission_Date: '2024-04-10', Discharge_Date: '', Episode_Start_Date: '2024-04-10', Episode_End_Date: '' }),
]);
const may = susApcCsv([
  susApcRow({ APCE_Ident: '2003', APCS_Ident: '6003', NHS_Number: testNhsNumbers[2], Admission_Date: '2024-05-03', Discharge_Date: '2024-05-04', Episode_Start_Date: '2024-05-03', Episode_End_Date: '2024-05-04' }),
]);
// A later snapshot corrects April: spell 6002 is now discharged in May, so its episode moves period.
const aprilCorrected = susApcCsv([
  susApcRow({ APCE_Ident: '2001', APCS_Ident: '6001', Admission_Date: '2024-04-03', Discharge_Date: '2024-04-06', Episode_Start_Date: '2024-04-03', Episode_End_Date: '2024-04-06' }),
  susApcRow({ APCE_Ident: '2002', APCS_Ident: '6002', NHS_Number: testNhsNumbers[1], Admission_Date: '2024-04-10', Discharge_Date: '2024-05-02', Episode_Start_Date: '2024-04-10', Episode_End_Date: '2024-05-02' }),
]);
const drops = [
  { name: 'sus_apc_202404_20240510.csv', content: april },
  { name: 'sus_apc_202405_20240610.csv', content: may },
  { name: 'sus_apc_202404_20240615.csv', content: aprilCorrected },
];

describe('idempotence and arrival order', () => {
  it('records the same extract dropped twice as a duplicate and loads one set of facts', async () => {
    // Prepare
    const t = await startTestHost();
    try {
      const first = await t.host.dropContent('sus-apc', 'sus_apc_202404_20240510.csv', april);
      await t.host.runUntilQuiet();
      const before = await warehouseSnapshot(t.host.dependencies.warehouse, t.host.dependencies.model);

      // Act
      const second = await t.host.dropContent('sus-apc', 'sus_apc_202404_20240510_again.csv', april);
      await t.host.runUntilQuiet();

      // Assess
      expect(second).toMatchObject({ status: 'duplicate', extractId: first.extractId });
      expect(await warehouseSnapshot(t.host.dependencies.warehouse, t.host.dependencies.model)).toEqual(before);
      const manifest = await t.host.dependencies.manifests.read('sus-apc', first.extractId!);
      expect(manifest!.duplicates.map((duplicate) => duplicate.fileName)).toEqual(['sus_apc_202404_20240510_again.csv']);
      expect(before.fact_activity).toHaveLength(2);
    } finally {
      await t.stop();
    }
  });

  it('leaves the warehouse unchanged when every stage message is delivered a second time', async () => {
    // Prepare
    const t = await startTestHost();
    try {
      const delivered: StageMessage[] = [];
      const send = t.host.bus.send.bind(t.host.bus);
      t.host.bus.send = async (queue, message) => {
        delivered.push(message);
        await send(queue, message);
      };
      await t.host.dropContent('sus-apc', drops[0].name, drops[0].content);
      await t.host.runUntilQuiet();
      const before = await warehouseSnapshot(t.host.dependencies.warehouse, t.host.dependencies.model);
      t.host.bus.send = send;

      // Act: at-least-once delivery, every message again, in the original order
      for (const message of delivered) await t.host.bus.send(queueOf(message.stage), message);
      await t.host.runUntilQuiet();

      // Assess
      expect(delivered.map((message) => message.stage)).toEqual(expect.arrayContaining(['pseudonymise', 'map', 'load', 'link', 'dq']));
      expect(await warehouseSnapshot(t.host.dependencies.warehouse, t.host.dependencies.model)).toEqual(before);
      expect(await t.host.bus.list('', 10)).toEqual([]);
    } finally {
      await t.stop();
    }
  });

  it('reaches the same final warehouse whatever order the extracts arrive in', async () => {
    // Prepare: every order of the three drops, each on a fresh host
    const orders = permutations([0, 1, 2]);
    const finals: string[] = [];

    // Act
    for (const order of orders) {
      const t = await startTestHost({ fixedKey: 'order-test-key' });
      try {
        for (const index of order) await t.host.dropContent('sus-apc', drops[index].name, drops[index].content);
        await t.host.runUntilQuiet();
        const snapshot = await warehouseSnapshot(t.host.dependencies.warehouse, t.host.dependencies.model);
        finals.push(JSON.stringify(snapshot));
        if (order === orders[0]) {
          expect(snapshot.fact_activity).toHaveLength(3);
          expect(snapshot.link_careflow_spells.map((row) => [(row as Record<string, unknown>).apcs_ident, (row as Record<string, unknown>).period_month])).toEqual([
            ['6001', '2024-04-01'],
            ['6002', '2024-05-01'],
            ['6003', '2024-05-01'],
          ]);
        }
      } finally {
        await t.stop();
      }
    }

    // Assess
    expect(new Set(finals).size).toBe(1);
  });
});

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

