// Placeholder until this panel lands.
export class DistrictPanel {
  constructor(element) {
    this.element = element;
  }
}
