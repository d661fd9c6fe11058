import { extractPrecedence } from '../../../shared/stages/ingest/extractPrecedence';

const id = '0123456789abcdef0123456789abcdef';

describe('extractPrecedence', () => {
  it.each([
    ['a period then a snapshot date', 'sus_apc_202404_20240515.csv', `20240515000000-${id}`],
    ['a snapshot with hours and minutes', 'sus_apc_202404_20240515T0930.csv', `20240515093000-${id}`],
    ['a snapshot with seconds', 'sus_apc_202404_20240515T093015.csv.gz', `20240515093015-${id}`],
    ['a snapshot time after an underscore', 'sus_apc_20240515_1200.csv', `20240515120000-${id}`],
    ['two dates: the last one wins', 'sus_apc_20240401_20240515.csv', `20240515000000-${id}`],
    ['no date', 'sus_apc_latest.csv', `00000000000000-${id}`],
    ['a month that does not exist', 'sus_apc_20241315.csv', `00000000000000-${id}`],
    ['a date inside a longer number', 'sus_apc_1202405150.csv', `00000000000000-${id}`],
  ])('reads %s', (_case, fileName, expected) => {
    // Prepare: fileName as DSCRO names its drops

    // Act
    const precedence = extractPrecedence(fileName, id);

    // Assess
    expect(precedence).toBe(expected);
  });

  it('orders extracts by snapshot whatever order they arrived in, undated first, the hash breaking ties', () => {
    // Prepare: listed in arrival order
    const arrivals = [
      extractPrecedence('sus_apc_202404_20240601.csv', 'aaaa'),
      extractPrecedence('sus_apc_202404_20240515T0930.csv', 'ffff'),
      extractPrecedence('sus_apc_manual.csv', 'bbbb'),
      extractPrecedence('sus_apc_202404_20240515.csv', 'dddd'),
      extractPrecedence('sus_apc_202404_20240515.csv', 'cccc'),
    ];

    // Act
    const ordered = [...arrivals].sort();

    // Assess
    expect(ordered).toEqual([
      '00000000000000-bbbb',
      '20240515000000-cccc',
      '20240515000000-dddd',
      '20240515093000-ffff',
      '20240601000000-aaaa',
    ]);
  });
});
