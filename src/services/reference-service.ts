/** Reference data: customs offices, border crossings, carriers, vehicles, drivers and seal devices. */
import type { BorderCrossing, Carrier, CustomsOffice, Driver, SealDevice, User, Vehicle } from '../core/model/index.js';
import type { ReferenceRepository } from '../ports/store.js';
import type { Audit } from './audit.js';
import type { AuthService } from './auth-service.js';
import type { CheckContextSource } from './check-context.js';
import { ServiceError } from './service-error.js';

/** The kinds of reference data, each with how to name one and where it is stored. */
interface Kind<T> {
  entity: string;
  idOf: (value: T) => string;
  put: (repository: ReferenceRepository, value: T) => Promise<void>;
  get?: (repository: ReferenceRepository, id: string) => Promise<T | undefined>;
  list: (repository: ReferenceRepository) => Promise<T[]>;
  /** Who may write it beside administrators' `reference:write`. */
  permission: 'reference:write' | 'devices:write';
}

export const REFERENCE_KINDS = {
  offices: {
    entity: 'office', idOf: (o: CustomsOffice) => o.code, permission: 'reference:write',
    put: (r, v) => r.putOffice(v), get: (r, id) => r.getOffice(id), list: (r) => r.listOffices(),
  } satisfies Kind<CustomsOffice>,
  crossings: {
    entity: 'crossing', idOf: (c: BorderCrossing) => c.code, permission: 'reference:write',
    put: (r, v) => r.putCrossing(v), get: (r, id) => r.getCrossing(id), list: (r) => r.listCrossings(),
  } satisfies Kind<BorderCrossing>,
  carriers: {
    entity: 'carrier', idOf: (c: Carrier) => c.id, permission: 'reference:write',
    put: (r, v) => r.putCarrier(v), get: (r, id) => r.getCarrier(id), list: (r) => r.listCarriers(),
  } satisfies Kind<Carrier>,
  vehicles: {
    entity: 'vehicle', idOf: (v: Vehicle) => v.id, permission: 'reference:write',
    put: (r, v) => r.putVehicle(v), get: (r, id) => r.getVehicle(id), list: (r) => r.listVehicles(),
  } satisfies Kind<Vehicle>,
  drivers: {
    entity: 'driver', idOf: (d: Driver) => d.id, permission: 'reference:write',
    put: (r, v) => r.putDriver(v), list: (r) => r.listDrivers(),
  } satisfies Kind<Driver>,
  devices: {
    entity: 'device', idOf: (d: SealDevice) => d.id, permission: 'devices:write',
    put: (r, v) => r.putDevice(v), get: (r, id) => r.getDevice(id), list: (r) => r.listDevices(),
  } satisfies Kind<SealDevice>,
};
export type ReferenceKindName = keyof typeof REFERENCE_KINDS;
type ValueOf<K extends ReferenceKindName> = Parameters<(typeof REFERENCE_KINDS)[K]['idOf']>[0];

export class ReferenceService {
  constructor(
    private readonly repository: ReferenceRepository,
    private readonly auth: AuthService,
    private readonly checks: CheckContextSource,
    private readonly audit: Audit,
  ) {}

  async put<K extends ReferenceKindName>(actor: User, kind: K, value: ValueOf<K>): Promise<ValueOf<K>> {
    const spec = REFERENCE_KINDS[kind] as unknown as Kind<ValueOf<K>>;
    this.auth.require(actor, spec.permission);
    await spec.put(this.repository, value);
    // The document checks look offices, crossings and devices up; they must see the change.
    this.checks.invalidate();
    await this.audit(actor, 'put', spec.entity, spec.idOf(value));
    return value;
  }

  async list<K extends ReferenceKindName>(actor: User, kind: K): Promise<Array<ValueOf<K>>> {
    this.auth.require(actor, 'reference:read');
    const values = await (REFERENCE_KINDS[kind] as unknown as Kind<ValueOf<K>>).list(this.repository);
    // Hauliers see only their own carrier's vehicles.
    if (kind === 'vehicles' && actor.role === 'haulier') {
      return values.filter((vehicle) => (vehicle as Vehicle).carrierId === actor.carrierId);
    }
    return values;
  }

  async get<K extends ReferenceKindName>(actor: User, kind: K, id: string): Promise<ValueOf<K>> {
    this.auth.require(actor, 'reference:read');
    const spec = REFERENCE_KINDS[kind] as unknown as Kind<ValueOf<K>>;
    const found = spec.get
      ? await spec.get(this.repository, id)
      : (await spec.list(this.repository)).find((value) => spec.idOf(value) === id);
    const hidden = kind === 'vehicles' && actor.role === 'haulier' && (found as Vehicle | undefined)?.carrierId !== actor.carrierId;
    if (found === undefined || hidden) throw new ServiceError('NOT_FOUND', `no ${spec.entity} ${id}`);
    return found;
  }
}
