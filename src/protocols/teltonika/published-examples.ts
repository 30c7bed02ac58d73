/**
 * The example packets published in Teltonika's "Teltonika Data Sending Protocols" (formerly "Codec") page of
 * wiki.teltonika-gps.com, as hexadecimal text. Each one's CRC checks, which is how we know they were copied
 * byte for byte. Tests decode them to the values the page annotates; benchmarks decode them for speed.
 */

/** The handshake of the Codec 8 Extended example: length 0x000F, IMEI 356307042441013. */
export const IMEI_HANDSHAKE_EXAMPLE = '000F333536333037303432343431303133';

/** Codec 8, first example: one record at 2019-06-10 10:04:46 UTC, event IO 1, five IO elements (1, 2, 4, 8 bytes). */
export const CODEC_8_EXAMPLE_1 =
  '000000000000003608010000016B40D8EA30010000000000000000000000000000000105021503010101425E0F01F10000601A014E0000000000000000010000C7CF';

/** Codec 8, second example: one record at 2019-06-10 10:05:36 UTC, three IO elements, no 4- or 8-byte ones. */
export const CODEC_8_EXAMPLE_2 =
  '000000000000002808010000016B40D9AD80010000000000000000000000000000000103021503010101425E100000010000F22A';

/** Codec 8, third example: two records (10:01:01 and 10:01:19 UTC on 2019-06-10), IO 1 off then on. */
export const CODEC_8_EXAMPLE_3 =
  '000000000000004308020000016B40D57B480100000000000000000000000000000001010101000000000000016B40D5C198010000000000000000000000000000000101010101000000020000252C';

/** Codec 8 Extended example: one record at 2019-06-10 11:36:32 UTC, 2-byte IDs, no variable-length elements. */
export const CODEC_8E_EXAMPLE =
  '000000000000004A8E010000016B412CEE000100000000000000000000000000000000010005000100010100010011001D00010010015E2C880002000B000000003544C87A000E000000001DD7E06A00000100002994';

/**
 * Codec 8 Extended example of the page's 2018 revisions: a record at 2017-11-14 11:18:44 UTC with a fix
 * (25.2562916 E, 54.6676016 N, 138 m, 6 satellites) and one 17-byte variable-length element (ID 256).
 */
export const CODEC_8E_EXAMPLE_WITH_VARIABLE_IO =
  '000000000000005F8E010000015FBA40B620000F0DCDE420959D30008A000006000000000006000100EF0' +
  '000010011001E000100100000CBDF0002000B000000003544C875000E0000000029BFE4D1000101000011' +
  '0000000000000000000000000000000000010000D153';

/** Hexadecimal text (whitespace allowed) to bytes. */
export function hexToBytes(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) throw new RangeError('not an even run of hex digits');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}
