import { startTestHost, TestHost } from '../support/startTestHost';

const header = 'APCE_Ident,APCS_Ident,Episode_Number,NHS_Number,Person_Birth_Date,Postcode,Sex,Der_Provider_Code,Commissioner_Code,Admission_Date,Discharge_Date,Episode_Start_Date,Episode_End_Date,Admission_Method,Patient_Classification,Discharge_Destination,Treatment_Function_Code,Primary_Diagnosis_Code,Episode_HRG,Spell_Core_HRG,Last_Episode_In_Spell_Indicator';

describe('smoke', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(async () => t.stop());

  it('runs', async () => {
    const rows = [
      '1,100,1,9434765919,1950-03-01,B15 2TH,1,RRK,15E,2024-05-01,2024-05-04,2024-05-01,2024-05-04,21,1,19,300,I21.4,EB10A,EB10A,1',
      '2,101,1,9434765919,1950-03-01,B15 2TH,1,RRK,15E,2024-05-01,bad,2024-05-01,2024-05-04,21,1,19,300,I21.4,EB10A,EB10A,1',
    ];
    const outcome = await t.host.dropContent('sus-apc', 'sus_apc_202405_20240601.csv', [header, ...rows].join('\n') + '\n');
    console.log(outcome);
    await t.host.runUntilQuiet();
    console.log(JSON.stringify(await t.host.bus.list('', 10), null, 1));
    console.log(await t.host.dependencies.warehouse.query('select * from dw.fact_activity'));
    console.log(await t.host.dependencies.warehouse.query('select * from dw.link_careflow_spells'));
    const m = await t.host.dependencies.manifests.read('sus-apc', outcome.extractId!);
    console.log(JSON.stringify(m, null, 1));
  });
});
