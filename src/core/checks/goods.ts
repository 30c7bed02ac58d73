/** The goods items: their codes, quantities and values, and the totals per currency that invoices must match. */
import { checkHsCode } from '../goods/hs-code.js';
import { isCurrencyCode } from '../goods/currency.js';
import type { Issue } from '../model/issue.js';
import type { CheckContext } from './check-context.js';
import {
  DECLARATION,
  fieldName,
  isFields,
  issue,
  itemOwners,
  listOrEmpty,
  pathOf,
  pushAt,
  requiredNumber,
  requiredText,
  mistyped,
  sentence,
  type Fields,
  type Owner,
} from './fields.js';
import { CURRENCY_INVALID, GOODS_EMPTY, GOODS_MASS_INVALID, GOODS_PACKAGES_INVALID, GOODS_VALUE_INVALID } from './issue-codes.js';

/** The declared goods values summed per currency; `reliable` is false when an item's value or currency is unusable. */
export interface GoodsTotals {
  byCurrency: Map<string, number>;
  reliable: boolean;
}

const ITEM = itemOwners('goods', 'goods item');

function isPositive(n: number): boolean {
  return Number.isFinite(n) && n > 0;
}

function checkItem(item: Fields, owner: Owner, context: CheckContext, totals: GoodsTotals, issues: Issue[]): void {
  const hsCode = requiredText(item, owner, 'hsCode', 'goods code', issues);
  if (hsCode !== undefined) {
    const found = checkHsCode(hsCode, context.nomenclature);
    if (found.length > 0) pushAt(pathOf(owner, 'hsCode'), found, issues);
  }
  requiredText(item, owner, 'description', 'description', issues);

  const packages = requiredNumber(item, owner, 'packages', 'number of packages', issues);
  if (packages !== undefined && !(Number.isInteger(packages) && packages > 0)) {
    issues.push(
      issue(
        GOODS_PACKAGES_INVALID,
        pathOf(owner, 'packages'),
        `${sentence(fieldName(owner, 'number of packages'))} must be a whole number above 0; ${packages} was given.`,
      ),
    );
  }
  const mass = requiredNumber(item, owner, 'grossMassKg', 'gross mass', issues);
  if (mass !== undefined && !isPositive(mass)) {
    issues.push(
      issue(
        GOODS_MASS_INVALID,
        pathOf(owner, 'grossMassKg'),
        `${sentence(fieldName(owner, 'gross mass'))} must be above 0 kg; ${mass} was given.`,
      ),
    );
  }
  const value = requiredNumber(item, owner, 'value', 'value', issues);
  const valueOk = value !== undefined && isPositive(value);
  if (value !== undefined && !valueOk) {
    issues.push(
      issue(GOODS_VALUE_INVALID, pathOf(owner, 'value'), `${sentence(fieldName(owner, 'value'))} must be above 0; ${value} was given.`),
    );
  }
  const currency = requiredText(item, owner, 'currency', 'currency', issues);
  const currencyOk = currency !== undefined && isCurrencyCode(currency);
  if (currency !== undefined && !currencyOk) {
    issues.push(
      issue(
        CURRENCY_INVALID,
        pathOf(owner, 'currency'),
        `${sentence(fieldName(owner, 'currency'))} must be a current ISO 4217 code in capitals, such as USD; ${JSON.stringify(currency)} is not one.`,
      ),
    );
  }
  if (valueOk && currencyOk) {
    totals.byCurrency.set(currency, (totals.byCurrency.get(currency) ?? 0) + value);
  } else {
    totals.reliable = false;
  }
}

/** Checks every goods item and returns their totals, or undefined when `goods` is not even a list. */
export function checkGoods(declaration: Fields, context: CheckContext, issues: Issue[]): GoodsTotals | undefined {
  const goods = listOrEmpty(declaration, DECLARATION, 'goods', 'goods', issues);
  if (goods === undefined) return undefined;
  if (goods.length === 0) {
    issues.push(issue(GOODS_EMPTY, 'goods', 'A declaration lists at least one goods item.'));
  }
  const totals: GoodsTotals = { byCurrency: new Map(), reliable: true };
  for (let i = 0; i < goods.length; i++) {
    const item = goods[i];
    const owner = ITEM(i);
    if (isFields(item)) {
      checkItem(item, owner, context, totals, issues);
    } else {
      totals.reliable = false;
      mistyped(owner.path, owner.label, 'an object', item, issues);
    }
  }
  return totals;
}
