import { describe, expect, it } from 'vitest';
import type { SessionOutput } from '../session.js';
import { encodeBlackBox, encodeData, encodeLogin, encodeShortData } from './encoder.js';
import { checksumText } from './checksum.js';
import { WIALON_ERROR_CODES, WIALON_REJECTION_CODES } from './protocol-error.js';
import { createWialonSession } from './session.js';

const AT = Date.UTC(2025, 4, 20, 12, 0, 0);
const enc = new TextEncoder();
const dec = new TextDecoder();
const bytes = (s: string): Uint8Array => enc.encode(s);

/** A 2.0 packet line with its checksum computed over the body (which ends with its separator). */
function v2(type: string, body: string): string {
  return `#${type}#${body}${checksumText(bytes(body))}\r\n`;
}

const LOGIN = v2('L', '2.0;860000000000001;NA;');
const SD_BODY = '200525;101530;5544.6025;N;03739.6834;E;62;215;150;9;';
const D_BODY = `${SD_BODY.slice(0, -1)};0.8;5;1;12.4,0.05;NA;lock:1:1,tamper:1:0,batt:2:87.5,fw:3:v1.2;`;

function run(...lines: (string | Uint8Array)[]): SessionOutput[] {
  const session = createWialonSession();
  return lines.flatMap((l) => session.feed(typeof l === 'string' ? bytes(l) : l, AT));
}

function replies(outputs: SessionOutput[]): string[] {
  return outputs.flatMap((o) => (o.type === 'identified' ? [dec.decode(o.accept)] : o.reply ? [dec.decode(o.reply)] : []));
}

function last(outputs: SessionOutput[]): SessionOutput {
  return outputs.at(-1)!;
}

/** The rejection code of the last output, when it is a refused packet. */
function rejection(outputs: SessionOutput[]): string | undefined {
  const out = last(outputs);
  return out.type === 'reply' ? out.rejected?.code : undefined;
}

describe('Wialon IPS session: login', () => {
  it('identifies a 2.0 login, answered #AL#1 to accept and #AL#0 to refuse', () => {
    expect(run(LOGIN)).toEqual([
      { type: 'identified', deviceId: '860000000000001', accept: bytes('#AL#1\r\n'), refuse: bytes('#AL#0\r\n') },
    ]);
  });

  it('identifies a 1.1 login (no checksum)', () => {
    expect(last(run('#L#353451048036030;NA\r\n'))).toMatchObject({ type: 'identified', deviceId: '353451048036030' });
  });

  it('answers a wrong login checksum #AL#10 and closes', () => {
    expect(last(run('#L#2.0;860000000000001;NA;0000\r\n'))).toEqual({
      type: 'error',
      code: 'CRC_MISMATCH',
      message: 'login checksum does not match',
      reply: bytes('#AL#10\r\n'),
    });
  });

  it('answers a malformed login #AL#0 and closes', () => {
    for (const line of ['#L#2.0;1;NA\r\n', '#L#only-one-field\r\n', '#L#2.0;a b;NA;XYZ\r\n', `${v2('L', '2.0;a b;NA;')}`]) {
      const out = last(run(line));
      expect(out, line).toMatchObject({ type: 'error', code: 'BAD_LOGIN', reply: bytes('#AL#0\r\n') });
    }
  });
});

