import type { Scheme, SchemeCriterion, SchemeStandard } from './scheme.types';

/**
 * IASIOS standards as DOMAIN.md states them: 3 sections, 13 standards, 27 core sub-criteria.
 * Standard titles are short summaries, and which extended letters exist per standard is our
 * assumption (IASIOS publishes only the core list); the core list is exact.
 */

const standards: Array<SchemeStandard & { letters: string; core: string }> = [
  { number: 1, section: 1, title: 'Interventional oncology team and qualifications', letters: 'abcdefgh', core: 'acefg' },
  { number: 2, section: 1, title: 'Clinical responsibility and admitting rights', letters: 'abc', core: 'b' },
  { number: 3, section: 1, title: 'Multidisciplinary tumour board', letters: 'abcd', core: 'ac' },
  { number: 4, section: 1, title: 'Imaging and interventional facilities', letters: 'abcde', core: 'bcd' },
  { number: 5, section: 1, title: 'Ward, clinic and follow-up capacity', letters: 'abcde', core: 'd' },
  { number: 6, section: 1, title: 'Anaesthesia, intensive care and emergency back-up', letters: 'abcde', core: 'abcd' },
  { number: 7, section: 2, title: 'Patient selection and treatment planning', letters: 'abc', core: 'ab' },
  { number: 8, section: 2, title: 'Procedure performance and documentation', letters: 'abcdef', core: 'abcde' },
  { number: 9, section: 2, title: 'Research and innovation', letters: 'ab', core: '' },
  { number: 10, section: 3, title: 'Complications and adverse event management', letters: 'abcd', core: 'c' },
  { number: 11, section: 3, title: 'Outcome registry', letters: 'ab', core: 'a' },
  { number: 12, section: 3, title: 'Quality assurance and radiation protection', letters: 'abc', core: 'ab' },
  { number: 13, section: 3, title: 'Education and training', letters: 'ab', core: '' },
];

const criteria: SchemeCriterion[] = standards.flatMap((s) =>
  [...s.letters].map((letter) => ({ id: `${s.number}${letter}`, standard: s.number, level: s.core.includes(letter) ? 'core' : 'extended' })),
);

export const IASIOS_2019_1: Scheme = {
  version: 'IASIOS-2019.1',
  title: 'IASIOS Standards of Practice for Interventional Oncology Services',
  sections: [
    { number: 1, title: 'Staff and Facilities' },
    { number: 2, title: 'Treatment Planning and Delivery' },
    { number: 3, title: 'Safety and Quality' },
  ],
  standards: standards.map(({ number, section, title }) => ({ number, section, title })),
  criteria,
  validityYears: 4,
  icrCases: 30,
  minProceduresPerYear: 150,
  suspensionLimitMonths: 6,
  pendingDecisionMonths: 6,
  correctiveActionDays: { major: 90, minor: 180, observation: null },
  renewalReminderMonths: [6, 3],
  appealWindowDays: 30,
  enrolmentTermMonths: 12,
};
