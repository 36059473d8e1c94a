import { ApiProperty } from '@nestjs/swagger';

export class FeedEventView {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 'directive-TB-2023-03-22' })
  streamId!: string;

  @ApiProperty({ example: 1 })
  streamVersion!: number;

  @ApiProperty({ example: 'DirectiveCreated' })
  type!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  data!: unknown;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { kind: 'supervisor' } })
  actor!: unknown;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ description: 'The cursor just past this event (opaque)' })
  position!: string;
}

export class EventPageView {
  @ApiProperty({ type: [FeedEventView] })
  events!: FeedEventView[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?after= for the next page; null while the feed is empty' })
  nextCursor!: string | null;
}
