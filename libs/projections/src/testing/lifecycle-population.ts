import { randomUUID } from 'node:crypto';
import type { CentreEvent } from '../../../domain/src/centre/centre.events';
import { currentSchemaVersion } from '../../../domain/src/upcasting/upcasters';
import type { EventToAppend } from '../../../event-store/src/event-store.port';
import { type GeneratedStream, mulberry32 } from './centre-population';

/**
 * Centres at the lifecycle's edges, for comparing read models with the domain: version-1
 * registrations, lapses and renewals, refusals, upheld and dismissed appeals against each kind of
 * decision, early renewals, expiry and a second cycle, relinquishment, a suspension that runs out.
 * Seeded, so every run builds the same histories; the scenario of a centre is `index % SCENARIOS`.
 */
export const LIFECYCLE_SCENARIOS = [
  'v1-registered-only', 'v1-lapsed', 'lapsed-renewed', 'refused', 'refusal-upheld', 'withdrawal-upheld', 'withdrawal-dismissed',
  'suspension-upheld', 'suspended-limit-withdrawn', 'early-excellence', 'early-recertification', 'expired-second-cycle',
  'relinquished', 'excellence-suspended-reinstated', 'under-audit',
] as const;

const DAY = 86_400_000;

export function generateLifecyclePopulation(opts: { centres: number; seed?: number; prefix?: string }): GeneratedStream[] {
  const rnd = mulberry32(opts.seed ?? 9);
  const px = opts.prefix ?? 'lc-';
  const iso = (t: number) => new Date(t).toISOString();
  const streams: GeneratedStream[] = [];
  for (let c = 0; c < opts.centres; c++) {
    const scenario = LIFECYCLE_SCENARIOS[c % LIFECYCLE_SCENARIOS.length]!;
    const centreId = `${px}c-${String(c).padStart(5, '0')}`;
    const events: EventToAppend[] = [];
    let t = Date.UTC(2018, 0, 1) + Math.floor(rnd() * 700) * DAY;
    const push = (ev: CentreEvent | { type: string; data: Record<string, unknown> }, schemaVersion = currentSchemaVersion(ev.type), step = 1 + Math.floor(rnd() * 20)) => {
      const at = iso(t);
      events.push({ id: randomUUID(), type: ev.type, data: ev.data, metadata: { actor: { id: 'office-1', role: 'office' }, occurredAt: at, recordedAt: at, schemaVersion } });
      t += step * DAY;
    };
    const v1 = scenario.startsWith('v1-');
    if (v1) {
      push({ type: 'CentreRegistered', data: { centreId, name: `Centre ${c}`, location: `City ${c % 7}, C${c % 5}`, institution: `Inst ${c}`, procedures: 100 + c, representativeId: `p-${c}`, contactId: `p-${c}-c`, substituteId: `p-${c}-s`, registeredAt: iso(t), registeredBy: 'office-1' } }, 1);
    } else {
      push({ type: 'CentreRegistered', data: { centreId, name: `Centre ${c}`, country: `C${c % 5}`, city: `City ${c % 7}`, institution: `Inst ${c}`, proceduresPerYear: 100 + c, representativeId: `p-${c}`, contactId: `p-${c}-c`, substituteId: `p-${c}-s`, registeredAt: iso(t), registeredBy: 'office-1' } });
    }
    if (scenario === 'v1-registered-only') { streams.push({ streamId: `centre-${centreId}`, events }); continue; }
    push({ type: 'CentreEnrolled', data: { centreId, feeReference: `F-${c}`, enrolledAt: iso(t), enrolledBy: 'office-1', enrolmentPaidUntil: iso(t + 365 * DAY) } });
    if (scenario === 'v1-lapsed' || scenario === 'lapsed-renewed') {
      push({ type: 'EnrolmentLapsed', data: { centreId, enrolmentPaidUntil: iso(t), lapsedAt: iso(t) } });
      if (scenario === 'lapsed-renewed') push({ type: 'EnrolmentRenewed', data: { centreId, feeReference: `F-${c}-2`, renewedAt: iso(t), renewedBy: 'office-1', enrolmentPaidUntil: iso(t + 365 * DAY) } });
      streams.push({ streamId: `centre-${centreId}`, events });
      continue;
    }
    const audit = (n: number, kind: 'initial' | 'recertification' | 'excellence', outcome: 'pass' | 'fail' | 'open') => {
      const applicationId = `app-${c}-${n}`;
      const auditId = `audit-${c}-${n}`;
      push({ type: 'ApplicationSubmitted', data: { centreId, applicationId, kind, schemeVersion: '2019.1', answers: {}, icr: { caseReferences: ['case-1'], summary: 'ICR' }, submittedAt: iso(t), submittedBy: `p-${c}` } });
      push({ type: 'AuditOpened', data: { centreId, auditId, applicationId, kind, schemeVersion: '2019.1', dueDate: iso(t + 90 * DAY), openedAt: iso(t), openedBy: 'office-1' } });
      push({ type: 'FindingRaised', data: { centreId, auditId, findingId: `f-${c}-${n}`, grade: 'minor', criterionId: '2b', description: 'd', dueDate: iso(t + 60 * DAY), raisedAt: iso(t), raisedBy: 'aud-1' } });
      if (outcome === 'open') return auditId;
      push({ type: 'FindingClosed', data: { centreId, auditId, findingId: `f-${c}-${n}`, closedAt: iso(t), closedBy: 'aud-1' } });
      if (outcome === 'pass') push({ type: 'AuditPassed', data: { centreId, auditId, kind, recommendation: 'pass', allExtendedMet: true, unmetExtendedCriteria: [], completedAt: iso(t), completedBy: 'aud-1' } });
      else push({ type: 'AuditFailed', data: { centreId, auditId, kind, recommendation: 'fail', unmetCoreCriteria: ['3a'], openMajorFindings: [], reason: 'r', completedAt: iso(t), completedBy: 'aud-1' } });
      return auditId;
    };
    const grant = (auditId: string, n: number, validFrom: number, type: 'AccreditationGranted' | 'ExcellenceSealAwarded' = 'AccreditationGranted') =>
      push({ type, data: { centreId, auditId, certificateNumber: `CERT-${px}${c}-${n}`, validFrom: iso(validFrom), validUntil: iso(validFrom + 4 * 365 * DAY), schemeVersion: '2019.1', decidedAt: iso(t), decidedBy: 'com-1' } });
    const appeal = (n: number, against: 'refusal' | 'suspension' | 'withdrawal', outcome: 'upheld' | 'dismissed') => {
      push({ type: 'AppealLodged', data: { centreId, appealId: `ap-${c}-${n}`, against, grounds: 'g', lodgedAt: iso(t), lodgedBy: `p-${c}` } });
      push({ type: 'AppealDecided', data: { centreId, appealId: `ap-${c}-${n}`, outcome, reason: 'r', decidedAt: iso(t), decidedBy: 'com-3' } });
    };
    if (scenario === 'under-audit') { audit(1, 'initial', 'open'); streams.push({ streamId: `centre-${centreId}`, events }); continue; }
    if (scenario === 'refused' || scenario === 'refusal-upheld') {
      const a = audit(1, 'initial', 'fail');
      push({ type: 'AccreditationRefused', data: { centreId, auditId: a, reasons: ['3a'], decidedAt: iso(t), decidedBy: 'com-1' } });
      if (scenario === 'refusal-upheld') appeal(1, 'refusal', 'upheld');
      streams.push({ streamId: `centre-${centreId}`, events });
      continue;
    }
    const a1 = audit(1, scenario === 'excellence-suspended-reinstated' ? 'excellence' : 'initial', 'pass');
    const from = t;
    grant(a1, 1, from, scenario === 'excellence-suspended-reinstated' ? 'ExcellenceSealAwarded' : 'AccreditationGranted');
    const suspend = () => push({ type: 'AccreditationSuspended', data: { centreId, reason: 'unpaid_fees', note: 'n', suspendedAt: iso(t), suspendedUntil: iso(t + 180 * DAY), decidedBy: 'com-1' } });
    const withdraw = () => push({ type: 'AccreditationWithdrawn', data: { centreId, reason: 'r', withdrawnAt: iso(t), decidedBy: 'com-1' } });
    switch (scenario) {
      case 'withdrawal-upheld': withdraw(); appeal(1, 'withdrawal', 'upheld'); break;
      case 'withdrawal-dismissed': withdraw(); appeal(1, 'withdrawal', 'dismissed'); break;
      case 'suspension-upheld': suspend(); appeal(1, 'suspension', 'upheld'); break;
      case 'suspended-limit-withdrawn': {
        const at = t;
        suspend();
        push({ type: 'SuspensionLimitReached', data: { centreId, suspendedAt: iso(at), limitReachedAt: iso(at + 180 * DAY) } });
        withdraw();
        break;
      }
      case 'early-excellence':
      case 'early-recertification': {
        t = from + (4 * 365 - 200) * DAY;
        const kind = scenario === 'early-excellence' ? 'excellence' : 'recertification';
        const a2 = audit(2, kind, 'pass');
        grant(a2, 2, from + 4 * 365 * DAY, kind === 'excellence' ? 'ExcellenceSealAwarded' : 'AccreditationGranted');
        break;
      }
      case 'expired-second-cycle': {
        t = from + 4 * 365 * DAY;
        push({ type: 'AccreditationExpired', data: { centreId, validUntil: iso(t), expiredAt: iso(t) } });
        const a2 = audit(2, 'initial', 'pass');
        grant(a2, 2, t);
        break;
      }
      case 'relinquished': push({ type: 'AccreditationRelinquished', data: { centreId, reason: 'closing', relinquishedAt: iso(t), relinquishedBy: `p-${c}` } }); break;
      case 'excellence-suspended-reinstated': suspend(); push({ type: 'AccreditationReinstated', data: { centreId, reinstatedAt: iso(t), decidedBy: 'com-1' } }); break;
      default: break;
    }
    streams.push({ streamId: `centre-${centreId}`, events });
  }
  return streams;
}
