import { parseAnnexAPrices } from '../../shared/tariff/parseAnnexAPrices';

const headings = [
  'HRG code',
  'HRG name',
  'Combined day case / ordinary elective spell tariff (£)',
  'Day case spell tariff (£)',
  'Ordinary elective spell tariff (£)',
  'Ordinary elective long stay trim point (days)',
  'Non-elective spell tariff (£)',
  'Non-elective long stay trim point (days)',
  'Per day long stay payment (for days exceeding trim point) (£)',
  'Reduced short stay emergency tariff _applicable?',
  '% applied in calculation of reduced short stay emergency tariff',
  'Reduced short stay emergency tariff (£)',
];

function csvLine(cells: string[]): string {
  return cells.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');
}

describe('parseAnnexAPrices', () => {
  it('reads every price column of a row', () => {
    // Prepare
    const csv = [csvLine(headings), 'AB12C,Some Procedure,900,800,1000,5,1500,7,200,Yes,30,450'].join('\n');

    // Act
    const prices = parseAnnexAPrices(csv, 'annex-a.csv');

    // Assess
    expect(prices.get('AB12C')).toEqual({
      hrg: 'AB12C',
      name: 'Some Procedure',
      combinedDayCaseElective: 900,
      dayCase: 800,
      ordinaryElective: 1000,
      electiveTrimPointDays: 5,
      nonElective: 1500,
      nonElectiveTrimPointDays: 7,
      perDayLongStay: 200,
      reducedShortStayApplicable: true,
      reducedShortStayPercent: 30,
      reducedShortStay: 450,
    });
  });

  it('reads "-" and blank cells as not priced, and "No" as not applicable', () => {
    // Prepare
    const csv = [csvLine(headings), 'AB12D,Another,700,-,,4,1200,3,150,No,-,-'].join('\n');

    // Act
    const tariff = parseAnnexAPrices(csv, 'annex-a.csv').get('AB12D');

    // Assess
    expect(tariff).toMatchObject({ combinedDayCaseElective: 700, nonElective: 1200, reducedShortStayApplicable: false });
    expect(tariff?.dayCase).toBeUndefined();
    expect(tariff?.ordinaryElective).toBeUndefined();
    expect(tariff?.reducedShortStayPercent).toBeUndefined();
    expect(tariff?.reducedShortStay).toBeUndefined();
  });

  it('reads published money and percentage formats: "£1,234.50", " £ 2,000 ", "45%"', () => {
    // Prepare
    const row = ['AB12E', 'Formatted', '£1,234.50', ' £ 2,000 ', '1000', '5', '£12,345', '7', '£200.25', 'Yes', '45%', '£99.99'];
    const csv = [csvLine(headings), csvLine(row)].join('\n');

    // Act
    const tariff = parseAnnexAPrices(csv, 'annex-a.csv').get('AB12E');

    // Assess
    expect(tariff).toMatchObject({
      combinedDayCaseElective: 1234.5,
      dayCase: 2000,
      nonElective: 12345,
      perDayLongStay: 200.25,
      reducedShortStayPercent: 45,
      reducedShortStay: 99.99,
    });
  });

  it('matches headings whatever their case, spacing, line breaks or order', () => {
    // Prepare: the workbook wraps headings; this one is upper case, wrapped and reversed
    const messy = headings.map((heading) => heading.toUpperCase().replace(/ /g, '  ').replace(' (', '\n(').replace('/ ', '/\r\n'));
    const row = ['AB12F', 'Wrapped', '900', '800', '1000', '5', '1500', '7', '200', 'Y', '30', '450'];
    const csv = [csvLine([...messy].reverse()), csvLine([...row].reverse())].join('\r\n');

    // Act
    const tariff = parseAnnexAPrices(csv, 'annex-a.csv').get('AB12F');

    // Assess
    expect(tariff).toMatchObject({ name: 'Wrapped', combinedDayCaseElective: 900, dayCase: 800, electiveTrimPointDays: 5, perDayLongStay: 200, reducedShortStayApplicable: true, reducedShortStay: 450 });
  });

  it('skips a byte order mark, blank lines and rows without an HRG code', () => {
    // Prepare
    const csv = ['\uFEFF' + csvLine(headings), '', 'AB12G,First,1,2,3,4,5,6,7,No,-,-', ',Notes row,,,,,,,,,,', '', 'AB12H,Second,1,2,3,4,5,6,7,No,-,-', ''].join('\n');

    // Act
    const prices = parseAnnexAPrices(csv, 'annex-a.csv');

    // Assess
    expect([...prices.keys()]).toEqual(['AB12G', 'AB12H']);
  });

  it('names the table and the heading when a column is missing', () => {
    // Prepare
    const withoutNonElective = headings.filter((heading) => heading !== 'Non-elective spell tariff (£)');
    const csv = [csvLine(withoutNonElective), 'AB12I,Short,1,2,3,4,5,6,No,-,-'].join('\n');

    // Act
    const parse = () => parseAnnexAPrices(csv, 'apc-prices-2026-27.csv');

    // Assess
    expect(parse).toThrow('price table apc-prices-2026-27.csv has no column "non-elective spell tariff (£)"');
  });

  it('refuses an empty table', () => {
    // Prepare
    const csv = '';

    // Act
    const parse = () => parseAnnexAPrices(csv, 'empty.csv');

    // Assess
    expect(parse).toThrow('price table empty.csv is empty');
  });
});
