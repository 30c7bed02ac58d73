/** all, any and not over compiled conditions, in three-valued logic: a rule fires only on what is known. */
import type { CompiledCondition } from './compiled-condition.js';
import { FALSE, TRUE, UNKNOWN, type Facts, type Truth } from './facts.js';

type Test = (facts: Facts) => Truth;

/** The operands' tests as plain functions, called without reaching through their objects. */
function testsOf(children: readonly CompiledCondition[]): Test[] {
  return children.map((child) => child.test);
}

export function compileAll(children: CompiledCondition[]): CompiledCondition {
  const tests = testsOf(children);
  // Two operands are the common case: calling them directly spares the loop.
  const [a, b] = tests;
  const test: Test = tests.length === 2
    ? (facts) => {
        const x = a!(facts);
        if (x === FALSE) return FALSE;
        const y = b!(facts);
        return y === FALSE ? FALSE : x === UNKNOWN || y === UNKNOWN ? UNKNOWN : TRUE;
      }
    : (facts) => {
        let result: Truth = TRUE;
        for (let i = 0; i < tests.length; i++) {
          const value = tests[i]!(facts);
          if (value === FALSE) return FALSE;
          if (value === UNKNOWN) result = UNKNOWN;
        }
        return result;
      };
  return {
    test,
    observe(facts, inputs) {
      for (const child of children) child.observe(facts, inputs);
    },
  };
}

export function compileAny(children: CompiledCondition[]): CompiledCondition {
  const tests = testsOf(children);
  return {
    test(facts) {
      let result: Truth = FALSE;
      for (let i = 0; i < tests.length; i++) {
        const value = tests[i]!(facts);
        if (value === TRUE) return TRUE;
        if (value === UNKNOWN) result = UNKNOWN;
      }
      return result;
    },
    observe(facts, inputs) {
      // The branch that decided; the others did not hold and say nothing about this declaration.
      for (const child of children) {
        if (child.test(facts) === TRUE) {
          child.observe(facts, inputs);
          return;
        }
      }
    },
  };
}

export function compileNot(child: CompiledCondition): CompiledCondition {
  const operand = child.test;
  return {
    test(facts) {
      const value = operand(facts);
      return value === UNKNOWN ? UNKNOWN : value === TRUE ? FALSE : TRUE;
    },
    // What the operand saw is what made it false.
    observe: (facts, inputs) => child.observe(facts, inputs),
  };
}
