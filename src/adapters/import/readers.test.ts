import { describe, expect, it } from 'vitest';
import type { ImportRow } from '../../services/declaration-import.js';
import { csvRecords } from './csv-records.js';
import { csvRows } from './csv-rows.js';
import { jsonLinesRows } from './jsonl-rows.js';
import { readLines } from './line-reader.js';
import { nomenclatureCsvRows } from './nomenclature-csv-rows.js';

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
const utf8 = (text: string) => new TextEncoder().encode(text);
async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe('readLines', () => {
  it('gives the same lines whatever the chunking, CRLF or LF, with or without a final newline', async () => {
    const text = utf8('\ufeffпервая\r\nsecond\n\nfourth');
    for (const size of [1, 2, 3, 7, 1000]) {
      expect(await collect(readLines(chunked(text, size)))).toEqual([
        { number: 1, text: 'первая' },
        { number: 2, text: 'second' },
        { number: 3, text: '' },
        { number: 4, text: 'fourth' },
      ]);
    }
  });

  it('reports a line in another encoding and an over-long line, and goes on', async () => {
    const cp1251 = Uint8Array.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет" in Windows-1251
    const bytes = new Uint8Array([...utf8('ok\n'), ...cp1251, ...utf8('\n'), ...utf8('x'.repeat(50)), ...utf8('\nlast\n')]);
    expect(await collect(readLines(chunked(bytes, 4), 20))).toEqual([
      { number: 1, text: 'ok' },
      { number: 2, error: 'ENCODING' },
      { number: 3, error: 'LINE_TOO_LONG' },
      { number: 4, text: 'last' },
    ]);
  });
});

describe('jsonLinesRows', () => {
  it('parses each line, skips blank ones and reports broken JSON with its line', async () => {
    const rows = await collect(jsonLinesRows(chunked(utf8('{"reference":"A"}\n\n{"reference":\n[1,2]\n'), 5)));
    expect(rows.map((row) => [row.line, row.record, row.issues?.[0]?.code])).toEqual([
      [1, { reference: 'A' }, undefined],
      [3, undefined, 'JSON_SYNTAX'],
      [4, [1, 2], undefined],
    ]);
  });
});

const HEADER = 'reference,consignee_name,consignee_country,consignee_tin,hs_code,description,packages,gross_mass_kg,value,currency\n';

