import type { TestApi } from '../../libs/testing/src/http';
import { startAdminApi } from './admin-api';
import { type Cast, Journey, castFor, expectStatus } from './journey';

/**
 * An office clerk holding the import capability, keying in a real history over HTTP: each fact dated
 * when it happened (`X-Occurred-At`) and done on behalf of the person who really acted.
 */
export interface HistoryImport {
  api: TestApi;
  cast: Cast;
  journey: Journey;
  /** The clerk's token (scope `import`). */
  clerk: string;
  /** One imported fact: when it happened and who did it (`role:id`; the clerk themself when omitted). */
  imported(path: string, at: string, body: unknown, onBehalfOf?: string, method?: 'post' | 'put'): Promise<any>;
  /** The compliance replay of a centre's trail (`asOf=…`, `knownAt=…`). */
  replay(centreId: string, query: string): Promise<any>;
}

export async function startHistoryImport(databasePrefix: string, clerkId: string, now: Date): Promise<HistoryImport> {
  const api = await startAdminApi(databasePrefix, now);
  const cast = await castFor(api);
  const journey = new Journey(api, cast);
  await journey.registerAuditors();
  const clerk = await api.token('office', clerkId, undefined, 'import');
  return {
    api,
    cast,
    journey,
    clerk,
    async imported(path, at, body, onBehalfOf, method = 'post') {
      const headers: Record<string, string> = { 'X-Occurred-At': at, ...(onBehalfOf ? { 'X-On-Behalf-Of': onBehalfOf } : {}) };
      const result = await api.http[method](path, { token: clerk, body, headers });
      return expectStatus(result, method === 'post' ? 201 : 200).body;
    },
    async replay(centreId, query) {
      return expectStatus(await api.http.get(`/centres/${centreId}/audit-trail?${query}`, { token: cast.compliance }), 200).body;
    },
  };
}
