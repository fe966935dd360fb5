import { Controller, Get, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { CycleStartService, cycleStartView } from '@arshjulet/cycle';
import { Public } from '@arshjulet/org';

/**
 * The start page: the app's composition root asks each lib what is expected of the signed-in person now (today
 * the cycle lib; the analysis and report libs add theirs) and shows it with the wheel.
 */
@ApiExcludeController()
@Controller()
export class HomeController {
  constructor(private readonly cycles: CycleStartService) {}

  @Get()
  @Public()
  @Render('home/index')
  async home(@Ctx() ctx: RequestContext) {
    return { title: 'Start', start: ctx.actor?.userId ? cycleStartView(await this.cycles.forMe(ctx)) : null };
  }
}
