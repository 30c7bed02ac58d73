/**
 * Runs tasks one at a time per key, in the order they were given, and tasks of different keys side by side: each
 * crossing's queue takes one command at a time, so a command decides on the state the previous one left, and two
 * staff calling at once are two commands in turn, never two decisions on the same state.
 */
export class Serialiser {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    // A failed task fails its own caller only; the next one runs all the same.
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
