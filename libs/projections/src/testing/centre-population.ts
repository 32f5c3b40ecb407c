import { randomUUID } from 'node:crypto';
import type { AuditorEvent } from '../../../domain/src/auditor/auditor.events';
import type { CentreEvent } from '../../../domain/src/centre/centre.events';
import { currentSchemaVersion } from '../../../domain/src/upcasting/upcasters';
import type { EventToAppend, RecordedEvent } from '../../../event-store/src/event-store.port';

/**
 * A generated population of centre and auditor streams for projection tests and benchmarks. The
 * histories follow the lifecycle loosely (projections do not re-check rules); a seeded generator
 * keeps them reproducible.
 */
export interface GeneratedStream {
  streamId: string;
  events: EventToAppend[];
}

export interface PopulationOptions {
  centres: number;
  auditors?: number;
  seed?: number;
  /** Extra CriterionJudged events per audit, to tune the events per centre (default 8). */
  judgementsPerAudit?: number;
  /** Random ids (default) or ids derived from the seed (identical across runs). */
  deterministicIds?: boolean;
  /** Prefix for centre, auditor and certificate ids, so several populations can share a store. */
  prefix?: string;
}

const COUNTRIES: Array<[string, string[]]> = [
  ['FR', ['Strasbourg', 'Paris', 'Lyon']], ['DE', ['Berlin', 'Munich']], ['AT', ['Vienna']],
  ['US', ['Memphis', 'Boston']], ['ES', ['Madrid', 'Barcelona']], ['IT', ['Milan', 'Rome']], ['GB', ['London']],
];

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generatePopulation(opts: PopulationOptions): GeneratedStream[] {
  const rnd = mulberry32(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');
  const uuid = opts.deterministicIds ? () => `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}` : randomUUID;
  const nAuditors = opts.auditors ?? Math.max(4, Math.ceil(opts.centres / 20));
  const judgements = opts.judgementsPerAudit ?? 8;
  const streams: GeneratedStream[] = [];
  const px = opts.prefix ?? '';
  const auditorIds = Array.from({ length: nAuditors }, (_, i) => `${px}aud-${String(i).padStart(4, '0')}`);

  const base = Date.UTC(2019, 0, 1);
  const day = 86_400_000;
  const iso = (t: number) => new Date(t).toISOString();
  const meta = (t: number, actorId: string, role: string, type?: string) => ({
    actor: { id: actorId, role }, occurredAt: iso(t), recordedAt: iso(t), correlationId: uuid(), causationId: uuid(),
    commandId: uuid(), schemeVersion: '2024.1', schemaVersion: type ? currentSchemaVersion(type) : 1,
  });

  const auditorEvents = new Map<string, EventToAppend[]>();
  for (const id of auditorIds) {
    const t = base + Math.floor(rnd() * 30) * day;
    const ev: AuditorEvent = { type: 'AuditorRegistered', data: { auditorId: id, country: pick(COUNTRIES)[0], specialties: ['hepatic', 'renal'].slice(0, 1 + Math.floor(rnd() * 2)), registeredAt: iso(t), registeredBy: 'office-1' } };
    auditorEvents.set(id, [{ id: uuid(), ...ev, metadata: meta(t, 'office-1', 'office') }]);
  }

  for (let c = 0; c < opts.centres; c++) {
    const centreId = `${px}c-${String(c).padStart(6, '0')}`;
    const [country, cities] = pick(COUNTRIES);
    const events: EventToAppend[] = [];
    let t = base + Math.floor(rnd() * 365) * day;
    const push = (ev: CentreEvent, actorId: string, role: string) => {
      events.push({ id: uuid(), type: ev.type, data: ev.data, metadata: meta(t, actorId, role, ev.type) });
      t += Math.floor(rnd() * 5 + 1) * 3_600_000;
    };
    push({ type: 'CentreRegistered', data: { centreId, name: `Centre ${c} ${pick(['Hospital', 'Clinic', 'Institute'])}`, country, city: pick(cities), institution: `Institution ${c}`, proceduresPerYear: 150 + Math.floor(rnd() * 400), representativeId: `p-${c}-r`, contactId: `p-${c}-c`, substituteId: `p-${c}-s`, registeredAt: iso(t), registeredBy: 'office-1' } }, 'office-1', 'office');
    push({ type: 'SignOffAttested', data: { centreId, signatory: 'head_of_department', signatoryId: `p-${c}-h`, attestedAt: iso(t), recordedBy: 'office-1' } }, 'office-1', 'office');
    push({ type: 'CentreEnrolled', data: { centreId, feeReference: `FEE-${c}`, enrolledAt: iso(t), enrolledBy: 'office-1', enrolmentPaidUntil: iso(t + 365 * day) } }, 'office-1', 'office');
    const stage = rnd();
    if (stage < 0.1) { streams.push({ streamId: `centre-${centreId}`, events }); continue; }
    const applicationId = `app-${c}-1`;
    push({ type: 'ApplicationSubmitted', data: { centreId, applicationId, kind: 'initial', schemeVersion: '2024.1', answers: { '1a': { compliance: 'met', comment: 'ok' } }, icr: { caseReferences: Array.from({ length: 30 }, (_, i) => `case-${i}`), summary: 'ICR summary' }, submittedAt: iso(t), submittedBy: `p-${c}-r` } }, `p-${c}-r`, 'centre');
    const auditId = `audit-${c}-1`;
    push({ type: 'AuditOpened', data: { centreId, auditId, applicationId, kind: 'initial', schemeVersion: '2024.1', dueDate: iso(t + 90 * day), openedAt: iso(t), openedBy: 'office-1' } }, 'office-1', 'office');
    const a1 = pick(auditorIds);
    const a2 = auditorIds[(auditorIds.indexOf(a1) + 1) % auditorIds.length]!;
    for (const a of [a1, a2]) push({ type: 'AuditorAppointed', data: { centreId, auditId, auditorId: a, conflictsDeclared: true, appointedAt: iso(t), appointedBy: 'office-1' } }, 'office-1', 'office');
    if (rnd() < 0.1) {
      push({ type: 'AuditorRecused', data: { centreId, auditId, auditorId: a2, reason: 'Late conflict', recusedAt: iso(t), recusedBy: 'office-1' } }, 'office-1', 'office');
      if (rnd() < 0.5) auditorEvents.get(a2)!.push({ id: uuid(), type: 'ConflictDeclared', data: { auditorId: a2, centreId, description: 'Former colleague', declaredAt: iso(t), declaredBy: a2 }, metadata: meta(t, a2, 'auditor') });
    }
    push({ type: 'EvidenceRequested', data: { centreId, auditId, requestId: `req-${c}`, description: 'Tumour board minutes', requestedAt: iso(t), requestedBy: a1 } }, a1, 'auditor');
    push({ type: 'EvidenceProvided', data: { centreId, auditId, requestId: `req-${c}`, documentReferences: ['doc-1', 'doc-2'], providedAt: iso(t), providedBy: `p-${c}-r` } }, `p-${c}-r`, 'centre');
    for (let j = 0; j < judgements; j++) push({ type: 'CriterionJudged', data: { centreId, auditId, criterionId: `${1 + (j % 13)}${'abcde'[j % 5]}`, met: rnd() > 0.05, note: 'Reviewed\twith "notes"\nand lines', judgedAt: iso(t), judgedBy: a1 } }, a1, 'auditor');
    const grade = pick(['major', 'minor', 'observation'] as const);
    push({ type: 'FindingRaised', data: { centreId, auditId, findingId: `f-${c}-1`, grade, criterionId: '2b', description: 'Finding', dueDate: grade === 'observation' ? null : iso(t + 90 * day), raisedAt: iso(t), raisedBy: a1 } }, a1, 'auditor');
    if (stage < 0.2) { streams.push({ streamId: `centre-${centreId}`, events }); continue; } // left under audit, finding open
    if (grade !== 'observation') push({ type: 'CorrectiveActionSubmitted', data: { centreId, auditId, findingId: `f-${c}-1`, plan: 'Plan', submittedAt: iso(t), submittedBy: `p-${c}-r` } }, `p-${c}-r`, 'centre');
    push({ type: 'FindingClosed', data: { centreId, auditId, findingId: `f-${c}-1`, closedAt: iso(t), closedBy: a1 } }, a1, 'auditor');
    if (stage < 0.3) {
      push({ type: 'AuditFailed', data: { centreId, auditId, kind: 'initial', recommendation: 'fail', unmetCoreCriteria: ['3a'], openMajorFindings: [], reason: 'Core criterion 3a not met', completedAt: iso(t), completedBy: a1 } }, a1, 'auditor');
      push({ type: 'AccreditationRefused', data: { centreId, auditId, reasons: ['Core criterion 3a not met'], decidedAt: iso(t), decidedBy: 'com-1' } }, 'com-1', 'committee');
      streams.push({ streamId: `centre-${centreId}`, events });
      continue;
    }
    push({ type: 'AuditPassed', data: { centreId, auditId, kind: 'initial', recommendation: 'pass', allExtendedMet: rnd() < 0.3, unmetExtendedCriteria: [], completedAt: iso(t), completedBy: a1 } }, a1, 'auditor');
    const validFrom = t;
    const validUntil = t + 4 * 365 * day;
    push({ type: 'AccreditationGranted', data: { centreId, auditId, certificateNumber: `IASIOS-${px}${c}-1`, validFrom: iso(validFrom), validUntil: iso(validUntil), schemeVersion: '2024.1', decidedAt: iso(t), decidedBy: 'com-1' } }, 'com-1', 'committee');
    const fate = rnd();
    if (fate < 0.15) {
      t += 200 * day;
      push({ type: 'AccreditationSuspended', data: { centreId, reason: 'unpaid_fees', note: 'Fee unpaid', suspendedAt: iso(t), suspendedUntil: iso(t + 180 * day), decidedBy: 'com-1' } }, 'com-1', 'committee');
      if (fate < 0.08) push({ type: 'AccreditationReinstated', data: { centreId, reinstatedAt: iso(t), decidedBy: 'com-1' } }, 'com-1', 'committee');
      else if (fate < 0.11) {
        push({ type: 'AppealLodged', data: { centreId, appealId: `ap-${c}`, against: 'suspension', grounds: 'Paid late', lodgedAt: iso(t), lodgedBy: `p-${c}-r` } }, `p-${c}-r`, 'centre');
        push({ type: 'AccreditationWithdrawn', data: { centreId, reason: 'Fees unpaid after suspension', withdrawnAt: iso(t), decidedBy: 'com-1' } }, 'com-1', 'committee');
      }
    } else if (fate < 0.3) {
      t = validUntil;
      push({ type: 'RenewalReminderIssued', data: { centreId, validUntil: iso(validUntil), monthsBefore: 6, issuedAt: iso(t - 180 * day) } }, 'system', 'system');
      push({ type: 'AccreditationExpired', data: { centreId, validUntil: iso(validUntil), expiredAt: iso(t) } }, 'system', 'system');
    } else if (fate < 0.4) {
      t = validUntil - 60 * day;
      const audit2 = `audit-${c}-2`;
      push({ type: 'ApplicationSubmitted', data: { centreId, applicationId: `app-${c}-2`, kind: 'excellence', schemeVersion: '2024.1', answers: {}, icr: { caseReferences: Array.from({ length: 30 }, (_, i) => `case-${i}`), summary: 'ICR' }, submittedAt: iso(t), submittedBy: `p-${c}-r` } }, `p-${c}-r`, 'centre');
      push({ type: 'AuditOpened', data: { centreId, auditId: audit2, applicationId: `app-${c}-2`, kind: 'excellence', schemeVersion: '2024.1', dueDate: iso(t + 50 * day), openedAt: iso(t), openedBy: 'office-1' } }, 'office-1', 'office');
      push({ type: 'AuditorAppointed', data: { centreId, auditId: audit2, auditorId: a2, conflictsDeclared: true, appointedAt: iso(t), appointedBy: 'office-1' } }, 'office-1', 'office');
      push({ type: 'AuditPassed', data: { centreId, auditId: audit2, kind: 'excellence', recommendation: 'pass', allExtendedMet: true, unmetExtendedCriteria: [], completedAt: iso(t), completedBy: a2 } }, a2, 'auditor');
      push({ type: 'ExcellenceSealAwarded', data: { centreId, auditId: audit2, certificateNumber: `IASIOS-${px}${c}-2`, validFrom: iso(validUntil), validUntil: iso(validUntil + 4 * 365 * day), schemeVersion: '2024.1', decidedAt: iso(t), decidedBy: 'com-2' } }, 'com-2', 'committee');
    }
    streams.push({ streamId: `centre-${centreId}`, events });
  }
  for (const [id, events] of auditorEvents) streams.push({ streamId: `auditor-${id}`, events });
  return streams;
}

/** The population as recorded events in one global order (stream after stream), for pure folds. */
export function asRecorded(streams: GeneratedStream[], startPosition = 1n): RecordedEvent[] {
  const out: RecordedEvent[] = [];
  let position = startPosition;
  for (const s of streams) {
    s.events.forEach((e, revision) => {
      out.push({ streamId: s.streamId, revision, position: position++, id: e.id, type: e.type, data: e.data, metadata: e.metadata ?? {}, recordedAt: new Date(String((e.metadata as { recordedAt?: string }).recordedAt ?? '2020-01-01T00:00:00Z')) });
    });
  }
  return out;
}

export function countEvents(streams: GeneratedStream[]): number {
  return streams.reduce((n, s) => n + s.events.length, 0);
}
