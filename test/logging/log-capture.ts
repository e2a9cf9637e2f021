import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

/** A real pino logger writing into memory: each entry is one line pino wrote, as written and parsed. */
export interface CapturedPino {
  readonly logger: Logger;
  readonly lines: string[];
  /** The parsed lines written by faultline's logErrors (they carry `status`). */
  faultlineEntries(): Record<string, unknown>[];
  entries(): Record<string, unknown>[];
}

export function capturePino(): CapturedPino {
  const lines: string[] = [];
  let pending = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      pending += chunk.toString('utf8');
      let end = pending.indexOf('\n');
      while (end !== -1) {
        lines.push(pending.slice(0, end));
        pending = pending.slice(end + 1);
        end = pending.indexOf('\n');
      }
      done();
    },
  });
  // pino's default: synchronous writes to the destination, so a line is here when the response is.
  const logger = pino({ level: 'debug' }, stream);
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, entries, faultlineEntries: () => entries().filter((entry) => typeof entry.status === 'number') };
}
