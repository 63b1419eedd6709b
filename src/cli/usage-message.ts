/**
 * Turns a yargs failure message into one clear sentence (docs/contract.md "Exit codes": errors are one
 * sentence on stderr). yargs spreads some messages over several lines, e.g. a bad `--format`:
 *
 *     Invalid values:
 *       Argument: format, Given: "xml", Choices: "table", "json", "csv"
 *
 * which becomes `Invalid values: "xml" is not a valid format (one of table, json, csv).`; any other
 * multi-line message has its lines joined, so nothing after the first line is lost.
 */
export function describeUsageFailure(message: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (lines[0] === 'Invalid values:' && lines.length > 1) {
    const parts = lines.slice(1).map(describeInvalidChoice);
    return `Invalid values: ${parts.join('; ')}.`;
  }
  const missing = /^Not enough non-option arguments: (.*)$/.exec(lines[0] ?? '');
  if (missing) return `A required argument is missing (${missing[1]}); see --help.`;
  return lines.join(' ');
}

/**
 * `Argument: format, Given: "xml", Choices: "a", "b"` -> `"xml" is not a valid format (one of a, b)`.
 * No dashes: the same message comes for options and positionals (`db frob`).
 */
function describeInvalidChoice(line: string): string {
  const m = /^Argument: ([^,]+), Given: (.*), Choices: (.*)$/.exec(line);
  if (!m) return line;
  const [, name, given, choices] = m;
  const options = (choices ?? '').split(', ').map((c) => c.replace(/^"(.*)"$/, '$1')).join(', ');
  return `${given} is not a valid ${name} (one of ${options})`;
}

/** Collapses any error message to one line (a multi-line message keeps all its lines, joined). */
export function joinMessageLines(message: string): string {
  return message.split('\n').map((l) => l.trim()).filter((l) => l !== '').join(' ');
}
