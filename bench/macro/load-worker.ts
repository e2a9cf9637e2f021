// The load generator's own process (pinned to its own core when taskset exists): autocannon never
// shares a CPU with the server it measures. The parent sends one run at a time and gets the summary.
import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';
import { latencySummary } from './latency.js';
import type { LoadRequest, LoadResult } from './load.js';

process.once('disconnect', () => process.exit(0));
process.on('message', (message: LoadRequest) => {
  // Every response's own latency, in ms with sub-millisecond precision: autocannon's histogram
  // keeps whole milliseconds, too coarse for a p50 of 1–2 ms.
  const latencies: number[] = [];
  let unexpected = 0;
  const instance = autocannon({
    url: message.url,
    method: message.method,
    body: message.body,
    headers: message.headers,
    connections: message.connections,
    // autocannon notices that a run is over on its sampling tick, every second by default: a run of
    // 0.3 s or of 5,000 requests would take a whole second, its rps counted over that second.
    sampleInt: 25,
    ...(message.amount === undefined ? { duration: message.seconds } : { amount: message.amount }),
  }) as Promise<autocannon.Result> & EventEmitter; // the promise is also the run's event emitter
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    if (statusCode !== message.expect) unexpected++;
  });
  instance.then(
    (result) => {
      const { p50, p99 } = latencySummary(latencies);
      const summary: LoadResult = {
        // Completed responses over the measured time: autocannon's `requests.average` is a mean of
        // whole-second buckets, which a run shorter than a few seconds distorts.
        rps: result.requests.total / result.duration,
        p50,
        p99,
        responses: result.requests.total,
        errors: result.errors + result.timeouts,
        unexpected,
      };
      process.send?.(summary);
    },
    (error: unknown) => process.send?.({ error: String(error) }),
  );
});
