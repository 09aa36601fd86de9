import { apiDownload, apiGet, apiSend, apiUpload, type Query } from '../shared/api-client.ts';
import type { ImportReport } from '../shared/import-report.tsx';

/**
 * Typed calls for the org module's endpoints (auth, organisations, members, accounts,
 * audit, reference). The shapes mirror `src/server/modules/org/org.schemas.ts`.
 */

// One list of roles and permissions for server and client: the server's table (pure data, no I/O).
export {
  PERMISSIONS,
  type Permission,
  ROLES,
  type Role,
} from '../../server/platform/auth/permissions.ts';

export const ORG_KINDS = [
  'national',
  'province',
  'city',
  'county',
  'street',
  'grassroots',
  'industry',
  'enterprise',
  'station',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const MEMBER_STATUSES = ['active', 'transferred', 'retired', 'left'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export interface Organisation {
  id: string;
  parentId: string | null;
  name: string;
  kind: OrgKind;
  divisionCode: string | null;
  depth: number;
  path: string;
  status: 'active' | 'closed';
  childCount: number;
  memberCount: number;
}

export interface Member {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  gender: Gender;
  ethnicity: string;
  phone: string;
  nationalId: string;
  masked: boolean;
  birthDate: string | null;
  trade: string | null;
  joinDate: string;
  status: MemberStatus;
  tags: string[];
  hasAccount: boolean;
}

export interface Grant {
  id: string;
  /** A `Role`, or one added on the server after this client was built. */
  role: string;
  orgId: string;
  orgName: string;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: Omit<Grant, 'id'>[];
  organisation: { id: string; name: string } | null;
  permissions: string[];
  member: Member | null;
}

export interface Account {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  status: 'active' | 'disabled';
  locked: boolean;
  lastLoginAt: string | null;
  grants: Grant[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  orgId: string | null;
  before: unknown;
  after: unknown;
  detail: string | null;
  requestId: string | null;
  ip: string | null;
}

export interface Reference {
  ethnicGroups: string[];
  orgKinds: string[];
  roles: string[];
}

export interface MemberFilters {
  q?: string;
  orgId?: string;
  status?: MemberStatus;
  gender?: Gender;
  tag?: string;
}

export interface MemberInput {
  orgId: string;
  name: string;
  gender?: Gender;
  ethnicity: string;
  phone: string;
  nationalId: string;
  trade?: string;
  joinDate: string;
  status?: MemberStatus;
  tags?: string[];
}

export interface MemberPatch {
  orgId?: string;
  name?: string;
  ethnicity?: string;
  phone?: string;
  trade?: string | null;
  status?: MemberStatus;
  tags?: string[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

function filterQuery(filters: MemberFilters): Query {
  return {
    q: filters.q,
    orgId: filters.orgId,
    status: filters.status,
    gender: filters.gender,
    tag: filters.tag,
  };
}

export const authApi = {
  login: (username: string, password: string) =>
    apiSend<{ ok: true; accountId: string }>('POST', '/api/v1/auth/login', { username, password }),
  logout: () => apiSend<undefined>('POST', '/api/v1/auth/logout'),
  me: () => apiGet<Me>('/api/v1/me'),
  changePassword: (currentPassword: string, newPassword: string) =>
    apiSend<undefined>('POST', '/api/v1/me/password', { currentPassword, newPassword }),
};

export const organisationApi = {
  list: (query: { parentId?: string; q?: string; includeClosed?: boolean } = {}) =>
    apiGet<{ items: Organisation[] }>('/api/v1/organisations', {
      parentId: query.parentId,
      q: query.q,
      includeClosed: query.includeClosed ? 'true' : undefined,
    }).then((r) => r.items),
  create: (body: { parentId: string; name: string; kind: OrgKind; divisionCode?: string }) =>
    apiSend<Organisation>('POST', '/api/v1/organisations', body),
  rename: (id: string, name: string) =>
    apiSend<Organisation>('PATCH', `/api/v1/organisations/${id}`, { name }),
  move: (id: string, parentId: string) =>
    apiSend<Organisation>('POST', `/api/v1/organisations/${id}/move`, { parentId }),
  close: (id: string) => apiSend<Organisation>('POST', `/api/v1/organisations/${id}/close`),
};

export const memberApi = {
  list: (filters: MemberFilters, page: { limit: number; cursor?: string | undefined; unmask?: boolean }) =>
    apiGet<Page<Member> & { total: number }>('/api/v1/members', {
      ...filterQuery(filters),
      limit: page.limit,
      cursor: page.cursor,
      unmask: page.unmask ? 'true' : undefined,
    }),
  get: (id: string, unmask = false) =>
    apiGet<Member>(`/api/v1/members/${id}`, { unmask: unmask ? 'true' : undefined }),
  create: (body: MemberInput) => apiSend<Member>('POST', '/api/v1/members', body),
  update: (id: string, body: MemberPatch) => apiSend<Member>('PATCH', `/api/v1/members/${id}`, body),
  export: (filters: MemberFilters, fallbackName: string) =>
    apiDownload('/api/v1/members/export', filterQuery(filters), fallbackName),
  import: (file: File, validRowsOnly: boolean) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiUpload<ImportReport>('/api/v1/members/import', form, {
      validRowsOnly: validRowsOnly ? 'true' : 'false',
    });
  },
};

export const accountApi = {
  list: (q?: string) => apiGet<{ items: Account[] }>('/api/v1/accounts', { q }).then((r) => r.items),
  create: (body: {
    username: string;
    displayName: string;
    phone?: string;
    password: string;
    orgId: string;
  }) => apiSend<Account>('POST', '/api/v1/accounts', body),
  grant: (id: string, role: string, orgId: string) =>
    apiSend<Account>('POST', `/api/v1/accounts/${id}/grants`, { role, orgId }),
  revoke: (id: string, grantId: string) =>
    apiSend<undefined>('DELETE', `/api/v1/accounts/${id}/grants/${grantId}`),
  unlock: (id: string) => apiSend<undefined>('POST', `/api/v1/accounts/${id}/unlock`),
};

export const auditApi = {
  list: (query: {
    limit: number;
    cursor?: string | undefined;
    action?: string;
    entity?: string;
    actor?: string;
  }) => apiGet<{ items: AuditEntry[]; nextCursor: number | null }>('/api/v1/audit', query),
};

export const referenceApi = {
  get: () => apiGet<Reference>('/api/v1/reference'),
};