describe('Wialon IPS session: data', () => {
  it('decodes #SD# into a position answered #ASD#1', () => {
    const out = last(run(LOGIN, v2('SD', SD_BODY)));
    expect(out).toEqual({
      type: 'positions',
      reply: bytes('#ASD#1\r\n'),
      positions: [
        {
          deviceId: '860000000000001',
          deviceTime: Date.UTC(2025, 4, 20, 10, 15, 30),
          receivedTime: AT,
          lat: 55 + 44.6025 / 60,
          lon: 37 + 39.6834 / 60,
          speed: 62,
          course: 215,
          altitude: 150,
          satellites: 9,
          valid: true,
          attributes: {},
        },
      ],
    });
  });

  it('decodes #D# with HDOP, inputs, outputs, ADC and typed parameters, answered #AD#1', () => {
    const out = last(run(LOGIN, v2('D', D_BODY)));
    expect(out.type === 'positions' && dec.decode(out.reply)).toBe('#AD#1\r\n');
    expect(out.type === 'positions' && out.positions[0]!.attributes).toEqual({
      hdop: 0.8,
      inputs: 5,
      outputs: 1,
      adc1: 12.4,
      adc2: 0.05,
      'param:lock': 1,
      'param:tamper': 0,
      'param:batt': 87.5,
      'param:fw': 'v1.2',
    });
  });

  it('takes NA for absent values: server time, no fix, no altitude or satellites', () => {
    const out = last(run(LOGIN, v2('SD', 'NA;NA;NA;NA;NA;NA;NA;NA;NA;NA;')));
    expect(out.type === 'positions' && out.positions[0]).toEqual({
      deviceId: '860000000000001',
      deviceTime: AT,
      receivedTime: AT,
      lat: 0,
      lon: 0,
      speed: 0,
      course: 0,
      valid: false,
      attributes: {},
    });
  });

  it('marks a fix with 0 satellites invalid', () => {
    const out = last(run(LOGIN, v2('SD', SD_BODY.replace(';9;', ';0;'))));
    expect(out.type === 'positions' && out.positions[0]!.valid).toBe(false);
  });

  it('takes data without checksums after a 1.1 login', () => {
    const out = run('#L#353451048036030;NA\r\n', `#SD#${SD_BODY.slice(0, -1)}\r\n`, `#D#${D_BODY.slice(0, -1)}\r\n`);
    expect(replies(out)).toEqual(['#AL#1\r\n', '#ASD#1\r\n', '#AD#1\r\n']);
  });

  const SD_FAULTS: [string, string, string][] = [
    ['-1', 'BAD_STRUCTURE', SD_BODY.replace('62;', '')],
    ['0', 'BAD_TIME', SD_BODY.replace('200525', '320525')],
    ['10', 'BAD_COORDINATES', SD_BODY.replace('5544.6025', '5564.6025')],
    ['10', 'BAD_COORDINATES', SD_BODY.replace(';N;', ';NA;')],
    ['11', 'BAD_SPEED_COURSE_ALTITUDE', SD_BODY.replace(';62;', ';fast;')],
    ['11', 'BAD_SPEED_COURSE_ALTITUDE', SD_BODY.replace(';215;', ';361;')],
    ['11', 'BAD_SPEED_COURSE_ALTITUDE', SD_BODY.replace(';62;', `;${'9'.repeat(400)};`)],
    ['12', 'BAD_SATELLITES', SD_BODY.replace(';9;', ';many;')],
  ];
  for (const [code, rejected, body] of SD_FAULTS) {
    it(`answers #ASD#${code}, counted as ${rejected}, and stays open: ${body}`, () => {
      const out = run(LOGIN, v2('SD', body), v2('SD', SD_BODY));
      expect(replies(out)).toEqual(['#AL#1\r\n', `#ASD#${code}\r\n`, '#ASD#1\r\n']);
      expect(rejection(out.slice(0, 2))).toBe(rejected);
      expect(last(out)).not.toHaveProperty('rejected');
    });
  }

  it('answers #ASD#13 to a wrong checksum and #ASD#-1 to a missing one', () => {
    const wrong = run(LOGIN, `#SD#${SD_BODY}0000\r\n`);
    expect(replies(wrong).at(-1)).toBe('#ASD#13\r\n');
    expect(rejection(wrong)).toBe('CRC_MISMATCH');
    // Without a checksum the last field is read as one: "NA" is no hexadecimal, so the structure is wrong.
    const missing = run(LOGIN, `#SD#${SD_BODY.replace(';9;', ';NA')}\r\n`);
    expect(replies(missing).at(-1)).toBe('#ASD#-1\r\n');
    expect(last(missing)).toMatchObject({ rejected: { code: 'BAD_STRUCTURE', message: "#SD# has no checksum field after its last ';'" } });
  });

  it('says in the rejection what was wrong', () => {
    expect(last(run(LOGIN, v2('SD', SD_BODY.replace('62;', ''))))).toMatchObject({
      rejected: { code: 'BAD_STRUCTURE', message: '#SD# has 9 fields, not 10' },
    });
    expect(last(run(LOGIN, v2('D', D_BODY.replace('12.4,0.05', '12.4,x'))))).toMatchObject({
      rejected: { code: 'BAD_ADC', message: '#D# an ADC value malformed' },
    });
  });

  const D_FAULTS: [string, string, string][] = [
    ['-1', 'BAD_STRUCTURE', D_BODY.replace('0.8;', '')],
    ['0', 'BAD_TIME', D_BODY.replace('101530', '101560')],
    ['10', 'BAD_COORDINATES', D_BODY.replace('03739.6834', '18100.0000')],
    ['11', 'BAD_SPEED_COURSE_ALTITUDE', D_BODY.replace(';150;', ';high;')],
    ['12', 'BAD_SATELLITES', D_BODY.replace(';0.8;', ';-1;')],
    ['13', 'BAD_INPUTS_OUTPUTS', D_BODY.replace(';5;1;', ';5;on;')],
    ['14', 'BAD_ADC', D_BODY.replace('12.4,0.05', '12.4,x')],
    ['15', 'BAD_PARAMS', D_BODY.replace('batt:2:87.5', 'batt:2:full')],
    // Found by fuzzing: numbers long enough to read as Infinity were taken.
    ['12', 'BAD_SATELLITES', D_BODY.replace(';0.8;', `;${'9'.repeat(400)};`)],
    ['14', 'BAD_ADC', D_BODY.replace('12.4,0.05', `12.4,${'9'.repeat(400)}`)],
    ['15', 'BAD_PARAMS', D_BODY.replace('batt:2:87.5', 'batt:2:1e999')],
  ];
  for (const [code, rejected, body] of D_FAULTS) {
    it(`answers #AD#${code}, counted as ${rejected}, and stays open`, () => {
      const out = run(LOGIN, v2('D', body), v2('D', D_BODY));
      expect(replies(out)).toEqual(['#AL#1\r\n', `#AD#${code}\r\n`, '#AD#1\r\n']);
      expect(rejection(out.slice(0, 2))).toBe(rejected);
    });
  }

  it('answers #AD#16 to a wrong checksum', () => {
    const out = run(LOGIN, `#D#${D_BODY}1234\r\n`);
    expect(replies(out).at(-1)).toBe('#AD#16\r\n');
    expect(rejection(out)).toBe('CRC_MISMATCH');
  });
});

