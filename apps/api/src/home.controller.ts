import { Controller, Get, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@arshjulet/org';

@ApiExcludeController()
@Controller()
export class HomeController {
  @Get()
  @Public()
  @Render('home')
  home(): { title: string } {
    return { title: 'Start' };
  }
}
