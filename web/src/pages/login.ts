/** Sign in with a platform user; the token is kept for this tab only. */
import { ApiError, type Api } from '../api.js';
import { errorText, h } from '../dom.js';
import { href } from '../route.js';
import { saveSession, type Session } from '../session.js';

export function loginPage(api: Api, signedIn: (session: Session) => void): HTMLElement {
  const message = h('p', { class: 'error', role: 'alert' });
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h(
    'form',
    { class: 'login' },
    h('h1', {}, 'Corridor'),
    h('label', {}, 'User', username),
    h('label', {}, 'Password', password),
    h('button', { type: 'submit' }, 'Sign in'),
    message,
    h('p', {}, h('a', { href: href('driver') }, 'Drivers: look your truck up in the queue')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    message.textContent = '';
    api
      .post<Session>('/auth/login', { username: username.value, password: password.value })
      .then((session) => {
        saveSession(session);
        signedIn(session);
      })
      .catch((error: unknown) => {
        message.textContent = error instanceof ApiError && error.status === 401 ? 'Unknown user or wrong password.' : errorText(error);
      });
  });
  return form;
}
