/** A promise of a codec that fuzzing found broken; its message says which, and on what input. */
export class FuzzFailure extends Error {
  override readonly name = 'FuzzFailure';
}
