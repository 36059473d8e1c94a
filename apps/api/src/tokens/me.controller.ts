import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { PrincipalView } from './dto/token.views';

@ApiTags('tokens')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No bearer token, or an unknown or revoked one' })
@Controller('api/me')
export class MeController {
  @Get()
  @ApiOperation({ summary: "The caller's role and, for an agency token, its agency" })
  @ApiOkResponse({ type: PrincipalView })
  me(@CurrentPrincipal() principal: Principal): PrincipalView {
    return { tokenId: principal.tokenId, role: principal.role, agency: principal.agency };
  }
}
