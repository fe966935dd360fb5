import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { ThemeTagService } from '../themes/theme-tag.service.js';
import { TemplateService } from '../versions/template.service.js';
import { answerFormView } from './answer-form.view.js';
import { type FormBody, parseNewTemplateForm, parseVersionForm, templateListView, versionPath, versionView } from './template-pages.mapper.js';

/** The template editor's pages on TemplateService: list, create, edit the JSON, preview as the form, publish, copy. */
@Injectable()
export class TemplatePagesService {
  constructor(
    private readonly templates: TemplateService,
    private readonly themes: ThemeTagService,
  ) {}

  async list(ctx: RequestContext) {
    return templateListView(await this.templates.list(ctx));
  }

  async create(ctx: RequestContext, body: FormBody) {
    const created = await this.templates.createDraft(ctx, parseNewTemplateForm(body));
    return { url: versionPath(created.id), notice: `Mallen ${created.name} är skapad som utkast.` };
  }

  async version(ctx: RequestContext, id: string) {
    return versionView(await this.templates.getVersion(ctx, id));
  }

  async save(ctx: RequestContext, id: string, body: FormBody) {
    const { rowVersion, name, definition } = parseVersionForm(body);
    const saved = await this.templates.updateDraft(ctx, id, rowVersion, { name, definition });
    return { url: versionPath(saved.id), notice: `Utkastet (version ${saved.version}) är sparat.` };
  }

  async preview(ctx: RequestContext, id: string) {
    const version = await this.templates.getVersion(ctx, id);
    const themeTags = (await this.themes.list(ctx)).filter((tag) => tag.active);
    return {
      title: `Förhandsgranskning: ${version.name}, version ${version.version}`,
      back: versionPath(id),
      preview: true,
      form: answerFormView({ definition: version.definition, answers: {}, themeTags }),
    };
  }

  async publishPage(ctx: RequestContext, id: string) {
    const version = await this.templates.getVersion(ctx, id);
    return { title: `Publicera ${version.name}, version ${version.version}`, back: versionPath(id), id, rowVersion: version.rowVersion, draft: version.status === 'draft', action: `${versionPath(id)}/publicera` };
  }

  async publish(ctx: RequestContext, id: string, body: FormBody) {
    const rowVersion = Number(typeof body?.rowVersion === 'string' ? body.rowVersion : '') || undefined;
    const published = await this.templates.publish(ctx, id, rowVersion);
    return { url: versionPath(published.id), notice: `Version ${published.version} är publicerad. Nya årshjul använder den.` };
  }

  async copy(ctx: RequestContext, id: string) {
    const draft = await this.templates.copy(ctx, id);
    return { url: versionPath(draft.id), notice: `Version ${draft.version} är skapad som utkast, kopierad från den du läste.` };
  }

  /** The editor again after a refusal: what was typed, every problem beside the definition, or the draft as it is now. */
  async refused(ctx: RequestContext, id: string, body: Record<string, string>, exception: { detail: string; errors: Array<{ path: string; message: string }>; extensions: Record<string, unknown> }) {
    const current = await this.templates.getVersion(ctx, id);
    if (exception.extensions.current) {
      return { ...versionView(current, { error: `${exception.detail} Rutan visar utkastet som det är nu; din text står under den.` }), yourText: body.definition ?? '' };
    }
    return versionView(current, { name: body.name, definitionText: body.definition, rowVersion: Number(body.rowVersion) || current.rowVersion, errors: exception.errors, error: exception.errors.length ? null : exception.detail });
  }

}
