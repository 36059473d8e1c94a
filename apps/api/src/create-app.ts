import 'reflect-metadata';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { isJson, isNoticeImport, isPlainText, markUnsupportedBodies } from './common/json-bodies.middleware';
import { JsonBodyPipe } from './common/json-body.pipe';
import { SingleQueryValuePipe } from './common/single-query-value.pipe';
import { TextInputPipe } from './common/text-input.pipe';
import { refuseNonUtf8Body } from './common/utf8-body';
import type { ApiConfig } from './core/core.module';
import { GracefulShutdown } from './core/graceful-shutdown';
import { ErrorsFilter } from './errors/errors.filter';
import { validationFailure } from './errors/validation-failure';

/** Builds the configured HTTP application; main.ts and the e2e tests both use it. */
export async function createApp(config: ApiConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false, forceCloseConnections: true });
  // forceCloseConnections only cuts off what GracefulShutdown's drain left running past its grace period.
  app.useLogger(app.get(Logger));
  const shutdown = app.get(GracefulShutdown);
  // While draining, each answer closes its connection: a keep-alive client sends its next request to another instance.
  app.use((_request: IncomingMessage, response: ServerResponse, next: () => void) => {
    if (shutdown.isStopping) response.setHeader('connection', 'close');
    next();
  });
  app.use(markUnsupportedBodies);
  // A notice sent as JSON is the wrong media type (415 from the import), not malformed JSON (a 400 from the parser).
  // Nest keeps `verify` out of the options' type for `rawBody: true`, which this app does not set, and passes it on.
  const json = { limit: config.bodyLimit, verify: refuseNonUtf8Body, type: (request: IncomingMessage) => isJson(request) && !isNoticeImport(request) };
  app.useBodyParser('json', json);
  // A notice arrives as bytes, decoded by the import (UTF-16 with its BOM, Word's "Unicode Text", says so only there).
  app.useBodyParser('raw', { limit: config.bodyLimit, type: (request: IncomingMessage) => isNoticeImport(request) && isPlainText(request) });
  // One message per field: `?limit=abc` is not also "less than 1" and "greater than 500".
  app.useGlobalPipes(new JsonBodyPipe(), new SingleQueryValuePipe(), new TextInputPipe(), new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: true, exceptionFactory: validationFailure }));
  app.useGlobalFilters(new ErrorsFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('dondoc API')
      .setDescription('Follow up directives until every assigned task is done')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
