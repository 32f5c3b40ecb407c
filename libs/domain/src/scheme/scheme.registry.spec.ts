import { centreDecider } from '../centre/centre.decider';
import { isDomainRuleBroken } from '../shared/domain-errors';
import { answers, CentreStory, COMMITTEE, ctx, day, icr, NO_FACTS, REPRESENTATIVE } from '../testing/centre.fixtures';
import { IASIOS_2019_1 } from './iasios-2019-1.scheme';
import { coreCriteria, CURRENT_SCHEME_VERSION, extendedCriteria, getScheme, SCHEMES } from './scheme.registry';
import type { Scheme } from './scheme.types';

describe('IASIOS-2019.1', () => {
  it('has 3 sections and 13 standards: 1-6, 7-9, 10-13', () => {
    expect(IASIOS_2019_1.sections.map((s) => s.title)).toEqual(['Staff and Facilities', 'Treatment Planning and Delivery', 'Safety and Quality']);
    expect(IASIOS_2019_1.standards.map((s) => `${s.section}:${s.number}`)).toEqual(['1:1', '1:2', '1:3', '1:4', '1:5', '1:6', '2:7', '2:8', '2:9', '3:10', '3:11', '3:12', '3:13']);
  });

  it('has exactly the 27 core sub-criteria of DOMAIN.md', () => {
    expect(coreCriteria(IASIOS_2019_1).map((c) => c.id)).toEqual([
      '1a', '1c', '1e', '1f', '1g', '2b', '3a', '3c', '4b', '4c', '4d', '5d', '6a', '6b', '6c', '6d', '7a', '7b', '8a', '8b', '8c', '8d', '8e', '10c', '11a', '12a', '12b',
    ]);
    expect(IASIOS_2019_1.criteria.filter((c) => c.standard === 9 || c.standard === 13).every((c) => c.level === 'extended')).toBe(true);
  });

  it('core and extended criteria split the scheme: none in both, none left out', () => {
    const core = coreCriteria(IASIOS_2019_1).map((c) => c.id);
    const extended = extendedCriteria(IASIOS_2019_1).map((c) => c.id);
    expect(extended).toHaveLength(IASIOS_2019_1.criteria.length - 27);
    expect(extended.filter((id) => core.includes(id))).toEqual([]);
    expect(extended.slice(0, 3)).toEqual(['1b', '1d', '1h']);
  });

  it('carries the configurable facts', () => {
    expect(IASIOS_2019_1).toMatchObject({
      validityYears: 4, icrCases: 30, minProceduresPerYear: 150, suspensionLimitMonths: 6,
      correctiveActionDays: { major: 90, minor: 180, observation: null }, renewalReminderMonths: [6, 3], appealWindowDays: 30, enrolmentTermMonths: 12,
    });
    expect(new Set(IASIOS_2019_1.criteria.map((c) => c.id)).size).toBe(IASIOS_2019_1.criteria.length);
  });

  it('is the current version; an unknown version breaks UnknownScheme', () => {
    expect(getScheme(CURRENT_SCHEME_VERSION)).toBe(IASIOS_2019_1);
    let error: unknown;
    try { getScheme('nope'); } catch (e) { error = e; }
    expect(isDomainRuleBroken(error, 'UnknownScheme')).toBe(true);
  });
});

describe('a second scheme version is data only', () => {
  // Hypothetical revision: a new core criterion 13c, a 20-case ICR and 5-year validity.
  const NEXT: Scheme = {
    ...IASIOS_2019_1,
    version: 'TEST-2030.1',
    criteria: [...IASIOS_2019_1.criteria, { id: '13c', standard: 13, level: 'core' }],
    icrCases: 20,
    validityYears: 5,
  };
  beforeAll(() => { SCHEMES[NEXT.version] = NEXT; });
  afterAll(() => { delete SCHEMES[NEXT.version]; });

  it('new applications follow the new version: its criteria, ICR size and validity', () => {
    const s = new CentreStory().onboarded(day('2030-01-10'));
    const next = ctx(REPRESENTATIVE, day('2030-02-01'), day('2030-02-01'), NEXT.version);
    const submit = (withNew: boolean, cases: number) => centreDecider.decide({
      type: 'SubmitApplication',
      data: { centreId: s.centreId, applicationId: 'A', kind: 'initial', answers: withNew ? { ...answers(), '13c': { compliance: 'met', comment: '' } } : answers(), icr: icr(cases) },
    }, s.state, next);
    expect(() => submit(false, 20)).toThrow(/13c/);
    expect(() => submit(true, 30)).toThrow(/20 distinct/);
    expect(submit(true, 20)[0]).toMatchObject({ data: { schemeVersion: NEXT.version } });
  });

  it('an audit opened under the old version is still decided under it', () => {
    const s = new CentreStory().onboarded(day('2030-01-10')).passedAudit(day('2030-02-01'));
    const events = centreDecider.decide({ type: 'GrantAccreditation', data: { centreId: s.centreId, certificateNumber: 'C', decider: NO_FACTS } }, s.state, ctx(COMMITTEE, day('2030-03-01'), day('2030-03-01'), NEXT.version));
    expect(events[0]).toMatchObject({ data: { schemeVersion: 'IASIOS-2019.1', validUntil: day('2034-03-01') } });
  });
});
