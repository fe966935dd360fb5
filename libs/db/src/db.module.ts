import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { buildDataSourceOptions, DataSourceSettings } from './data-source.options.js';
import { MigrationService } from './migration.service.js';
import { TransactionalConnection } from './transactional-connection.js';

@Global()
@Module({})
export class DbModule {
  static forRoot(settings: DataSourceSettings): DynamicModule {
    return {
      module: DbModule,
      imports: [TypeOrmModule.forRoot(buildDataSourceOptions(settings))],
      providers: [TransactionalConnection, MigrationService],
      exports: [TransactionalConnection],
    };
  }
}
