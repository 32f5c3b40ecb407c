import { type ColumnDef, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { READ_MODEL_POLL_MS } from '../api/hooks';
import { type CentreView, type Page, STANDINGS, type Standing } from '../api/views';
import { DataTable } from '../components/DataTable';
import { ErrorNote } from '../components/ErrorNote';
import { Freshness } from '../components/Freshness';
import { day, statusLabel } from '../components/format';
import { useSession } from '../session/session';

const PAGE_SIZE = 25;
const SEALS = { enrolled: 'Enrolled centre', accredited: 'Accredited centre', excellence: 'Centre of Excellence' } as const;

/** The next date something must happen for the centre: audit due, suspension end, expiry, enrolment. */
export function nextDeadline(c: CentreView): { label: string; at: string } | null {
  const candidates = [
    c.currentAuditStatus === 'open' && c.currentAuditDueDate ? { label: 'audit due', at: c.currentAuditDueDate } : null,
    c.suspendedUntil ? { label: 'suspension ends', at: c.suspendedUntil } : null,
    c.validUntil && ['accredited', 'excellence', 'suspended'].includes(c.status) ? { label: 'expires', at: c.validUntil } : null,
    c.enrolmentPaidUntil && c.status === 'enrolled' ? { label: 'enrolment ends', at: c.enrolmentPaidUntil } : null,
  ].filter((x): x is { label: string; at: string } => x !== null);
  return candidates.sort((a, b) => a.at.localeCompare(b.at))[0] ?? null;
}

const columns: ColumnDef<CentreView>[] = [
  { header: 'Name', cell: ({ row }) => <Link to={`/centres/${row.original.centreId}`}>{row.original.name}</Link> },
  { header: 'Country', accessorKey: 'country' },
  { header: 'Status', cell: ({ row }) => <span className={`badge status-${row.original.status}`}>{statusLabel(row.original.status)}</span> },
  { header: 'Seal', cell: ({ row }) => (row.original.seal ? SEALS[row.original.seal] : '—') },
  { header: 'Valid until', cell: ({ row }) => day(row.original.validUntil) },
  {
    header: 'Next deadline',
    cell: ({ row }) => {
      const next = nextDeadline(row.original);
      return next ? `${day(next.at)} (${next.label})` : '—';
    },
  },
];

/** Every centre, filtered and paged by the server (the centre-status read model), 25 at a time. */
export function BoardPage() {
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const country = params.get('country') ?? '';
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '0');
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const query = useQuery({
    queryKey: ['centres', status, country, q, page],
    queryFn: () =>
      unwrap<Page<CentreView>>(
        api.GET('/centres', {
          params: {
            query: {
              limit: PAGE_SIZE,
              offset: page * PAGE_SIZE,
              ...(status ? { status: status as Standing } : {}),
              ...(country.length === 2 ? { country: country.toUpperCase() } : {}),
              ...(q ? { q } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: READ_MODEL_POLL_MS,
  });
  const data = query.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const table = useReactTable({ data: data?.items ?? [], columns, getCoreRowModel: getCoreRowModel(), manualPagination: true, pageCount: pages });
  const filters = useMemo(() => ({ status, country, q }), [status, country, q]);

  return (
    <>
      <div className="page-head">
        <h1>Centres</h1>
        {session?.role === 'office' && (
          <Link className="button" to="/centres/new">
            Register a centre
          </Link>
        )}
      </div>
      <Freshness checkpoint={data?.checkpoint} fetchedAt={query.dataUpdatedAt} />
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          Search by name
          <input type="search" value={filters.q} onChange={(e) => set({ q: e.target.value, page: '' })} />
        </label>
        <label>
          Status
          <select value={filters.status} onChange={(e) => set({ status: e.target.value, page: '' })}>
            <option value="">Any status</option>
            {STANDINGS.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Country (2 letters)
          <input value={filters.country} maxLength={2} size={4} onChange={(e) => set({ country: e.target.value.toUpperCase(), page: '' })} />
        </label>
      </form>
      <ErrorNote error={query.error} />
      <DataTable table={table} rowKey={(item) => item.centreId} empty={data && data.items.length === 0 ? 'No centre matches.' : undefined} />
      <nav className="pager" aria-label="Pages">
        <button type="button" disabled={page === 0} onClick={() => set({ page: String(page - 1) })}>
          Previous
        </button>
        <span>
          Page {page + 1} of {pages} · {data?.total ?? 0} centres
        </span>
        <button type="button" disabled={page + 1 >= pages} onClick={() => set({ page: String(page + 1) })}>
          Next
        </button>
      </nav>
    </>
  );
}
