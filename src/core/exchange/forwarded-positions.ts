/**
 * A seal's positions as the operator that handed a transit over forwards them to the one tracking it now, and back
 * into positions there. The device's own record number travels with each, so that a position forwarded twice is
 * recognised as the same one. Raw attributes stay with the operator that decoded them; the seal's state, derived
 * from them, is what the next tracker needs.
 */
import type { Position, SealState } from '../model/index.js';
import type { ForwardedPosition } from './schemas.js';

/** The seal's state as messages carry it: what the device reports of lock, tamper, cable and battery. */
export function sealOf(seal: SealState): NonNullable<ForwardedPosition['seal']> {
  return {
    ...(seal.locked === undefined ? {} : { locked: seal.locked }),
    ...(seal.tamper === undefined ? {} : { tamper: seal.tamper }),
    ...(seal.cableCut === undefined ? {} : { cableCut: seal.cableCut }),
    ...(seal.batteryPercent === undefined ? {} : { batteryPercent: seal.batteryPercent }),
  };
}

export function forwardedPosition(position: Position): ForwardedPosition {
  return {
    deviceId: position.deviceId,
    at: new Date(position.deviceTime).toISOString(),
    lat: position.lat,
    lon: position.lon,
    speedKmh: position.speed,
    course: position.course,
    valid: position.valid,
    ...(position.sequence === undefined ? {} : { sequence: position.sequence }),
    ...(position.seal === undefined ? {} : { seal: sealOf(position.seal) }),
  };
}

/** A forwarded position as this operator stores and tracks it: received now, here. */
export function receivedPosition(forwarded: ForwardedPosition, receivedTime: number): Position {
  return {
    deviceId: forwarded.deviceId,
    deviceTime: Date.parse(forwarded.at),
    receivedTime,
    lat: forwarded.lat,
    lon: forwarded.lon,
    speed: forwarded.speedKmh,
    course: forwarded.course,
    valid: forwarded.valid,
    ...(forwarded.sequence === undefined ? {} : { sequence: forwarded.sequence }),
    attributes: {},
    ...(forwarded.seal === undefined ? {} : { seal: forwarded.seal }),
  };
}
