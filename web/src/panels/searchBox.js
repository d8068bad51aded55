// Placeholder until this panel lands.
export class SearchBox {
  constructor(element) {
    this.element = element;
  }
}
