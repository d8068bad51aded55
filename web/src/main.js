// The IOC dashboard: sign in, draw the province, follow the live twin, and keep warnings in front of the operator.
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles/app.css';
import * as api from './app/api.js';
import { applyToDocument, register } from './app/i18n.js';
import { LiveFeed } from './app/live.js';
import { Store } from './app/store.js';
import { DashboardMap } from './map/dashboardMap.js';
import { AlertFeed } from './panels/alertFeed.js';
import { DistrictPanel } from './panels/districtPanel.js';
import { KpiStrip } from './panels/kpiStrip.js';
import { signIn } from './panels/login.js';
import { SearchBox } from './panels/searchBox.js';
import { SessionMenu } from './panels/sessionMenu.js';
import { TwinDrawer } from './panels/twinDrawer.js';

/** How often district roll-ups (choropleth, drill-down) are read again. */
const districtRefreshMs = 10_000;

register({
  vi: { 'app.title': 'Trung tâm giám sát, điều hành đô thị thông minh', 'app.loadFailed': 'Không tải được bảng điều khiển: {detail}' },
  en: { 'app.title': 'Intelligent Operations Center', 'app.loadFailed': 'The dashboard could not load: {detail}' },
});

performance.mark('dashboard:start');
applyToDocument();

async function start() {
  const store = new Store();
  store.me = await signIn(document.getElementById('login'));
  document.getElementById('app').hidden = false;

  const [settings, province, districts] = await Promise.all([
    api.dashboardSettings().catch(() => ({})),
    api.get('/province'),
    api.get('/districts'),
  ]);
  store.settings = settings;
  store.province = province;
  store.districts = districts.items;

  const live = new LiveFeed(store);
  const map = new DashboardMap(document.getElementById('map'), document.getElementById('layer-controls'), store, live);
  new AlertFeed(document.getElementById('feed'), store);
  new KpiStrip(document.getElementById('kpi-strip'), store);
  new TwinDrawer(document.getElementById('drawer'), store, live);
  new DistrictPanel(document.getElementById('district-panel'), store);
  new SearchBox(document.getElementById('search'), store);
  new SessionMenu(document.getElementById('session'), store);
  window.dashboard = { store, live, map };

  const firstAlerts = new Promise((resolve) => { const stop = store.on('alerts', () => { stop(); resolve(); }); });
  const firstDevices = new Promise((resolve) => { const stop = store.on('cells', () => { stop(); resolve(); }); });

  await live.start();
  await Promise.all([map.load(), live.followAlerts()]);
  performance.mark('dashboard:map-drawn');
  store.emit('districts', { districts: store.districts });

  await Promise.all([firstAlerts, firstDevices]);
  // The page is interactive: the province, its devices and the open warnings are on screen and the map answers input.
  performance.mark('dashboard:interactive');
  document.body.dataset.ready = 'true';

  setInterval(async () => {
    try {
      store.districts = (await api.get('/districts')).items;
      store.emit('districts', { districts: store.districts });
    } catch (error) {
      console.warn('district roll-ups', error);
    }
  }, districtRefreshMs);
}

start().catch((error) => {
  console.error(error);
  const banner = document.createElement('div');
  banner.className = 'fatal';
  banner.setAttribute('role', 'alert');
  banner.textContent = error?.message ?? String(error);
  document.body.append(banner);
});
