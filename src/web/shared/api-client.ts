/**
 * The one way the web app talks to the API: same-origin cookies, JSON, the UI language
 * in `Accept-Language` (the server writes its messages in it), and RFC 9457 problems
 * turned into an `ApiError` the forms can map onto their fields.
 */

export interface FieldProblem {
  /** As the server names it, e.g. `body.nationalId` or `query.cursor`. */
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  field?: string;
  errors?: FieldProblem[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly errors: FieldProblem[];

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.field = problem.field;
    this.errors = problem.errors ?? [];
  }

  /** Field errors keyed by the form field name (`body.nationalId` → `nationalId`). */
  fieldErrors(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const e of this.errors) {
      const name = formFieldOf(e.field);
      out.set(name, [...(out.get(name) ?? []), e.message]);
    }
    if (out.size === 0 && this.field) {
      out.set(formFieldOf(this.field), [this.message]);
    }
    return out;
  }
}

export function formFieldOf(field: string): string {
  return field.replace(/^(body|query|params)\./, '');
}

let languageOf: () => string = () => 'zh-CN';
let networkMessage: () => string = () => 'Network error';

/** The i18n setup registers how to read the current language and how to say "offline" in it. */
export function configureApiClient(options: { language: () => string; networkMessage: () => string }): void {
  languageOf = options.language;
  networkMessage = options.networkMessage;
}

/** Called on a 401 from any request but the login itself, so the app can show the sign-in page. */
let onUnauthorised: (() => void) | undefined;
export function setUnauthorisedHandler(handler: (() => void) | undefined): void {
  onUnauthorised = handler;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) {
    return path;
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  json?: unknown;
  form?: FormData;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { 'Accept-Language': languageOf() };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers: { Accept: 'application/json, application/problem+json, */*', ...headers },
      ...(body === undefined ? {} : { body }),
    });
  } catch {
    throw new ApiError({
      type: 'about:blank',
      title: 'network',
      status: 0,
      detail: networkMessage(),
      code: 'web/network',
    });
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && !path.endsWith('/auth/login')) {
      onUnauthorised?.();
    }
    throw new ApiError(problem);
  }
  return response;
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { status?: unknown }).status === 'number' &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const value: unknown = await response.json();
    if (isProblem(value)) {
      return { ...value, detail: value.detail || value.title };
    }
  } catch {
    // not JSON: fall through
  }
  return {
    type: 'about:blank',
    title: response.statusText,
    status: response.status,
    detail: response.statusText || `HTTP ${response.status}`,
    code: `http/${response.status}`,
  };
}

export async function apiGet<T>(path: string, query?: Query): Promise<T> {
  const response = await send(path, query ? { query } : {});
  return (await response.json()) as T;
}

export async function apiSend<T>(
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  json?: unknown,
  query?: Query,
): Promise<T> {
  const response = await send(path, {
    method,
    ...(json === undefined ? {} : { json }),
    ...(query ? { query } : {}),
  });
  if (response.status === 204) {
    return undefined as T;
  }
  return (await response.json()) as T;
}

export async function apiUpload<T>(path: string, form: FormData, query?: Query): Promise<T> {
  const response = await send(path, { method: 'POST', form, ...(query ? { query } : {}) });
  return (await response.json()) as T;
}

/** Fetches a file (so errors still arrive as problems) and hands it to the browser as a download. */
export async function apiDownload(
  path: string,
  query: Query | undefined,
  fallbackName: string,
): Promise<void> {
  const response = await send(path, query ? { query } : {});
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
  saveBlob(blob, name);
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) {
    return undefined;
  }
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    return decodeURIComponent(star[1]);
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1];
}
