/** Hash routes, `#/page/rest?query`, so the server only ever serves index.html at the root. */
export interface Route {
  page: string;
  rest: string;
  query: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const [page = '', ...rest] = path.split('/');
  return { page, rest: rest.map(decodeURIComponent).join('/'), query: new URLSearchParams(search) };
}

export function href(page: string, rest?: string, query?: Record<string, string>): string {
  const search = query ? new URLSearchParams(query).toString() : '';
  return `#/${page}${rest ? `/${encodeURIComponent(rest)}` : ''}${search ? `?${search}` : ''}`;
}
