import type { Actor } from '@app/domain';
import { ApiError } from '../errors/api-error';
import type { Principal } from './principal';

/** The domain actor a principal acts as; viewers only read, so asking for theirs is refused (403). */
export function actorOf(principal: Principal): Actor {
  switch (principal.role) {
    case 'agency':
      if (!principal.agency) throw new ApiError(403, 'FORBIDDEN', 'This agency token is bound to no agency');
      return { kind: 'agency', agency: principal.agency };
    case 'supervisor':
      return { kind: 'supervisor' };
    case 'admin':
      return { kind: 'admin' };
    case 'viewer':
      throw new ApiError(403, 'FORBIDDEN', 'A viewer token can only read');
  }
}
