import { describe, expect, it } from 'vitest';
import type { AttributeValue } from '../../core/model/index.js';
import { recordAttributes } from './attribute-shapes.js';

const asPlain = (attributes: object): [string, unknown][] => Object.entries(attributes);

describe('record attributes', () => {
  it('are the same entries, in packet order, before and after their shape is compiled', () => {
    const ids = [239, 240, 0, 65_535, 11];
    const built = Array.from({ length: 6 }, (_, n) => {
      const values: AttributeValue[] = [n, 1, 2, 3, 2n ** 60n];
      return recordAttributes(1, 239, ids, values, ids.length);
    });
    built.forEach((attributes, n) => {
      expect(asPlain(attributes)).toEqual([
        ['priority', 1], ['eventIo', 239], ['io239', n], ['io240', 1], ['io0', 2], ['io65535', 3], ['io11', 2n ** 60n],
      ]);
    });
  });

  it('read only the first `count` elements of the scratch arrays', () => {
    const attributes = recordAttributes(0, 0, [1, 2, 3], [10, 20, 30], 2);
    expect(asPlain(attributes)).toEqual([['priority', 0], ['eventIo', 0], ['io1', 10], ['io2', 20]]);
  });

  it('keep the last value of an IO ID that a record repeats, as a dictionary would', () => {
    for (let n = 0; n < 5; n++) {
      expect(recordAttributes(0, 7, [7, 8, 7], [1, 2, 3], 3)).toEqual({ priority: 0, eventIo: 7, io7: 3, io8: 2 });
    }
  });

  it('stay right across many more shapes than the cache holds', () => {
    for (let shape = 0; shape < 5000; shape++) {
      const ids = [shape % 65_536, (shape * 7919) % 65_536];
      for (let n = 0; n < 4; n++) {
        const attributes = recordAttributes(2, 0, ids, [n, shape], 2);
        expect(attributes[`io${ids[0]!}`]).toBe(ids[0] === ids[1] ? shape : n);
        expect(attributes[`io${ids[1]!}`]).toBe(shape);
      }
    }
  });
});
