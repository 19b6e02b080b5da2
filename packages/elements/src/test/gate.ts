/**
 * Test support: holds requests (of a wrapped adapter, say) until it is opened, then lets them
 * and every later one through at once.
 */
export class Gate {
  private opened = false;
  private waiting: Array<() => void> = [];

  /** Resolves once the gate is open (at once if it is). */
  pass(): Promise<void> {
    return this.opened ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Opens the gate for good. */
  open(): void {
    this.opened = true;
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}
