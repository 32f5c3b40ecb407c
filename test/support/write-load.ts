/**
 * Concurrent writes with Idempotency-Keys, retried under the same key until acknowledged, as a
 * careful client does through an outage: what the fault tests count (acknowledged, found, lost,
 * duplicated) and what they check the API answered meanwhile (never a 500).
 */
export interface Acknowledged {
  key: string;
  commandId: string;
  /** When the request that was acknowledged started (ms since epoch). */
  startedAt: number;
  at: number;
}

export interface LoadResult {
  acknowledged: Acknowledged[];
  /** Answers other than 2xx, by status (0: no answer, the process was down or the socket dropped). */
  refusals: Record<number, number>;
  /** 503 answers without the documented body or Retry-After. */
  unclear503: string[];
  /** 5xx answers other than 503, with their bodies. */
  serverErrors: string[];
  /** Commands given up (still not acknowledged when the load was told to finish). */
  abandoned: string[];
}

export interface WriteLoad {
  /** Stop sending new commands; commands in flight are retried until acknowledged or `giveUpMs` passes. */
  finish(giveUpMs?: number): Promise<LoadResult>;
  /** Acknowledgements so far (for watching recovery). */
  readonly acknowledged: readonly Acknowledged[];
}

export function startWriteLoad(options: { baseUrl: string; token: string; centres: string[]; workers: number; keyPrefix: string }): WriteLoad {
  const result: LoadResult = { acknowledged: [], refusals: {}, unclear503: [], serverErrors: [], abandoned: [] };
  let finishing = false;
  let giveUpAt = Infinity;
  let next = 0;

  const send = async (centreId: string, key: string, volume: number): Promise<'ok' | 'retry' | 'refused'> => {
    const startedAt = Date.now();
    let response: Response;
    try {
      response = await fetch(`${options.baseUrl}/centres/${centreId}/procedure-volume`, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ proceduresPerYear: volume }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch {
      result.refusals[0] = (result.refusals[0] ?? 0) + 1;
      return 'retry';
    }
    const text = await response.text().catch(() => '');
    if (response.ok) {
      const body = JSON.parse(text) as { commandId: string };
      result.acknowledged.push({ key, commandId: body.commandId, startedAt, at: Date.now() });
      return 'ok';
    }
    result.refusals[response.status] = (result.refusals[response.status] ?? 0) + 1;
    if (response.status === 503) {
      const body = JSON.parse(text || '{}') as { statusCode?: number; error?: string; message?: string };
      const clear = body.statusCode === 503 && body.error === 'Service Unavailable' && /database is unavailable/.test(body.message ?? '') && response.headers.get('retry-after') !== null;
      if (!clear) result.unclear503.push(text);
      return 'retry';
    }
    if (response.status >= 500) result.serverErrors.push(`${response.status} ${text}`);
    return 'refused'; // a 409 after five lost races, say: a definite answer, not retried
  };

  const worker = async (): Promise<void> => {
    while (!finishing) {
      const n = next++;
      const centreId = options.centres[n % options.centres.length];
      const key = `${options.keyPrefix}-${n}`;
      for (;;) {
        const outcome = await send(centreId, key, 150 + n);
        if (outcome !== 'retry') break;
        if (Date.now() > giveUpAt) {
          result.abandoned.push(key);
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  const running = Promise.all(Array.from({ length: options.workers }, worker));

  return {
    get acknowledged() {
      return result.acknowledged;
    },
    async finish(giveUpMs = 60_000) {
      finishing = true;
      giveUpAt = Date.now() + giveUpMs;
      await running;
      return result;
    },
  };
}

/** How often each acknowledged command id is stored; lost and duplicated, from those counts. */
export function tally(acknowledged: Acknowledged[], storedCounts: Map<string, number>) {
  const ids = [...new Set(acknowledged.map((a) => a.commandId))];
  const lost = ids.filter((id) => !storedCounts.get(id));
  const duplicated = ids.filter((id) => (storedCounts.get(id) ?? 0) > 1);
  return { acknowledged: ids.length, found: ids.length - lost.length, lost, duplicated };
}
