import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProperty,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { TEXT_MAX, TextField } from '../../common/text-field';
import { ErrorBodyView } from '../../errors/dto/error-body.view';
import { ApiIdempotencyKey } from '../../idempotency';
import { DirectiveWithdrawalView } from './directive.views';

export class WithdrawDirectiveDto {
  @ApiProperty({ example: 'Thay thế bằng Thông báo kết luận số 145-TB/TU' })
  @TextField(TEXT_MAX)
  reason!: string;
}

/** A directive's withdrawal: what the workflow answers. */
export class DirectiveWithdrawalResultView {
  @ApiProperty({ example: 'TB-2023-03-22' })
  directiveId!: string;

  @ApiProperty({ type: Boolean, description: 'Always true: the directive is withdrawn' })
  withdrawn!: true;

  @ApiProperty({ type: DirectiveWithdrawalView })
  withdrawal!: DirectiveWithdrawalView;

  @ApiProperty({ example: 2, description: "The directive stream's version" })
  version!: number;

  @ApiProperty({ type: [String], example: ['TB-2023-03-22-A1', 'TB-2023-03-22-A3'], description: 'Withdrawn by this request ("each of" parents withdraw their tracks)' })
  withdrawnAssignments!: string[];

  @ApiProperty({ type: [String], example: ['TB-2023-03-22-A2'], description: 'Closed or withdrawn before, left as they were' })
  alreadyClosedAssignments!: string[];
}

export function WithdrawDirectiveDocs(): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: 'Withdraw the directive and every assignment of it still open; its monitoring ends. Answers the directive as withdrawn and which assignments this withdrew' }),
    ApiIdempotencyKey(),
    ApiOkResponse({ type: DirectiveWithdrawalResultView }),
    ApiBadRequestResponse({ type: ErrorBodyView, description: 'No reason, or not text (VALIDATION_FAILED), a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY)' }),
    ApiForbiddenResponse({ type: ErrorBodyView, description: 'Any other role: FORBIDDEN' }),
    ApiNotFoundResponse({ type: ErrorBodyView, description: 'No directive has this id (NOT_FOUND)' }),
    ApiConflictResponse({ type: ErrorBodyView, description: 'Withdrawn already (DIRECTIVE_WITHDRAWN)' }),
    ApiPayloadTooLargeResponse({ type: ErrorBodyView, description: 'A body over DONDOC_BODY_LIMIT (PAYLOAD_TOO_LARGE)' }),
    ApiUnsupportedMediaTypeResponse({ type: ErrorBodyView, description: 'A body sent as anything but JSON (UNSUPPORTED_MEDIA_TYPE)' }),
    ApiUnprocessableEntityResponse({ type: ErrorBodyView }),
  );
}
