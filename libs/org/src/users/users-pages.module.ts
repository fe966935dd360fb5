import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { UsersPagesController } from './users-pages.controller.js';

/** The user administration pages: they need the web session (messages between pages), so they sit beside AuthModule. */
@Module({
  imports: [AuthModule],
  controllers: [UsersPagesController],
})
export class UsersPagesModule {}
