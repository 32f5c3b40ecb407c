import { asRecorded, generatePopulation } from '../testing/centre-population';
import { recorder } from '../testing/recorded';
import { type AppointmentRow, appointmentKey, foldAuditorWorkload } from './auditor-workload.fold';

const t = '2024-01-01T00:00:00.000Z';

describe('auditor workload projection (pure)', () => {
  it('counts appointments open until the audit completes, and recusals', () => {
    const r = recorder();
    const events = [
      r({ type: 'AuditorRegistered', data: { auditorId: 'aud-1', country: 'FR', specialties: ['hepatic'], registeredAt: t, registeredBy: 'office-1' } }),
      r({ type: 'AuditorAppointed', data: { centreId: 'c-1', auditId: 'a-1', auditorId: 'aud-1', conflictsDeclared: true, appointedAt: t, appointedBy: 'office-1' } }),
      r({ type: 'AuditorAppointed', data: { centreId: 'c-1', auditId: 'a-1', auditorId: 'aud-2', conflictsDeclared: true, appointedAt: t, appointedBy: 'office-1' } }),
      r({ type: 'AuditorAppointed', data: { centreId: 'c-2', auditId: 'a-2', auditorId: 'aud-1', conflictsDeclared: true, appointedAt: t, appointedBy: 'office-1' } }),
      r({ type: 'AuditorRecused', data: { centreId: 'c-1', auditId: 'a-1', auditorId: 'aud-2', reason: 'conflict', recusedAt: t, recusedBy: 'office-1' } }),
      r({ type: 'AuditPassed', data: { centreId: 'c-1', auditId: 'a-1', kind: 'initial', recommendation: 'pass', allExtendedMet: false, unmetExtendedCriteria: [], completedAt: t, completedBy: 'aud-1' } }),
      r({ type: 'ConflictDeclared', data: { auditorId: 'aud-1', centreId: 'c-9', description: 'former employer', declaredAt: t, declaredBy: 'aud-1' } }),
      r({ type: 'ConsultationRecorded', data: { auditorId: 'aud-1', centreId: 'c-8', description: 'advised on ICR', consultedAt: t, recordedBy: 'office-1' } }),
    ];
    const c = foldAuditorWorkload(new Map(), events);
    expect(c.auditors.get('aud-1')).toMatchObject({ profile: { country: 'FR', specialties: ['hepatic'] }, auditsOpen: 1, auditsClosed: 1, recusals: 0, conflicts: 1, consultations: 1 });
    expect(c.auditors.get('aud-2')).toMatchObject({ profile: null, auditsOpen: 0, auditsClosed: 0, recusals: 1 });
    expect(c.appointments.get(appointmentKey('a-1', 'aud-1'))!.status).toBe('closed');
    expect(c.appointments.get(appointmentKey('a-1', 'aud-2'))!.status).toBe('recused');
    expect(c.appointments.get(appointmentKey('a-2', 'aud-1'))!.status).toBe('open');
    expect(c.declarations.map((d) => [d.kind, d.centreId])).toEqual([['conflict', 'c-9'], ['consultation', 'c-8']]);
  });

  it('closes appointments stored by earlier batches', () => {
    const r = recorder(100n);
    const stored = new Map<string, AppointmentRow>([[appointmentKey('a-1', 'aud-3'), { auditId: 'a-1', auditorId: 'aud-3', centreId: 'c-1', status: 'open', appointedAt: t, endedAt: null }]]);
    const c = foldAuditorWorkload(stored, [r({ type: 'AuditFailed', data: { centreId: 'c-1', auditId: 'a-1', kind: 'initial', recommendation: 'fail', unmetCoreCriteria: ['3a'], openMajorFindings: [], reason: 'x', completedAt: t, completedBy: 'aud-3' } })]);
    expect(c.auditors.get('aud-3')).toMatchObject({ auditsOpen: -1, auditsClosed: 1, lastPosition: '100' });
    expect(c.appointments.get(appointmentKey('a-1', 'aud-3'))).toMatchObject({ status: 'closed', endedAt: t });
  });

  it('sums of deltas over batches equal one fold over everything', () => {
    const events = asRecorded(generatePopulation({ centres: 60, seed: 11 }));
    const whole = foldAuditorWorkload(new Map(), events);
    const stored = new Map<string, AppointmentRow>();
    const totals = new Map<string, number>();
    for (let i = 0; i < events.length; i += 37) {
      const c = foldAuditorWorkload(stored, events.slice(i, i + 37));
      for (const [k, a] of c.appointments) stored.set(k, a);
      for (const [id, d] of c.auditors) totals.set(id, (totals.get(id) ?? 0) + d.auditsOpen * 1000 + d.auditsClosed);
    }
    for (const [id, d] of whole.auditors) expect(totals.get(id)).toBe(d.auditsOpen * 1000 + d.auditsClosed);
    expect(stored).toEqual(whole.appointments);
  });
});
