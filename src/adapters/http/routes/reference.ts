/** Reference data routes, one set per kind: list, read one, and create-or-replace by its natural id. */
import Type, { type TSchema } from 'typebox';
import {
  BorderCrossingSchema,
  CarrierSchema,
  CustomsOfficeSchema,
  DriverSchema,
  SEAL_DEVICE_STATES,
  SEAL_PROTOCOLS,
  VehicleSchema,
} from '../../../core/model/index.js';
import type { ReferenceKindName } from '../../../services/reference-service.js';
import { userOf, type ApiInstance, type ApiServices } from '../context.js';

/** A device is registered with its id and protocol; it starts available for arming. */
const DeviceRegistrationSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$' }),
    protocol: Type.Enum(SEAL_PROTOCOLS),
    model: Type.Optional(Type.String({ maxLength: 64 })),
    state: Type.Enum(SEAL_DEVICE_STATES, { default: 'available' }),
  },
  { additionalProperties: false },
);

const KINDS: Record<ReferenceKindName, { schema: TSchema; what: string }> = {
  offices: { schema: CustomsOfficeSchema, what: 'customs office' },
  crossings: { schema: BorderCrossingSchema, what: 'border crossing point' },
  carriers: { schema: CarrierSchema, what: 'carrier' },
  vehicles: { schema: VehicleSchema, what: 'vehicle' },
  drivers: { schema: DriverSchema, what: 'driver' },
  devices: { schema: DeviceRegistrationSchema, what: 'navigation seal device' },
};

export async function referenceRoutes(api: ApiInstance, { reference }: ApiServices) {
  for (const [kind, { schema, what }] of Object.entries(KINDS) as Array<[ReferenceKindName, (typeof KINDS)[ReferenceKindName]]>) {
    api.get(`/${kind}`, { schema: { summary: `List every ${what}` } }, async (request) => ({
      items: await reference.list(userOf(request), kind),
    }));
    api.get(
      `/${kind}/:id`,
      { schema: { summary: `One ${what}`, params: Type.Object({ id: Type.String({ maxLength: 128 }) }) } },
      async (request) => reference.get(userOf(request), kind, (request.params as { id: string }).id),
    );
    api.post(`/${kind}`, { schema: { summary: `Create or replace a ${what}`, body: schema } }, async (request, reply) =>
      reply.status(201).send(await reference.put(userOf(request), kind, request.body as never)),
    );
  }
}
