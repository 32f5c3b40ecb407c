import { type ColumnDef, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, download, unwrap } from '../api/client';
import { READ_MODEL_POLL_MS } from '../api/hooks';
import type { CentreState, Dossier, Integrity, TrailEntry } from '../api/views';
import { DataTable } from '../components/DataTable';
import { ErrorNote } from '../components/ErrorNote';
import { day, eventLabel, when } from '../components/format';

type Mode = 'latest' | 'asOf' | 'knownAt';

const columns: ColumnDef<TrailEntry>[] = [
  { header: '#', accessorKey: 'revision' },
  { header: 'What happened', cell: ({ row }) => eventLabel(row.original.type) },
  { header: 'Who', accessorKey: 'actorId' },
  { header: 'Role', accessorKey: 'actorRole' },
  { header: 'When in the world', cell: ({ row }) => when(row.original.occurredAt) },
  { header: 'When recorded', cell: ({ row }) => when(row.original.recordedAt) },
];

/** The export formats the served API document lists for the audit trail (so a new one shows up by itself). */
function useTrailFormats() {
  return useQuery({
    queryKey: ['trail-formats'],
    staleTime: Infinity,
    queryFn: async () => {
      const doc = (await (await fetch('/docs-json')).json()) as { paths: Record<string, { get?: { parameters?: { name: string; schema?: { enum?: string[] } }[] } }> };
      const format = doc.paths['/centres/{id}/audit-trail']?.get?.parameters?.find((p) => p.name === 'format');
      return format?.schema?.enum ?? ['json', 'csv', 'html'];
    },
  });
}

/** How each format is offered and saved; a format the API adds later shows under its own name. */
const FORMATS: Record<string, { label: string; file: (id: string) => string }> = {
  json: { label: 'JSON', file: (id) => `audit-trail-${id}.json` },
  csv: { label: 'CSV', file: (id) => `audit-trail-${id}.csv` },
  html: { label: 'HTML (printable)', file: (id) => `audit-trail-${id}.html` },
  bundle: { label: 'Evidence bundle (signed, whole trail)', file: (id) => `evidence-${id}.json` },
};
const formatOf = (f: string) => FORMATS[f] ?? { label: f.toUpperCase(), file: (id: string) => `audit-trail-${id}.${f}` };

function IntegrityState({ integrity }: { integrity?: Integrity }) {
  if (!integrity) return null;
  return integrity.intact ? (
    <p className="integrity ok" role="status">
      ✓ Trail intact: all {integrity.verified} events verified, each linked to the one before by its hash.
    </p>
  ) : (
    <p className="integrity broken" role="alert">
      ✗ Trail altered: the link at revision {integrity.brokenAt.revision} does not match ({integrity.brokenAt.reason.replace(/_/g, ' ')}). {integrity.verified} events before it verified.
    </p>
  );
}

/** Compliance: the centre's whole timeline, the state as of a world date or as known at an engine date, integrity, downloads. */
export function TimelinePage() {
  const { centreId = '' } = useParams();
  const [mode, setMode] = useState<Mode>('latest');
  const [date, setDate] = useState('');
  const point = mode !== 'latest' && date ? { [mode]: new Date(`${date}T23:59:59.999Z`).toISOString() } : {};
  const trail = useQuery({
    queryKey: ['trail', centreId, point],
    queryFn: () => unwrap<Dossier>(api.GET('/centres/{id}/audit-trail', { params: { path: { id: centreId }, query: point } })),
    placeholderData: keepPreviousData,
    refetchInterval: READ_MODEL_POLL_MS,
  });
  const formats = useTrailFormats();
  const save = useMutation({
    mutationFn: (format: string) => {
      const query = new URLSearchParams({ ...point, format });
      return download(`/centres/${encodeURIComponent(centreId)}/audit-trail?${format === 'bundle' ? `format=${format}` : query}`, formatOf(format).file(centreId));
    },
  });
  const data = trail.data;
  const table = useReactTable({ data: data?.trail ?? [], columns, getCoreRowModel: getCoreRowModel() });
  const state = data?.state as Partial<CentreState> | undefined;

  return (
    <>
      <div className="page-head">
        <h1>Timeline of {centreId}</h1>
        <Link to={`/centres/${centreId}`}>Centre page</Link>
      </div>
      <p className="freshness" role="status">
        Replayed from the event store at {data ? when(data.generatedAt) : '…'}: {data?.trail.length ?? 0} of {data?.streamLength ?? 0} events (refreshes every 2 s)
      </p>
      <IntegrityState integrity={data?.integrity} />
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Point in time">
        <fieldset>
          <legend>Show the centre</legend>
          <label>
            <input type="radio" name="mode" checked={mode === 'latest'} onChange={() => setMode('latest')} /> as it is now
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'asOf'} onChange={() => setMode('asOf')} /> as it was in the world on…
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'knownAt'} onChange={() => setMode('knownAt')} /> as the engine knew it on…
          </label>
        </fieldset>
        <label>
          Date (end of day, UTC)
          <input type="date" value={date} disabled={mode === 'latest'} onChange={(e) => setDate(e.target.value)} />
        </label>
      </form>
      <ErrorNote error={trail.error} />
      {state && (
        <dl className="facts card">
          <div>
            <dt>Status at this point</dt>
            <dd>
              <strong>{state.status}</strong>
            </dd>
          </div>
          <div>
            <dt>Award</dt>
            <dd>{state.award ? `${state.award.kind}, ${state.award.certificateNumber}, valid until ${day(state.award.validUntil)}` : 'none'}</dd>
          </div>
          <div>
            <dt>Open findings</dt>
            <dd>{state.findings ? Object.values(state.findings).filter((f) => f.state !== 'closed').length : 0}</dd>
          </div>
          <div>
            <dt>Appeals</dt>
            <dd>{state.appeals ? Object.keys(state.appeals).length : 0}</dd>
          </div>
        </dl>
      )}
      <div className="downloads" role="group" aria-label="Download the dossier">
        <span>Download the dossier{mode !== 'latest' && date ? ' at this point' : ''}:</span>
        {(formats.data ?? []).map((f) => (
          <button key={f} type="button" className="secondary" onClick={() => save.mutate(f)} disabled={save.isPending}>
            {formatOf(f).label}
          </button>
        ))}
        <ErrorNote error={save.error} />
      </div>
      <DataTable table={table} rowKey={(item) => item.eventId} />
    </>
  );
}
