// What the dashboard knows, and the events modules use to talk to each other without importing one another.
//
// Events (detail):
//   'twins'      {changed: DeviceTwinSummary[], removed: string[], replaced: boolean}  viewport twins (live)
//   'cells'      {cells: Cell[], total: number, cellDegrees: number}                  zoomed-out device density (live)
//   'alerts'     {changed: AlertSnapshot[], isSnapshot: boolean}                       open alerts and changes (live)
//   'districts'  {districts: DistrictListItem[]}                                       roll-ups, refreshed every few seconds
//   'kpis'       {kpis: KpisResponse}
//   'select-twin'     {id}          open the twin drawer
//   'select-district' {id}          open the district drill-down (null closes it)
//   'fly-to'          {longitude, latitude, zoom?} | {bounds: [[w, s], [e, n]]}
// A Cell is {longitude, latitude, count, online, offline, unknown, warnings, byKind: {kind: count}}.

export class Store extends EventTarget {
  /** Twins the viewport subscription shows, by id. */
  twins = new Map();
  /** Alerts seen since the page opened (the open ones from the snapshot, then every change), by id. */
  alerts = new Map();
  /** The latest `/districts` items (with `rollup`). */
  districts = [];
  /** `/province` (id, name, bounds, rollup, geometry, attribution). */
  province = null;
  /** `/auth/me` of the signed-in operator: {name, kind, role, scopes}. */
  me = null;
  /** `/dashboard/settings.json`. */
  settings = {};

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  /** Calls `handler(detail)` on every `type` event; returns a function that stops it. */
  on(type, handler) {
    const listener = (event) => handler(event.detail);
    this.addEventListener(type, listener);
    return () => this.removeEventListener(type, listener);
  }

  applyTwins(changed, removed, replaced) {
    if (replaced) this.twins.clear();
    for (const twin of changed) this.twins.set(twin.id, twin);
    for (const id of removed) this.twins.delete(id);
    this.emit('twins', { changed, removed, replaced });
  }

  applyAlerts(changed, isSnapshot) {
    for (const alert of changed) this.alerts.set(alert.id, alert);
    this.emit('alerts', { changed, isSnapshot });
  }

  /** Open (not resolved) alerts, newest raise first. */
  openAlerts() {
    return [...this.alerts.values()].filter((a) => a.status !== 'Resolved').sort((a, b) => b.raisedAt.localeCompare(a.raisedAt));
  }

  /** Whether the operator may acknowledge, resolve and comment (operator or admin role, or an admin key). */
  canHandleAlerts() {
    return this.me?.role === 'operator' || this.me?.role === 'admin' || (this.me?.scopes ?? []).includes('admin');
  }
}
