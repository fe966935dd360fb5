import { Module } from '@nestjs/common';

/** VVG's feedback on the county report, its decisions, and the actions they become in next year's cycle. */
@Module({})
export class FeedbackModule {}
