import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { currentToken } from '../session/session';

/** Every error the API sends has this shape (docs/api.md, "Error model"); partial when a proxy answers. */
export type ApiErrorBody = Partial<components['schemas']['ErrorBodyDto']> & { statusCode: number };

export class ApiError extends Error {
  constructor(readonly status: number, readonly body: ApiErrorBody) {
    super(body.message ?? `HTTP ${status}`);
  }
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = currentToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
};

/** Typed by the OpenAPI document the API serves (schema.d.ts is generated from it). */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

/** openapi-fetch answers { data, error, response }: unwrap it, throwing ApiError on any non-2xx. */
export async function unwrap<T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const body = (error && typeof error === 'object' ? error : { statusCode: response.status, message: String(error ?? response.statusText) }) as ApiErrorBody;
    throw new ApiError(response.status, body);
  }
  return data as T;
}

/** Downloads an authorised resource (dossier exports) without putting the token in a URL. */
export async function download(path: string, filename: string): Promise<void> {
  const token = currentToken();
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ApiError(response.status, (await response.json().catch(() => ({ statusCode: response.status }))) as ApiErrorBody);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
