/**
 * What colour a seal is on the map, from its latest position: an alarm (tampering, cut cable) before an open lock,
 * before a fix the device itself calls invalid, before silence. A seal is silent when it has not been heard
 * from for longer than devices report even when parked.
 */
export const SEAL_STATES = ['alarm', 'open', 'no_fix', 'silent', 'sealed'] as const;
export type SealMapState = (typeof SEAL_STATES)[number];

export const SEAL_STATE_COLOURS: Record<SealMapState, string> = {
  alarm: '#d7263d',
  open: '#f49d37',
  no_fix: '#8e7dbe',
  silent: '#8a8f98',
  sealed: '#1b998b',
};

export const SEAL_STATE_LABELS: Record<SealMapState, string> = {
  alarm: 'alarm (tamper or cable cut)',
  open: 'lock open',
  no_fix: 'no GPS fix',
  silent: 'silent over 30 min',
  sealed: 'sealed, reporting',
};

export const SILENT_AFTER_MS = 30 * 60_000;

export interface SealReport {
  valid: boolean;
  receivedTime: string | null;
  seal?: { locked?: boolean; tamper?: boolean; cableCut?: boolean };
}

export function sealMapState(report: SealReport, now: number): SealMapState {
  if (report.seal?.tamper || report.seal?.cableCut) return 'alarm';
  if (report.seal?.locked === false) return 'open';
  if (!report.valid) return 'no_fix';
  const received = report.receivedTime === null ? Number.NaN : Date.parse(report.receivedTime);
  if (!(now - received <= SILENT_AFTER_MS)) return 'silent';
  return 'sealed';
}
