import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommandResult } from './views';

/** Read models are asynchronous: pages re-read them on this beat, so they follow the projector. */
export const READ_MODEL_POLL_MS = 2_000;

const STATIC_QUERIES = ['scheme', 'sign-in-options', 'trail-formats'];

/** The case file is read from the event store (always current when read, and re-read after every command): a slower beat. */
export const CASE_FILE_POLL_MS = 5_000;

/** A read-model (or case-file) query that refreshes itself while the page is open. */
export function useLive<T>(key: QueryKey, read: () => Promise<T>, options: { enabled?: boolean; every?: number } = {}) {
  return useQuery({ queryKey: key, queryFn: read, refetchInterval: options.every ?? READ_MODEL_POLL_MS, enabled: options.enabled ?? true });
}

/**
 * A command: on success every query is re-read at once (and keeps polling), so the page shows the
 * result without a reload; the error stays on the mutation for the ErrorNote beside the button.
 */
export function useCommand<V>(send: (vars: V) => Promise<CommandResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    // Everything but what never changes (the scheme, the sign-in options, the export formats).
    onSuccess: () => client.invalidateQueries({ predicate: (q) => !STATIC_QUERIES.includes(String(q.queryKey[0])) }),
  });
}
