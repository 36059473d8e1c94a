import { Module } from '@nestjs/common';
import { TokensModule } from '../tokens/tokens.module';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

@Module({ imports: [TokensModule], controllers: [EventsController], providers: [EventsService] })
export class EventsModule {}