describe('Wialon IPS session: black box, ping, message', () => {
  it('accepts the good messages of a black box and answers #AB# with their count', () => {
    const body = `${SD_BODY.slice(0, -1)}|${D_BODY.slice(0, -1)}|${SD_BODY.replace('200525', '999999').slice(0, -1)}|`;
    const out = last(run(LOGIN, v2('B', body)));
    expect(out.type).toBe('positions');
    expect(out.type === 'positions' && out.positions.map((p) => Object.keys(p.attributes).length)).toEqual([0, 9]);
    expect(out.type === 'positions' && dec.decode(out.reply)).toBe('#AB#2\r\n');
  });

  it('answers #AB#0 when no message is good, and #AB# without a count to a wrong checksum', () => {
    expect(last(run(LOGIN, v2('B', `garbage|${SD_BODY.replace('200525', '999999').slice(0, -1)}|`)))).toEqual({
      type: 'reply',
      reply: bytes('#AB#0\r\n'),
      rejected: { code: 'BAD_STRUCTURE', message: 'none of the 2 messages of #B# accepted; the first: wrong number of fields' },
    });
    expect(last(run(LOGIN, `#B#${SD_BODY.slice(0, -1)}|0000\r\n`))).toEqual({
      type: 'reply',
      reply: bytes('#AB#\r\n'),
      rejected: { code: 'CRC_MISMATCH', message: '#B# checksum does not match' },
    });
    expect(last(run(LOGIN, `#B#${SD_BODY.slice(0, -1)}\r\n`))).toMatchObject({ rejected: { code: 'BAD_STRUCTURE' } });
    expect(last(run('#L#1;NA\r\n', '#B#\r\n'))).toEqual({
      type: 'reply', reply: bytes('#AB#0\r\n'), rejected: { code: 'BAD_STRUCTURE', message: '#B# holds no message' },
    });
  });

  it('decodes a captured black box with a tamper parameter', () => {
    const out = last(
      run('#L#2.0;355217044956192;NA;E335\r\n', '#B#231117;214323;5730.9016;N;05306.8536;E;0;174;182;18;NA;NA;NA;;NA;tamper_1:1:0|B16A\r\n'),
    );
    expect(out.type === 'positions' && out.positions[0]).toMatchObject({
      deviceId: '355217044956192',
      deviceTime: Date.UTC(2017, 10, 23, 21, 43, 23),
      satellites: 18,
      altitude: 182,
      attributes: { 'param:tamper_1': 0 },
    });
  });

  it('answers a ping #AP#, a driver message #AM#1, and ignores blank lines', () => {
    expect(replies(run(LOGIN, '\r\n', '#P#\r\n', v2('M', 'Hello;')))).toEqual(['#AL#1\r\n', '#AP#\r\n', '#AM#1\r\n']);
    const wrong = run(LOGIN, '#M#Hello;0000\r\n');
    expect(replies(wrong).at(-1)).toBe('#AM#0\r\n');
    expect(rejection(wrong)).toBe('CRC_MISMATCH');
    expect(last(run(LOGIN, '#P#\r\n'))).not.toHaveProperty('rejected');
  });
});

