import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommandResult } from './views';

/** Read models are asynchronous: pages re-read them on this beat, so they follow the projector. */
export const READ_MODEL_POLL_MS = 2_000;

/** A read-model (or case-file) query that refreshes itself while the page is open. */
export function useLive<T>(key: QueryKey, read: () => Promise<T>, options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: key, queryFn: read, refetchInterval: READ_MODEL_POLL_MS, enabled: options.enabled ?? true });
}

/**
 * A command: on success every query is re-read at once (and keeps polling), so the page shows the
 * result without a reload; the error stays on the mutation for the ErrorNote beside the button.
 */
export function useCommand<V>(send: (vars: V) => Promise<CommandResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries(),
  });
}
