// Placeholder until this panel lands.
export class KpiStrip {
  constructor(element) {
    this.element = element;
  }
}
