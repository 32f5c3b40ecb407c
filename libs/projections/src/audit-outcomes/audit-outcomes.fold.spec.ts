import { recorder } from '../testing/recorded';
import { foldAuditOutcomes } from './audit-outcomes.fold';

const t = (s: string) => `${s}T00:00:00.000Z`;

describe('audit outcomes projection (pure)', () => {
  it('one partial row per audit: opened, completed and decided', () => {
    const r = recorder();
    const rows = foldAuditOutcomes([
      r({ type: 'AuditOpened', data: { centreId: 'c-1', auditId: 'a-1', applicationId: 'p', kind: 'initial', schemeVersion: '1', dueDate: t('2020-03-01'), openedAt: t('2020-01-01'), openedBy: 'o' } }),
      r({ type: 'AuditFailed', data: { centreId: 'c-1', auditId: 'a-1', kind: 'initial', recommendation: 'fail', unmetCoreCriteria: ['1a', '3a'], openMajorFindings: [], reason: 'x', completedAt: t('2020-02-01'), completedBy: 'aud' } }),
      r({ type: 'AccreditationRefused', data: { centreId: 'c-1', auditId: 'a-1', reasons: ['x'], decidedAt: t('2020-02-10'), decidedBy: 'com' } }),
      r({ type: 'AuditPassed', data: { centreId: 'c-2', auditId: 'a-2', kind: 'recertification', recommendation: 'pass', allExtendedMet: true, unmetExtendedCriteria: [], completedAt: t('2020-05-01'), completedBy: 'aud' } }),
    ]);
    expect(rows.get('a-1')).toEqual({ auditId: 'a-1', centreId: 'c-1', kind: 'initial', openedAt: t('2020-01-01'), dueDate: t('2020-03-01'), outcome: 'failed', completedAt: t('2020-02-01'), unmetCoreCriteria: 2, decision: 'refused', decidedAt: t('2020-02-10') });
    // Opened in an earlier batch: the untouched fields stay null and the upsert keeps the stored ones.
    expect(rows.get('a-2')).toMatchObject({ openedAt: null, outcome: 'passed', kind: 'recertification', decision: null });
  });
});
