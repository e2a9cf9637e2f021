// The pins API of `examples/express.ts` as a Nest app: the same domain module, unchanged; only the
// faultline lines differ (`FaultlineModule.forRoot`, `@RateLimit`, `@Validate`). Run it with
// `npx tsx examples/nest.ts` (PORT to change the port, ENVELOPE to pick the envelope). tsx emits no
// decorator metadata, so every constructor dependency names its token with `@Inject()`.
import { pathToFileURL } from 'node:url';
import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Module,
  Param,
  Post,
  type DynamicModule,
  type INestApplication,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { FaultlineModule, RateLimit, Validate } from '../adapters/nest/index.js';
import { ENVELOPES, type EnvelopeName } from '../src/index.js';
import { pinSchema, type NewPin } from './pins/schema.js';
import { PinService, type Pin } from './pins/service.js';

const PINS = Symbol('PinService');

// 5 requests per 10 s per client on /pins: RateLimit fields on every answer, a 429 for the 6th. The
// limiter is made when the class is decorated: one bucket per process, whatever the number of apps.
@Controller('pins')
@RateLimit({ limiter: new RateLimiterMemory({ points: 5, duration: 10 }) })
class PinsController {
  constructor(@Inject(PINS) private readonly pins: PinService) {}

  @Get()
  list(): { count: number; results: Pin[] } {
    return { count: this.pins.list().length, results: this.pins.list() };
  }

  @Get(':id')
  get(@Param('id') id: string): Pin {
    return this.pins.get(id);
  }

  @Post()
  @HttpCode(202)
  @Validate({ body: pinSchema })
  add(@Body() body: NewPin): Pin {
    return this.pins.add(body);
  }

  @Delete(':id')
  @HttpCode(202)
  remove(@Param('id') id: string, @Headers('authorization') authorization: string | undefined): void {
    this.pins.remove(id, authorization);
  }
}

@Controller('report')
class ReportController {
  constructor(@Inject(PINS) private readonly pins: PinService) {}

  @Get()
  report(): never {
    return this.pins.report();
  }
}

@Module({})
// oxlint-disable-next-line typescript/no-extraneous-class -- a Nest module is a decorated class by design
class PinsModule {}

function pinsModule(envelope: EnvelopeName): DynamicModule {
  return {
    module: PinsModule,
    imports: [FaultlineModule.forRoot({ envelope, messages: { 500: 'An unexpected error occurred' } })],
    controllers: [PinsController, ReportController],
    providers: [{ provide: PINS, useValue: new PinService() }],
  };
}

/** The pins API on Nest (platform-express), its errors in the given envelope. */
export async function pinsNestApp(envelope: EnvelopeName): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(pinsModule(envelope), new ExpressAdapter(), { logger: ['warn', 'error'] });
  app.useBodyParser('json', { limit: '1kb' });
  return app;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const envelope = (process.env.ENVELOPE ?? 'reason-details') as EnvelopeName;
  if (!(envelope in ENVELOPES)) throw new Error(`ENVELOPE must be one of ${Object.keys(ENVELOPES).join(', ')}`);
  const app = await pinsNestApp(envelope);
  await app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
  const base = await app.getUrl();
  console.log(
    [
      `faultline example: the pins API on Nest at ${base} (errors in ${envelope})`,
      `curl -i ${base}/pins/404                 # 404`,
      `curl -i -X POST ${base}/pins -H 'content-type: application/json' -d '{"name":1}'   # 400 with field issues`,
      `curl -i -X POST ${base}/pins -H 'content-type: application/json' -d '{"cid":'      # 400 malformed JSON`,
      `curl -i -X DELETE ${base}/pins/1         # 401 with WWW-Authenticate`,
      `curl -i ${base}/report                   # 500, internals hidden`,
      `curl -i ${base}/nowhere                  # unmatched route`,
    ].join('\n'),
  );
}
