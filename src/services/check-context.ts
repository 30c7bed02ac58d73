/**
 * What the document checks need to know of the reference data (offices, crossings, devices, nomenclature),
 * loaded from the store once and kept until reference data changes, so a bulk import does not reload it
 * for every row.
 */
import type { CheckContext } from '../core/checks/index.js';
import type { Clock } from '../ports/clock.js';
import type { Store } from '../ports/store.js';

export class CheckContextSource {
  private cached: Promise<CheckContext> | undefined;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async get(): Promise<CheckContext> {
    this.cached ??= this.load().catch((error: unknown) => {
      this.cached = undefined;
      throw error;
    });
    return { ...(await this.cached), today: this.clock.now().toISOString().slice(0, 10) };
  }

  /** Called by every write to reference data. */
  invalidate(): void {
    this.cached = undefined;
  }

  private async load(): Promise<CheckContext> {
    const [offices, crossings, devices, codes] = await Promise.all([
      this.store.reference.listOffices(),
      this.store.reference.listCrossings(),
      this.store.reference.listDevices(),
      this.store.nomenclature.allCodes(),
    ]);
    return {
      offices: new Set(offices.map((office) => office.code)),
      crossings: new Set(crossings.map((crossing) => crossing.code)),
      devices: new Set(devices.map((device) => device.id)),
      // No imported nomenclature means the checks test structure and chapters only.
      ...(codes.length > 0 ? { nomenclature: new Set(codes) } : {}),
    };
  }
}
