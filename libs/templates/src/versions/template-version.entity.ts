import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { User } from '@arshjulet/org';
import type { TemplateDefinition, TemplateVersionStatus } from '../definition/template-definition.js';
import { Template } from './template.entity.js';

/**
 * One version of a template. A draft is edited (optimistic `version`); once published it never changes — the
 * service refuses and a database trigger refuses too — so tasks pinned to it keep the form they were given.
 */
@Entity()
@Check('ck_template_version_status', "status IN ('draft', 'published')")
@Index(['templateId', 'number'], { unique: true })
@Index('ix_template_version_one_draft', ['templateId'], { unique: true, where: "status = 'draft'" })
export class TemplateVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  templateId: string;

  @ManyToOne(() => Template, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'template_id' })
  template?: Template;

  /** 1, 2, 3 … within the template. */
  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: TemplateVersionStatus;

  @Column({ type: 'jsonb' })
  definition: TemplateDefinition;

  /** The version this one was copied from ("copy last year's"). */
  @Column({ type: 'uuid', nullable: true })
  copiedFromId: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User | null;

  @Column({ type: 'uuid', nullable: true })
  publishedById: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'published_by_id' })
  publishedBy?: User | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
