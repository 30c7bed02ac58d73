/** Reference data (offices, crossings, carriers, vehicles, drivers, seal devices): upserts by natural id. */
import type { Kysely, Selectable } from 'kysely';
import type {
  BorderCrossing,
  Carrier,
  CustomsOffice,
  Driver,
  Lane,
  OperatingHours,
  Polygon,
  SealDevice,
  Vehicle,
} from '../../core/model/index.js';
import type { ReferenceRepository } from '../../ports/store.js';
import { decodeJson, decodeOptionalJson, encodeJson, encodeOptionalJson, optional } from './codec.js';
import type {
  CarriersTable,
  CrossingsTable,
  Database,
  DevicesTable,
  DriversTable,
  OfficesTable,
  VehiclesTable,
} from './schema.js';

export class KyselyReferenceRepository implements ReferenceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async putOffice(office: CustomsOffice): Promise<void> {
    const { code, ...rest } = officeRow(office);
    await this.db
      .insertInto('offices')
      .values({ code, ...rest })
      .onConflict((conflict) => conflict.column('code').doUpdateSet(rest))
      .execute();
  }

  async getOffice(code: string): Promise<CustomsOffice | undefined> {
    const row = await this.db.selectFrom('offices').selectAll().where('code', '=', code).executeTakeFirst();
    return row && toOffice(row);
  }

  async listOffices(): Promise<CustomsOffice[]> {
    return (await this.db.selectFrom('offices').selectAll().orderBy('code').execute()).map(toOffice);
  }

  async putCrossing(crossing: BorderCrossing): Promise<void> {
    const { code, ...rest } = crossingRow(crossing);
    await this.db
      .insertInto('crossings')
      .values({ code, ...rest })
      .onConflict((conflict) => conflict.column('code').doUpdateSet(rest))
      .execute();
  }

  async getCrossing(code: string): Promise<BorderCrossing | undefined> {
    const row = await this.db.selectFrom('crossings').selectAll().where('code', '=', code).executeTakeFirst();
    return row && toCrossing(row);
  }

  async listCrossings(): Promise<BorderCrossing[]> {
    return (await this.db.selectFrom('crossings').selectAll().orderBy('code').execute()).map(toCrossing);
  }

  async putCarrier(carrier: Carrier): Promise<void> {
    const { id, ...rest } = carrierRow(carrier);
    await this.db
      .insertInto('carriers')
      .values({ id, ...rest })
      .onConflict((conflict) => conflict.column('id').doUpdateSet(rest))
      .execute();
  }

  async getCarrier(id: string): Promise<Carrier | undefined> {
    const row = await this.db.selectFrom('carriers').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toCarrier(row);
  }

  async listCarriers(): Promise<Carrier[]> {
    return (await this.db.selectFrom('carriers').selectAll().orderBy('id').execute()).map(toCarrier);
  }

  async putVehicle(vehicle: Vehicle): Promise<void> {
    const { id, ...rest } = vehicleRow(vehicle);
    await this.db
      .insertInto('vehicles')
      .values({ id, ...rest })
      .onConflict((conflict) => conflict.column('id').doUpdateSet(rest))
      .execute();
  }

  async getVehicle(id: string): Promise<Vehicle | undefined> {
    const row = await this.db.selectFrom('vehicles').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toVehicle(row);
  }

  async listVehicles(filter: { carrierId?: string } = {}): Promise<Vehicle[]> {
    let query = this.db.selectFrom('vehicles').selectAll().orderBy('id');
    if (filter.carrierId !== undefined) query = query.where('carrier_id', '=', filter.carrierId);
    return (await query.execute()).map(toVehicle);
  }

  async putDriver(driver: Driver): Promise<void> {
    const { id, ...rest } = driverRow(driver);
    await this.db
      .insertInto('drivers')
      .values({ id, ...rest })
      .onConflict((conflict) => conflict.column('id').doUpdateSet(rest))
      .execute();
  }

  async listDrivers(): Promise<Driver[]> {
    return (await this.db.selectFrom('drivers').selectAll().orderBy('id').execute()).map(toDriver);
  }

  async putDevice(device: SealDevice): Promise<void> {
    const { id, ...rest } = deviceRow(device);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('devices')
        .values({ id, ...rest })
        .onConflict((conflict) => conflict.column('id').doUpdateSet(rest))
        .execute();
      if (device.state !== 'retired') {
        await trx.deleteFrom('unknown_devices').where('device_id', '=', id).where('protocol', '=', device.protocol).execute();
      }
    });
  }

  async getDevice(id: string): Promise<SealDevice | undefined> {
    const row = await this.db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toDevice(row);
  }

  async listDevices(): Promise<SealDevice[]> {
    return (await this.db.selectFrom('devices').selectAll().orderBy('id').execute()).map(toDevice);
  }
}

