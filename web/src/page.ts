/** What every page gets, and what it gives back: its element, and how to stop its timers and streams. */
import type { Api } from './api.js';
import type { Session } from './session.js';

export interface PageContext {
  api: Api;
  /** Absent on the public driver lookup when nobody is signed in. */
  session: Session | undefined;
  /** The route's path after the page name, such as a declaration id. */
  rest: string;
  query: URLSearchParams;
}

export interface Page {
  element: HTMLElement;
  dispose?: () => void;
}
