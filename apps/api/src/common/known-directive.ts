import type { DirectiveSummaryRepository } from '@app/read-models';
import { notFound } from '../errors/api-error';

/** A list filtered by a directive that does not exist is a 404, not an empty page (a typo would read as "nothing to do"). */
export async function requireKnownDirective(directives: DirectiveSummaryRepository, directiveId: string | undefined): Promise<void> {
  if (directiveId !== undefined && !(await directives.find(directiveId))) throw notFound('Directive', directiveId);
}
