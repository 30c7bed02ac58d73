/**
 * Building a record's attributes (`priority`, `eventIo`, then `io<ID>` per IO element in packet order) as fast as
 * the gateway's hottest loop needs.
 *
 * Adding keys one by one is what costs: measured, it was three fifths of the decoder's time. An ordinary object
 * given a key at a time walks V8's hidden-class transition tree, which only grows as devices send every
 * combination of IO IDs; a dictionary (an object without a prototype) avoids the tree but pays a hash insert per
 * key. A device model sends the same IO IDs in the same order record after record, though, so for each such
 * "shape" that recurs this compiles once a function returning an object literal with exactly those keys. V8
 * copies a literal from its boilerplate in one step, whatever its keys.
 *
 * The code compiled holds nothing from the device but integers (the IO IDs, written as decimal digits), so no
 * input can change what it does. Shapes are compiled only once seen {@link COMPILE_AFTER} times, and the cache
 * holds at most {@link MAX_SHAPES}; when full it starts over, so a stream of made-up shapes costs dictionaries,
 * not compilations or memory.
 */
import type { AttributeValue } from '../../core/model/index.js';

export type Attributes = Record<string, AttributeValue>;

type Make = (priority: number, eventIo: number, values: readonly AttributeValue[]) => Attributes;

interface Shape {
  ids: Uint16Array;
  sightings: number;
  make: Make | undefined;
}

const COMPILE_AFTER = 3;
const MAX_SHAPES = 2048;

const shapes = new Map<number, Shape>();

/**
 * The attributes of a record whose IO elements are `ids[i] = values[i]` for i < count. The arrays are the
 * caller's scratch space and are not kept.
 */
export function recordAttributes(
  priority: number,
  eventIo: number,
  ids: readonly number[],
  values: readonly AttributeValue[],
  count: number,
): Attributes {
  const key = shapeKey(ids, count);
  let shape = shapes.get(key);
  if (shape === undefined) {
    if (shapes.size >= MAX_SHAPES) shapes.clear();
    shape = { ids: Uint16Array.from(ids.slice(0, count)), sightings: 0, make: undefined };
    shapes.set(key, shape);
  }
  // Two shapes with one key (a hash collision) share the entry; the one that does not match gets a dictionary.
  if (!sameIds(shape.ids, ids, count)) return dictionary(priority, eventIo, ids, values, count);
  if (shape.make === undefined) {
    if (++shape.sightings < COMPILE_AFTER) return dictionary(priority, eventIo, ids, values, count);
    shape.make = compile(shape.ids);
  }
  return shape.make(priority, eventIo, values);
}

function shapeKey(ids: readonly number[], count: number): number {
  let h = Math.imul(count, 0x9e3779b1);
  for (let i = 0; i < count; i++) h = Math.imul(h ^ ids[i]!, 0x85ebca6b) ^ (h >>> 13);
  return h;
}

function sameIds(shape: Uint16Array, ids: readonly number[], count: number): boolean {
  if (shape.length !== count) return false;
  for (let i = 0; i < count; i++) if (shape[i] !== ids[i]) return false;
  return true;
}

/** The slow path: a dictionary from the start, which costs a hash insert per key but never a transition. */
function dictionary(
  priority: number,
  eventIo: number,
  ids: readonly number[],
  values: readonly AttributeValue[],
  count: number,
): Attributes {
  const attributes = Object.create(null) as Attributes;
  attributes.priority = priority;
  attributes.eventIo = eventIo;
  for (let i = 0; i < count; i++) attributes[`io${ids[i]!}`] = values[i]!;
  return attributes;
}

function compile(ids: Uint16Array): Make {
  const fields = Array.from(ids, (id, i) => `io${id}: values[${i}]`);
  // Only the literal's keys vary, and they are built from 16-bit integers.
  return new Function('priority', 'eventIo', 'values', `return { priority, eventIo, ${fields.join(', ')} };`) as Make;
}
