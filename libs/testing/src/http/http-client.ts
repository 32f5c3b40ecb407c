/** What a test sees of a response: status, parsed body (JSON when it is JSON) and headers. */
export interface HttpResult<B = any> {
  status: number;
  body: B;
  headers: Headers;
}

export interface HttpRequestOptions {
  token?: string;
  /** Sent as JSON; `undefined` sends no body at all. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** A tiny client over global fetch, bound to one base URL. */
export class HttpClient {
  constructor(readonly baseUrl: string) {}

  async request<B = any>(method: string, path: string, options: HttpRequestOptions = {}): Promise<HttpResult<B>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, body: parsed as B, headers: response.headers };
  }

  get<B = any>(path: string, options?: HttpRequestOptions) {
    return this.request<B>('GET', path, options);
  }
  post<B = any>(path: string, options?: HttpRequestOptions) {
    return this.request<B>('POST', path, options);
  }
  put<B = any>(path: string, options?: HttpRequestOptions) {
    return this.request<B>('PUT', path, options);
  }
}
