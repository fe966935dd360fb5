import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { OrgUnitsPagesController } from './org-units-pages.controller.js';

/** The org-unit administration pages: they need the web session (messages between pages), so they sit beside AuthModule. */
@Module({
  imports: [AuthModule],
  controllers: [OrgUnitsPagesController],
})
export class OrgUnitsPagesModule {}
