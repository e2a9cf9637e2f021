import { errors, type FieldIssue } from '../../src/index.js';
import { PinErrors } from './errors.js';

/** A pin, as the IPFS Pinning Service API describes one. */
export interface Pin {
  readonly requestid: string;
  readonly status: 'queued' | 'pinning' | 'pinned' | 'failed';
  readonly cid: string;
  readonly name?: string;
}

const CID = /^(Qm[1-9A-HJ-NP-Za-km-z]{44}|b[a-z2-7]{58,})$/;

/**
 * The example's domain: plain TypeScript that throws faultline errors and knows no framework, so
 * every framework's example serves it unchanged.
 */
export class PinService {
  private readonly pins = new Map<string, Pin>();
  private next = 1;

  constructor(private credits = 3) {
    this.add({ cid: 'QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG', name: 'readme' });
  }

  list(): Pin[] {
    return [...this.pins.values()];
  }

  get(requestid: string): Pin {
    const pin = this.pins.get(requestid);
    if (pin === undefined) throw errors.notFound('The specified resource was not found');
    return pin;
  }

  add(input: unknown): Pin {
    const issues = check(input);
    if (issues.length > 0) throw errors.badRequest('Invalid request', { issues });
    if (this.credits <= 0) throw PinErrors.INSUFFICIENT_FUNDS();
    this.credits--;
    const { cid, name } = input as { cid: string; name?: string };
    const pin: Pin = { requestid: String(this.next++), status: 'queued', cid, ...(name === undefined ? {} : { name }) };
    this.pins.set(pin.requestid, pin);
    return pin;
  }

  remove(requestid: string, authorization: string | undefined): void {
    if (authorization !== 'Bearer secret-token') throw errors.unauthorized('Access token is missing or invalid');
    this.get(requestid);
    this.pins.delete(requestid);
  }

  /** A bug: its message names an internal host, which must never reach the client. */
  report(): never {
    throw new Error('connect ECONNREFUSED 10.0.3.7:5432 (postgres://pins:hunter2@db)');
  }
}

// The example validates by hand; `validate()` with a JSON Schema does this in one line.
function check(input: unknown): FieldIssue[] {
  if (input === null || typeof input !== 'object') return [{ location: 'body', pointer: '', keyword: 'type', message: 'must be object' }];
  const { cid, name } = input as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  if (cid === undefined) issues.push({ location: 'body', pointer: '/cid', keyword: 'required', message: 'is required' });
  else if (typeof cid !== 'string' || !CID.test(cid)) issues.push({ location: 'body', pointer: '/cid', keyword: 'format', message: 'must be a CID' });
  if (name !== undefined && (typeof name !== 'string' || name.length > 255)) {
    issues.push({ location: 'body', pointer: '/name', keyword: 'maxLength', message: 'must be a string of at most 255 characters' });
  }
  return issues;
}
