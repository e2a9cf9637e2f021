// The same adapter with three mistakes (keeps a route's ETag, replaces the route's Vary, ignores
// the request's Accept): verifyAdapter, without a test runner, must report each. Prints what
// failed, as JSON.
import { verifyAdapter } from 'faultline/kit/contract';
import { createFaultline } from 'faultline/kit';
import * as adapter from './adapter.mjs';
import { harnessFor } from './harness.mjs';

const broken = {
  ...adapter,
  errorHandler(options) {
    const faultline = createFaultline(options);
    return (error, req, res) => {
      if (res.headersSent) return res.destroy();
      const response = faultline.handle(error, { method: req.method, path: req.url.split('?')[0] });
      res.statusCode = response.status;
      for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
      res.end(response.body ?? undefined);
    };
  },
};

const report = await verifyAdapter(harnessFor('broken', broken), { envelopes: ['problem-details'] });
console.log(JSON.stringify({ passed: report.passed, failed: report.failures.map((f) => f.check) }));
