/**
 * Bulk import of declarations, for a backlog of tens of thousands. Every row is validated for shape, then
 * run through the document checks: complete ones are accepted, incomplete ones are kept as incomplete with
 * their reasons (an unidentified final recipient is exactly what a backlog holds), and rows that cannot be
 * a declaration at all are rejected with their line and reasons. Nothing good is dropped for a bad
 * neighbour, and a reference already stored is skipped, so re-running the same file adds nothing.
 */
import { Compile } from 'typebox/compile';
import { checkDeclaration, type CheckResult } from '../core/checks/index.js';
import { DeclarationInputSchema, type DeclarationInput, type Issue, type User } from '../core/model/index.js';
import { schemaIssues } from '../core/validation/schema-issues.js';
import type { Clock } from '../ports/clock.js';
import type { NewDeclaration, Store } from '../ports/store.js';
import type { Audit } from './audit.js';
import type { AuthService } from './auth-service.js';
import type { CheckContextSource } from './check-context.js';
import { newRecordId } from './ids.js';

/** One candidate read from a file: the record a parser made of it, or why it could not make one. */
export interface ImportRow {
  /** First line of the file this candidate came from (1-based). */
  line: number;
  record?: unknown;
  issues?: Issue[];
}

export type ImportOutcome =
  | { line: number; reference?: string; outcome: 'rejected' | 'duplicate'; issues: Issue[] }
  | { line: number; reference: string; outcome: 'accepted' | 'incomplete'; id: string; issues: Issue[] };

export interface ImportSummary {
  rows: number;
  accepted: number;
  incomplete: number;
  rejected: number;
  /** Already stored, or repeated within the file: skipped, not added twice. */
  duplicates: number;
}

export interface ImportOptions {
  /** Called once per row, in file order, as soon as its fate is known (durable for stored rows). */
  onOutcome?: (outcome: ImportOutcome) => void | Promise<void>;
  batchSize?: number;
}

const validator = Compile(DeclarationInputSchema);

export class DeclarationImport {
  constructor(
    private readonly store: Store,
    private readonly auth: AuthService,
    private readonly checks: CheckContextSource,
    private readonly clock: Clock,
    private readonly audit: Audit,
    private readonly newId: () => string = newRecordId,
  ) {}

  async run(actor: User, rows: AsyncIterable<ImportRow> | Iterable<ImportRow>, options: ImportOptions = {}): Promise<ImportSummary> {
    this.auth.require(actor, 'declarations:import');
    const context = await this.checks.get();
    const batchSize = options.batchSize ?? 1000;
    const summary: ImportSummary = { rows: 0, accepted: 0, incomplete: 0, rejected: 0, duplicates: 0 };
    const seenInFile = new Set<string>();
    let batch: Array<{ line: number; declaration: NewDeclaration; issues: Issue[] }> = [];

    const report = async (outcome: ImportOutcome) => {
      summary[outcome.outcome === 'duplicate' ? 'duplicates' : outcome.outcome] += 1;
      await options.onOutcome?.(outcome);
    };

    const flush = async () => {
      if (batch.length === 0) return;
      const inserted = await this.store.declarations.insertMany(batch.map((entry) => entry.declaration));
      for (const { line, declaration, issues } of batch) {
        const reference = declaration.input.reference;
        if (inserted.has(reference)) {
          await report({ line, reference, outcome: declaration.status as 'accepted' | 'incomplete', id: declaration.id, issues });
        } else {
          await report({ line, reference, outcome: 'duplicate', issues: [alreadyStored(reference)] });
        }
      }
      batch = [];
    };

    for await (const row of rows) {
      summary.rows += 1;
      const reference = referenceOf(row.record);
      if (row.issues && row.issues.length > 0) {
        await report({ line: row.line, ...(reference ? { reference } : {}), outcome: 'rejected', issues: row.issues });
        continue;
      }
      if (!validator.Check(row.record)) {
        await report({ line: row.line, ...(reference ? { reference } : {}), outcome: 'rejected', issues: schemaIssues(validator.Errors(row.record)) });
        continue;
      }
      const input = row.record as DeclarationInput;
      if (seenInFile.has(input.reference)) {
        await report({ line: row.line, reference: input.reference, outcome: 'duplicate', issues: [repeated(input.reference)] });
        continue;
      }
      seenInFile.add(input.reference);
      const result = checkDeclaration(input, context);
      const declaration = importedDeclaration(this.newId(), input, result, actor.username, this.clock.now().toISOString());
      batch.push({ line: row.line, issues: result.issues, declaration });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await this.audit(actor, 'import', 'declaration', '*', summary);
    return summary;
  }
}

/** An imported declaration as stored: submitted by the importer, then accepted or incomplete by the checks. */
export function importedDeclaration(id: string, input: DeclarationInput, result: CheckResult, owner: string, at: string): NewDeclaration {
  const status = result.complete ? 'accepted' : 'incomplete';
  return {
    id,
    input,
    owner,
    status,
    history: [
      { from: null, to: 'submitted', by: owner, at, reason: 'bulk import' },
      { from: 'submitted', to: status, by: 'system', at },
    ],
    check: { ...result, checkedAt: at },
    at,
  };
}

function referenceOf(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const reference = (record as { reference?: unknown }).reference;
  return typeof reference === 'string' && reference.length <= 64 ? reference : undefined;
}

const alreadyStored = (reference: string): Issue => ({
  code: 'DUPLICATE_REFERENCE',
  path: 'reference',
  message: `a declaration with reference ${reference} is stored already; this row was skipped`,
});

const repeated = (reference: string): Issue => ({
  code: 'DUPLICATE_IN_FILE',
  path: 'reference',
  message: `reference ${reference} appears earlier in this file; this row was skipped`,
});
