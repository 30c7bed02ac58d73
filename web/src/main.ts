/** The console's shell: sign-in, the pages the user's role may use, and hash routing between them. */
import { pagesFor, type PageId } from './access.js';
import { Api } from './api.js';
import { h, replace } from './dom.js';
import type { Page, PageContext } from './page.js';
import { alertsPage } from './pages/alerts.js';
import { crossingsPage } from './pages/crossings.js';
import { declarationsPage } from './pages/declarations.js';
import { driverPage } from './pages/driver.js';
import { inspectionsPage } from './pages/inspections.js';
import { loginPage } from './pages/login.js';
import { mapPage } from './pages/map.js';
import { simulatorPage } from './pages/simulator.js';
import { href, parseRoute } from './route.js';
import { clearSession, loadSession, type Session } from './session.js';
import './style.css';

const PAGES: Record<PageId, (context: PageContext) => Page> = {
  map: mapPage,
  alerts: alertsPage,
  crossings: crossingsPage,
  declarations: declarationsPage,
  inspections: inspectionsPage,
  simulator: simulatorPage,
  driver: driverPage,
};

const root = document.getElementById('app')!;
let session = loadSession();
let current: Page | undefined;

const signOut = () => {
  clearSession();
  session = undefined;
  render();
};
const api = new Api(() => session?.token, signOut);

function header(signedIn: Session, active: string): HTMLElement {
  return h(
    'header',
    {},
    h('strong', { class: 'brand' }, 'Corridor'),
    h('nav', {}, ...pagesFor(signedIn.user.role).map((page) => h('a', { href: href(page.id), 'aria-current': page.id === active ? 'page' : undefined }, page.title))),
    h('span', { class: 'user' }, `${signedIn.user.username} (${signedIn.user.role})`, h('button', { type: 'button', onclick: signOut }, 'Sign out')),
  );
}

function render(): void {
  current?.dispose?.();
  current = undefined;
  const route = parseRoute(location.hash);
  // The driver lookup is public: no sign-in, no header.
  if (route.page === 'driver' && !session) {
    current = driverPage({ api, session, rest: route.rest, query: route.query });
    return replace(root, current.element);
  }
  if (!session) {
    return replace(root, loginPage(api, (signedIn) => {
      session = signedIn;
      render();
    }));
  }
  const allowed = pagesFor(session.user.role);
  const entry = allowed.find((page) => page.id === route.page);
  if (!entry) {
    location.replace(href(allowed[0]?.id ?? 'driver'));
    return;
  }
  current = PAGES[entry.id]({ api, session, rest: route.rest, query: route.query });
  replace(root, header(session, entry.id), h('main', { 'data-page': entry.id }, current.element));
}

window.addEventListener('hashchange', render);
render();
