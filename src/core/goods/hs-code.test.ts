import { describe, it, expect } from 'vitest';
import { checkHsCode, hsChapter } from './hs-code.js';

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('hsChapter', () => {
  it('reads the first two digits', () => {
    expect(hsChapter('610910')).toBe(61);
    expect(hsChapter('0101210000')).toBe(1);
    expect(hsChapter('6')).toBeUndefined();
    expect(hsChapter('x1')).toBeUndefined();
  });
});

describe('checkHsCode without a nomenclature', () => {
  it('accepts 6- and 10-digit codes of a real chapter', () => {
    expect(checkHsCode('610910')).toEqual([]);
    // TN VED code of nicotine raw material named in the EAEU sealing rules.
    expect(checkHsCode('2939790000')).toEqual([]);
    expect(checkHsCode('0101210000')).toEqual([]);
    expect(checkHsCode('970600')).toEqual([]);
  });

  it('rejects empty, non-digit and wrongly sized codes', () => {
    expect(codes(checkHsCode(''))).toEqual(['HS_EMPTY']);
    expect(codes(checkHsCode('6109 10'))).toEqual(['HS_FORMAT']);
    expect(codes(checkHsCode('6109.10'))).toEqual(['HS_FORMAT']);
    expect(codes(checkHsCode('6109'))).toEqual(['HS_LENGTH']);
    expect(codes(checkHsCode('61091000'))).toEqual(['HS_LENGTH']);
    expect(codes(checkHsCode('61091000000'))).toEqual(['HS_LENGTH']);
  });

  it('rejects chapter 00, the reserved 77, and 98–99', () => {
    for (const code of ['001234', '770100', '980000', '9999999999']) {
      expect(codes(checkHsCode(code)), code).toEqual(['HS_CHAPTER']);
    }
    expect(checkHsCode('770100')[0]?.message).toContain('77 found');
  });
});

describe('checkHsCode with a nomenclature', () => {
  const nomenclature = new Set(['6109', '610910', '6109100000', '610990', '8471300000', '8471']);

  it('accepts codes whose heading and subheading are known', () => {
    expect(checkHsCode('6109100000', nomenclature)).toEqual([]);
    expect(checkHsCode('610910', nomenclature)).toEqual([]);
    // 610990 has no 10-digit codes listed, so any 10-digit code under it passes.
    expect(checkHsCode('6109901000', nomenclature)).toEqual([]);
  });

  it('derives headings and subheadings from 10-digit codes alone', () => {
    expect(checkHsCode('847130', nomenclature)).toEqual([]);
    expect(checkHsCode('8471300000', nomenclature)).toEqual([]);
  });

  it('reports the highest level that is missing', () => {
    expect(checkHsCode('620342', nomenclature)).toEqual([
      { code: 'HS_HEADING_UNKNOWN', path: '', message: 'The heading 6203 is not in the imported nomenclature.' },
    ]);
    expect(codes(checkHsCode('610920', nomenclature))).toEqual(['HS_SUBHEADING_UNKNOWN']);
    expect(codes(checkHsCode('6109109000', nomenclature))).toEqual(['HS_CODE_UNKNOWN']);
    expect(codes(checkHsCode('8471309000', nomenclature))).toEqual(['HS_CODE_UNKNOWN']);
  });

  it('sees codes added to the set after a first check', () => {
    const growing = new Set(['6109']);
    expect(codes(checkHsCode('610910', growing))).toEqual(['HS_SUBHEADING_UNKNOWN']);
    growing.add('610910');
    expect(checkHsCode('610910', growing)).toEqual([]);
  });

  it('still checks the form first', () => {
    expect(codes(checkHsCode('770000', nomenclature))).toEqual(['HS_CHAPTER']);
  });
});
