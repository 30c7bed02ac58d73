/**
 * What a device identifier may be, whichever protocol announced it: 1 to 64 visible ASCII characters.
 * IMEIs, terminal numbers and the ids of phone trackers all fit; control characters (NUL above all, which
 * PostgreSQL refuses in text), spaces and other scripts do not, so a garbled login never reaches the store.
 */
const DEVICE_ID = /^[\x21-\x7e]{1,64}$/;

export function isDeviceId(text: string): boolean {
  return DEVICE_ID.test(text);
}
