/**
 * The shapes the dashboard reads, from the types generated from the API's OpenAPI document
 * (client/openapi.d.ts, `npm run client:generate`): the same document integrators get, checked
 * against the live API by test/integration/client-types.test.ts. They are erased at build time
 * (the dashboard talks to the API over HTTP and nothing else), but if the API changes a field,
 * `npm run typecheck` fails here instead of a page silently showing blanks.
 */
import type { components, paths } from '../../../client/openapi.js';

type Schemas = components['schemas'];

/** The JSON answer of `method` at a documented path, for one status. */
type AnswerOf<P extends keyof paths, M extends keyof paths[P], S extends number = 200> = paths[P][M] extends {
  responses: infer R;
}
  ? S extends keyof R
    ? R[S] extends { content: { 'application/json': infer T } }
      ? T
      : never
    : never
  : never;

export type CitationsReport = Schemas['CitationsReport'];
export type SourceCategoryTrendsReport = Schemas['SourceCategoryTrendsReport'];
export type SourceCategoryOverride = Schemas['SourceCategoryOverride'];
export type CompetitorGapReport = Schemas['CompetitorGapReport'];
export type ExperimentsReport = Schemas['ExperimentsReport'];
export type ExperimentPair = ExperimentsReport['pairs'][number];
export type ShareOfVoiceReport = Schemas['ShareOfVoiceReport'];
export type TrendsReport = Schemas['TrendsReport'];
export type VisibilityReport = Schemas['VisibilityReport'];
export type SpendReport = AnswerOf<'/v1/workspaces/{workspaceId}/reports/spend', 'get'>;
export type UntrackedReport = AnswerOf<'/v1/workspaces/{workspaceId}/reports/untracked', 'get'>;
export type SearchQueriesReport = Schemas['SearchQueriesReport'];
export type ImpactReport = Schemas['ImpactReport'];
export type AppGapReport = Schemas['AppGapReport'];
export type ChangeEvent = Schemas['ChangeEvent'];

export type Workspace = Schemas['Workspace'];
export type Organization = Schemas['Organization'];
export type Brand = Schemas['Brand'];
export type Audit = Schemas['Audit'];
export type AuditDraftEstimate = AnswerOf<'/v1/workspaces/{workspaceId}/audits/estimate', 'post'>;
export type AnalysisPreview = AnswerOf<'/v1/workspaces/{workspaceId}/analysis-preview', 'post'>;
export type SchedulePreview = AnswerOf<'/v1/workspaces/{workspaceId}/schedule-preview', 'post'>;
export type Providers = AnswerOf<'/v1/providers', 'get'>;
export type ProviderInfo = Providers['providers'][number];
export type ProviderParameter = ProviderInfo['parameters'][number];
export type ModelConfig = Schemas['ModelConfig'];
export type Prompt = Schemas['Prompt'];
export type Run = Schemas['Run'];
export type Suggestion = Schemas['Suggestion'];
export type Answer = Schemas['Answer'];
export type AnswerMention = Answer['mentions'][number];
export type Proportion = Schemas['Proportion'];
export type Share = Schemas['Share'];
export type Mean = Schemas['Mean'];
export type StanceAgreement = Schemas['StanceAgreement'];
export type RunPrecision = Schemas['RunPrecision'];

/** Every list endpoint answers one page and the cursor of the next. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export type Me = Schemas['Me'];
export type Membership = Me['organizations'][number];
export type Role = Membership['role'];
export type SignInSession = Schemas['Session'];

export type Member = Schemas['Member'];
export type Invitation = Schemas['Invitation'];
/** GET /v1/invitations/lookup?token=… (public). */
export type InvitationLookup = Schemas['InvitationLookup'];
export type AuditEvent = Schemas['AuditEvent'];

/** GET /v1/auth/providers: how people may sign in on this deployment. */
export type SignInProviders = Schemas['AuthProviders'];

export type Webhook = Schemas['Webhook'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type ApiKey = Schemas['ApiKey'];
export type ApiKeyCreated = Schemas['ApiKeyCreated'];
export type ProviderCredential = Schemas['ProviderCredential'];
export type Reanalysis = Schemas['Reanalysis'];
