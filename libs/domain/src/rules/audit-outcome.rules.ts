import type { Audit, Finding } from '../centre/centre.state';
import { coreCriteria, extendedCriteria } from '../scheme/scheme.registry';
import type { Scheme } from '../scheme/scheme.types';
import { DomainRuleBroken } from '../shared/domain-errors';

export interface AuditEvaluation {
  /** Core criteria judged not met or not judged at all. */
  unmetCore: string[];
  unmetExtended: string[];
  openMajorFindings: string[];
  openEvidenceRequests: string[];
}

/**
 * What rule 3 looks at. An unjudged criterion counts as not met, and so does one judged by an
 * auditor removed from the audit since (upheld objection, recusal): their judgement does not count.
 */
// Stryker disable next-line ArrayDeclaration: equivalent, a default `removed` naming someone who judged nothing changes no count
export function evaluateAudit(audit: Audit, findings: Record<string, Finding>, scheme: Scheme, removed: readonly string[] = []): AuditEvaluation {
  const counts = (id: string) => {
    const judgement = audit.judged[id];
    return judgement?.met === true && !removed.includes(judgement.judgedBy);
  };
  const unmet = (ids: string[]) => ids.filter((id) => !counts(id));
  return {
    unmetCore: unmet(coreCriteria(scheme).map((c) => c.id)),
    unmetExtended: unmet(extendedCriteria(scheme).map((c) => c.id)),
    openMajorFindings: openMajorFindings(findings),
    openEvidenceRequests: Object.entries(audit.evidenceRequests).filter(([, r]) => r.providedAt === null).map(([id]) => id),
  };
}

/** Majors stay open until closed after a verified corrective action, whatever audit raised them. */
export const openMajorFindings = (findings: Record<string, Finding>): string[] =>
  Object.values(findings).filter((f) => f.grade === 'major' && f.state !== 'closed').map((f) => f.findingId);

/** Rule 3: an audit passes only with all evidence in, every core criterion met and no open major finding. */
export function assertAuditCanPass(evaluation: AuditEvaluation): void {
  if (evaluation.openEvidenceRequests.length) {
    throw new DomainRuleBroken('AuditEvidenceOutstanding', `Requested evidence is still outstanding (${evaluation.openEvidenceRequests.join(', ')}).`);
  }
  if (evaluation.unmetCore.length) {
    throw new DomainRuleBroken('CoreCriteriaNotMet', `An audit passes only with every core criterion met; not met or not judged: ${evaluation.unmetCore.join(', ')}.`);
  }
  assertNoOpenMajorFinding(evaluation.openMajorFindings, 'The audit cannot pass');
}

export function assertNoOpenMajorFinding(openMajors: string[], what: string): void {
  if (openMajors.length) {
    throw new DomainRuleBroken('MajorFindingOpen', `${what} while major findings are open: ${openMajors.join(', ')}.`);
  }
}
