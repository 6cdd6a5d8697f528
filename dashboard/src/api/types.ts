/**
 * The shapes the dashboard reads, taken from the API's own zod schemas as types only: they are
 * erased at build time (the dashboard talks to the API over HTTP and nothing else), but if the
 * API changes a field, `npm run typecheck` fails here instead of a page silently showing blanks.
 */
import type { z } from 'zod';
import type { MeDto, SessionDto } from '../../../src/modules/accounts/accounts.schemas.js';
import type { auditEventDto } from '../../../src/modules/audit-log/audit-log.schemas.js';
import type { invitationDto, invitationLookup } from '../../../src/modules/invitations/invitations.schemas.js';
import type { memberDto } from '../../../src/modules/members/members.schemas.js';
import type { answerDto, answerMention } from '../../../src/modules/answers/answers.schemas.js';
import type { auditDto } from '../../../src/modules/audits/audits.schemas.js';
import type { brandDto } from '../../../src/modules/brands/brands.schemas.js';
import type { modelConfigDto } from '../../../src/modules/model-configs/model-configs.schemas.js';
import type { promptDto } from '../../../src/modules/prompts/prompts.schemas.js';
import type {
  ShareOfVoiceReport,
  TrendsReport,
  VisibilityReport,
} from '../../../src/modules/reports/brand-reports.schemas.js';
import type { CitationsReport } from '../../../src/modules/reports/citations.schemas.js';
import type { CompetitorGapReport } from '../../../src/modules/reports/competitor-gap.schemas.js';
import type { SpendReport } from '../../../src/modules/reports/spend.schemas.js';
import type { UntrackedReport } from '../../../src/modules/reports/untracked.schemas.js';
import type { ExperimentPair, ExperimentsReport } from '../../../src/modules/reports/experiments.schemas.js';
import type { mean, proportion, share } from '../../../src/modules/reports/reports.schemas.js';
import type { AnalysisPreviewDto, SchedulePreviewDto } from '../../../src/modules/previews/previews.schemas.js';
import type { ParameterDto, ProviderDto, ProvidersDto } from '../../../src/modules/providers/providers.schemas.js';
import type { runDto, StanceAgreementDto } from '../../../src/modules/runs/runs.schemas.js';
import type { organizationDto } from '../../../src/modules/organizations/organizations.schemas.js';
import type { workspaceDto } from '../../../src/modules/workspaces/workspaces.schemas.js';
import type { deliveryDto, webhookDto } from '../../../src/modules/webhooks/webhooks.schemas.js';
import type { apiKeyCreated, apiKeyDto } from '../../../src/modules/api-keys/api-keys.schemas.js';
import type { credentialDto } from '../../../src/modules/provider-credentials/provider-credentials.schemas.js';
import type { reanalysisDto } from '../../../src/modules/reanalyses/reanalyses.schemas.js';

export type Workspace = z.infer<typeof workspaceDto>;
export type Organization = z.infer<typeof organizationDto>;
export type Brand = z.infer<typeof brandDto>;
export type Audit = z.infer<typeof auditDto>;
/** POST …/analysis-preview, GET /v1/providers, POST …/schedule-preview. */
export type AnalysisPreview = AnalysisPreviewDto;
export type SchedulePreview = SchedulePreviewDto;
export type Providers = ProvidersDto;
export type ProviderInfo = ProviderDto;
export type ProviderParameter = ParameterDto;
export type ModelConfig = z.infer<typeof modelConfigDto>;
export type Prompt = z.infer<typeof promptDto>;
export type Run = z.infer<typeof runDto>;
export type StanceAgreement = StanceAgreementDto;
export type Answer = z.infer<typeof answerDto>;
export type AnswerMention = z.infer<typeof answerMention>;
export type Proportion = z.infer<typeof proportion>;
export type Share = z.infer<typeof share>;
export type Mean = z.infer<typeof mean>;
export type {
  CitationsReport,
  CompetitorGapReport,
  ExperimentPair,
  ExperimentsReport,
  ShareOfVoiceReport,
  TrendsReport,
  VisibilityReport,
};

/** Every list endpoint answers one page and the cursor of the next. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export type Me = MeDto;
export type Membership = Me['organizations'][number];
export type Role = Membership['role'];
export type SignInSession = SessionDto;

export type Member = z.infer<typeof memberDto>;
export type Invitation = z.infer<typeof invitationDto>;
/** GET /v1/invitations/lookup?token=… (public). */
export type InvitationLookup = z.infer<typeof invitationLookup>;
export type AuditEvent = z.infer<typeof auditEventDto>;

/** GET /v1/auth/providers: how people may sign in on this deployment. */
export interface SignInProviders {
  sso?: { enabled?: boolean; name?: string | null } | null;
}

export type Webhook = z.infer<typeof webhookDto>;
export type WebhookDelivery = z.infer<typeof deliveryDto>;
export type ApiKey = z.infer<typeof apiKeyDto>;
export type ApiKeyCreated = z.infer<typeof apiKeyCreated>;
export type ProviderCredential = z.infer<typeof credentialDto>;
export type Reanalysis = z.infer<typeof reanalysisDto>;
export type { SpendReport, UntrackedReport };
