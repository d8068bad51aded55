// Who is signed in, the language switch and sign-out, at the right of the top bar.
import * as api from '../app/api.js';
import { currentLanguage, register, setLanguage, t, onLanguageChange } from '../app/i18n.js';

register({
  vi: { 'session.language': 'English', 'session.languageTitle': 'Switch to English', 'session.signOut': 'Đăng xuất', 'session.connection.reconnecting': 'Mất kết nối, đang kết nối lại…', 'session.connection.closed': 'Mất kết nối' },
  en: { 'session.language': 'Tiếng Việt', 'session.languageTitle': 'Chuyển sang tiếng Việt', 'session.signOut': 'Sign out', 'session.connection.reconnecting': 'Connection lost, reconnecting…', 'session.connection.closed': 'Disconnected' },
});

export class SessionMenu {
  constructor(element, store) {
    this.element = element;
    this.store = store;
    this.connection = 'connected';
    store.on('connection', ({ state }) => { this.connection = state; this.render(); });
    onLanguageChange(() => this.render());
    this.render();
  }

  render() {
    const name = this.store.me?.name ?? '';
    this.element.innerHTML = `
      <span class="connection" data-state="${this.connection}" role="status">${this.connection === 'connected' ? '' : t(`session.connection.${this.connection}`)}</span>
      <span class="operator" data-testid="operator-name"></span>
      <button type="button" class="language" data-testid="language-toggle" title="${t('session.languageTitle')}">${t('session.language')}</button>
      <button type="button" class="sign-out">${t('session.signOut')}</button>`;
    this.element.querySelector('.operator').textContent = name;
    this.element.querySelector('.language').addEventListener('click', () => setLanguage(currentLanguage() === 'vi' ? 'en' : 'vi'));
    this.element.querySelector('.sign-out').addEventListener('click', async () => {
      await api.post('/auth/logout').catch(() => {});
      location.reload();
    });
  }
}
