import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { buildDataSourceOptions, DataSourceSettings } from './data-source.options.js';
import { DailySweep } from './jobs/daily-sweep.service.js';
import { JobLedger } from './jobs/job-ledger.js';
import { MigrationService } from './migration.service.js';
import { TransactionalConnection } from './transactional-connection.js';

@Global()
@Module({})
export class DbModule {
  static forRoot(settings: DataSourceSettings): DynamicModule {
    return {
      module: DbModule,
      imports: [TypeOrmModule.forRoot(buildDataSourceOptions(settings)), DiscoveryModule],
      providers: [TransactionalConnection, MigrationService, JobLedger, DailySweep],
      exports: [TransactionalConnection, JobLedger, DailySweep],
    };
  }
}
