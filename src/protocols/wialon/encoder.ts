/**
 * Encoding the device side of Wialon IPS: login, short data, full data and black box packets, in version 2.0
 * (with checksums, the default) or 1.1. Tests and the fleet simulator speak the protocol with these.
 */
import { checksumText } from './checksum.js';

export type WialonVersion = '2.0' | '1.1';

export interface WialonEncodeOptions {
  version?: WialonVersion;
}

/** The fields of a `#SD#` message; an omitted field is sent as NA. */
export interface WialonShortMessage {
  /** Milliseconds since the epoch (sent to the second); omitted, the server stamps its own time. */
  time?: number;
  /** Degrees; send both or neither. */
  lat?: number;
  lon?: number;
  /** km/h, sent as an integer. */
  speed?: number;
  /** Degrees, sent as an integer. */
  course?: number;
  /** Metres, sent as an integer. */
  altitude?: number;
  satellites?: number;
}

/** The fields of a `#D#` message. */
export interface WialonDataMessage extends WialonShortMessage {
  hdop?: number;
  /** Digital inputs and outputs as bit masks. */
  inputs?: number;
  outputs?: number;
  adc?: readonly number[];
  ibutton?: string;
  /** Named parameters: an integer (or bigint) is sent as type 1, another number as type 2, text as type 3. */
  params?: Readonly<Record<string, number | bigint | string>>;
}

const UTF8 = new TextEncoder();

export function encodeLogin(imei: string, password = 'NA', options: WialonEncodeOptions = {}): Uint8Array {
  checkText(imei, 'IMEI', /[\s#;|]/);
  checkText(password, 'password', /[\r\n#;|]/);
  return (options.version ?? '2.0') === '2.0' ? packet('L', `2.0;${imei};${password};`) : line('L', `${imei};${password}`);
}

export function encodeShortData(message: WialonShortMessage, options: WialonEncodeOptions = {}): Uint8Array {
  return withChecksum('SD', shortFields(message), ';', options);
}

export function encodeData(message: WialonDataMessage, options: WialonEncodeOptions = {}): Uint8Array {
  return withChecksum('D', dataFields(message), ';', options);
}

/**
 * A black box of several messages, each sent in the full form when it has any full-only field (HDOP,
 * inputs, outputs, ADC, iButton, parameters) and in the short form otherwise.
 */
export function encodeBlackBox(messages: readonly WialonDataMessage[], options: WialonEncodeOptions = {}): Uint8Array {
  if (messages.length === 0) throw new RangeError('a black box holds at least one message');
  const body = messages.map((m) => (isFull(m) ? dataFields(m) : shortFields(m))).join('|');
  return withChecksum('B', body, '|', options);
}

function withChecksum(type: string, content: string, separator: ';' | '|', options: WialonEncodeOptions): Uint8Array {
  return (options.version ?? '2.0') === '2.0' ? packet(type, content + separator) : line(type, content);
}

/** `#TYPE#body<CRC>\r\n`, where body ends with the separator the checksum follows. */
function packet(type: string, body: string): Uint8Array {
  return UTF8.encode(`#${type}#${body}${checksumText(UTF8.encode(body))}\r\n`);
}

function line(type: string, body: string): Uint8Array {
  return UTF8.encode(`#${type}#${body}\r\n`);
}

function isFull(m: WialonDataMessage): boolean {
  return (
    m.hdop !== undefined ||
    m.inputs !== undefined ||
    m.outputs !== undefined ||
    m.adc !== undefined ||
    m.ibutton !== undefined ||
    m.params !== undefined
  );
}

function shortFields(m: WialonShortMessage): string {
  if ((m.lat === undefined) !== (m.lon === undefined)) throw new RangeError('lat and lon go together');
  const [date, time] = m.time === undefined ? ['NA', 'NA'] : dateTime(m.time);
  const lat = m.lat === undefined ? 'NA;NA' : coordinate(m.lat, 2, 'N', 'S', 90);
  const lon = m.lon === undefined ? 'NA;NA' : coordinate(m.lon, 3, 'E', 'W', 180);
  return [date, time, lat, lon, integer(m.speed), integer(m.course), integer(m.altitude), integer(m.satellites)].join(';');
}

function dataFields(m: WialonDataMessage): string {
  const adc = m.adc === undefined ? 'NA' : m.adc.map((v) => finite(v, 'adc')).join(',');
  if (m.ibutton !== undefined) checkText(m.ibutton, 'ibutton', /[\r\n#;|]/);
  return [
    shortFields(m),
    m.hdop === undefined ? 'NA' : finite(m.hdop, 'hdop'),
    integer(m.inputs),
    integer(m.outputs),
    adc,
    m.ibutton ?? 'NA',
    params(m.params),
  ].join(';');
}

function params(values: WialonDataMessage['params']): string {
  if (values === undefined) return 'NA';
  return Object.entries(values)
    .map(([name, value]) => {
      checkText(name, 'parameter name', /[\s:,;|#]/);
      if (typeof value === 'bigint') return `${name}:1:${value}`;
      if (typeof value === 'number') return Number.isInteger(value) ? `${name}:1:${value}` : `${name}:2:${finite(value, name)}`;
      checkText(value, `parameter ${name}`, /[\r\n,;|]/, true);
      return `${name}:3:${value}`;
    })
    .join(',');
}

function dateTime(ms: number): [string, string] {
  if (!Number.isFinite(ms)) throw new RangeError(`time ${ms} is not a time`);
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (year < 2000 || year > 2099) throw new RangeError(`year ${year} does not fit DDMMYY`);
  const two = (n: number): string => String(n).padStart(2, '0');
  return [
    `${two(d.getUTCDate())}${two(d.getUTCMonth() + 1)}${two(year % 100)}`,
    `${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`,
  ];
}

/** `DDMM.MMMM;N` (or `DDDMM.MMMM;E`), minutes to four decimals. */
function coordinate(value: number, degreeDigits: number, positive: string, negative: string, max: number): string {
  if (!Number.isFinite(value) || Math.abs(value) > max) throw new RangeError(`coordinate ${value} is outside ±${max}`);
  const abs = Math.abs(value);
  let degrees = Math.floor(abs);
  let tenThousandths = Math.round((abs - degrees) * 60 * 10_000);
  if (tenThousandths >= 600_000) {
    degrees += 1;
    tenThousandths -= 600_000;
  }
  const minutes = `${String(Math.floor(tenThousandths / 10_000)).padStart(2, '0')}.${String(tenThousandths % 10_000).padStart(4, '0')}`;
  return `${String(degrees).padStart(degreeDigits, '0')}${minutes};${value < 0 ? negative : positive}`;
}

function integer(value: number | undefined): string {
  if (value === undefined) return 'NA';
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not a number`);
  return String(Math.round(value));
}

function finite(value: number, what: string): string {
  if (!Number.isFinite(value)) throw new RangeError(`${what} ${value} is not a finite number`);
  return String(value);
}

function checkText(value: string, what: string, forbidden: RegExp, allowEmpty = false): void {
  if ((!allowEmpty && value === '') || forbidden.test(value)) {
    throw new RangeError(`${what} ${JSON.stringify(value)} cannot be sent: empty or holding a separator`);
  }
}
