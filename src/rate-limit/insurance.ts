// rate-limiter-flexible's `insuranceLimiter` answers for a store that failed (Redis down), and its
// `RateLimiterRes` carries no mark of that. While it is in charge, the RateLimit fields must
// describe its quota and window, not the main limiter's: a client told "100 per minute" by a
// process limiting it to 25 would pace itself wrong.
import { read } from '../normalize/read.js';
import { limiterPolicy, type LimiterPolicy, type RateLimiterLike } from './limiter.js';

/** The answers an insurance limiter gave, kept on the limiter itself: every copy of faultline sees one set. */
const ANSWERS = Symbol.for('faultline.rate-limit.insurance-answers');

export interface Insurance {
  /** The insurance limiter's quota and window, under the main limiter's policy name. */
  readonly policy: LimiterPolicy;
  /** True for a value (a `RateLimiterRes`, resolved or rejected) the insurance limiter gave. */
  answered(value: unknown): boolean;
}

/**
 * Watches `limiter.insuranceLimiter`, if it has one: its `consume` is wrapped (once, whoever asks)
 * to remember what it answers. Undefined without an insurance limiter, or one that cannot be
 * watched (frozen): the main limiter's policy is then all that is known.
 */
export function watchInsurance(limiter: RateLimiterLike, name: string): Insurance | undefined {
  const insurance = read(limiter, 'insuranceLimiter') as (RateLimiterLike & { [ANSWERS]?: unknown }) | undefined;
  if (insurance === null || typeof insurance !== 'object' || typeof insurance.consume !== 'function') return undefined;
  let answers = insurance[ANSWERS];
  if (!(answers instanceof WeakSet)) {
    const seen = new WeakSet<object>();
    const consume = insurance.consume;
    const remember = (value: unknown): void => {
      if (value !== null && typeof value === 'object') seen.add(value);
    };
    try {
      Object.defineProperty(insurance, ANSWERS, { value: seen });
      Object.defineProperty(insurance, 'consume', {
        configurable: true,
        writable: true,
        value(this: unknown, ...args: Parameters<RateLimiterLike['consume']>): Promise<unknown> {
          return Promise.resolve(consume.apply(this, args)).then(
            (admitted) => {
              remember(admitted);
              return admitted;
            },
            (refused: unknown) => {
              remember(refused);
              throw refused;
            },
          );
        },
      });
    } catch {
      return undefined;
    }
    answers = seen;
  }
  const given = answers as WeakSet<object>;
  return {
    policy: limiterPolicy(insurance, name),
    answered: (value) => value !== null && typeof value === 'object' && given.has(value),
  };
}
