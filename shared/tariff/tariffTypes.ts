/** One HRG's admitted patient care prices, as published in NHS Payment Scheme Annex A. Undefined = '-' (not priced). */
export interface HrgTariff {
  hrg: string;
  name: string;
  combinedDayCaseElective?: number;
  dayCase?: number;
  ordinaryElective?: number;
  electiveTrimPointDays?: number;
  nonElective?: number;
  nonElectiveTrimPointDays?: number;
  perDayLongStay?: number;
  reducedShortStayApplicable: boolean;
  reducedShortStayPercent?: number;
  reducedShortStay?: number;
}

export interface TariffYear {
  financialYear: string;
  illustrative: boolean;
  prices: Map<string, HrgTariff>;
  marketForcesFactors: Map<string, number>;
}
