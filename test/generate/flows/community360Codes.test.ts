import { homeAcuteProvider, practicesByHomeProvider } from '../../../shared/generate/flows/community360Codes';

describe('homeAcuteProvider', () => {
  it('sends Great Yarmouth and Waveney to the James Paget, West Norfolk to the Queen Elizabeth and the rest to Norwich', () => {
    // Assess
    expect(homeAcuteProvider('NR1 3SR')).toBe(0);
    expect(homeAcuteProvider('NR28 9AB')).toBe(0);
    expect(homeAcuteProvider('NR31 6LA')).toBe(1);
    expect(homeAcuteProvider('NR35 1AA')).toBe(1);
    expect(homeAcuteProvider('PE30 4ET')).toBe(2);
    expect(homeAcuteProvider('IP22 4AB')).toBe(0);
  });

  it('has distinct D82 and D83 practice codes for each trust', () => {
    // Prepare
    const all = practicesByHomeProvider.flat();

    // Assess
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((code) => /^D8[23][0-9]{3}$/.test(code))).toBe(true);
  });
});
