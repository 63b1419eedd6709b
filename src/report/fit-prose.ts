/**
 * Prose fitted to the terminal's width as tables are (a table cuts its widest text column, marking
 * the cut "..."; see formatTable). Prose is wrapped instead, at spaces, never cut: a sentence cut to
 * the width loses exactly the part that explains it. A wrapped line's continuation is indented under
 * its text after a "- " bullet, else four spaces deeper than the line, so it reads as one item. A
 * word longer than the room (a path, a URL) stays whole on a line of its own. Without a width
 * (`--wide`, a pipe, a file) the text is returned as it is. Pure.
 */
export function fitProse(text: string, width?: number): string {
  if (width === undefined) return text;
  return text.split('\n').map((line) => wrapLine(line, width).join('\n')).join('\n');
}

/** The least room a continuation line leaves for text, however deep its indent. */
const MIN_ROOM = 20;

function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const lead = /^ *(?:- )?/.exec(line)![0];
  const hang = ' '.repeat(lead.endsWith('- ') ? lead.length : lead.length + 4);
  const out: string[] = [];
  let rest = line;
  let prefix = '';
  let floor = lead.length; // never break inside the first line's own indent or bullet
  while (prefix.length + rest.length > width) {
    const room = Math.max(width - prefix.length, MIN_ROOM);
    let at = rest.lastIndexOf(' ', room);
    if (at <= floor) at = rest.indexOf(' ', room);
    if (at === -1) break;
    out.push(prefix + rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
    prefix = hang;
    floor = 0;
  }
  out.push(prefix + rest);
  return out;
}
