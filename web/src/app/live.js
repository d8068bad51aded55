// The SignalR connection to /hubs/twin (the session cookie authenticates it). The map viewport decides what the
// browser receives: zoomed out it follows density cells (SubscribeCells); once the viewport holds few enough devices
// (Cell totals at most `individualLimit`) it also follows the twins themselves (SubscribeBounds), so a province of
// 100,000 devices never streams 100,000 twins to one page.
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';

export const individualLimit = 5000;

export class LiveFeed {
  #store;
  #connection;
  #handlers = new Map(); // subscriptionId -> {snapshot, deltas, alerts, cells}
  #viewport = null; // {bounds, cellDegrees}
  #boundsSubscription = null;
  #cellsSubscription = null;
  #alertsSubscription = null;

  constructor(store) {
    this.#store = store;
    this.#connection = new HubConnectionBuilder()
      .withUrl('/hubs/twin')
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
      .configureLogging(LogLevel.Warning)
      .build();
    this.#connection.on('snapshot', (id, twins) => this.#handlers.get(id)?.snapshot?.(twins));
    this.#connection.on('deltas', (id, twins, removed) => this.#handlers.get(id)?.deltas?.(twins, removed));
    this.#connection.on('alerts', (id, alerts, isSnapshot) => this.#handlers.get(id)?.alerts?.(alerts, isSnapshot));
    this.#connection.on('cells', (id, cells, total, cellDegrees) => this.#handlers.get(id)?.cells?.(cells, total, cellDegrees));
    this.#connection.onreconnecting(() => store.emit('connection', { state: 'reconnecting' }));
    // Subscriptions do not survive a new connection: subscribe again, and the snapshots replace what is shown.
    this.#connection.onreconnected(async () => {
      store.emit('connection', { state: 'connected' });
      this.#handlers.clear();
      this.#boundsSubscription = this.#cellsSubscription = this.#alertsSubscription = null;
      await this.followAlerts();
      if (this.#viewport) await this.followViewport(this.#viewport.bounds, this.#viewport.cellDegrees);
    });
    this.#connection.onclose(() => store.emit('connection', { state: 'closed' }));
  }

  async start() {
    await this.#connection.start();
    this.#store.emit('connection', { state: 'connected' });
  }

  /** The open alerts, then every change, into the store. */
  async followAlerts() {
    const id = await this.#connection.invoke('SubscribeAlerts');
    this.#alertsSubscription = id;
    this.#handlers.set(id, { alerts: (alerts, isSnapshot) => this.#store.applyAlerts(alerts, isSnapshot) });
  }

  /**
   * Follows the viewport `[[west, south], [east, north]]`: density cells of `cellDegrees` always, and the twins
   * themselves while the cells count at most `individualLimit` devices. Each call replaces the previous viewport.
   */
  async followViewport(bounds, cellDegrees) {
    this.#viewport = { bounds, cellDegrees };
    const [[west, south], [east, north]] = clampBounds(bounds);
    const previousCells = this.#cellsSubscription;
    const cells = await this.#connection.invoke('SubscribeCells', west, south, east, north, cellDegrees);
    if (this.#viewport.bounds !== bounds) {
      // A newer viewport arrived while this one was subscribing; it replaced this subscription on the server.
      return;
    }
    this.#cellsSubscription = cells;
    if (previousCells && previousCells !== cells) this.#handlers.delete(previousCells);
    this.#handlers.set(cells, {
      cells: (items, total, degrees) => {
        this.#store.emit('cells', { cells: items, total, cellDegrees: degrees });
        this.#followTwinsIfFew(total, [[west, south], [east, north]]).catch((error) => console.warn('viewport twins', error));
      },
    });
  }

  async #followTwinsIfFew(total, [[west, south], [east, north]]) {
    if (total > individualLimit) {
      if (this.#boundsSubscription) {
        const id = this.#boundsSubscription;
        this.#boundsSubscription = null;
        this.#handlers.delete(id);
        await this.#connection.invoke('Unsubscribe', id).catch(() => {});
        this.#store.applyTwins([], [], true);
      }
      return;
    }
    const key = `${west},${south},${east},${north}`;
    if (this.#boundsSubscription && this.#boundsKey === key) return;
    this.#boundsKey = key;
    const previous = this.#boundsSubscription;
    const id = await this.#connection.invoke('SubscribeBounds', west, south, east, north);
    this.#boundsSubscription = id;
    if (previous) this.#handlers.delete(previous);
    this.#handlers.set(id, {
      snapshot: (twins) => this.#store.applyTwins(twins, [], true),
      deltas: (twins, removed) => this.#store.applyTwins(twins, removed, false),
    });
  }

  #boundsKey = null;

  /**
   * Follows one twin (the drawer): `onTwin(summary)` on the snapshot and on every change. Returns a function that
   * stops following it.
   */
  async followTwin(twinId, onTwin) {
    const id = await this.#connection.invoke('SubscribeTwin', twinId);
    this.#handlers.set(id, {
      snapshot: (twins) => twins.forEach(onTwin),
      deltas: (twins) => twins.forEach(onTwin),
    });
    return async () => {
      this.#handlers.delete(id);
      await this.#connection.invoke('Unsubscribe', id).catch(() => {});
    };
  }
}

function clampBounds([[west, south], [east, north]]) {
  const clamp = (value, low, high) => Math.min(high, Math.max(low, value));
  const w = clamp(west, -180, 179.999);
  const s = clamp(south, -90, 89.999);
  return [[w, s], [clamp(east, w + 1e-6, 180), clamp(north, s + 1e-6, 90)]];
}
