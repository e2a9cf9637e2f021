// NestJS with Nest's own Logger as faultline's logger: every error is one line in the app's log
// (whatever LoggerService the app uses: ConsoleLogger, nestjs-pino, winston …), 5xx with the stack
// and cause chain, 4xx at warn.
//
//   npx tsx examples/logging/nest-logger.ts
//   curl -i http://127.0.0.1:3000/pins/7 -H 'X-Request-Id: abc-123'   # WARN  [Faultline] 404 NOT_FOUND GET /pins/7 (request abc-123): No pin 7
//   curl -i http://127.0.0.1:3000/report                               # ERROR [Faultline] 500 …, then the stack and "Caused by:" stacks
import { pathToFileURL } from 'node:url';
import { Controller, Get, Logger, Module, Param, type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FaultlineModule } from '../../adapters/nest/index.js'; // 'faultline/nest'
import { errors, logErrors } from '../../src/index.js'; // 'faultline'

@Controller()
class PinsController {
  @Get('pins/:id')
  pin(@Param('id') id: string): never {
    throw errors.notFound(`No pin ${id}`);
  }

  @Get('report')
  report(): never {
    const socket = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    throw new Error('Report store unavailable', { cause: new Error('query failed', { cause: socket }) });
  }
}

@Module({
  imports: [
    // Nest's Logger writes through whichever LoggerService the app was created with. `format: 'text'`
    // because a Nest logger takes (message, stack): one escaped line, and the stack beside it.
    FaultlineModule.forRoot({ onError: logErrors(new Logger('Faultline'), { format: 'text' }) }),
  ],
  controllers: [PinsController],
})
// oxlint-disable-next-line typescript/no-extraneous-class -- a Nest module is a decorated class by design
class AppModule {}

/** The app, logging through `logger` (Nest's ConsoleLogger when none is given). */
export async function loggedNestApp(logger?: LoggerService): Promise<INestApplication> {
  return NestFactory.create(AppModule, logger === undefined ? {} : { logger });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const app = await loggedNestApp();
  await app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
}
