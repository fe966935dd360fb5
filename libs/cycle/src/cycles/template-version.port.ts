import type { RequestContext } from '@arshjulet/core';

/**
 * What the cycle needs to know about analysis templates, declared here and provided by the templates lib (which
 * sits above cycle and may not be imported by it): the default version a cycle pins, and whether an id is one.
 */
export interface TemplateVersionPort {
  /** The version published most recently, or null when none is. */
  latestPublishedId(ctx: RequestContext): Promise<string | null>;
  isPublished(ctx: RequestContext, versionId: string): Promise<boolean>;
}

export const TEMPLATE_VERSION_PORT = Symbol.for('arshjulet.cycle.TemplateVersionPort');
