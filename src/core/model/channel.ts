/**
 * The customs channel a declaration is routed to by risk assessment: green (release), yellow (document check), red
 * (physical inspection). Shared by risk, which decides it, and the queue, which clears lanes by it.
 */
export const CHANNELS = ['green', 'yellow', 'red'] as const;
export type Channel = (typeof CHANNELS)[number];
