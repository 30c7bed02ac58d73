/** Conditions on the declaration itself: goods codes, values per kilogram, documents, goods lines, countries, check issues. */
import type { DeclarationInput } from '../model/declaration.js';
import { bounds, put, truth, type CompiledCondition, type CompileEnvironment } from './compiled-condition.js';
import type { Comparison, CountryHolder } from './conditions.js';
import type { Inputs } from './explanation.js';
import { documentMask, FALSE, REFERENCE_CONTEXT, TRUE, UNKNOWN, type Facts } from './facts.js';
import { matchingPrefix } from './hs-prefix-index.js';

function itemInputs(facts: Facts, item: number, inputs: Inputs): void {
  const goods = facts.declaration.goods[item]!;
  put(inputs, 'item', item + 1);
  put(inputs, 'hsCode', goods.hsCode);
  put(inputs, 'description', goods.description);
}

export function compileHsPrefix(prefixes: string[], env: CompileEnvironment): CompiledCondition {
  const id = env.prefixes.register(prefixes);
  return {
    test: (facts) => truth(facts.prefixHit[id] === 1),
    observe(facts, inputs) {
      let items = 0;
      for (const goods of facts.declaration.goods) if (matchingPrefix(goods.hsCode, prefixes) !== undefined) items++;
      put(inputs, 'items', items);
      if (facts.prefixHit[id] !== 1) return;
      const item = facts.prefixItem[id]!;
      itemInputs(facts, item, inputs);
      put(inputs, 'prefix', matchingPrefix(facts.declaration.goods[item]!.hsCode, prefixes) ?? '');
    },
  };
}

export function compileValueBelow(spec: { fraction: number; hsPrefix?: string[] }, env: CompileEnvironment): CompiledCondition {
  const { fraction } = spec;
  const filter = spec.hsPrefix;
  const currency = env.valuationCurrency ?? '';
  const applies = (facts: Facts, i: number) => filter === undefined || matchingPrefix(facts.declaration.goods[i]!.hsCode, filter) !== undefined;
  /** The applicable item with the lowest ratio under the fraction, or -1. */
  const lowest = (facts: Facts): number => {
    let best = -1;
    for (let i = 0; i < facts.goodsCount; i++) {
      const ratio = facts.ratio[i]!;
      if (ratio < fraction && applies(facts, i) && (best < 0 || ratio < facts.ratio[best]!)) best = i;
    }
    return best;
  };
  return {
    test(facts) {
      const ratio = facts.ratio;
      let unknown = false;
      for (let i = 0; i < facts.goodsCount; i++) {
        // NaN (no reference, no mass, no rate) compares false: only real ratios reach the prefix test.
        if (ratio[i]! < fraction) {
          if (applies(facts, i)) return TRUE;
        } else if (facts.rateMissing[i] === 1 && applies(facts, i)) {
          // The facts recorded the missing rate when they found it.
          unknown = true;
        }
      }
      return unknown ? UNKNOWN : FALSE;
    },
    observe(facts, inputs) {
      put(inputs, 'fraction', fraction);
      put(inputs, 'currency', currency);
      const item = lowest(facts);
      if (item < 0) return;
      itemInputs(facts, item, inputs);
      put(inputs, 'valuePerKg', facts.valuePerKg[item]!);
      put(inputs, 'reference', facts.reference[item]!);
      put(inputs, 'ratio', facts.ratio[item]!);
      put(inputs, 'referenceSource', facts.referenceSource[item] === REFERENCE_CONTEXT ? 'context' : 'rule set');
    },
  };
}

export function compileDocuments(types: readonly string[], missing: boolean): CompiledCondition {
  const mask = documentMask(types);
  const key = missing ? 'missingDocument' : 'presentDocument';
  return {
    test: (facts) => truth(missing ? (facts.documents & mask) !== mask : (facts.documents & mask) !== 0),
    observe(facts, inputs) {
      const found = types.find((type) => ((facts.documents & documentMask([type])) === 0) === missing);
      put(inputs, key, found ?? 'none');
    },
  };
}

export function compileGoodsItems(comparison: Comparison): CompiledCondition {
  const [low, high] = bounds(comparison);
  return {
    test: (facts) => truth(facts.goodsCount >= low && facts.goodsCount <= high),
    observe: (facts, inputs) => put(inputs, 'goodsItems', facts.goodsCount),
  };
}

/** Reads the country of each holder a `country` condition names. */
export const COUNTRY_OF: Record<CountryHolder, (declaration: DeclarationInput) => string | undefined> = {
  consignor: (d) => d.consignor?.country,
  consignee: (d) => d.consignee?.country,
  carrier: (d) => d.carrier?.country,
  vehicle: (d) => d.vehicle?.country,
  driver: (d) => d.driver?.country,
};

export function compileCountry(spec: { of: CountryHolder; in: string[] }): CompiledCondition {
  const countries = new Set(spec.in);
  const key = `${spec.of}Country`;
  const read = COUNTRY_OF[spec.of];
  return {
    test(facts) {
      const country = read(facts.declaration);
      return country === undefined ? UNKNOWN : truth(countries.has(country));
    },
    observe: (facts, inputs) => put(inputs, key, read(facts.declaration) ?? 'unknown'),
  };
}

/** The issue path is the given one or a field under it (`consignee` covers `consignee.tin`, `goods` covers `goods[2].hsCode`). */
function pathUnder(path: string, under: string | undefined): boolean {
  if (under === undefined || path === under) return true;
  if (!path.startsWith(under)) return false;
  const next = path.charCodeAt(under.length);
  return next === 46 /* . */ || next === 91 /* [ */;
}

export function compileCheckIssue(spec: { codes: string[]; path?: string }): CompiledCondition {
  const codes = new Set(spec.codes);
  const under = spec.path;
  const first = (facts: Facts) => {
    for (const issue of facts.context.checkIssues) if (codes.has(issue.code) && pathUnder(issue.path, under)) return issue;
    return undefined;
  };
  return {
    test: (facts) => truth(first(facts) !== undefined),
    observe(facts, inputs) {
      const issue = first(facts);
      put(inputs, 'issueCode', issue?.code ?? 'none');
      put(inputs, 'issuePath', issue?.path ?? '');
    },
  };
}
