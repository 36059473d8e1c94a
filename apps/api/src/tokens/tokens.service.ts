import { Injectable } from '@nestjs/common';
import { findAgency } from '@app/agencies';
import { requireAssignable } from '../common/known-agency';
import { ApiError, notFound } from '../errors/api-error';
import { ApiTokensRepository, type ApiTokenRecord } from './api-tokens.repository';
import type { CreateTokenDto } from './dto/create-token.dto';
import type { CreatedTokenView } from './dto/token.views';
import { generateToken, hashToken } from './token-secret';

@Injectable()
export class TokensService {
  constructor(private readonly tokens: ApiTokensRepository) {}

  /** Mints a token; its secret is in this answer only. */
  async create(dto: CreateTokenDto): Promise<CreatedTokenView> {
    if (dto.role === 'agency' && dto.agency === undefined) throw invalid('An agency token needs "agency", the code of its agency');
    if (dto.role !== 'agency' && dto.agency !== undefined) throw invalid(`A ${dto.role} token is bound to no agency; leave "agency" out`);
    if (dto.agency !== undefined) {
      if (!findAgency(dto.agency)) throw new ApiError(400, 'UNKNOWN_AGENCY', `No agency has the code ${dto.agency} (see GET /api/agencies)`, { field: 'agency' });
      // Never given work: its token would see nothing.
      requireAssignable(dto.agency, 'agency');
    }
    const token = generateToken();
    const record = await this.tokens.insert({ role: dto.role, agency: dto.agency ?? null, label: dto.label ?? null, tokenHash: hashToken(token) });
    return { id: record.id, role: record.role, agency: record.agency, label: record.label, token };
  }

  list(): Promise<ApiTokenRecord[]> {
    return this.tokens.list();
  }

  async revoke(id: string): Promise<void> {
    const token = await this.tokens.find(id);
    if (!token) throw notFound('Token', id);
    if (token.bootstrap) throw new ApiError(409, 'TOKEN_NOT_REVOCABLE', 'The DONDOC_ADMIN_TOKEN admin token is revoked by changing that variable');
    if (!(await this.tokens.revokeUnlessLastAdmin(id))) {
      throw new ApiError(409, 'LAST_ADMIN_TOKEN', 'This is the last admin token: mint another admin token first, or nobody could manage tokens until the API restarts');
    }
  }
}

const invalid = (message: string): ApiError => new ApiError(400, 'VALIDATION_FAILED', message);
