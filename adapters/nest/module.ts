import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { checkOptions, FAULTLINE_OPTION_RULES, resolveSettings, type FaultlineOptions } from '../../src/kit.js';
import { FAULTLINE_OPTIONS, FaultlineFilter } from './filter.js';

/**
 * `imports: [FaultlineModule.forRoot(options)]` registers `FaultlineFilter` as a global filter
 * (`APP_FILTER`), made by Nest's container: the same as `app.useGlobalFilters(new FaultlineFilter(options))`
 * without touching `main.ts`. The options are also provided as `FAULTLINE_OPTIONS`.
 */
@Module({})
// oxlint-disable-next-line typescript/no-extraneous-class -- a Nest module is a decorated class by design
export class FaultlineModule {
  static forRoot(options: FaultlineOptions = {}): DynamicModule {
    // Checked here, where the app names them, not later when Nest's container makes the filter.
    checkOptions(options, FAULTLINE_OPTION_RULES, 'FaultlineModule.forRoot()');
    resolveSettings(options);
    return {
      module: FaultlineModule,
      global: true,
      providers: [
        { provide: FAULTLINE_OPTIONS, useValue: options },
        { provide: APP_FILTER, useClass: FaultlineFilter },
      ],
      exports: [FAULTLINE_OPTIONS],
    };
  }
}
