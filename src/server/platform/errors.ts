import { DEFAULT_LOCALE, format, type Locale, type Localized } from './i18n/locale.ts';

/**
 * One error model (STYLE.md rule 8). Services throw AppError with a stable code such as
 * `org/member-not-found`; the HTTP layer turns it into RFC 9457 problem+json with the
 * status and the message registered for that code, in the caller's language.
 */
export interface ErrorDefinition {
  status: number;
  message: Localized;
}

export type ErrorCatalog = Record<string, ErrorDefinition>;

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `body.nationalId` or `query.limit`. */
  field: string;
  code: string;
  message: string;
}

export class AppError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;
  readonly field: string | undefined;
  readonly errors: FieldProblem[] | undefined;

  constructor(
    code: string,
    options: {
      params?: Record<string, string | number>;
      field?: string;
      errors?: FieldProblem[];
      cause?: unknown;
    } = {},
  ) {
    super(code, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.params = options.params ?? {};
    this.field = options.field;
    this.errors = options.errors;
  }
}

export function defineErrors<T extends ErrorCatalog>(catalog: T): T {
  return catalog;
}

const registry = new Map<string, ErrorDefinition>();

/** Each module registers its catalogue once at start (see app.ts). */
export function registerErrors(catalog: ErrorCatalog): void {
  for (const [code, def] of Object.entries(catalog)) {
    const existing = registry.get(code);
    if (existing && existing !== def) {
      throw new Error(`Error code registered twice: ${code}`);
    }
    registry.set(code, def);
  }
}

export function errorDefinition(code: string): ErrorDefinition | undefined {
  return registry.get(code);
}

export function registeredErrorCodes(): string[] {
  return [...registry.keys()];
}

export function localizeError(
  code: string,
  locale: Locale,
  params: Record<string, string | number> = {},
): { status: number; message: string } {
  const def = registry.get(code) ?? registry.get('platform/internal');
  if (!def) {
    return { status: 500, message: code };
  }
  return { status: def.status, message: format(def.message[locale] ?? def.message[DEFAULT_LOCALE], params) };
}
