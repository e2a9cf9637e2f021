import { errors } from '../../src/index.js';
import { PinErrors } from './errors.js';
import type { NewPin } from './schema.js';

/** A pin, as the IPFS Pinning Service API describes one. */
export interface Pin {
  readonly requestid: string;
  readonly status: 'queued' | 'pinning' | 'pinned' | 'failed';
  readonly cid: string;
  readonly name?: string;
}

/**
 * The example's domain: plain TypeScript that throws faultline errors and knows no framework, so
 * every framework's example serves it unchanged. Requests are validated before they reach it
 * (`pinSchema`, by each framework's example), so it checks only what is its own business.
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

  /** Adds a pin already checked against `pinSchema`; what is left to refuse is the domain's own (no credits). */
  add({ cid, name }: NewPin): Pin {
    if (this.credits <= 0) throw PinErrors.INSUFFICIENT_FUNDS();
    this.credits--;
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
