/**
 * What an operator tells the next one of a transit coming its way: the declaration's summary in the WCO Data Model's
 * names, the corridor it is tracked on, the seal's state as last reported, and the last positions. The operator where
 * the transit started makes the summary from its declaration; one further along passes on the summary it was sent.
 */
import type { Declaration, LineString, Position } from '../model/index.js';
import { sealOf } from './forwarded-positions.js';
import type { DeclarationSummary, MessageBody } from './schemas.js';

/** How many of the latest positions a notice carries. */
export const NOTICE_POSITIONS = 10;

type Notice = MessageBody<'transit-notice'>;

/** The planned route and corridor width of the trip this operator tracks the transit on. */
export interface TrackedCorridor {
  route: LineString;
  corridorWidthM: number;
}

const party = (p: Declaration['consignor']) => ({ Name: p.name, CountryCode: p.country, ...(p.tin === undefined ? {} : { ID: p.tin }) });

export function declarationSummary(declaration: Declaration, route: readonly string[]): DeclarationSummary {
  return {
    FunctionalReferenceID: declaration.reference,
    Consignor: party(declaration.consignor),
    Consignee: party(declaration.consignee),
    Carrier: party(declaration.carrier),
    GoodsItem: declaration.goods.map((item, index) => ({
      SequenceNumeric: index + 1,
      // TSP: the tariff nomenclature (here the HS or TN VED code) in the WCO's code list of classification types.
      Commodity: { Description: item.description, Classification: { ID: item.hsCode, IdentificationTypeCode: 'TSP' } },
      GrossMassMeasure: item.grossMassKg,
      CustomsValueAmount: item.value,
      CurrencyCode: item.currency,
    })),
    BorderTransportMeans: { ID: declaration.vehicle.plate, RegistrationNationalityCode: declaration.vehicle.country },
    TransportEquipment: { Seal: declaration.seals.map((id) => ({ ID: id })) },
    Itinerary: route.map((country) => ({ RoutingCountryCode: country })),
    DepartureOffice: { ID: declaration.officeOfDeparture },
    DestinationOffice: { ID: declaration.officeOfDestination },
    BorderCrossing: { ID: declaration.borderCrossing },
  };
}

export function transitNotice(
  transitId: string,
  summary: DeclarationSummary,
  corridor: TrackedCorridor,
  positions: readonly Position[],
  crossingEtaMs: number | null,
): Notice {
  const latest = positions.slice(-NOTICE_POSITIONS);
  const seal = latest.at(-1)?.seal;
  return {
    transitId,
    declaration: summary,
    seal: seal === undefined ? null : sealOf(seal),
    lastPositions: latest.map((p) => ({ deviceId: p.deviceId, at: new Date(p.deviceTime).toISOString(), lat: p.lat, lon: p.lon, speedKmh: p.speed })),
    crossingEta: crossingEtaMs === null ? null : new Date(crossingEtaMs).toISOString(),
    corridor: { route: corridor.route, widthM: corridor.corridorWidthM },
  };
}
