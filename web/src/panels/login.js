// Sign-in: the operator's user name and password (POST /api/v1/auth/login sets the session cookie). On a new silo the
// first administrator signs in as "admin" with the admin API key the silo printed.
import * as api from '../app/api.js';
import { applyToDocument, register, t } from '../app/i18n.js';

register({
  vi: {
    'login.heading': 'Đăng nhập', 'login.username': 'Tên đăng nhập', 'login.password': 'Mật khẩu', 'login.submit': 'Đăng nhập',
    'login.hint': 'Lần đầu: đăng nhập "admin" với khóa API quản trị mà silo đã in ra.', 'login.failed': 'Đăng nhập không thành công: {detail}',
  },
  en: {
    'login.heading': 'Sign in', 'login.username': 'User name', 'login.password': 'Password', 'login.submit': 'Sign in',
    'login.hint': 'First time: sign in as "admin" with the admin API key the silo printed.', 'login.failed': 'Sign-in failed: {detail}',
  },
});

/** Resolves with `/auth/me` once the operator is signed in (at once if the session cookie is still valid). */
export async function signIn(container) {
  try {
    return await api.get('/auth/me');
  } catch (error) {
    if (error.status !== 401) throw error;
  }

  container.innerHTML = `
    <form class="login-form" novalidate>
      <h1 data-i18n="app.title"></h1>
      <h2 data-i18n="login.heading"></h2>
      <label><span data-i18n="login.username"></span><input id="login-username" name="username" autocomplete="username" required></label>
      <label><span data-i18n="login.password"></span><input id="login-password" name="password" type="password" autocomplete="current-password" required></label>
      <button id="login-submit" type="submit" data-i18n="login.submit"></button>
      <p class="login-error" role="alert" hidden></p>
      <p class="login-hint" data-i18n="login.hint"></p>
    </form>`;
  applyToDocument(container);
  container.hidden = false;
  const form = container.querySelector('form');
  const message = container.querySelector('.login-error');
  form.querySelector('input').focus();

  return new Promise((resolve) => {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      message.hidden = true;
      try {
        await api.post('/auth/login', { username: form.username.value.trim(), password: form.password.value });
        container.hidden = true;
        container.innerHTML = '';
        resolve(await api.get('/auth/me'));
      } catch (error) {
        message.textContent = t('login.failed', { detail: error.detail ?? error.message });
        message.hidden = false;
      }
    });
  });
}