describe('Wialon IPS session: rejections, each answered with the connection left open', () => {
  const cases: [string, string][] = [
    ['BAD_STRUCTURE', v2('SD', SD_BODY.replace('62;', ''))],
    ['BAD_TIME', v2('SD', SD_BODY.replace('200525', '320525'))],
    ['BAD_COORDINATES', v2('D', D_BODY.replace('03739.6834', '18100.0000'))],
    ['BAD_SPEED_COURSE_ALTITUDE', v2('D', D_BODY.replace(';150;', ';high;'))],
    ['BAD_SATELLITES', v2('D', D_BODY.replace(';0.8;', ';-1;'))],
    ['BAD_INPUTS_OUTPUTS', v2('D', D_BODY.replace(';5;1;', ';5;on;'))],
    ['BAD_ADC', v2('D', D_BODY.replace('12.4,0.05', '12.4,x'))],
    ['BAD_PARAMS', v2('B', `${D_BODY.replace('batt:2:87.5', 'batt:2:full').slice(0, -1)}|`)],
    ['CRC_MISMATCH', `#D#${D_BODY}1234\r\n`],
  ];

  it('covers every rejection code', () => {
    expect(new Set(cases.map(([code]) => code))).toEqual(new Set(WIALON_REJECTION_CODES));
  });

  for (const [code, line] of cases) {
    it(`${code}: ${JSON.stringify(line.slice(0, 30))}`, () => {
      const out = run(LOGIN, line, '#P#\r\n');
      expect(rejection(out.slice(0, 2))).toBe(code);
      expect(last(out)).toEqual({ type: 'reply', reply: bytes('#AP#\r\n') });
    });
  }
});

