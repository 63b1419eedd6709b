/**
 * `fn` with its last answer kept, for the constants of a review that each of its ~2,700 securities
 * asks for again (window dates and their calendar positions). Arguments are compared with `===`, so
 * they must be immutable: strings, numbers, a frozen methodology, a calendar.
 */
export function keepLast<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let lastAnswer: R;
  return (...args: A): R => {
    const prev = lastArgs;
    if (prev !== null && prev.length === args.length && args.every((a, i) => a === prev[i])) return lastAnswer;
    lastAnswer = fn(...args);
    lastArgs = args;
    return lastAnswer;
  };
}
