import { disclosedAmount } from '../../shared/disclosure/disclosedAmount';

describe('disclosedAmount', () => {
  it('rounds money to whole pounds when its count is shown', () => {
    expect(disclosedAmount(142383.12, 45)).toBe(142383);
  });

  it('is suppressed with the count it describes', () => {
    expect(disclosedAmount(49950, '*')).toBe('*');
  });

  it('keeps a missing amount missing and a zero count with its amount', () => {
    expect(disclosedAmount(null, 45)).toBeNull();
    expect(disclosedAmount(0, 0)).toBe(0);
  });
});
