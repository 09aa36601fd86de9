import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldProblem, localizeError } from '../errors.ts';
import { format, type Locale, negotiateLocale } from '../i18n/locale.ts';
import { type FieldMessageKey, fieldMessages, typeNames } from '../platform.errors.ts';

const PROBLEM_TYPE_BASE = 'urn:gongyou:problem:';

export function requestLocale(request: FastifyRequest): Locale {
  return negotiateLocale(request.headers['accept-language']);
}

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string | undefined;
  params?: Record<string, unknown>;
}

const CONTEXT_PREFIX: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

function isFieldMessageKey(key: string): key is FieldMessageKey {
  return key in fieldMessages;
}

/** Turns schema-validation issues into field problems with messages in the caller's language. */
export function fieldProblems(issues: ValidationIssue[], context: string, locale: Locale): FieldProblem[] {
  const prefix = CONTEXT_PREFIX[context] ?? context;
  const problems: FieldProblem[] = [];
  for (const issue of issues) {
    const path = issue.instancePath.split('/').filter(Boolean).join('.');
    const params = issue.params ?? {};
    let code: FieldMessageKey = 'invalid';
    if (issue.message && isFieldMessageKey(issue.message)) {
      code = issue.message;
    } else if (issue.keyword === 'invalid_type' && params.input === undefined) {
      code = 'required';
    } else if (isFieldMessageKey(issue.keyword)) {
      code = issue.keyword;
    }
    const values: Record<string, string | number> = {
      expected: typeNames[String(params.expected)]?.[locale] ?? String(params.expected ?? ''),
      minimum: String(params.minimum ?? ''),
      maximum: String(params.maximum ?? ''),
      options: Array.isArray(params.values) ? params.values.join(' / ') : '',
    };
    const message = format(fieldMessages[code][locale], values);
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(params.keys)) {
      for (const key of params.keys) {
        problems.push({ field: [prefix, path, String(key)].filter(Boolean).join('.'), code, message });
      }
    } else {
      problems.push({ field: [prefix, path].filter(Boolean).join('.'), code, message });
    }
  }
  return problems;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  field?: string;
  errors?: FieldProblem[];
}

export function buildProblem(
  request: FastifyRequest,
  code: string,
  options: {
    params?: Record<string, string | number>;
    field?: string | undefined;
    errors?: FieldProblem[];
  } = {},
): Problem {
  const locale = requestLocale(request);
  const field = options.field ?? options.errors?.[0]?.field;
  const params = { field: field ?? '', ...options.params };
  if (options.errors?.length) {
    params.field = options.errors.map((e) => `${e.field} ${e.message}`).join('；');
  }
  const { status, message } = localizeError(code, locale, params);
  const problem: Problem = {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: message,
    status,
    detail: message,
    code,
    instance: request.url,
    requestId: String(request.id),
  };
  if (field) {
    problem.field = field;
  }
  if (options.errors?.length) {
    problem.errors = options.errors;
  }
  return problem;
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

/** The one place errors become HTTP responses. 5xx details never leave the server. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const locale = requestLocale(request);
    if (error instanceof AppError) {
      const options: Parameters<typeof buildProblem>[2] = { params: error.params, field: error.field };
      if (error.errors) {
        options.errors = error.errors;
      }
      const problem = buildProblem(request, error.code, options);
      if (problem.status >= 500) {
        request.log.error({ err: error }, 'application error');
      }
      return sendProblem(reply, problem);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = (error as { validationContext?: string }).validationContext ?? 'body';
      const errors = fieldProblems(error.validation as ValidationIssue[], context, locale);
      return sendProblem(reply, buildProblem(request, 'platform/validation', { errors }));
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(reply, buildProblem(request, 'platform/malformed-json', { field: 'body' }));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(
          reply,
          buildProblem(request, 'platform/body-too-large', {
            field: 'body',
            params: { limit: `${Math.round(request.routeOptions.bodyLimit / 1024)} KB` },
          }),
        );
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(
          reply,
          buildProblem(request, 'platform/unsupported-media-type', { field: 'body' }),
        );
      default:
        break;
    }
    if (error.statusCode === 429) {
      return sendProblem(reply, buildProblem(request, 'platform/rate-limited'));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const problem = buildProblem(request, 'platform/validation', { field: 'request' });
      problem.status = error.statusCode;
      return sendProblem(reply, problem);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, buildProblem(request, 'platform/internal'));
  });
}
