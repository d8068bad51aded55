// Placeholder until this panel lands.
export class AlertFeed {
  constructor(element) {
    this.element = element;
  }
}
