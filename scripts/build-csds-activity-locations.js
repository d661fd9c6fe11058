#!/usr/bin/env node
/*
 * Builds reference/csds/activity-location-types.csv: every national ACTIVITY LOCATION TYPE CODE (NHS Data Model and
 * Dictionary) with its name and the care setting Community 360 reports it under, one row per code.
 *
 *   node scripts/build-csds-activity-locations.js
 *
 * The settings follow the code ranges of the Community 360 specification: home A01-A04, primary care B01-C03,
 * urgent care D01-D03, hospital E01-E99, hospice F01, care home G01-G04, education L01-L99, justice M01-M07, and
 * other for every other national code. Within the hospital and education letters the Data Dictionary ends in a
 * catch-all (E99 "other departments", L99 "other educational premises"), so the letter itself names the setting:
 * the unpublished numbers in those two ranges (E05-E98, L07-L98) are listed too, with `national_code` false, so a
 * locally extended code such as E57 still reports as hospital while staying distinguishable from the national list.
 * Codes outside every range and letter (for example Z01) are not listed: the lookup flags them unknown.
 */
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const Papa = require('papaparse');

const target = join(__dirname, '..', 'reference', 'csds', 'activity-location-types.csv');

const settings = {
  home: 'Home',
  primary_care: 'Primary care',
  urgent_care: 'Urgent care',
  hospital: 'Hospital',
  hospice: 'Hospice',
  care_home: 'Care home',
  education: 'Education',
  justice: 'Justice',
  other: 'Other',
};

/** National codes and names, NHS Data Model and Dictionary, ACTIVITY LOCATION TYPE CODE. */
const nationalCodes = [
  ['A01', "Patient's / client's home", 'home'],
  ['A02', "Carer's home", 'home'],
  ['A03', "Patient's / client's workplace", 'home'],
  ['A04', 'Other patient / client related location', 'home'],
  ['B01', 'Primary care health centre', 'primary_care'],
  ['B02', 'Polyclinic', 'primary_care'],
  ['C01', 'General medical practitioner practice', 'primary_care'],
  ['C02', 'Dental practice', 'primary_care'],
  ['C03', 'Ophthalmic medical practitioner premises', 'primary_care'],
  ['D01', 'Walk in centre', 'urgent_care'],
  ['D02', 'Out of hours centre', 'urgent_care'],
  ['D03', 'Emergency community dental service', 'urgent_care'],
  ['E01', 'Out-patient clinic', 'hospital'],
  ['E02', 'Ward', 'hospital'],
  ['E03', 'Day hospital', 'hospital'],
  ['E04', 'Emergency care department or minor injuries department', 'hospital'],
  ['E99', 'Other departments', 'hospital'],
  ['F01', 'Hospice', 'hospice'],
  ['G01', 'Care home services without nursing', 'care_home'],
  ['G02', 'Care home services with nursing', 'care_home'],
  ['G03', "Children's home", 'care_home'],
  ['G04', 'Integrated care home services without nursing and care home services with nursing', 'care_home'],
  ['H01', 'Day centre', 'other'],
  ['J01', 'Resource centre', 'other'],
  ['K01', "Sure Start children's centre", 'other'],
  ['K02', 'Child development centre', 'other'],
  ['L01', 'School', 'education'],
  ['L02', 'Further education college', 'education'],
  ['L03', 'University', 'education'],
  ['L04', 'Nursery premises', 'education'],
  ['L05', 'Other childcare premises', 'education'],
  ['L06', 'Training establishments', 'education'],
  ['L99', 'Other educational premises', 'education'],
  ['M01', 'Prison', 'justice'],
  ['M02', 'Probation service premises', 'justice'],
  ['M03', 'Police station / police custody suite', 'justice'],
  ['M04', 'Young offender institution', 'justice'],
  ['M05', 'Immigration removal centre', 'justice'],
  ['M06', 'Young offender institution (15-17)', 'justice'],
  ['M07', 'Young offender institution (18-21)', 'justice'],
  ['N01', 'Street or other public open space', 'other'],
  ['N02', 'Other publicly accessible area or building', 'other'],
  ['N03', 'Voluntary or charitable agency premises', 'other'],
  ['N04', 'Dispensing optician premises', 'other'],
  ['N05', 'Dispensing pharmacy premises', 'other'],
  ['X01', 'Other locations not elsewhere classified', 'other'],
];

/** Letters whose whole range 01-99 is one setting (see the header). */
const wholeLetterRanges = [
  { letter: 'E', setting: 'hospital', name: 'Hospital department (not a national code)' },
  { letter: 'L', setting: 'education', name: 'Educational premises (not a national code)' },
];

const rows = nationalCodes.map(([code, name, setting]) => ({ code, name, setting, national: true }));
const listed = new Set(rows.map((row) => row.code));
for (const range of wholeLetterRanges) {
  for (let number = 1; number <= 99; number += 1) {
    const code = `${range.letter}${String(number).padStart(2, '0')}`;
    if (!listed.has(code)) rows.push({ code, name: range.name, setting: range.setting, national: false });
  }
}
for (const row of rows) if (!settings[row.setting]) throw new Error(`code ${row.code}: unknown setting ${row.setting}`);
rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

const data = rows.map((row) => [row.code, row.name, row.setting, settings[row.setting], String(row.national)]);
writeFileSync(target, `${Papa.unparse({ fields: ['code', 'name', 'setting_group', 'setting_group_name', 'national_code'], data }, { newline: '\n' })}\n`);
console.log(`wrote ${rows.length} codes (${nationalCodes.length} national) to ${target}`);