describe('Wialon IPS session: stream', () => {
  const stream = bytes(LOGIN + v2('SD', SD_BODY) + v2('D', D_BODY) + '#P#\r\n' + v2('B', `${SD_BODY.slice(0, -1)}|${D_BODY.slice(0, -1)}|`));

  it('gives the same outputs when the bytes arrive one at a time', () => {
    const whole = run(stream);
    expect(whole.map((o) => o.type)).toEqual(['identified', 'positions', 'positions', 'reply', 'positions']);
    expect(run(...Array.from(stream, (b) => Uint8Array.of(b)))).toEqual(whole);
  });

  it('does not keep references into the chunks it was given', () => {
    const session = createWialonSession();
    const chunks = [stream.slice(0, 40), stream.slice(40)];
    const out = chunks.flatMap((c) => {
      const result = session.feed(c, AT);
      c.fill(0x21);
      return result;
    });
    expect(out).toEqual(run(stream));
  });

  it('round-trips what the encoder writes, in 2.0 and 1.1', () => {
    for (const version of ['2.0', '1.1'] as const) {
      const message = { time: Date.UTC(2025, 0, 2, 3, 4, 5), lat: -12.3456789, lon: 123.456789, speed: 50, course: 90, altitude: -10, satellites: 7 };
      const full = { ...message, hdop: 1.1, inputs: 3, outputs: 0, adc: [1.5], ibutton: 'A1B2', params: { lock: 1, volts: 3.95, note: 'sealed ok', big: 2n ** 60n } };
      const out = run(encodeLogin('42', 'secret', { version }), encodeShortData(message, { version }), encodeData(full, { version }), encodeBlackBox([message, full], { version }));
      expect(replies(out)).toEqual(['#AL#1\r\n', '#ASD#1\r\n', '#AD#1\r\n', '#AB#2\r\n']);
      const positions = out.flatMap((o) => (o.type === 'positions' ? o.positions : []));
      for (const p of positions) {
        expect(p.deviceTime).toBe(message.time);
        expect(p.lat).toBeCloseTo(message.lat, 5);
        expect(p.lon).toBeCloseTo(message.lon, 5);
        expect([p.speed, p.course, p.altitude, p.satellites]).toEqual([50, 90, -10, 7]);
      }
      expect(positions[1]!.attributes).toEqual({
        hdop: 1.1, inputs: 3, outputs: 0, adc1: 1.5, ibutton: 'A1B2',
        'param:lock': 1, 'param:volts': 3.95, 'param:note': 'sealed ok', 'param:big': 2n ** 60n,
      });
    }
  });

  it('encodes NA for what a message leaves out, and refuses what cannot be sent', () => {
    expect(dec.decode(encodeShortData({}, { version: '1.1' }))).toBe('#SD#NA;NA;NA;NA;NA;NA;NA;NA;NA;NA\r\n');
    expect(() => encodeShortData({ lat: 1 })).toThrow(RangeError);
    expect(() => encodeData({ params: { 'a;b': 1 } })).toThrow(RangeError);
    expect(() => encodeData({ params: { a: 'x;y' } })).toThrow(RangeError);
    expect(() => encodeData({ params: { a: 'x,y' } })).toThrow(RangeError);
    expect(() => encodeLogin('')).toThrow(RangeError);
    expect(() => encodeBlackBox([])).toThrow(RangeError);
  });
});

describe('Wialon IPS session: errors that close', () => {
  const cases: [string, string[], number?][] = [
    ['BAD_PACKET', ['GET / HTTP/1.1\r\n']],
    ['BAD_PACKET', [LOGIN, '#XYZW#1\r\n']],
    ['BAD_PACKET', [LOGIN, '#Q#1\r\n']],
    ['BAD_PACKET', ['#ZZ#1\r\n']],
    ['NOT_LOGGED_IN', [v2('SD', SD_BODY)]],
    ['NOT_LOGGED_IN', ['#P#\r\n']],
    ['BAD_LOGIN', ['#L#\r\n']],
    ['CRC_MISMATCH', ['#L#2.0;1;NA;1\r\n']],
    ['REPEATED_LOGIN', [LOGIN, LOGIN]],
    ['UNSUPPORTED_PACKET', [LOGIN, '#I#10;0;1;200525;101530;photo.jpg;0000\r\n']],
    ['LINE_TOO_LONG', [LOGIN, `#D#${'1'.repeat(200)}`], 128],
  ];

  it('covers every error code', () => {
    expect(new Set(cases.map(([code]) => code))).toEqual(new Set(WIALON_ERROR_CODES));
  });

  for (const [code, lines, max] of cases) {
    it(`${code}: ${JSON.stringify(lines.at(-1)!.slice(0, 30))}, whole and one byte at a time`, () => {
      for (const split of [false, true]) {
        const session = createWialonSession(max ? { maxFrameBytes: max } : undefined);
        const stream = bytes(lines.join(''));
        const chunks = split ? Array.from(stream, (b) => Uint8Array.of(b)) : [stream];
        const out = chunks.flatMap((c) => session.feed(c, AT));
        expect(out.filter((o) => o.type === 'error').map((o) => o.type === 'error' && o.code)).toEqual([code]);
        expect(last(out).type).toBe('error');
        expect(session.feed(bytes('#P#\r\n'), AT)).toEqual([]);
      }
    });
  }

  it('refuses an over-long line before its end arrives', () => {
    const session = createWialonSession({ maxFrameBytes: 64 });
    session.feed(bytes(LOGIN), AT);
    expect(session.feed(bytes('#D#'.padEnd(64, '1')), AT)).toEqual([]);
    expect(last(session.feed(bytes('1'), AT))).toMatchObject({ type: 'error', code: 'LINE_TOO_LONG' });
  });
});
