import { failingWorkers, isReady, renderMetrics, type WorkerStatus } from './projector-status';

const worker = (over: Partial<WorkerStatus>): WorkerStatus => ({
  name: 'centre_status_v1', kind: 'projection', role: 'active', state: 'live', position: '120', eventsBehind: 0, secondsBehind: 0,
  checkpointUpdatedAt: null, eventsApplied: 100, batches: 3, ...over,
});

describe('projector readiness and metrics', () => {
  it('is ready when nothing fails or is still catching up; standby counts as ready', () => {
    expect(isReady([worker({}), worker({ role: 'standby', state: 'standby' })])).toBe(true);
    expect(isReady([worker({ state: 'catching_up' })])).toBe(false);
    expect(isReady([worker({ state: 'error', lastError: 'boom' })])).toBe(false);
  });

  it('a worker failing across its retries is not ready, by name and error, even while it tries again', () => {
    const stuck = worker({ name: 'centre_history_v1', state: 'catching_up', failing: { error: 'duplicate key value', databaseUnavailable: false, since: '2026-01-01T00:00:00.000Z', attempts: 4, nextRetryAt: '2026-01-01T00:00:08.000Z' } });
    expect(isReady([worker({}), stuck])).toBe(false);
    expect(failingWorkers([worker({}), stuck])).toEqual([{ name: 'centre_history_v1', kind: 'projection', error: 'duplicate key value', databaseUnavailable: false, since: '2026-01-01T00:00:00.000Z', attempts: 4 }]);
    expect(renderMetrics({ ready: false, checkedAt: '', workers: [stuck], failing: [] })).toContain('projector_up{name="centre_history_v1",kind="projection"} 0');
  });

  it('renders Prometheus text with lag in events and seconds per worker', () => {
    const text = renderMetrics({ ready: false, checkedAt: '', failing: [], workers: [worker({ eventsBehind: 7, secondsBehind: 1.5, state: 'catching_up' }), worker({ name: 'deadline_jobs', kind: 'processor', role: 'standby', eventsBehind: null, secondsBehind: null })] });
    expect(text).toContain('# TYPE projector_lag_events gauge');
    expect(text).toContain('projector_lag_events{name="centre_status_v1",kind="projection"} 7');
    expect(text).toContain('projector_lag_seconds{name="centre_status_v1",kind="projection"} 1.5');
    expect(text).not.toContain('projector_lag_events{name="deadline_jobs"');
    expect(text).toContain('projector_lock_held{name="deadline_jobs",kind="processor"} 0');
    expect(text).toContain('projector_events_applied_total{name="centre_status_v1",kind="projection"} 100');
    expect(text).toContain('projector_ready 0');
    expect(text.endsWith('\n')).toBe(true);
  });
});
