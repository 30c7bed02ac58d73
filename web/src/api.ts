/** The console's only way to the server: JSON over /api/v1 with the session's bearer token. */
import type { Issue } from '../../src/core/model/issue.js';

export const API_ROOT = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

export function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(name, String(item));
    else params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export class Api {
  constructor(
    private readonly token: () => string | undefined,
    /** Called when the server no longer knows the token, so the console can ask to sign in again. */
    private readonly onUnauthenticated: () => void = () => undefined,
  ) {}

  get<T>(path: string, query: Query = {}, accept = 'application/json'): Promise<T> {
    return this.request<T>('GET', `${path}${queryString(query)}`, undefined, accept);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  /** The raw response of an authenticated GET, for streams. */
  async open(path: string, signal: AbortSignal): Promise<Response> {
    const response = await fetch(`${API_ROOT}${path}`, { headers: this.headers('text/event-stream'), signal });
    if (!response.ok) throw await this.failure(response, true);
    return response;
  }

  private async request<T>(method: string, path: string, body?: unknown, accept = 'application/json'): Promise<T> {
    const headers = this.headers(accept);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${API_ROOT}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (!response.ok) throw await this.failure(response, headers.authorization !== undefined);
    return (await response.json()) as T;
  }

  private headers(accept: string): Record<string, string> {
    const token = this.token();
    return { accept, ...(token ? { authorization: `Bearer ${token}` } : {}) };
  }

  /** The error a response stands for; a 401 to a request that carried a token means the session is over. */
  private async failure(response: Response, withToken: boolean): Promise<ApiError> {
    const body = (await response.json().catch(() => undefined)) as { error?: { code: string; message: string; issues?: Issue[] } } | undefined;
    if (response.status === 401 && withToken) this.onUnauthenticated();
    const error = body?.error;
    return new ApiError(response.status, error?.code ?? 'HTTP_ERROR', error?.message ?? `${response.status} ${response.statusText}`, error?.issues ?? []);
  }
}
