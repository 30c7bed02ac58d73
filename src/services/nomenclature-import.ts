/**
 * Import of the goods nomenclature (HS or TN VED codes with descriptions) as reference data, so the
 * document checks can tell an existing heading from a made-up one. The nomenclature changes over time;
 * re-importing a newer file replaces entries by code.
 */
import type { Issue, User } from '../core/model/index.js';
import type { NomenclatureEntry, Store } from '../ports/store.js';
import type { Audit } from './audit.js';
import type { AuthService } from './auth-service.js';
import type { CheckContextSource } from './check-context.js';

export interface NomenclatureRow {
  line: number;
  code?: string;
  description?: string;
  validFrom?: string;
  validTo?: string;
  issues?: Issue[];
}

export interface NomenclatureSummary {
  rows: number;
  stored: number;
  rejected: number;
}

const CODE = /^\d{4}(\d{2}(\d{4})?)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class NomenclatureImport {
  constructor(
    private readonly store: Store,
    private readonly auth: AuthService,
    private readonly checks: CheckContextSource,
    private readonly audit: Audit,
  ) {}

  async run(
    actor: User,
    rows: AsyncIterable<NomenclatureRow>,
    onRejected: (line: number, issues: Issue[]) => void | Promise<void> = () => {},
  ): Promise<NomenclatureSummary> {
    this.auth.require(actor, 'reference:write');
    const summary: NomenclatureSummary = { rows: 0, stored: 0, rejected: 0 };
    let batch: NomenclatureEntry[] = [];
    const flush = async () => {
      summary.stored += await this.store.nomenclature.putMany(batch);
      batch = [];
    };
    for await (const row of rows) {
      summary.rows += 1;
      const issues = row.issues ?? entryIssues(row);
      if (issues.length > 0) {
        summary.rejected += 1;
        await onRejected(row.line, issues);
        continue;
      }
      batch.push({
        code: row.code!,
        description: row.description!,
        ...(row.validFrom ? { validFrom: row.validFrom } : {}),
        ...(row.validTo ? { validTo: row.validTo } : {}),
      });
      if (batch.length >= 2000) await flush();
    }
    await flush();
    this.checks.invalidate();
    await this.audit(actor, 'import', 'nomenclature', '*', summary);
    return summary;
  }
}

function entryIssues(row: NomenclatureRow): Issue[] {
  const issues: Issue[] = [];
  if (!row.code || !CODE.test(row.code)) {
    issues.push({ code: 'NOMENCLATURE_CODE', path: 'code', message: `code "${row.code ?? ''}" is not 4, 6 or 10 digits` });
  }
  if (!row.description) issues.push({ code: 'REQUIRED', path: 'description', message: 'description is required' });
  for (const field of ['validFrom', 'validTo'] as const) {
    const value = row[field];
    if (value && !DATE.test(value)) issues.push({ code: 'DATE_FORMAT', path: field, message: `${field} "${value}" is not YYYY-MM-DD` });
  }
  return issues;
}
