import type { FindingGrade } from '../centre/centre.events';

export type CriterionLevel = 'core' | 'extended';

export interface SchemeSection {
  number: number;
  title: string;
}

export interface SchemeStandard {
  number: number;
  section: number;
  title: string;
}

export interface SchemeCriterion {
  /** Standard number + sub-criterion letter, e.g. '1a'. */
  id: string;
  standard: number;
  level: CriterionLevel;
}

/**
 * One version of the accreditation scheme. Everything DOMAIN.md calls *configurable* lives here,
 * so a new version is a new data file plus a registry entry; the decider reads only this shape.
 */
export interface Scheme {
  version: string;
  title: string;
  sections: SchemeSection[];
  standards: SchemeStandard[];
  criteria: SchemeCriterion[];
  /** Accredited (and Centre of Excellence) status lasts this long from its start. */
  validityYears: number;
  /** Patient files in the Internal Case Review. */
  icrCases: number;
  /** Therapeutic IO procedures a year needed to enrol. */
  minProceduresPerYear: number;
  /** Longest suspension before reinstatement or withdrawal. */
  suspensionLimitMonths: number;
  /**
   * Longest an award stays in force past validUntil pending the committee's decision on a renewal
   * lodged and audited before validUntil (ISO/IEC 17011 practice; default 6 months).
   */
  pendingDecisionMonths: number;
  /** Days from raising a finding to its corrective-action deadline; null = no response needed. */
  correctiveActionDays: Record<FindingGrade, number | null>;
  /** Renewal reminders, in months before validUntil. */
  renewalReminderMonths: number[];
  /** Days after a refusal, suspension or withdrawal during which an appeal may be lodged. */
  appealWindowDays: number;
  /** An enrolment (annual fee) pays for this many months. */
  enrolmentTermMonths: number;
}
