import { Global, Module } from '@nestjs/common';
import { INDICATOR_CHARTS_PORT } from '@arshjulet/indicators';
import { IndicatorChartsAdapter } from './indicator-charts.adapter.js';

/** Global so the indicators lib (below this one) receives the INDICATOR_CHARTS_PORT it declares without importing it. */
@Global()
@Module({
  providers: [IndicatorChartsAdapter, { provide: INDICATOR_CHARTS_PORT, useExisting: IndicatorChartsAdapter }],
  exports: [INDICATOR_CHARTS_PORT],
})
export class IndicatorChartsModule {}
