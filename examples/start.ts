// `npm start`: the pins API with every envelope side by side, and the curl lines that show each error.
import express from 'express';
import { ENVELOPES, type EnvelopeName } from '../src/index.js';
import { pinsApp } from './express.js';

const envelopes = Object.keys(ENVELOPES) as EnvelopeName[];
const app = express();
for (const envelope of envelopes) app.use(`/${envelope}`, pinsApp(envelope));
app.use('/', pinsApp('reason-details'));

const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : port}`;
  const lines = [
    `faultline example: the pins API on ${base}`,
    `(errors in the reason-details envelope at ${base}/, and in each envelope under ${envelopes.map((e) => `/${e}`).join(', ')})`,
    '',
    `curl -i ${base}/pins/404                                   # 404 NOT_FOUND`,
    `curl -i -X POST ${base}/pins -H 'content-type: application/json' -d '{"name":1}'   # 400 with field issues`,
    `curl -i -X POST ${base}/pins -H 'content-type: application/json' -d '{"cid":'      # 400 malformed JSON`,
    `curl -i -X POST ${base}/pins -H 'content-type: application/json' -d "{\\"cid\\":\\"$(head -c 2000 /dev/zero | tr '\\0' x)\\"}"   # 413`,
    `curl -i -X DELETE ${base}/pins/1                            # 401 with WWW-Authenticate`,
    `for i in 1 2 3 4 5 6; do curl -s -o /dev/null -w '%{http_code} ' ${base}/pins; done; echo   # 429 after 5`,
    `curl -i ${base}/report                                     # 500, internals hidden`,
    `curl -i ${base}/nowhere                                    # unmatched route`,
    `curl -I ${base}/pins/404                                   # HEAD: no body`,
    '',
    ...envelopes.map((e) => `curl -s ${base}/${e}/pins/404; echo   # ${e}`),
  ];
  console.log(lines.join('\n'));
});
