/**
 * New record ids: UUIDv7, which begin with their creation time. Rows keyed by them go to the end of the
 * primary-key index instead of a random place in it, which keeps bulk imports fast as tables grow, and ids
 * sort in creation order.
 */
import { v7 } from 'uuid';

export const newRecordId = (): string => v7();
