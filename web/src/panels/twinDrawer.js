// Placeholder until this panel lands.
export class TwinDrawer {
  constructor(element) {
    this.element = element;
  }
}