function officeRow(office: CustomsOffice): Selectable<OfficesTable> {
  return {
    code: office.code,
    name: office.name,
    country: office.country,
    lat: office.location.lat,
    lon: office.location.lon,
    geofence: encodeJson(office.geofence),
  };
}

function toOffice(row: Selectable<OfficesTable>): CustomsOffice {
  return {
    code: row.code,
    name: row.name,
    country: row.country,
    location: { lat: row.lat, lon: row.lon },
    geofence: decodeJson<Polygon>(row.geofence),
  };
}

function crossingRow(crossing: BorderCrossing): Selectable<CrossingsTable> {
  return {
    code: crossing.code,
    name: crossing.name,
    country_a: crossing.countries[0],
    country_b: crossing.countries[1],
    lat: crossing.location.lat,
    lon: crossing.location.lon,
    geofence: encodeJson(crossing.geofence),
    lanes: encodeJson(crossing.lanes),
    operating_hours: encodeOptionalJson(crossing.operatingHours),
  };
}

function toCrossing(row: Selectable<CrossingsTable>): BorderCrossing {
  const operatingHours = decodeOptionalJson<OperatingHours>(row.operating_hours);
  return {
    code: row.code,
    name: row.name,
    countries: [row.country_a, row.country_b],
    location: { lat: row.lat, lon: row.lon },
    geofence: decodeJson<Polygon>(row.geofence),
    lanes: decodeJson<Lane[]>(row.lanes),
    ...(operatingHours === undefined ? {} : { operatingHours }),
  };
}

function carrierRow(carrier: Carrier): Selectable<CarriersTable> {
  return {
    id: carrier.id,
    name: carrier.name,
    country: carrier.country,
    tin: carrier.tin ?? null,
    address: carrier.address ?? null,
  };
}

function toCarrier(row: Selectable<CarriersTable>): Carrier {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    ...optional('tin', row.tin),
    ...optional('address', row.address),
  };
}

function vehicleRow(vehicle: Vehicle): Selectable<VehiclesTable> {
  return {
    id: vehicle.id,
    plate: vehicle.plate,
    country: vehicle.country,
    carrier_id: vehicle.carrierId ?? null,
    trailer_plate: vehicle.trailerPlate ?? null,
  };
}

function toVehicle(row: Selectable<VehiclesTable>): Vehicle {
  return {
    id: row.id,
    plate: row.plate,
    country: row.country,
    ...optional('carrierId', row.carrier_id),
    ...optional('trailerPlate', row.trailer_plate),
  };
}

function driverRow(driver: Driver): Selectable<DriversTable> {
  return {
    id: driver.id,
    name: driver.name,
    country: driver.country,
    licence_number: driver.licenceNumber ?? null,
    phone: driver.phone ?? null,
  };
}

function toDriver(row: Selectable<DriversTable>): Driver {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    ...optional('licenceNumber', row.licence_number),
    ...optional('phone', row.phone),
  };
}

function deviceRow(device: SealDevice): Selectable<DevicesTable> {
  return { id: device.id, protocol: device.protocol, model: device.model ?? null, state: device.state };
}

function toDevice(row: Selectable<DevicesTable>): SealDevice {
  return { id: row.id, protocol: row.protocol, ...optional('model', row.model), state: row.state };
}
