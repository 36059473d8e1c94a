import type { Projector } from '@app/event-store';
import { projectDirectiveSummary } from './directive-summary/directive-summary.projection';
import { projectorOf } from './projector';

/** Every read model dondoc keeps, in the order they are applied. */
export function dondocProjector(): Projector {
  return projectorOf([projectDirectiveSummary]);
}
