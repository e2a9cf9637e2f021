// The load generator's own process: autocannon never shares a CPU queue with the server it measures
// more than the OS makes it. The parent sends one run at a time and gets the summary back.
import autocannon from 'autocannon';
import type { LoadRequest, LoadResult } from './load.js';

process.on('message', (message: LoadRequest) => {
  void autocannon({
    url: message.url,
    method: message.method,
    body: message.body,
    headers: message.headers,
    connections: message.connections,
    duration: message.seconds,
  }).then(
    (result) => {
      const summary: LoadResult = {
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        responses: result.requests.total,
        errors: result.errors + result.timeouts,
        unexpected: message.expect === 404 ? result.requests.total - result['4xx'] : result.non2xx,
      };
      process.send?.(summary);
    },
    (error: unknown) => process.send?.({ error: String(error) }),
  );
});
