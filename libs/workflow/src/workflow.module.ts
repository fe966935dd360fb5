import { Global, Module } from '@nestjs/common';
import { TransitionRunner } from './transition-runner.js';

@Global()
@Module({ providers: [TransitionRunner], exports: [TransitionRunner] })
export class WorkflowModule {}
