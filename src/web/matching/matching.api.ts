import { apiGet, apiSend } from '../shared/api-client.ts';

export interface AllocationMethod {
  method: 'deferred-acceptance' | 'welfare-lp';
  placed: number;
  unplaced: { profileId: string; name: string }[];
  totalScore: number;
  blockingPairs: number;
  millis: number;
  integral: boolean | null;
  fill: {
    jobId: string;
    title: string;
    employerName: string;
    capacity: number;
    filled: number;
    fillRate: number;
  }[];
  pairs: { jobId: string; profileId: string; name: string; score: number }[];
}

export interface AllocationReport {
  jobs: number;
  places: number;
  applicants: number;
  applications: number;
  deferredAcceptance: AllocationMethod;
  welfare: AllocationMethod;
}

export interface JobOption {
  id: string;
  title: string;
  employerName: string;
  placesLeft: number;
}

/** Job-fair allocation (POST /api/v1/allocations): a proposal to review, nothing is sent. */
export const matchingApi = {
  allocate: (body: { jobIds: string[]; zoneId?: string }) =>
    apiSend<AllocationReport>('POST', '/api/v1/allocations', body),
  zones: () => apiGet<{ items: { id: string; name: string }[] }>('/api/v1/zones').then((r) => r.items),
  searchJobs: (q: string) =>
    apiGet<{ items: JobOption[] }>('/api/v1/jobs', { q, limit: 30 }).then((r) => r.items),
};