describe('csvRows', () => {
  it('groups consecutive rows of one reference into one declaration with its goods in order', async () => {
    const csv = HEADER + 'R1,Recipient,kz,080340001230,620342,Trousers,10,"1 200,5",100,usd\nR1,Recipient,KZ,080340001230,640399,Shoes,5,300,50,USD\nR2,Other,RU,7707083893,8471.30,Laptops,1,20,900,EUR\n';
    const rows = await collect(csvRows(chunked(utf8(csv), 3)));
    expect(rows).toHaveLength(2);
    const [first, second] = rows as [ImportRow, ImportRow];
    expect(first.line).toBe(2);
    expect(first.issues).toBeUndefined();
    const record = first.record as { consignee: unknown; goods: Array<{ hsCode: string; grossMassKg: number; currency: string }> };
    expect(record.consignee).toEqual({ name: 'Recipient', country: 'KZ', tin: '080340001230' });
    expect(record.goods.map((g) => [g.hsCode, g.grossMassKg, g.currency])).toEqual([['620342', 1200.5, 'USD'], ['640399', 300, 'USD']]);
    expect((second.record as { goods: Array<{ hsCode: string }> }).goods[0]!.hsCode).toBe('847130');
  });

  it('reads the customs procedure in any case, leaves it out when the column is empty or absent, and refuses an unknown one', async () => {
    const csv = `procedure,${HEADER}Export,R1,A,KZ,1,2404,x,1,1,1,USD\n,R2,A,KZ,1,2404,x,1,1,1,USD\nimport,R3,A,KZ,1,2404,x,1,1,1,USD\n`;
    const [exported, blank, unknown] = await collect(csvRows(chunked(utf8(csv), 1000)));
    expect(exported!.record).toMatchObject({ reference: 'R1', procedure: 'export' });
    expect(exported!.issues).toBeUndefined();
    expect(blank!.record).not.toHaveProperty('procedure');
    expect(unknown!.issues).toEqual([expect.objectContaining({ code: 'PROCEDURE_INVALID', path: 'procedure' })]);
    expect((await collect(csvRows(chunked(utf8(HEADER + 'R1,A,KZ,1,2404,x,1,1,1,USD\n'), 1000))))[0]!.record).not.toHaveProperty('procedure');
  });

  it('reports broken quoting at its line and keeps the rows after it', async () => {
    const csv = HEADER + 'R1,A,KZ,1,620342,x,1,1,1,USD\nR2,"broken,KZ,1,620342,x,1,1,1,USD\nR3,C,KZ,1,620342,x,1,1,1,USD\n';
    const rows = await collect(csvRows(chunked(utf8(csv), 16)));
    const references = rows.map((row) => (row.record as { reference?: string } | undefined)?.reference);
    expect(references).toContain('R1');
    expect(rows.some((row) => row.issues?.some((issue) => issue.code.startsWith('CSV_')))).toBe(true);
  });

  it('reports a row with the wrong number of fields and a number that is not one', async () => {
    const csv = HEADER + 'R1,A,KZ,1,620342,x,1,1,1,USD,extra\nR2,B,KZ,1,620342,x,one,1,1,USD\n';
    const rows = await collect(csvRows(chunked(utf8(csv), 1000)));
    expect(rows[0]!.issues![0]!.code).toMatch(/^CSV_/);
    expect(rows[1]!.issues).toEqual([expect.objectContaining({ code: 'CSV_NOT_A_NUMBER', path: 'goods[0].packages' })]);
  });

  it('rejects a declaration one of whose goods rows could not be read', async () => {
    const csv = HEADER + 'R1,A,KZ,1,620342,x,1,1,1,USD\nR1,A,KZ,1,620342,x,1,1,1,USD,extra\nR1,A,KZ,1,640399,y,1,1,1,USD\n';
    const rows = await collect(csvRows(chunked(utf8(csv), 1000)));
    const declaration = rows.find((row) => row.record !== undefined)!;
    expect(declaration.issues?.map((issue) => issue.code)).toContain('CSV_ROW_UNREADABLE');
  });

  it('reports a file in another encoding', async () => {
    const bytes = new Uint8Array([...utf8(HEADER + 'R1,'), 0xcf, 0xf0, 0xe8, ...utf8(',KZ,1,620342,x,1,1,1,USD\n')]);
    const rows = await collect(csvRows(chunked(bytes, 1000)));
    expect(rows[0]!.issues).toEqual([expect.objectContaining({ code: 'ENCODING', path: 'consignee_name' })]);
  });

  it('stops at a header without the required columns, saying which', async () => {
    const rows = await collect(csvRows(chunked(utf8('name,value\nx,1\n'), 1000)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.issues!.filter((issue) => issue.code === 'CSV_COLUMN_MISSING').map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['reference', 'hs_code', 'currency']),
    );
  });
});

describe('nomenclatureCsvRows', () => {
  it('normalises codes written with spaces and dots', async () => {
    const rows = await collect(nomenclatureCsvRows(chunked(utf8('code,description,valid_from\n8471 30 000 0,Portable computers,2022-01-01\n6203.42,Trousers,\n'), 7)));
    expect(rows).toEqual([
      { line: 2, code: '8471300000', description: 'Portable computers', validFrom: '2022-01-01' },
      { line: 3, code: '620342', description: 'Trousers' },
    ]);
  });
});

describe('csv records that cannot be parsed past', () => {
  it('ends with an issue, not a crash, when a record exceeds the size limit', async () => {
    const csv = HEADER + `R1,"${'x'.repeat(3000)}",KZ,1,620342,x,1,1,1,USD\n`;
    const entries = await collect(csvRecords(chunked(utf8(csv), 100), undefined, 1024));
    const last = entries.at(-1)!;
    expect('issues' in last && last.issues[0]!.code).toMatch(/CSV_/);
  });
});
