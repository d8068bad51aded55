// Placeholder until the map module lands: draws nothing, follows the whole province so the rest of the page runs.
export class DashboardMap {
  constructor(container, controls, store, live) {
    this.store = store;
    this.live = live;
  }

  async load() {
    const { bounds } = this.store.province;
    await this.live.followViewport([[bounds.minLongitude, bounds.minLatitude], [bounds.maxLongitude, bounds.maxLatitude]], 0.05);
  }
}
