/** The consignor, the consignee (the final recipient) and the carrier: who they are and their taxpayer numbers. */
import { validateTin } from '../identity/index.js';
import type { Issue } from '../model/issue.js';
import { checkCountry } from './country.js';
import { DECLARATION, optionalText, pathOf, pushAt, requiredFields, requiredText, type Fields, type Owner } from './fields.js';

const PARTIES: ReadonlyArray<{ key: string; owner: Owner }> = [
  { key: 'consignor', owner: { path: 'consignor', label: 'the consignor' } },
  { key: 'consignee', owner: { path: 'consignee', label: 'the consignee' } },
  { key: 'carrier', owner: { path: 'carrier', label: 'the carrier' } },
];

function checkParty(party: Fields, owner: Owner, issues: Issue[]): void {
  requiredText(party, owner, 'name', 'name', issues);
  const country = checkCountry(party, owner, 'country', issues);
  const tin = requiredText(party, owner, 'tin', 'taxpayer number', issues);
  optionalText(party, owner, 'address', 'address', issues);
  // Without a real country there is no rule to test the number by; the country's own issue says why.
  if (tin === undefined || country === undefined) return;
  const result = validateTin(country, tin);
  if (!result.valid) pushAt(pathOf(owner, 'tin'), result.issues, issues);
}

export function checkParties(declaration: Fields, issues: Issue[]): void {
  for (const { key, owner } of PARTIES) {
    const party = requiredFields(declaration, DECLARATION, key, key, issues);
    if (party !== undefined) checkParty(party, owner, issues);
  }
}
