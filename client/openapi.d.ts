/**
 * The Citewatch REST API's types, generated from its OpenAPI document by openapi-typescript.
 * Do not edit: run `npm run client:generate`. test/integration/client-types.test.ts fails when
 * this file and the API's document differ.
 */


/** OneOf type helpers */
type Without<T, U> = { [P in Exclude<keyof T, keyof U>]?: never };
type XOR<T, U> = (T | U) extends object ? (Without<T, U> & U) | (Without<U, T> & T) : T | U;
type OneOf<T extends any[]> = T extends [infer Only] ? Only : T extends [infer A, infer B, ...infer Rest] ? OneOf<[XOR<A, B>, ...Rest]> : never;

export interface paths {
  "/health": {
    /** Liveness */
    get: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** @enum {string} */
              status: "ok";
            };
          };
        };
      };
    };
  };
  "/metrics": {
    /**
     * Prometheus metrics
     * @description Prometheus text format: HTTP latency by route, queue depths, jobs finished per queue, Node process metrics. Deployment-wide, so it needs "Authorization: Bearer <METRICS_TOKEN>" (or ADMIN_TOKEN); organization API keys are refused.
     */
    get: {
      responses: {
        /** @description Prometheus text exposition format */
        200: {
          content: {
            "text/plain": string;
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/ready": {
    /** Readiness: Postgres and Redis reachable (503 otherwise) */
    get: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              checks: {
                postgres: string;
                redis: string;
              };
              /** @enum {string} */
              status: "ready";
            };
          };
        };
        /** @description Postgres or Redis unreachable */
        503: {
          content: {
            "application/problem+json": {
              checks: {
                postgres: string;
                redis: string;
              };
              /** @enum {string} */
              code: "bad_request" | "organization_required" | "validation_failed" | "unsupported_parameter" | "unauthorized" | "forbidden" | "csrf_failed" | "not_found" | "method_not_allowed" | "request_timeout" | "conflict" | "idempotency_key_in_use" | "idempotency_key_interrupted" | "payload_too_large" | "unsupported_media_type" | "budget_exceeded" | "idempotency_key_reused" | "rate_limited" | "header_too_large" | "internal" | "unavailable";
              /** @description What went wrong and what to change */
              detail: string;
              errors?: {
                  message: string;
                  path: string;
                }[];
              requestId: string;
              status: number;
              title: string;
              /** @description URI identifying the problem type */
              type: string;
            };
          };
        };
      };
    };
  };
  "/v1/alerts/unsubscribe": {
    /**
     * What an unsubscribe link stops (no authentication)
     * @description The rule and workspace an unsubscribe token names, and whether it was used already. Changes nothing.
     */
    get: {
      parameters: {
        query: {
          token: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["UnsubscribeInfo"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /**
     * Unsubscribe from an alert rule’s emails (no authentication)
     * @description Stops every email of the rule (alerts and digests) for the address it was sent to; the rule stays, inactive, until a member re-activates it. Using a link twice is harmless.
     */
    post: {
      requestBody: {
        content: {
          /**
           * @example {
           *   "token": "AZTwsnwees…"
           * }
           */
          "application/json": {
            token: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["UnsubscribeInfo"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/api-keys": {
    /** List the organization's API keys */
    get: {
      parameters: {
        query?: {
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
          includeRevoked?: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["ApiKey"][];
              /** @description Pass as `cursor` to get the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /**
     * Create an API key (returned once)
     * @description The whole key is in this answer only. `workspaceIds` restricts the key to chosen workspaces, e.g. a read key for one client’s portal: it opens no other workspace and no organization-wide route.
     *
     * Takes no `Idempotency-Key` (400 if sent): the answer holds a secret shown once, which Citewatch does not keep, so it cannot be replayed.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            /** @default null */
            expiresAt?: string | null;
            name: string;
            /** @description admin includes write, write includes read */
            scopes: ("read" | "write" | "admin")[];
            /** @description Restricts the key to these workspaces of the organization: it opens no other workspace (404) and no organization-wide route (403). Left out: every workspace. */
            workspaceIds?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": components["schemas"]["ApiKeyCreated"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/api-keys/{apiKeyId}": {
    /** Get an API key (never its secret) */
    get: {
      parameters: {
        path: {
          apiKeyId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["ApiKey"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /**
     * Revoke an API key
     * @description The key stops working at once; its record stays, with revokedAt.
     */
    delete: {
      parameters: {
        path: {
          apiKeyId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["ApiKey"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/audit-log": {
    /**
     * The organization's audit log, newest first (owners and admins)
     * @description Who did what and when: every sign-in, sign-out and password change, every change to members, invitations, API keys, provider keys and workspace data, by a person, an API key or the platform operator. Reads are not recorded. Filter by actor, action (exact, or a prefix ending in "." such as `brand.`), workspace and time; page with `limit` and `cursor`.
     */
    get: {
      parameters: {
        query?: {
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
          /** @description user (a signed-in person), api_key, platform (the operator), or link (someone using a link sent by email, such as an unsubscribe link) */
          actorType?: "user" | "api_key" | "platform" | "link";
          /** @description The person's or API key's id */
          actorId?: string;
          /** @description An action (brand.create), or every action of a resource with a prefix ending in "." (brand.) */
          action?: string;
          /** @description Events of this workspace only */
          workspaceId?: string;
          /** @description Events at or after this instant */
          from?: string;
          /** @description Events before this instant */
          to?: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["AuditEvent"][];
              /** @description Pass as `cursor` to get the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/auth/callback/{providerId}": {
    /** Single sign-on callback (the identity provider redirects here) */
    get: {
      parameters: {
        path: {
          providerId: string;
        };
      };
      responses: {
        /** @description Default Response */
        302: {
          content: never;
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Single sign-on callback (the identity provider redirects here) */
    post: {
      parameters: {
        path: {
          providerId: string;
        };
      };
      /** @description The authorization response’s parameters (code, state, iss, error…) */
      requestBody: {
        content: {
          /**
           * @example {
           *   "code": "the authorization code",
           *   "state": "the state Citewatch sent",
           *   "iss": "https://idp.example"
           * }
           */
          "application/json": {
            [key: string]: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        302: {
          content: never;
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/auth/change-password": {
    /** Change your password (signed in) */
    post: {
      requestBody: {
        content: {
          /**
           * @example {
           *   "currentPassword": "the old passphrase",
           *   "newPassword": "a new long passphrase",
           *   "revokeOtherSessions": true
           * }
           */
          "application/json": {
            currentPassword: string;
            /** @description At least 10 characters */
            newPassword: string;
            revokeOtherSessions?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Done"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/auth/providers": {
    /**
     * How people can sign in here
     * @description Whether the deployment offers single sign-on, and the label of its button. Needs no authentication.
     */
    get: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["AuthProviders"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/auth/request-password-reset": {
    /**
     * Email a password-reset link
     * @description Always answers the same, whether or not the address has an account. The link is single-use and expires after an hour. The email wears the white label (name, colours, logo, sender name) of the organization named by `organizationId` when the person belongs to it, else of their organization when they belong to exactly one; otherwise, or when that organization set none, Citewatch’s. Naming an organization the person does not belong to changes nothing.
     */
    post: {
      requestBody: {
        content: {
          "application/json": {
            /**
             * Format: email
             * @description Email address (compared without regard to case)
             */
            email: string;
            /**
             * Format: uuid
             * @description The organization whose white label the email wears, if the person belongs to it
             */
            organizationId?: string;
            redirectTo?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Done"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/auth/reset-password": {
    /**
     * Set a new password with a reset link’s token
     * @description Ends every session of the account.
     */
    post: {
      requestBody: {
        content: {
          /**
           * @example {
           *   "token": "the token from the emailed link",
           *   "newPassword": "a new long passphrase"
           * }
           */
          "application/json": {
            /** @description At least 10 characters */
            newPassword: string;
            token: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Done"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/auth/send-verification-email": {
    /**
     * Email a new verification link
     * @description The email wears the white label (name, colours, logo, sender name) of the organization named by `organizationId` when the person belongs to it, else of their organization when they belong to exactly one; otherwise, or when that organization set none, Citewatch’s. Naming an organization the person does not belong to changes nothing.
     */
    post: {
      requestBody: {
        content: {
          /**
           * @example {
           *   "email": "ana@agency.example"
           * }
           */
          "application/json": {
            callbackURL?: string;
            /**
             * Format: email
             * @description Email address (compared without regard to case)
             */
            email: string;
            /**
             * Format: uuid
             * @description The organization whose white label the email wears, if the person belongs to it
             */
            organizationId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Done"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/auth/sign-in/email": {
    /**
     * Sign in with email and password
     * @description Sets the session cookie (HttpOnly, SameSite=Lax; Secure outside local development). A wrong email and a wrong password get the same answer. Attempts are limited per address and per client.
     */
    post: {
      requestBody: {
        content: {
          /**
           * @example {
           *   "email": "ana@agency.example",
           *   "password": "correct horse battery"
           * }
           */
          "application/json": {
            /**
             * Format: email
             * @description Email address (compared without regard to case)
             */
            email: string;
            password: string;
            rememberMe?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["SignedIn"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/auth/sign-in/social": {
    /**
     * Start single sign-on
     * @description Answers the identity provider’s URL to send the browser to. After signing in there, the browser comes back to /v1/auth/callback/oidc, which sets the session cookie and sends it on to `callbackURL`; if the person is refused (docs/operators.md, "Single sign-on"), it lands on `errorCallbackURL` (default `/dashboard/?page=sign-in`) with `error` and `error_description` in the query. Available when the deployment configures an OpenID Connect provider (OIDC_* variables; GET /v1/auth/providers tells).
     */
    post: {
      requestBody: {
        content: {
          /**
           * @example {
           *   "provider": "oidc",
           *   "callbackURL": "/dashboard/"
           * }
           */
          "application/json": {
            /**
             * @description Where to land after signing in: a path of this site (default "/dashboard/")
             * @default /dashboard/
             */
            callbackURL?: string;
            /** @description Where to land if signing in fails or is refused (default "/dashboard/?page=sign-in"); `error` and `error_description` are added to its query */
            errorCallbackURL?: string;
            /**
             * @description The deployment’s OpenID Connect provider
             * @enum {string}
             */
            provider: "oidc";
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["SsoStart"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/auth/sign-out": {
    /** Sign out (ends this session) */
    post: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Done"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/auth/verify-email": {
    /** Verify an email address (the emailed link) */
    get: {
      parameters: {
        query: {
          token: string;
          callbackURL?: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Done"];
          };
        };
        /** @description Default Response */
        302: {
          content: never;
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/invitations": {
    /**
     * List the organization's invitations
     * @description Newest first; the pending ones unless `status=all`.
     */
    get: {
      parameters: {
        query?: {
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
          /** @description pending (default), or all: accepted, revoked and expired ones too */
          status?: "pending" | "all";
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Invitation"][];
              /** @description Pass as `cursor` to get the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /**
     * Invite someone by email
     * @description Owners and admins; only an owner invites an owner. Emails a link to PUBLIC_BASE_URL/dashboard/?page=invitation&token=…, which works once, for 7 days. A client is invited with the workspaces to share (`workspaceIds`, required for that role only). A new invitation of the same address revokes the older pending one. The answer never holds the link: it reaches the invited address only (`citewatch users invite` prints it, for a first person without a mail server).
     */
    post: {
      parameters: {
        header?: {
          /**
           * @description Makes a retry safe: a unique value per create (a UUID). The same key with the same request within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; with another request it is refused (422 `idempotency_key_reused`); while the first request is still being handled, 409 `idempotency_key_in_use` (retry after `Retry-After` seconds). Keys belong to the API key or person sending them. See docs/integrators.md, "Retrying safely".
           * @example 5b0c1e8e-8d41-4c57-9f3e-2f6a3a7c9d10
           */
          "Idempotency-Key"?: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /**
             * Format: email
             * @description Who is invited (compared without regard to case)
             */
            email: string;
            /**
             * @description owner: everything, including owners; admin: members, keys and settings; editor: workspace data; viewer: reads; client: reads the workspaces shared with them
             * @enum {string}
             */
            role: "owner" | "admin" | "editor" | "viewer" | "client";
            /** @description The workspaces to share: required with the client role, refused with the others */
            workspaceIds?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            /** @description Present (`true`) when this answer is the replay of an earlier request with the same Idempotency-Key. */
            "Idempotent-Replayed"?: "true";
          };
          content: {
            "application/json": components["schemas"]["Invitation"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state; or `idempotency_key_in_use`: another request with this Idempotency-Key is being handled (retry after `Retry-After`); or `idempotency_key_interrupted`: the first request with this key stopped before its answer was kept (check whether it created something, then use a new key) */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget; or `idempotency_key_reused`: this Idempotency-Key was first sent with a different request */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/invitations/{invitationId}": {
    /**
     * Revoke an invitation
     * @description Its link stops working at once. Only an owner revokes an invitation to be an owner; an accepted invitation cannot be revoked (remove the member instead).
     */
    delete: {
      parameters: {
        path: {
          invitationId: string;
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          content: never;
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/invitations/accept": {
    /**
     * Accept an invitation (no authentication)
     * @description When the invited address has no account: send `name` and `password` (at least 10 characters); the account is created, its address counted as verified (the link proved it), the membership added, and the person signed in (the session cookie is set). When it has one: the request must carry that account’s session cookie (else 401: sign in first); the membership is added. A link works once: used, revoked or expired, it answers 409. Attempts are limited per client address.
     */
    post: {
      requestBody: {
        content: {
          /**
           * @example {
           *   "token": "q3JvZ0c5Y1B4dFdmSmxVb2lWbE5aSG1rM0t6cWVyVGg",
           *   "name": "Ana Duarte",
           *   "password": "a long passphrase of mine"
           * }
           */
          "application/json": {
            /** @description Your name: required when the address has no account yet */
            name?: string;
            /** @description At least 10 characters: required when the address has no account yet */
            password?: string;
            /** @description The token of the invitation link (after `token=`) */
            token: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["InvitationAccepted"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/invitations/lookup": {
    /**
     * What an invitation link invites to (no authentication)
     * @description For the invitation page: the organization, the invited address and role, and whether the address already has an account (then the person signs in before accepting). A used, revoked or expired link answers 409 saying which; an unknown one 404. Attempts are limited per client address.
     */
    get: {
      parameters: {
        query: {
          /** @description The token of the invitation link (after `token=`) */
          token: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["InvitationLookup"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/me": {
    /** Who is calling: the signed-in person (with organizations and CSRF token) or the API key */
    get: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Me"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/me/sessions": {
    /** Your sessions (signed-in people only) */
    get: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Session"][];
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Sign out everywhere: end all your sessions, this one included */
    delete: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              ended: number;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/me/sessions/{sessionId}": {
    /** End one of your sessions */
    delete: {
      parameters: {
        path: {
          sessionId: string;
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          content: never;
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/members": {
    /**
     * List the organization's members
     * @description Every person of the organization with their role; a client’s shared workspaces in `workspaceIds`. Any member may read it, except clients and keys restricted to some workspaces. People in several organizations name one in `x-organization-id`.
     */
    get: {
      parameters: {
        query?: {
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Member"][];
              /** @description Pass as `cursor` to get the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/members/{memberId}": {
    /**
     * Remove a member, or leave the organization
     * @description Owners and admins remove members; only an owner removes an owner. Any member may remove their own membership (leave). The last owner can be neither removed nor leave (409). The person loses access at once, in every API process.
     */
    delete: {
      parameters: {
        path: {
          memberId: string;
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          content: never;
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /**
     * Change a member's role or a client's shared workspaces
     * @description Owners and admins. Only an owner makes someone an owner or changes an owner’s role, and the last owner cannot be demoted (409). `workspaceIds` goes with the client role only: required when someone becomes a client, it replaces the workspaces shared with them. The change applies to the member’s very next request.
     */
    patch: {
      parameters: {
        path: {
          memberId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /**
             * @description owner: everything, including owners; admin: members, keys and settings; editor: workspace data; viewer: reads; client: reads the workspaces shared with them
             * @enum {string}
             */
            role?: "owner" | "admin" | "editor" | "viewer" | "client";
            /** @description Replaces the workspaces shared with a client; only for the client role */
            workspaceIds?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Member"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/organizations": {
    /** List organizations (an organization key sees its own) */
    get: {
      parameters: {
        query?: {
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Organization"][];
              /** @description Pass as `cursor` to get the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /**
     * Create an organization and its first admin key (platform operator)
     * @description Takes no `Idempotency-Key` (400 if sent): the answer holds a secret shown once, which Citewatch does not keep, so it cannot be replayed.
     */
    post: {
      requestBody: {
        content: {
          /**
           * @example {
           *   "name": "Northwind Agency"
           * }
           */
          "application/json": {
            /**
             * @description Name of the first admin API key, returned once
             * @default admin
             */
            adminKeyName?: string;
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": components["schemas"]["OrganizationCreated"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/organizations/{organizationId}": {
    /** Get an organization */
    get: {
      parameters: {
        path: {
          organizationId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Organization"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Delete an organization and all its data (platform operator) */
    delete: {
      parameters: {
        path: {
          organizationId: string;
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          content: never;
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /**
     * Rename an organization, or set its single sign-on rules
     * @description Admin scope. `ssoDomain` claims an email domain for single sign-on (one organization per domain; open mail services refused); `ssoDefaultRole` (admin, editor or viewer) lets people of that domain join at their first single sign-on with that role. docs/agencies.md, "Single sign-on", says what each setting allows.
     */
    patch: {
      parameters: {
        path: {
          organizationId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            name?: string;
            /** @description Role given at their first single sign-on to people whose email is in ssoDomain; null: they need an invitation. Needs ssoDomain. */
            ssoDefaultRole?: ("admin" | "editor" | "viewer") | null;
            /** @description The email domain of your people (e.g. acme.com); one organization per domain. Null: single sign-on admits nobody by domain. */
            ssoDomain?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Organization"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/organizations/{organizationId}/branding": {
    /**
     * The organization's white label
     * @description Owners and admins. What share pages, PDF reports and emails show instead of Citewatch: null fields fall back to the organization name and the default colours.
     */
    get: {
      parameters: {
        path: {
          organizationId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Branding"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /**
     * Set the display name, colours or email sender name
     * @description Owners and admins. Colours are `#rrggbb`; null removes a setting (its default applies again). The email sender name goes in the From: of emails about this organization (invitations, alerts, digests); the address stays the deployment's MAIL_FROM.
     */
    patch: {
      parameters: {
        path: {
          organizationId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description Buttons, links and chart highlights; null: the default */
            accentColor?: string | null;
            /** @description Shown instead of the organization name on share pages, PDF reports and emails; null: the name */
            displayName?: string | null;
            /** @description The name in the From: of emails about this organization (the address stays MAIL_FROM); null: none */
            emailSenderName?: string | null;
            /** @description Headings and the page header; null: the default */
            primaryColor?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Branding"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/organizations/{organizationId}/branding/logo": {
    /**
     * The logo, as stored (re-encoded)
     * @description Any member. 404 when the organization has no logo.
     */
    get: {
      parameters: {
        path: {
          organizationId: string;
        };
      };
      responses: {
        /** @description The image */
        200: {
          content: {
            "image/jpeg": string;
            "image/png": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /**
     * Upload the logo (PNG or JPEG)
     * @description Owners and admins. The body is the image itself, sent as `Content-Type: image/png` or `image/jpeg`: at most 512 KB and 2048×2048 pixels. Its first bytes must match the type it is sent as; it is decoded and encoded again, and only the re-encoded image is kept and served (metadata and anything else in the file are dropped). 415: another type; 413: too large; 400: not a valid image of that type, truncated, or too many pixels.
     */
    put: {
      parameters: {
        path: {
          organizationId: string;
        };
      };
      /** @description The PNG or JPEG file */
      requestBody: {
        content: {
          /** @example iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg== */
          "image/jpeg": unknown;
          /** @example iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg== */
          "image/png": unknown;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Branding"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /**
     * Remove the logo
     * @description Owners and admins. Share pages, PDF reports and emails show the display name alone.
     */
    delete: {
      parameters: {
        path: {
          organizationId: string;
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          content: never;
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/provider-credentials": {
    /** List the providers the organization has keys for */
    get: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["ProviderCredential"][];
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/provider-credentials/{provider}": {
    /**
     * Store the organization's own key for a provider
     * @description Used instead of the deployment’s key for this organization’s runs. Encrypted at rest and never returned.
     */
    put: {
      parameters: {
        path: {
          provider: "openai" | "anthropic" | "perplexity" | "gemini" | "google_ai_overview" | "assistant_app" | "openai_compatible";
        };
      };
      requestBody: {
        content: {
          /**
           * @example {
           *   "apiKey": "sk-proj-…"
           * }
           */
          "application/json": {
            /** @description The provider API key (SerpApi key for google_ai_overview; Bright Data key for assistant_app, whose DataForSEO login goes in login and password) */
            apiKey?: string;
            /** @description DataForSEO login (google_ai_overview, assistant_app) */
            login?: string;
            /** @description DataForSEO password (google_ai_overview, assistant_app) */
            password?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["ProviderCredential"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Delete the organization's key for a provider */
    delete: {
      parameters: {
        path: {
          provider: "openai" | "anthropic" | "perplexity" | "gemini" | "google_ai_overview" | "assistant_app" | "openai_compatible";
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          content: never;
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/providers": {
    /**
     * List the providers and the parameters each accepts
     * @description For each provider: whether a key is there to call it (the deployment’s or the organization’s), the per-model rules Citewatch knows (sampling, reasoning efforts, web search), and every parameter a model configuration may set, with its type, range, values and default — read from the same schemas the model-configuration routes validate with.
     */
    get: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              providers: ({
                  /**
                   * @description api: a model API; serp: captured from a results page; app: captured from a consumer assistant app (ChatGPT, Gemini) through a capture vendor
                   * @enum {string}
                   */
                  channel: "api" | "serp" | "mock" | "app";
                  /** @description A key is there: the deployment’s or the organization’s own (the mock needs none) */
                  configured: boolean;
                  /** @description Whose key runs use (the organization’s wins); null for providers that need none */
                  keySource: ("organization" | "deployment" | "none") | null;
                  label: string;
                  /** @description Models Citewatch knows the rules of; others are accepted and their parameters passed on */
                  models: ({
                      /** @description The only OpenAI API this model works through */
                      api: ("chat" | "responses") | null;
                      /** @description reasoningEffort values accepted ([]: none; any: not known, passed on) */
                      efforts: string[] | "any";
                      /** @description Model id, or a family of ids when it ends with * */
                      id: string;
                      /** @description Why the rules below hold */
                      note: string;
                      /**
                       * @description Whether temperature and topP are accepted (with_effort_none: only with reasoningEffort "none")
                       * @enum {string}
                       */
                      sampling: "yes" | "no" | "with_effort_none";
                      /**
                       * @description always: the model searches on every call
                       * @enum {string}
                       */
                      webSearch: "yes" | "no" | "always";
                    })[];
                  /** @description The `provider` of a model configuration */
                  name: string;
                  /** @description Whether the organization may store its own key (PUT /provider-credentials) */
                  organizationKeys: boolean;
                  /** @description Every parameter this provider accepts */
                  parameters: ({
                      /** @description What applies when the parameter is left out */
                      default?: unknown;
                      description: string;
                      /** @description Values must be greater than this */
                      exclusiveMin?: number;
                      /** @description The fields of an object parameter (userLocation) */
                      fields?: ({
                          /** @description What applies when the parameter is left out */
                          default?: unknown;
                          description: string;
                          /** @description Values must be greater than this */
                          exclusiveMin?: number;
                          /** @description e.g. uri */
                          format?: string;
                          /** @description Largest value accepted */
                          max?: number;
                          /** @description Longest text accepted */
                          maxLength?: number;
                          /** @description Smallest value accepted */
                          min?: number;
                          /** @description The key in a model configuration’s `params` */
                          name: string;
                          /** @description Regular expression a text must match */
                          pattern?: string;
                          required: boolean;
                          /** @enum {string} */
                          type: "number" | "integer" | "string" | "boolean" | "enum" | "object";
                          /** @description The values an enum accepts */
                          values?: string[];
                        })[];
                      /** @description e.g. uri */
                      format?: string;
                      /** @description Largest value accepted */
                      max?: number;
                      /** @description Longest text accepted */
                      maxLength?: number;
                      /** @description Smallest value accepted */
                      min?: number;
                      /** @description The key in a model configuration’s `params` */
                      name: string;
                      /** @description Regular expression a text must match */
                      pattern?: string;
                      required: boolean;
                      /** @enum {string} */
                      type: "number" | "integer" | "string" | "boolean" | "enum" | "object";
                      /** @description The values an enum accepts */
                      values?: string[];
                    })[];
                  /** @description Common parameters this provider never takes, with the reason a configuration setting one is refused (e.g. persona on a results page) */
                  refused: {
                      name: string;
                      reason: string;
                    }[];
                  /** @description Configurations name their own endpoint (params.baseUrl) */
                  userEndpoint: boolean;
                })[];
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/shared/{token}": {
    /**
     * What a share link shows (no account needed)
     * @description The token is the only credential: API keys and session cookies are ignored. Gives the workspace name, the organization's white label, the locks and the reports the link opens. Each call is recorded as an opening (time and client network). Unknown, expired and revoked links: 404.
     */
    get: {
      parameters: {
        path: {
          token: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["SharedView"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/shared/{token}/logo": {
    /**
     * The logo of the link's organization
     * @description 404 when the organization has no logo, or the link does not work.
     */
    get: {
      parameters: {
        path: {
          token: string;
        };
      };
      responses: {
        /** @description The image, as stored (re-encoded) */
        200: {
          content: {
            "image/jpeg": string;
            "image/png": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/shared/{token}/pdf": {
    /**
     * The newest PDF report within a share link's period
     * @description The most recently made PDF report of the link's workspace whose period lies within the link's period lock (any period when the link has none), as an attachment; each download is recorded as an opening. A link locked to assistants or tags does not serve PDFs, which cover every assistant and tag (403). No such report ready yet: 404 saying so. The agency makes PDFs on the workspace's PDFs page or with POST /v1/workspaces/{workspaceId}/pdf-reports.
     */
    get: {
      parameters: {
        path: {
          token: string;
        };
      };
      responses: {
        /** @description The PDF, as an attachment */
        200: {
          content: {
            "application/pdf": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/shared/{token}/reports/citations": {
    /**
     * The citations report of a share link
     * @description Per provider unless grouped otherwise. Cited = annotations and links; search results retrieved but not cited are counted apart. The link's locks (period, providers, tags) apply whatever the query says: a period is narrowed to the lock, a provider or tag outside it is refused (403). `?format=csv` gives the same rows as CSV, for a spreadsheet to import; each CSV download is recorded as an opening.
     */
    get: {
      parameters: {
        query?: {
          runId?: string;
          /** @description Runs created at or after this instant (every answer is dated by the creation of its run) */
          from?: string;
          /** @description Runs created before this instant */
          to?: string;
          /** @description Brands to show; shares are still computed among every tracked brand */
          brandIds?: string[] | string;
          providers?: string[] | string;
          modelConfigIds?: string[] | string;
          promptIds?: string[] | string;
          /** @description Prompts carrying any of these tags */
          tags?: string[] | string;
          /** @description Configurations asking from any of these countries (the configuration's location: userLocation, or the locale's region on search pages and apps); configurations without a location are left out */
          locations?: string[] | string;
          /** @description Answers asked in any of these languages: the configuration's locale language, or the prompt's locale language when the configuration sets none */
          languages?: string[] | string;
          /** @description Dimensions to group by, comma-separated: provider, config, prompt, tag, location, language, run, day, week. Default: none */
          groupBy?: string[] | string;
          /** @description Domains and URLs listed per group */
          top?: number;
          /** @description json (default) or csv, streamed with a header row */
          format?: "json" | "csv";
        };
        path: {
          token: string;
        };
      };
      responses: {
        /** @description The citations report */
        200: {
          content: {
            "application/json": components["schemas"]["CitationsReport"];
            "text/csv": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/shared/{token}/reports/competitor-gap": {
    /**
     * The competitor-gap report of a share link
     * @description Largest gap first; each row quotes the latest such answers (snippet and spans of the competitor’s mention). The link's locks (period, providers, tags) apply whatever the query says: a period is narrowed to the lock, a provider or tag outside it is refused (403). `?format=csv` gives the same rows as CSV, for a spreadsheet to import; each CSV download is recorded as an opening.
     */
    get: {
      parameters: {
        query?: {
          runId?: string;
          /** @description Runs created at or after this instant (every answer is dated by the creation of its run) */
          from?: string;
          /** @description Runs created before this instant */
          to?: string;
          /** @description Brands to show; shares are still computed among every tracked brand */
          brandIds?: string[] | string;
          providers?: string[] | string;
          modelConfigIds?: string[] | string;
          promptIds?: string[] | string;
          /** @description Prompts carrying any of these tags */
          tags?: string[] | string;
          /** @description Configurations asking from any of these countries (the configuration's location: userLocation, or the locale's region on search pages and apps); configurations without a location are left out */
          locations?: string[] | string;
          /** @description Answers asked in any of these languages: the configuration's locale language, or the prompt's locale language when the configuration sets none */
          languages?: string[] | string;
          /** @description prompt is always a dimension; add provider or config to split further */
          groupBy?: string[] | string;
          /** @description Rows, largest gap first */
          limit?: number;
          /** @description Latest answers quoted per row */
          examples?: number;
          /** @description json (default) or csv, streamed with a header row */
          format?: "json" | "csv";
        };
        path: {
          token: string;
        };
      };
      responses: {
        /** @description The competitor-gap report */
        200: {
          content: {
            "application/json": components["schemas"]["CompetitorGapReport"];
            "text/csv": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/shared/{token}/reports/share-of-voice": {
    /**
     * The share-of-voice report of a share link
     * @description Presence- and count-based share of voice among every tracked brand (delta-method intervals over answers), mean rank and top-1 rate over the answers mentioning the brand, mean sentiment with counts per label. The link's locks (period, providers, tags) apply whatever the query says: a period is narrowed to the lock, a provider or tag outside it is refused (403). `?format=csv` gives the same rows as CSV, for a spreadsheet to import; each CSV download is recorded as an opening.
     */
    get: {
      parameters: {
        query?: {
          runId?: string;
          /** @description Runs created at or after this instant (every answer is dated by the creation of its run) */
          from?: string;
          /** @description Runs created before this instant */
          to?: string;
          /** @description Brands to show; shares are still computed among every tracked brand */
          brandIds?: string[] | string;
          providers?: string[] | string;
          modelConfigIds?: string[] | string;
          promptIds?: string[] | string;
          /** @description Prompts carrying any of these tags */
          tags?: string[] | string;
          /** @description Configurations asking from any of these countries (the configuration's location: userLocation, or the locale's region on search pages and apps); configurations without a location are left out */
          locations?: string[] | string;
          /** @description Answers asked in any of these languages: the configuration's locale language, or the prompt's locale language when the configuration sets none */
          languages?: string[] | string;
          /** @description Dimensions to group by, comma-separated: brand, provider, config, prompt, tag, location, language, run, day, week. Default: none */
          groupBy?: string[] | string;
          /** @description json (default) or csv, streamed with a header row */
          format?: "json" | "csv";
        };
        path: {
          token: string;
        };
      };
      responses: {
        /** @description The share-of-voice report */
        200: {
          content: {
            "application/json": components["schemas"]["ShareOfVoiceReport"];
            "text/csv": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/shared/{token}/reports/trends": {
    /**
     * The trends report of a share link
     * @description Mention rate, share of voice, average rank, top-1 rate, sentiment and citation share per period and brand; answers are dated by their run. The link's locks (period, providers, tags) apply whatever the query says: a period is narrowed to the lock, a provider or tag outside it is refused (403). `?format=csv` gives the same rows as CSV, for a spreadsheet to import; each CSV download is recorded as an opening.
     */
    get: {
      parameters: {
        query?: {
          runId?: string;
          /** @description Runs created at or after this instant (every answer is dated by the creation of its run) */
          from?: string;
          /** @description Runs created before this instant */
          to?: string;
          /** @description Brands to show; shares are still computed among every tracked brand */
          brandIds?: string[] | string;
          providers?: string[] | string;
          modelConfigIds?: string[] | string;
          promptIds?: string[] | string;
          /** @description Prompts carrying any of these tags */
          tags?: string[] | string;
          /** @description Configurations asking from any of these countries (the configuration's location: userLocation, or the locale's region on search pages and apps); configurations without a location are left out */
          locations?: string[] | string;
          /** @description Answers asked in any of these languages: the configuration's locale language, or the prompt's locale language when the configuration sets none */
          languages?: string[] | string;
          /** @description Days, or ISO weeks starting on Monday, in the workspace time zone */
          interval?: "day" | "week";
          /** @description Dimensions to group by, comma-separated: brand, provider, config, prompt, tag, location, language, run. Default: none */
          groupBy?: string[] | string;
          /** @description json (default) or csv, streamed with a header row */
          format?: "json" | "csv";
        };
        path: {
          token: string;
        };
      };
      responses: {
        /** @description The trends report */
        200: {
          content: {
            "application/json": components["schemas"]["TrendsReport"];
            "text/csv": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/shared/{token}/reports/visibility": {
    /**
     * The visibility report of a share link
     * @description Answers mentioning each brand over successful analysed answers, with n and the 95% Wilson interval. Failed answers and answers awaiting analysis are counted apart, never as "not mentioned". The link's locks (period, providers, tags) apply whatever the query says: a period is narrowed to the lock, a provider or tag outside it is refused (403). `?format=csv` gives the same rows as CSV, for a spreadsheet to import; each CSV download is recorded as an opening.
     */
    get: {
      parameters: {
        query?: {
          runId?: string;
          /** @description Runs created at or after this instant (every answer is dated by the creation of its run) */
          from?: string;
          /** @description Runs created before this instant */
          to?: string;
          /** @description Brands to show; shares are still computed among every tracked brand */
          brandIds?: string[] | string;
          providers?: string[] | string;
          modelConfigIds?: string[] | string;
          promptIds?: string[] | string;
          /** @description Prompts carrying any of these tags */
          tags?: string[] | string;
          /** @description Configurations asking from any of these countries (the configuration's location: userLocation, or the locale's region on search pages and apps); configurations without a location are left out */
          locations?: string[] | string;
          /** @description Answers asked in any of these languages: the configuration's locale language, or the prompt's locale language when the configuration sets none */
          languages?: string[] | string;
          /** @description Dimensions to group by, comma-separated: brand, provider, config, prompt, tag, location, language, run, day, week. Default: provider,config */
          groupBy?: string[] | string;
          /** @description json (default) or csv, streamed with a header row */
          format?: "json" | "csv";
        };
        path: {
          token: string;
        };
      };
      responses: {
        /** @description The visibility report */
        200: {
          content: {
            "application/json": components["schemas"]["VisibilityReport"];
            "text/csv": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces": {
    /**
     * List workspaces
     * @description A key or person limited to chosen workspaces sees only those.
     */
    get: {
      parameters: {
        query?: {
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Workspace"][];
              /** @description Pass as `cursor` to get the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Create a workspace */
    post: {
      parameters: {
        header?: {
          /**
           * @description Makes a retry safe: a unique value per create (a UUID). The same key with the same request within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; with another request it is refused (422 `idempotency_key_reused`); while the first request is still being handled, 409 `idempotency_key_in_use` (retry after `Retry-After` seconds). Keys belong to the API key or person sending them. See docs/integrators.md, "Retrying safely".
           * @example 5b0c1e8e-8d41-4c57-9f3e-2f6a3a7c9d10
           */
          "Idempotency-Key"?: string;
        };
      };
      requestBody: {
        content: {
          /**
           * @example {
           *   "name": "Acme — EU market",
           *   "timezone": "Europe/Paris"
           * }
           */
          "application/json": {
            name: string;
            /**
             * @description IANA time zone used for daily and weekly trends
             * @default UTC
             */
            timezone?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            /** @description Present (`true`) when this answer is the replay of an earlier request with the same Idempotency-Key. */
            "Idempotent-Replayed"?: "true";
          };
          content: {
            "application/json": components["schemas"]["Workspace"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state; or `idempotency_key_in_use`: another request with this Idempotency-Key is being handled (retry after `Retry-After`); or `idempotency_key_interrupted`: the first request with this key stopped before its answer was kept (check whether it created something, then use a new key) */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget; or `idempotency_key_reused`: this Idempotency-Key was first sent with a different request */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}": {
    /** Get a workspace */
    get: {
      parameters: {
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Workspace"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Delete a workspace and all its data */
    delete: {
      parameters: {
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          content: never;
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Update a workspace */
    patch: {
      parameters: {
        path: {
          workspaceId: string;
        };
      };
      requestBody: {
        content: {
          /**
           * @example {
           *   "timezone": "America/New_York"
           * }
           */
          "application/json": {
            name?: string;
            timezone?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Workspace"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/alert-rules": {
    /** List alert rules */
    get: {
      parameters: {
        query?: {
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["AlertRule"][];
              /** @description Pass as `cursor` to get the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Create an alert rule */
    post: {
      parameters: {
        header?: {
          /**
           * @description Makes a retry safe: a unique value per create (a UUID). The same key with the same request within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; with another request it is refused (422 `idempotency_key_reused`); while the first request is still being handled, 409 `idempotency_key_in_use` (retry after `Retry-After` seconds). Keys belong to the API key or person sending them. See docs/integrators.md, "Retrying safely".
           * @example 5b0c1e8e-8d41-4c57-9f3e-2f6a3a7c9d10
           */
          "Idempotency-Key"?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** @default true */
            active?: boolean;
            /** @enum {string} */
            channel: "email" | "slack";
            /**
             * @description A digest email of the period (weekly: Monday 08:00, monthly: the 1st 08:00, in the workspace time zone)
             * @default null
             */
            digest?: ("weekly" | "monthly") | null;
            /**
             * @description Attach the period’s PDF report to the digest
             * @default false
             */
            digestPdf?: boolean;
            /**
             * Format: email
             * @description Recipient (channel email)
             */
            email?: string;
            /** @description visibility.changed, run.failed, run.budget_stopped, budget.monthly_80, domain.new_top, app_gap.changed */
            events?: ("visibility.changed" | "run.failed" | "run.budget_stopped" | "budget.monthly_80" | "domain.new_top" | "app_gap.changed")[];
            name: string;
            /**
             * Format: uri
             * @description Slack incoming webhook URL (channel slack); https, public hosts only
             */
            slackUrl?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            /** @description Present (`true`) when this answer is the replay of an earlier request with the same Idempotency-Key. */
            "Idempotent-Replayed"?: "true";
          };
          content: {
            "application/json": components["schemas"]["AlertRule"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state; or `idempotency_key_in_use`: another request with this Idempotency-Key is being handled (retry after `Retry-After`); or `idempotency_key_interrupted`: the first request with this key stopped before its answer was kept (check whether it created something, then use a new key) */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget; or `idempotency_key_reused`: this Idempotency-Key was first sent with a different request */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/alert-rules/{ruleId}": {
    /** Get an alert rule */
    get: {
      parameters: {
        path: {
          workspaceId: string;
          ruleId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["AlertRule"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Delete an alert rule */
    delete: {
      parameters: {
        path: {
          workspaceId: string;
          ruleId: string;
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          content: never;
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Update an alert rule */
    patch: {
      parameters: {
        path: {
          workspaceId: string;
          ruleId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description true also re-subscribes an address that unsubscribed */
            active?: boolean;
            /** @description A digest email of the period (weekly: Monday 08:00, monthly: the 1st 08:00, in the workspace time zone) */
            digest?: ("weekly" | "monthly") | null;
            digestPdf?: boolean;
            /** Format: email */
            email?: string;
            events?: ("visibility.changed" | "run.failed" | "run.budget_stopped" | "budget.monthly_80" | "domain.new_top" | "app_gap.changed")[];
            name?: string;
            /** Format: uri */
            slackUrl?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["AlertRule"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/alert-rules/{ruleId}/deliveries": {
    /**
     * List an alert rule’s deliveries, newest first
     * @description The delivery log of the rule: every alert sent or being sent, its attempts and last error. Each event reaches a rule once (its de-duplication key is unique per rule); email goes through the deployment’s SMTP server with an unsubscribe link, Slack messages are POSTed to the incoming webhook. Failed attempts are retried with exponential backoff (WEBHOOK_MAX_ATTEMPTS, WEBHOOK_BACKOFF_MS).
     */
    get: {
      parameters: {
        query?: {
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
          status?: "pending" | "succeeded" | "failed";
        };
        path: {
          workspaceId: string;
          ruleId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["AlertDelivery"][];
              /** @description Pass as `cursor` to get the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/alert-rules/{ruleId}/digests": {
    /**
     * List an alert rule’s digests, newest first
     * @description The digest log of the rule: one row per period, claimed by exactly one worker before it is sent, with its last error. A failed sending is retried with exponential backoff (WEBHOOK_MAX_ATTEMPTS, WEBHOOK_BACKOFF_MS); a digest refused for good, or still failing after the last attempt, is marked failed. Filter with `status`.
     */
    get: {
      parameters: {
        query?: {
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
          status?: "claimed" | "sent" | "failed";
        };
        path: {
          workspaceId: string;
          ruleId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["AlertDigest"][];
              /** @description Pass as `cursor` to get the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/analysis-preview": {
    /**
     * Preview the analysis of an answer
     * @description Finds the mentions and citations in a text exactly as the analysis of a run’s answers would (same rules, same sentiment scorer), for the workspace’s stored brands or for the brands given (unsaved edits). Calls no model and stores nothing; read permission is enough.
     */
    post: {
      parameters: {
        path: {
          workspaceId: string;
        };
      };
      requestBody: {
        content: {
          /**
           * @example {
           *   "text": "For a small sales team, **HubSpot** is the easiest start; Pipedrive is cheaper. See https://www.hubspot.com/pricing.",
           *   "citations": [
           *     "https://www.g2.com/categories/crm"
           *   ],
           *   "brands": [
           *     {
           *       "name": "HubSpot",
           *       "aliases": [
           *         "HubSpot CRM"
           *       ],
           *       "domains": [
           *         "hubspot.com"
           *       ],
           *       "kind": "own"
           *     },
           *     {
           *       "name": "Pipedrive",
           *       "domains": [
           *         "pipedrive.com"
           *       ],
           *       "kind": "competitor"
           *     }
           *   ]
           * }
           */
          "application/json": {
            /** @description Brands to look for, exactly these (unsaved edits of the brand form). Omitted: the workspace’s stored brands. */
            brands?: ({
                /** @default [] */
                aliases?: string[];
                /** @default false */
                caseSensitive?: boolean;
                domains?: string[];
                /**
                 * Format: uuid
                 * @description The stored brand this draft edits; facts then carry its id
                 */
                id?: string;
                /**
                 * @default competitor
                 * @enum {string}
                 */
                kind?: "own" | "competitor";
                name: string;
              })[];
            /**
             * @description URLs the provider attached to the answer (structured citations), in order
             * @default []
             */
            citations?: string[];
            /** @description An answer as an assistant wrote it (markdown as returned) */
            text: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              citations: ({
                  /** @description The stored brand owning the domain; null for none or a draft without an id */
                  brandId: string | null;
                  /** @description The brand owning the domain, if any */
                  brandName: string | null;
                  /** @description Registrable domain, e.g. bbc.co.uk */
                  domain: string;
                  /** @description 1-based order: structured citations first, then links in the text */
                  position: number;
                  /**
                   * @description text: a link written in the answer; structured: one of the `citations` URLs
                   * @enum {string}
                   */
                  source: "text" | "structured";
                  title: string | null;
                  /** @description Normalized URL (tracking parameters and fragment removed) */
                  url: string;
                })[];
              mentions: ({
                  /** @description The stored brand; null for a draft without an id */
                  brandId: string | null;
                  brandName: string;
                  /** @description Mentions in the answer */
                  count: number;
                  /** @description Offset of the first mention in `text` */
                  firstPosition: number;
                  /** @enum {string} */
                  kind: "own" | "competitor";
                  /** @description Item number when the first mention is in a list */
                  listPosition: number | null;
                  /** @description 1-based order of first appearance among the brands mentioned */
                  rank: number;
                  /** @description Stance of the answer toward the brand, in [-1, 1] */
                  sentiment: number;
                  /** @enum {string} */
                  sentimentLabel: "positive" | "neutral" | "negative";
                  /** @description The sentence around the first mention */
                  snippet: string;
                  spans: {
                      end: number;
                      /** @description [start, end) JavaScript string index into `text` */
                      start: number;
                      /** @description The text matched, as written in the answer */
                      text: string;
                    }[];
                })[];
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/answers": {
    /**
     * Answers with their mentions (spans for highlighting) and citations, newest first
     * @description Takes the report filters, so any report row can be opened to its answers. The text and the provider payload come with includeRaw=true.
     */
    get: {
      parameters: {
        query?: {
          runId?: string;
          /** @description Runs created at or after this instant (every answer is dated by the creation of its run) */
          from?: string;
          /** @description Runs created before this instant */
          to?: string;
          providers?: string[] | string;
          modelConfigIds?: string[] | string;
          promptIds?: string[] | string;
          /** @description Prompts carrying any of these tags */
          tags?: string[] | string;
          /** @description Configurations asking from any of these countries (the configuration's location: userLocation, or the locale's region on search pages and apps); configurations without a location are left out */
          locations?: string[] | string;
          /** @description Answers asked in any of these languages: the configuration's locale language, or the prompt's locale language when the configuration sets none */
          languages?: string[] | string;
          /** @description Answer statuses to list (default: all) */
          status?: string[] | string;
          /** @description Only analysed answers mentioning any of these brands */
          mentioning?: string[] | string;
          /** @description Only analysed answers mentioning none of these brands (e.g. your own, to read a competitor gap); failed and unanalysed answers are in neither list, as in reports */
          notMentioning?: string[] | string;
          /** @description Add the answer text and the provider’s raw payload */
          includeRaw?: string;
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["AnswersPage"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/audits": {
    /** List audits */
    get: {
      parameters: {
        query?: {
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Audit"][];
              /** @description Pass as `cursor` to get the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Create an audit */
    post: {
      parameters: {
        header?: {
          /**
           * @description Makes a retry safe: a unique value per create (a UUID). The same key with the same request within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; with another request it is refused (422 `idempotency_key_reused`); while the first request is still being handled, 409 `idempotency_key_in_use` (retry after `Retry-After` seconds). Keys belong to the API key or person sending them. See docs/integrators.md, "Retrying safely".
           * @example 5b0c1e8e-8d41-4c57-9f3e-2f6a3a7c9d10
           */
          "Idempotency-Key"?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      requestBody: {
        content: {
          /**
           * @example {
           *   "name": "Weekly CRM visibility",
           *   "promptTags": [
           *     "crm"
           *   ],
           *   "modelConfigIds": [
           *     "0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a6b"
           *   ],
           *   "samplesPerPair": 5,
           *   "schedule": "0 6 * * 1",
           *   "timezone": "Europe/Paris"
           * }
           */
          "application/json": {
            /**
             * @description Cap on the spend of this audit’s runs per calendar month (UTC)
             * @default null
             */
            budgetPerMonthUsd?: number | null;
            /**
             * @description A run whose estimate exceeds this is refused; a run stops when it spends this
             * @default null
             */
            budgetPerRunUsd?: number | null;
            /** @default true */
            enabled?: boolean;
            /**
             * @description A model configuration of this workspace that also labels the stance toward each brand in this audit’s answers, beside the rule-based scorer (docs/sentiment.md#the-model-judge); its calls count against the run’s budget. null: no judge
             * @default null
             */
            judgeModelConfigId?: string | null;
            modelConfigIds: string[];
            name: string;
            /**
             * @description Prompts to ask, by id
             * @default []
             */
            promptIds?: string[];
            /** @description Prompts carrying any of these tags are asked too (resolved when each run starts) */
            promptTags?: string[];
            /** @description Answers collected per prompt × configuration pair (default 1); the same as sampling {mode: fixed} */
            samplesPerPair?: number;
            /** @description Fixed or adaptive sampling; without it, samplesPerPair answers per pair */
            sampling?: OneOf<[{
              /** @enum {string} */
              mode: "fixed";
              /** @description Answers collected per prompt × configuration pair */
              samplesPerPair: number;
            }, {
              /** @description Target precision: the 95% interval of each pair’s own-brand mention rate within ± this many points */
              halfWidth: number;
              /** @description Answers a pair gets at most, whether or not its interval is narrow enough by then */
              maxSamples: number;
              /** @description Answers every pair gets (the first wave) */
              minSamples: number;
              /** @enum {string} */
              mode: "adaptive";
              /** @description Answers added per wave after the first; default: (maxSamples − minSamples) / 9, so at most 10 looks */
              waveSize?: number;
            }]>;
            /**
             * @description Cron expression (5 fields) or @daily/@weekly…; null for manual runs only
             * @default null
             */
            schedule?: string | null;
            /**
             * @description Time zone the schedule is read in
             * @default UTC
             */
            timezone?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            /** @description Present (`true`) when this answer is the replay of an earlier request with the same Idempotency-Key. */
            "Idempotent-Replayed"?: "true";
          };
          content: {
            "application/json": components["schemas"]["Audit"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state; or `idempotency_key_in_use`: another request with this Idempotency-Key is being handled (retry after `Retry-After`); or `idempotency_key_interrupted`: the first request with this key stopped before its answer was kept (check whether it created something, then use a new key) */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget; or `idempotency_key_reused`: this Idempotency-Key was first sent with a different request */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/audits/{auditId}": {
    /** Get an audit */
    get: {
      parameters: {
        path: {
          workspaceId: string;
          auditId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Audit"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Delete an audit (its runs and answers are kept) */
    delete: {
      parameters: {
        path: {
          workspaceId: string;
          auditId: string;
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          content: never;
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Update an audit */
    patch: {
      parameters: {
        path: {
          workspaceId: string;
          auditId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            budgetPerMonthUsd?: number | null;
            budgetPerRunUsd?: number | null;
            enabled?: boolean;
            judgeModelConfigId?: string | null;
            modelConfigIds?: string[];
            name?: string;
            promptIds?: string[];
            promptTags?: string[];
            samplesPerPair?: number;
            sampling?: OneOf<[{
              /** @enum {string} */
              mode: "fixed";
              /** @description Answers collected per prompt × configuration pair */
              samplesPerPair: number;
            }, {
              /** @description Target precision: the 95% interval of each pair’s own-brand mention rate within ± this many points */
              halfWidth: number;
              /** @description Answers a pair gets at most, whether or not its interval is narrow enough by then */
              maxSamples: number;
              /** @description Answers every pair gets (the first wave) */
              minSamples: number;
              /** @enum {string} */
              mode: "adaptive";
              /** @description Answers added per wave after the first; default: (maxSamples − minSamples) / 9, so at most 10 looks */
              waveSize?: number;
            }]>;
            schedule?: string | null;
            timezone?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Audit"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/audits/{auditId}/estimate": {
    /**
     * Estimate the cost of an audit’s next run
     * @description Plans the run an audit would start now (prompts by id and tag, active configurations, samples) and prices it the way a launched run is priced and checked against its budget. Nothing is recorded or queued.
     */
    get: {
      parameters: {
        path: {
          workspaceId: string;
          auditId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** @description For adaptive sampling: what a run costs at least and at most (calls and estimatedCostUsd are the maximum); null for fixed sampling */
              adaptive: {
                /** @description The fixed design of the same worst-case precision: every pair asked fixedDesignSamples times */
                fixedDesignCalls: number;
                /** @description Every pair goes to maxSamples */
                maxCalls: number;
                maxCostUsd: number;
                /** @description Every pair stops at minSamples */
                minCalls: number;
                minCostUsd: number;
              } | null;
              /** Format: uuid */
              auditId: string;
              budgetPerRunUsd: number | null;
              /** @description Provider calls: prompts × configurations × samples */
              calls: number;
              /** @description Active model configurations it would query */
              configCount: number;
              /** @description Estimate from the price table and typical token counts; a model without a known price counts as 0 */
              estimatedCostUsd: number;
              /** @description runsPerMonth × estimatedCostUsd: what a month at this schedule would cost; null without a schedule */
              perMonthUsd: number | null;
              /** @description Active prompts the run would ask (by id and by tag) */
              promptCount: number;
              /** @description Runs the schedule starts in an average month (a year of due times ÷ 12, in its time zone), as the schedule preview says; null without a schedule */
              runsPerMonth: number | null;
              samplesPerPair: number;
              /** @description Whether a run would be accepted by its per-run budget (for adaptive sampling, whether its minimum fits); null without one */
              withinBudget: boolean | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/audits/estimate": {
    /**
     * Estimate the cost of a draft audit, before saving it
     * @description Prices one run of a draft audit — saved prompts (ids, tags) and prompts not saved yet (text), saved configurations and drafts (provider, model, parameters, validated as on creation) — the way a launched run is priced, and a month at the draft’s schedule (runs due in an average month × one run). Calls no model, stores nothing and is not recorded in the audit log; read permission is enough.
     */
    post: {
      parameters: {
        path: {
          workspaceId: string;
        };
      };
      requestBody: {
        content: {
          /**
           * @example {
           *   "prompts": [
           *     {
           *       "text": "What is the best CRM for a small business?"
           *     },
           *     {
           *       "text": "What are the best alternatives to Pipedrive?"
           *     }
           *   ],
           *   "modelConfigs": [
           *     {
           *       "provider": "openai",
           *       "model": "gpt-5.4-mini",
           *       "params": {
           *         "webSearch": true
           *       }
           *     }
           *   ],
           *   "samplesPerPair": 3,
           *   "schedule": "0 6 * * 1",
           *   "timezone": "Europe/Paris"
           * }
           */
          "application/json": {
            /** @default null */
            budgetPerMonthUsd?: number | null;
            /** @default null */
            budgetPerRunUsd?: number | null;
            /**
             * @description Saved model configurations, by id
             * @default []
             */
            modelConfigIds?: string[];
            /**
             * @description Model configurations not saved yet, validated as POST …/model-configs would
             * @default []
             */
            modelConfigs?: {
                model: string;
                name?: string;
                /** @default {} */
                params?: {
                  [key: string]: unknown;
                };
                /** @description One of: openai, anthropic, perplexity, gemini, google_ai_overview, assistant_app, openai_compatible, mock, mock_app */
                provider: string;
              }[];
            /**
             * @description Saved prompts, by id
             * @default []
             */
            promptIds?: string[];
            /**
             * @description Prompts not saved yet, by their text
             * @default []
             */
            prompts?: {
                text: string;
              }[];
            /** @description Saved prompts carrying any of these tags */
            promptTags?: string[];
            /** @description Answers per pair (default 1) */
            samplesPerPair?: number;
            /** @description Fixed or adaptive sampling, as audits take it */
            sampling?: OneOf<[{
              /** @enum {string} */
              mode: "fixed";
              /** @description Answers collected per prompt × configuration pair */
              samplesPerPair: number;
            }, {
              /** @description Target precision: the 95% interval of each pair’s own-brand mention rate within ± this many points */
              halfWidth: number;
              /** @description Answers a pair gets at most, whether or not its interval is narrow enough by then */
              maxSamples: number;
              /** @description Answers every pair gets (the first wave) */
              minSamples: number;
              /** @enum {string} */
              mode: "adaptive";
              /** @description Answers added per wave after the first; default: (maxSamples − minSamples) / 9, so at most 10 looks */
              waveSize?: number;
            }]>;
            /**
             * @description Cron expression, as audits take it
             * @default null
             */
            schedule?: string | null;
            /** @description Time zone of the schedule (default: the workspace’s) */
            timezone?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** @description For adaptive sampling: what a run costs at least and at most (calls and estimatedCostUsd are the maximum); null for fixed sampling */
              adaptive: {
                /** @description The fixed design of the same worst-case precision: every pair asked fixedDesignSamples times */
                fixedDesignCalls: number;
                /** @description Every pair goes to maxSamples */
                maxCalls: number;
                maxCostUsd: number;
                /** @description Every pair stops at minSamples */
                minCalls: number;
                minCostUsd: number;
              } | null;
              budgetPerMonthUsd: number | null;
              budgetPerRunUsd: number | null;
              byConfig: ({
                  /** @description Index in modelConfigs for a draft configuration */
                  draftIndex: number | null;
                  /** @description This configuration’s share of one run */
                  estimatedCostUsd: number;
                  model: string;
                  /** @description null for a draft configuration */
                  modelConfigId: string | null;
                  name: string | null;
                  provider: string;
                })[];
              /** @description Provider calls per run: prompts × configurations × samples */
              calls: number;
              configCount: number;
              /** @description One run, priced as a launched run is priced (adaptive: its maximum) */
              estimatedCostUsd: number;
              /** @description runsPerMonth × estimatedCostUsd: what a month at this schedule would cost; null without a schedule */
              perMonthUsd: number | null;
              promptCount: number;
              /** @description Runs the schedule starts in an average month (a year of due times ÷ 12, in its time zone), as the schedule preview says; null without a schedule */
              runsPerMonth: number | null;
              samplesPerPair: number;
              schedule: string | null;
              timezone: string;
              /** @description Whether a run would be accepted by budgetPerRunUsd; null without one */
              withinBudget: boolean | null;
              /** @description Whether perMonthUsd stays within budgetPerMonthUsd; null without a schedule or monthly budget */
              withinMonthlyBudget: boolean | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/brands": {
    /** List brands */
    get: {
      parameters: {
        query?: {
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Brand"][];
              /** @description Pass as `cursor` to get the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Create a brand */
    post: {
      parameters: {
        header?: {
          /**
           * @description Makes a retry safe: a unique value per create (a UUID). The same key with the same request within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; with another request it is refused (422 `idempotency_key_reused`); while the first request is still being handled, 409 `idempotency_key_in_use` (retry after `Retry-After` seconds). Keys belong to the API key or person sending them. See docs/integrators.md, "Retrying safely".
           * @example 5b0c1e8e-8d41-4c57-9f3e-2f6a3a7c9d10
           */
          "Idempotency-Key"?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      requestBody: {
        content: {
          /**
           * @example {
           *   "name": "HubSpot",
           *   "aliases": [
           *     "HubSpot CRM"
           *   ],
           *   "domains": [
           *     "hubspot.com"
           *   ],
           *   "kind": "competitor"
           * }
           */
          "application/json": {
            /** @description Other names the brand goes by (products, abbreviations) */
            aliases?: string[];
            /**
             * @description Match letter case exactly, e.g. for brand names that are common words
             * @default false
             */
            caseSensitive?: boolean;
            /** @description Domains the brand owns; citations of them or their subdomains count as the brand’s */
            domains?: string[];
            /**
             * @default competitor
             * @enum {string}
             */
            kind?: "own" | "competitor";
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            /** @description Present (`true`) when this answer is the replay of an earlier request with the same Idempotency-Key. */
            "Idempotent-Replayed"?: "true";
          };
          content: {
            "application/json": components["schemas"]["Brand"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state; or `idempotency_key_in_use`: another request with this Idempotency-Key is being handled (retry after `Retry-After`); or `idempotency_key_interrupted`: the first request with this key stopped before its answer was kept (check whether it created something, then use a new key) */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget; or `idempotency_key_reused`: this Idempotency-Key was first sent with a different request */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/brands/{brandId}": {
    /** Get a brand */
    get: {
      parameters: {
        path: {
          workspaceId: string;
          brandId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Brand"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Delete a brand */
    delete: {
      parameters: {
        path: {
          workspaceId: string;
          brandId: string;
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          content: never;
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Update a brand */
    patch: {
      parameters: {
        path: {
          workspaceId: string;
          brandId: string;
        };
      };
      requestBody: {
        content: {
          /**
           * @example {
           *   "aliases": [
           *     "HubSpot CRM",
           *     "HubSpot Sales Hub"
           *   ]
           * }
           */
          "application/json": {
            aliases?: string[];
            caseSensitive?: boolean;
            domains?: string[];
            /** @enum {string} */
            kind?: "own" | "competitor";
            name?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Brand"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/events": {
    /** List events */
    get: {
      parameters: {
        query?: {
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["ChangeEvent"][];
              /** @description Pass as `cursor` to get the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Create a change event */
    post: {
      parameters: {
        header?: {
          /**
           * @description Makes a retry safe: a unique value per create (a UUID). The same key with the same request within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; with another request it is refused (422 `idempotency_key_reused`); while the first request is still being handled, 409 `idempotency_key_in_use` (retry after `Retry-After` seconds). Keys belong to the API key or person sending them. See docs/integrators.md, "Retrying safely".
           * @example 5b0c1e8e-8d41-4c57-9f3e-2f6a3a7c9d10
           */
          "Idempotency-Key"?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      requestBody: {
        content: {
          /**
           * @example {
           *   "kind": "content_published",
           *   "occurredAt": "2026-11-16T09:00:00Z",
           *   "title": "Comparison page: Acme CRM vs Globex",
           *   "url": "https://acme.example.com/compare/globex",
           *   "promptTags": [
           *     "comparison"
           *   ]
           * }
           */
          "application/json": {
            /**
             * @description What happened: content_published, site_change, pr_campaign, product_launch or other
             * @enum {string}
             */
            kind: "content_published" | "site_change" | "pr_campaign" | "product_launch" | "other";
            /** @description Anything worth remembering about the change */
            notes?: string | null;
            /**
             * Format: date-time
             * @description When the change happened (answers of runs from this instant on are "after")
             */
            occurredAt: string;
            /**
             * @description Prompts the change should affect, by id
             * @default []
             */
            promptIds?: string[];
            /** @description Prompts carrying any of these tags are affected too (tags are resolved when a report reads the event) */
            promptTags?: string[];
            /** @description A short name shown on trend charts */
            title?: string | null;
            /** @description Where the change can be seen (the page published, the press release…) */
            url?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            /** @description Present (`true`) when this answer is the replay of an earlier request with the same Idempotency-Key. */
            "Idempotent-Replayed"?: "true";
          };
          content: {
            "application/json": components["schemas"]["ChangeEvent"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state; or `idempotency_key_in_use`: another request with this Idempotency-Key is being handled (retry after `Retry-After`); or `idempotency_key_interrupted`: the first request with this key stopped before its answer was kept (check whether it created something, then use a new key) */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget; or `idempotency_key_reused`: this Idempotency-Key was first sent with a different request */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/events/{eventId}": {
    /** Get a change event */
    get: {
      parameters: {
        path: {
          workspaceId: string;
          eventId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["ChangeEvent"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Delete a change event */
    delete: {
      parameters: {
        path: {
          workspaceId: string;
          eventId: string;
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          content: never;
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Update a change event */
    patch: {
      parameters: {
        path: {
          workspaceId: string;
          eventId: string;
        };
      };
      requestBody: {
        content: {
          /**
           * @example {
           *   "title": "Comparison page (v2)",
           *   "promptTags": [
           *     "comparison",
           *     "pricing"
           *   ]
           * }
           */
          "application/json": {
            /**
             * @description What happened: content_published, site_change, pr_campaign, product_launch or other
             * @enum {string}
             */
            kind?: "content_published" | "site_change" | "pr_campaign" | "product_launch" | "other";
            /** @description Anything worth remembering about the change */
            notes?: string | null;
            /** Format: date-time */
            occurredAt?: string;
            /** @description Prompts the change should affect, by id */
            promptIds?: string[];
            /** @description Prompts carrying any of these tags are affected too (tags are resolved when a report reads the event) */
            promptTags?: string[];
            /** @description A short name shown on trend charts */
            title?: string | null;
            /** @description Where the change can be seen (the page published, the press release…) */
            url?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["ChangeEvent"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/exports/citations": {
    /**
     * Export raw citations as CSV or JSON, streamed
     * @description Every row of the dataset in the filtered answers, streamed from the database (never built whole in memory), in answer order. brandIds limits the rows to those brands.
     */
    get: {
      parameters: {
        query?: {
          runId?: string;
          /** @description Runs created at or after this instant (every answer is dated by the creation of its run) */
          from?: string;
          /** @description Runs created before this instant */
          to?: string;
          /** @description Brands to show; shares are still computed among every tracked brand */
          brandIds?: string[] | string;
          providers?: string[] | string;
          modelConfigIds?: string[] | string;
          promptIds?: string[] | string;
          /** @description Prompts carrying any of these tags */
          tags?: string[] | string;
          /** @description Configurations asking from any of these countries (the configuration's location: userLocation, or the locale's region on search pages and apps); configurations without a location are left out */
          locations?: string[] | string;
          /** @description Answers asked in any of these languages: the configuration's locale language, or the prompt's locale language when the configuration sets none */
          languages?: string[] | string;
          /** @description csv (default) or json (an array), both streamed */
          format?: "csv" | "json";
          /** @description responses only: add the provider’s raw payload */
          includeRaw?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description The citations, one row each */
        200: {
          content: {
            "application/json": {
                [key: string]: unknown;
              }[];
            "text/csv": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/exports/mentions": {
    /**
     * Export raw mentions as CSV or JSON, streamed
     * @description Every row of the dataset in the filtered answers, streamed from the database (never built whole in memory), in answer order. brandIds limits the rows to those brands.
     */
    get: {
      parameters: {
        query?: {
          runId?: string;
          /** @description Runs created at or after this instant (every answer is dated by the creation of its run) */
          from?: string;
          /** @description Runs created before this instant */
          to?: string;
          /** @description Brands to show; shares are still computed among every tracked brand */
          brandIds?: string[] | string;
          providers?: string[] | string;
          modelConfigIds?: string[] | string;
          promptIds?: string[] | string;
          /** @description Prompts carrying any of these tags */
          tags?: string[] | string;
          /** @description Configurations asking from any of these countries (the configuration's location: userLocation, or the locale's region on search pages and apps); configurations without a location are left out */
          locations?: string[] | string;
          /** @description Answers asked in any of these languages: the configuration's locale language, or the prompt's locale language when the configuration sets none */
          languages?: string[] | string;
          /** @description csv (default) or json (an array), both streamed */
          format?: "csv" | "json";
          /** @description responses only: add the provider’s raw payload */
          includeRaw?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description The mentions, one row each */
        200: {
          content: {
            "application/json": {
                [key: string]: unknown;
              }[];
            "text/csv": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/exports/responses": {
    /**
     * Export raw responses as CSV or JSON, streamed
     * @description Every row of the dataset in the filtered answers, streamed from the database (never built whole in memory), in answer order. includeRaw=true adds the provider payload.
     */
    get: {
      parameters: {
        query?: {
          runId?: string;
          /** @description Runs created at or after this instant (every answer is dated by the creation of its run) */
          from?: string;
          /** @description Runs created before this instant */
          to?: string;
          /** @description Brands to show; shares are still computed among every tracked brand */
          brandIds?: string[] | string;
          providers?: string[] | string;
          modelConfigIds?: string[] | string;
          promptIds?: string[] | string;
          /** @description Prompts carrying any of these tags */
          tags?: string[] | string;
          /** @description Configurations asking from any of these countries (the configuration's location: userLocation, or the locale's region on search pages and apps); configurations without a location are left out */
          locations?: string[] | string;
          /** @description Answers asked in any of these languages: the configuration's locale language, or the prompt's locale language when the configuration sets none */
          languages?: string[] | string;
          /** @description csv (default) or json (an array), both streamed */
          format?: "csv" | "json";
          /** @description responses only: add the provider’s raw payload */
          includeRaw?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description The responses, one row each */
        200: {
          content: {
            "application/json": {
                [key: string]: unknown;
              }[];
            "text/csv": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/model-configs": {
    /** List model configs */
    get: {
      parameters: {
        query?: {
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
          archived?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["ModelConfig"][];
              /** @description Pass as `cursor` to get the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Create a model configuration */
    post: {
      parameters: {
        header?: {
          /**
           * @description Makes a retry safe: a unique value per create (a UUID). The same key with the same request within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; with another request it is refused (422 `idempotency_key_reused`); while the first request is still being handled, 409 `idempotency_key_in_use` (retry after `Retry-After` seconds). Keys belong to the API key or person sending them. See docs/integrators.md, "Retrying safely".
           * @example 5b0c1e8e-8d41-4c57-9f3e-2f6a3a7c9d10
           */
          "Idempotency-Key"?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      requestBody: {
        content: {
          /**
           * @example {
           *   "name": "GPT-5.4 mini, web search",
           *   "provider": "openai",
           *   "model": "gpt-5.4-mini",
           *   "params": {
           *     "webSearch": true,
           *     "reasoningEffort": "low"
           *   }
           * }
           */
          "application/json": {
            /** @description Model id as the provider names it, e.g. gpt-5.4-mini */
            model: string;
            name: string;
            /**
             * @description temperature, topP, maxOutputTokens, seed, systemPrompt, webSearch, reasoningEffort, userLocation, locale, persona — as the provider and model accept them
             * @default {}
             */
            params?: {
              [key: string]: unknown;
            };
            /** @description One of: openai, anthropic, perplexity, gemini, google_ai_overview, assistant_app, openai_compatible, mock, mock_app */
            provider: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            /** @description Present (`true`) when this answer is the replay of an earlier request with the same Idempotency-Key. */
            "Idempotent-Replayed"?: "true";
          };
          content: {
            "application/json": components["schemas"]["ModelConfig"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state; or `idempotency_key_in_use`: another request with this Idempotency-Key is being handled (retry after `Retry-After`); or `idempotency_key_interrupted`: the first request with this key stopped before its answer was kept (check whether it created something, then use a new key) */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget; or `idempotency_key_reused`: this Idempotency-Key was first sent with a different request */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/model-configs/{modelConfigId}": {
    /** Get a model configuration */
    get: {
      parameters: {
        path: {
          workspaceId: string;
          modelConfigId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["ModelConfig"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Delete a model configuration (refused once it has answers: archive it instead) */
    delete: {
      parameters: {
        path: {
          workspaceId: string;
          modelConfigId: string;
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          content: never;
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Update a model configuration */
    patch: {
      parameters: {
        path: {
          workspaceId: string;
          modelConfigId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            archived?: boolean;
            model?: string;
            name?: string;
            params?: {
              [key: string]: unknown;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["ModelConfig"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/pdf-reports": {
    /** List PDF reports, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["PdfReport"][];
              /** @description Pass as `cursor` to get the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /**
     * Make a PDF report of the workspace for a period
     * @description Queues a worker job that renders a client-ready PDF (cover in the organization’s branding, visibility and share of voice with intervals, trend chart, citations, competitor gap, significant changes since the previous period, methodology), stores it, and emails it to `sendTo` when given. Poll GET …/pdf-reports/{pdfReportId} until `status` is completed, then download `fileUrl`.
     */
    post: {
      parameters: {
        header?: {
          /**
           * @description Makes a retry safe: a unique value per create (a UUID). The same key with the same request within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; with another request it is refused (422 `idempotency_key_reused`); while the first request is still being handled, 409 `idempotency_key_in_use` (retry after `Retry-After` seconds). Keys belong to the API key or person sending them. See docs/integrators.md, "Retrying safely".
           * @example 5b0c1e8e-8d41-4c57-9f3e-2f6a3a7c9d10
           */
          "Idempotency-Key"?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /**
             * Format: date-time
             * @description Start of the period: runs created at or after this instant
             */
            from: string;
            /** @description Email the PDF, attached, to these addresses once it is made */
            sendTo?: string[];
            /**
             * Format: date-time
             * @description End of the period: runs created before this instant
             */
            to: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            /** @description Present (`true`) when this answer is the replay of an earlier request with the same Idempotency-Key. */
            "Idempotent-Replayed"?: "true";
          };
          content: {
            "application/json": components["schemas"]["PdfReport"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state; or `idempotency_key_in_use`: another request with this Idempotency-Key is being handled (retry after `Retry-After`); or `idempotency_key_interrupted`: the first request with this key stopped before its answer was kept (check whether it created something, then use a new key) */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget; or `idempotency_key_reused`: this Idempotency-Key was first sent with a different request */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/pdf-reports/{pdfReportId}": {
    /** Get a PDF report’s status */
    get: {
      parameters: {
        path: {
          workspaceId: string;
          pdfReportId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["PdfReport"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/pdf-reports/{pdfReportId}/file": {
    /**
     * Download a PDF report
     * @description application/pdf with Content-Disposition: attachment; 409 problem+json while the PDF is not made yet.
     */
    get: {
      parameters: {
        path: {
          workspaceId: string;
          pdfReportId: string;
        };
      };
      responses: {
        /** @description The PDF, as an attachment */
        200: {
          content: {
            "application/pdf": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/prompts": {
    /** List prompts */
    get: {
      parameters: {
        query?: {
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
          /** @description Only prompts with this tag */
          tag?: string;
          /** @description Only prompts whose text contains this, whatever the letter case (% and _ are plain characters) */
          q?: string;
          /** @description Filter on archived state */
          archived?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Prompt"][];
              /** @description Pass as `cursor` to get the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Create a prompt */
    post: {
      parameters: {
        header?: {
          /**
           * @description Makes a retry safe: a unique value per create (a UUID). The same key with the same request within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; with another request it is refused (422 `idempotency_key_reused`); while the first request is still being handled, 409 `idempotency_key_in_use` (retry after `Retry-After` seconds). Keys belong to the API key or person sending them. See docs/integrators.md, "Retrying safely".
           * @example 5b0c1e8e-8d41-4c57-9f3e-2f6a3a7c9d10
           */
          "Idempotency-Key"?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      requestBody: {
        content: {
          /**
           * @example {
           *   "text": "What is the best CRM for a 10-person startup?",
           *   "locale": "en-US",
           *   "tags": [
           *     "crm",
           *     "startup"
           *   ]
           * }
           */
          "application/json": {
            locale?: string;
            /** @description Topic, intent, funnel stage… used to select prompts in audits and to slice reports */
            tags?: string[];
            /** @description The question, as a buyer would ask an assistant */
            text: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            /** @description Present (`true`) when this answer is the replay of an earlier request with the same Idempotency-Key. */
            "Idempotent-Replayed"?: "true";
          };
          content: {
            "application/json": components["schemas"]["Prompt"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state; or `idempotency_key_in_use`: another request with this Idempotency-Key is being handled (retry after `Retry-After`); or `idempotency_key_interrupted`: the first request with this key stopped before its answer was kept (check whether it created something, then use a new key) */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget; or `idempotency_key_reused`: this Idempotency-Key was first sent with a different request */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/prompts/{promptId}": {
    /** Get a prompt */
    get: {
      parameters: {
        path: {
          workspaceId: string;
          promptId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Prompt"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Delete a prompt (refused once it has answers: archive it instead) */
    delete: {
      parameters: {
        path: {
          workspaceId: string;
          promptId: string;
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          content: never;
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Update a prompt */
    patch: {
      parameters: {
        path: {
          workspaceId: string;
          promptId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            archived?: boolean;
            locale?: string;
            tags?: string[];
            text?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Prompt"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/prompts/bulk": {
    /**
     * Tag, untag, archive, unarchive or delete many prompts at once
     * @description Up to 1000 prompts in one transaction. Each prompt gets its own result: one that is not in this workspace, would carry more than 20 tags, or has answers (delete: archive it instead) is refused with a code and why, and the others proceed.
     */
    post: {
      parameters: {
        path: {
          workspaceId: string;
        };
      };
      requestBody: {
        content: {
          /**
           * @example {
           *   "promptIds": [
           *     "0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a04"
           *   ],
           *   "action": "tag",
           *   "tags": [
           *     "q1-review"
           *   ]
           * }
           */
          "application/json": {
            /**
             * @description tag/untag: add or remove `tags`; archive/unarchive; delete (refused for a prompt with answers)
             * @enum {string}
             */
            action: "tag" | "untag" | "archive" | "unarchive" | "delete";
            /** @description The prompts to act on (repeated ids count once) */
            promptIds: string[];
            /** @description The tags to add or remove; only with tag and untag */
            tags?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** @description Prompts this request changed */
              changed: number;
              /** @description One per prompt, in the order given */
              results: ({
                  /** @description Whether this request changed it (tagging a prompt that has the tag changes nothing) */
                  changed: boolean;
                  /** @description Why this prompt was refused */
                  error?: {
                    /** @enum {string} */
                    code: "not_found" | "conflict" | "validation_failed";
                    detail: string;
                  };
                  /** @description Whether the action holds for this prompt now */
                  ok: boolean;
                  /** Format: uuid */
                  promptId: string;
                })[];
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/prompts/import": {
    /**
     * Import prompts in bulk (JSON or CSV)
     * @description JSON: {"prompts": [{text, locale?, tags?}, …]}. CSV (Content-Type: text/csv): a header row with `text` and optionally `locale` and `tags`; tags within a cell are separated by ; or | (crm;smb), never by a comma, and a text containing a comma goes in double quotes. Up to 5000 prompts; all are created or none, and a 400 names every invalid row.
     */
    post: {
      parameters: {
        header?: {
          /**
           * @description Makes a retry safe: a unique value per create (a UUID). The same key with the same request within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; with another request it is refused (422 `idempotency_key_reused`); while the first request is still being handled, 409 `idempotency_key_in_use` (retry after `Retry-After` seconds). Keys belong to the API key or person sending them. See docs/integrators.md, "Retrying safely".
           * @example 5b0c1e8e-8d41-4c57-9f3e-2f6a3a7c9d10
           */
          "Idempotency-Key"?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      requestBody: {
        content: {
          /**
           * @example {
           *   "prompts": [
           *     {
           *       "text": "Best CRM for a startup?",
           *       "locale": "en-US",
           *       "tags": [
           *         "crm"
           *       ]
           *     },
           *     {
           *       "text": "Quel CRM pour une PME ?",
           *       "locale": "fr-FR",
           *       "tags": [
           *         "crm",
           *         "pme"
           *       ]
           *     }
           *   ]
           * }
           */
          "application/json": {
            prompts: unknown[];
          };
          /**
           * @example text,locale,tags
           * "Best CRM for a startup?",en-US,crm
           * "Quel CRM pour une PME ?",fr-FR,crm;pme
           */
          "text/csv": string;
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            /** @description Present (`true`) when this answer is the replay of an earlier request with the same Idempotency-Key. */
            "Idempotent-Replayed"?: "true";
          };
          content: {
            "application/json": {
              imported: number;
              prompts: components["schemas"]["Prompt"][];
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state; or `idempotency_key_in_use`: another request with this Idempotency-Key is being handled (retry after `Retry-After`); or `idempotency_key_interrupted`: the first request with this key stopped before its answer was kept (check whether it created something, then use a new key) */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget; or `idempotency_key_reused`: this Idempotency-Key was first sent with a different request */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/reanalyses": {
    /** List re-analyses, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Reanalysis"][];
              /** @description Pass as `cursor` to get the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /**
     * Re-analyse stored answers
     * @description Derives mentions and citations again from stored answers (after brands, aliases or domains change), in the background. No provider is called.
     */
    post: {
      parameters: {
        header?: {
          /**
           * @description Makes a retry safe: a unique value per create (a UUID). The same key with the same request within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; with another request it is refused (422 `idempotency_key_reused`); while the first request is still being handled, 409 `idempotency_key_in_use` (retry after `Retry-After` seconds). Keys belong to the API key or person sending them. See docs/integrators.md, "Retrying safely".
           * @example 5b0c1e8e-8d41-4c57-9f3e-2f6a3a7c9d10
           */
          "Idempotency-Key"?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /**
             * Format: date-time
             * @description Only answers collected at or after this instant
             */
            from?: string;
            /**
             * Format: uuid
             * @description Only the answers of this run
             */
            runId?: string;
            /**
             * Format: date-time
             * @description Only answers collected before this instant
             */
            to?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            /** @description Present (`true`) when this answer is the replay of an earlier request with the same Idempotency-Key. */
            "Idempotent-Replayed"?: "true";
          };
          content: {
            "application/json": components["schemas"]["Reanalysis"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state; or `idempotency_key_in_use`: another request with this Idempotency-Key is being handled (retry after `Retry-After`); or `idempotency_key_interrupted`: the first request with this key stopped before its answer was kept (check whether it created something, then use a new key) */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget; or `idempotency_key_reused`: this Idempotency-Key was first sent with a different request */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/reanalyses/{reanalysisId}": {
    /** Get a re-analysis with its progress */
    get: {
      parameters: {
        path: {
          workspaceId: string;
          reanalysisId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Reanalysis"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/reports/app-gap": {
    /**
     * App-versus-API gap: per assistant, how its API answers differ from its consumer app on the same prompts, with a verdict
     * @description Pairs each assistant’s API configurations (openai → chatgpt, gemini → gemini, anthropic → claude, perplexity → perplexity, mock → chatgpt) with its app captures (assistant_app, mock_app: the model names the assistant), or the configurations given in apiConfigIds and appConfigIds, and keeps the prompts with analysed answers on both surfaces. Per brand: the mention rate on each surface and app − API with its 95% Newcombe interval and a two-sided p-value (z-test, or Fisher’s exact test for small counts); per cited domain (the `top` most cited): its citation share on each surface and app − API with a 95% delta-method interval and z-test. p-values are adjusted across every brand and domain of the report (Holm by default). verdict: not_stand_in when a difference of maxGap or more is significant, stand_in when each surface has minAnswers answers and every difference is below maxGap, inconclusive otherwise, with a one-line summary. docs/statistics.md#app-versus-api-gap defines each number.
     */
    get: {
      parameters: {
        query?: {
          runId?: string;
          /** @description Runs created at or after this instant (every answer is dated by the creation of its run) */
          from?: string;
          /** @description Runs created before this instant */
          to?: string;
          /** @description Brands to show; shares are still computed among every tracked brand */
          brandIds?: string[] | string;
          providers?: string[] | string;
          modelConfigIds?: string[] | string;
          promptIds?: string[] | string;
          /** @description Prompts carrying any of these tags */
          tags?: string[] | string;
          /** @description Configurations asking from any of these countries (the configuration's location: userLocation, or the locale's region on search pages and apps); configurations without a location are left out */
          locations?: string[] | string;
          /** @description Answers asked in any of these languages: the configuration's locale language, or the prompt's locale language when the configuration sets none */
          languages?: string[] | string;
          /** @description API configurations to compare (with appConfigIds), as one pair named after the app configurations’ assistant. Without them every configuration is paired by assistant (docs/statistics.md#app-versus-api-gap) */
          apiConfigIds?: string[] | string;
          /** @description App configurations to compare with apiConfigIds */
          appConfigIds?: string[] | string;
          /** @description Largest difference (absolute, 0.1 = 10 points) that still counts as a good stand-in */
          maxGap?: number;
          /** @description Answers each surface needs on the shared prompts before the API can be called a good stand-in */
          minAnswers?: number;
          /** @description Significance level, after adjustment */
          alpha?: number;
          /** @description Multiple-comparison adjustment across every brand and domain of every assistant in the report */
          adjust?: "holm" | "bh" | "none";
          /** @description Domains compared per assistant, most cited first */
          top?: number;
          /** @description json (default) or csv, streamed with a header row */
          format?: "json" | "csv";
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description The app-gap report */
        200: {
          content: {
            "application/json": components["schemas"]["AppGapReport"];
            "text/csv": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/reports/citations": {
    /**
     * Citations: top domains and URLs, own-domain share per brand, and the split between annotations, links and retrieved sources
     * @description Per provider unless grouped otherwise. Cited = annotations and links; search results retrieved but not cited are counted apart.
     */
    get: {
      parameters: {
        query?: {
          runId?: string;
          /** @description Runs created at or after this instant (every answer is dated by the creation of its run) */
          from?: string;
          /** @description Runs created before this instant */
          to?: string;
          /** @description Brands to show; shares are still computed among every tracked brand */
          brandIds?: string[] | string;
          providers?: string[] | string;
          modelConfigIds?: string[] | string;
          promptIds?: string[] | string;
          /** @description Prompts carrying any of these tags */
          tags?: string[] | string;
          /** @description Configurations asking from any of these countries (the configuration's location: userLocation, or the locale's region on search pages and apps); configurations without a location are left out */
          locations?: string[] | string;
          /** @description Answers asked in any of these languages: the configuration's locale language, or the prompt's locale language when the configuration sets none */
          languages?: string[] | string;
          /** @description Dimensions to group by, comma-separated: provider, config, prompt, tag, location, language, run, day, week. Default: none */
          groupBy?: string[] | string;
          /** @description Domains and URLs listed per group */
          top?: number;
          /** @description json (default) or csv, streamed with a header row */
          format?: "json" | "csv";
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description The citations report */
        200: {
          content: {
            "application/json": components["schemas"]["CitationsReport"];
            "text/csv": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/reports/competitor-gap": {
    /**
     * Competitor gap: prompts where a competitor is named and no own brand is, with examples
     * @description Largest gap first; each row quotes the latest such answers (snippet and spans of the competitor’s mention).
     */
    get: {
      parameters: {
        query?: {
          runId?: string;
          /** @description Runs created at or after this instant (every answer is dated by the creation of its run) */
          from?: string;
          /** @description Runs created before this instant */
          to?: string;
          /** @description Brands to show; shares are still computed among every tracked brand */
          brandIds?: string[] | string;
          providers?: string[] | string;
          modelConfigIds?: string[] | string;
          promptIds?: string[] | string;
          /** @description Prompts carrying any of these tags */
          tags?: string[] | string;
          /** @description Configurations asking from any of these countries (the configuration's location: userLocation, or the locale's region on search pages and apps); configurations without a location are left out */
          locations?: string[] | string;
          /** @description Answers asked in any of these languages: the configuration's locale language, or the prompt's locale language when the configuration sets none */
          languages?: string[] | string;
          /** @description prompt is always a dimension; add provider or config to split further */
          groupBy?: string[] | string;
          /** @description Rows, largest gap first */
          limit?: number;
          /** @description Latest answers quoted per row */
          examples?: number;
          /** @description json (default) or csv, streamed with a header row */
          format?: "json" | "csv";
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description The competitor-gap report */
        200: {
          content: {
            "application/json": components["schemas"]["CompetitorGapReport"];
            "text/csv": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/reports/experiments": {
    /**
     * Configuration experiments: difference in mention rate per brand, with interval, p-value and samples needed
     * @description For configA and configB, or every pair of configurations differing only in `parameter` (model, provider, temperature, webSearch…): B − A with its 95% Newcombe interval, a two-sided p-value (pooled z-test; Fisher’s exact test when an expected count is below 5), adjusted across the report (Holm by default), and the answers per arm needed to detect minimumDifference.
     */
    get: {
      parameters: {
        query?: {
          runId?: string;
          /** @description Runs created at or after this instant (every answer is dated by the creation of its run) */
          from?: string;
          /** @description Runs created before this instant */
          to?: string;
          /** @description Brands to show; shares are still computed among every tracked brand */
          brandIds?: string[] | string;
          providers?: string[] | string;
          modelConfigIds?: string[] | string;
          promptIds?: string[] | string;
          /** @description Prompts carrying any of these tags */
          tags?: string[] | string;
          /** @description Configurations asking from any of these countries (the configuration's location: userLocation, or the locale's region on search pages and apps); configurations without a location are left out */
          locations?: string[] | string;
          /** @description Answers asked in any of these languages: the configuration's locale language, or the prompt's locale language when the configuration sets none */
          languages?: string[] | string;
          /** @description Baseline configuration (with configB) */
          configA?: string;
          /** @description Configuration compared with the baseline; differences are B − A */
          configB?: string;
          /** @description Compare every pair of configurations that differ only in this: model, provider, or a parameter such as temperature or webSearch. Without it (and without configA/configB): every pair that differs in exactly one setting */
          parameter?: string;
          /** @description Difference in mention rate to size samples for (absolute, e.g. 0.1 = 10 points) */
          minimumDifference?: number;
          /** @description Significance level, after adjustment */
          alpha?: number;
          power?: number;
          /** @description Multiple-comparison adjustment across every brand, pair and group of the report */
          adjust?: "holm" | "bh" | "none";
          /** @description Compare the pairs within each prompt, tag, run, day or week (comma-separated; default: the whole range). Every comparison counts in the adjustment. */
          groupBy?: string[] | string;
          /** @description json (default) or csv, streamed with a header row */
          format?: "json" | "csv";
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description The experiments report */
        200: {
          content: {
            "application/json": components["schemas"]["ExperimentsReport"];
            "text/csv": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/reports/impact": {
    /**
     * Change impact: did an event move the mention rate on the prompts it should affect? Difference in differences with interval, p-value and power
     * @description Compares the brand’s mention rate (any own brand by default, or brandId) on the event’s prompts (listed or tagged) in the windowDays before and after the event with the change on the other prompts over the same windows: (affected after − affected before) − (unaffected after − unaffected before), over successful analysed answers, dated by their run. The variance is cluster-robust with prompts as clusters; the 95% interval and two-sided p-value use Student t with prompts − 2 degrees of freedom. power is the chance this data detects a true change of minEffect; minimumDetectableEffect the change it detects with 80% power. verdict: effect (p < 0.05), no-detectable-effect (p ≥ 0.05 with power ≥ 80%) or underpowered (the data cannot tell), with a one-sentence summary. docs/statistics.md#change-impact defines each number.
     */
    get: {
      parameters: {
        query?: {
          /** @description The event to measure (GET /events); by default the workspace’s latest event up to now */
          eventId?: string;
          /** @description Days before and after the event compared (1–365) */
          windowDays?: number;
          /** @description The smallest change worth detecting, as a proportion (0.05 = 5 percentage points): the report says whether the data could detect it */
          minEffect?: number;
          /** @description Measure this brand (own or competitor); by default an answer counts when it mentions any own brand */
          brandId?: string;
          /** @description Count only the answers of these providers (e.g. openai,assistant_app) */
          providers?: string[] | string;
          /** @description Count only the answers of these model configurations */
          modelConfigIds?: string[] | string;
          /** @description json (default) or csv, streamed with a header row */
          format?: "json" | "csv";
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description The impact report */
        200: {
          content: {
            "application/json": components["schemas"]["ImpactReport"];
            "text/csv": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/reports/search-queries": {
    /**
     * Search fan-out: the web searches assistants ran per prompt and configuration, and how often own domains were cited after each
     * @description Per prompt × provider × configuration with at least one web search: the top `top` search queries, normalised (trimmed, lower-cased, whitespace collapsed), with the answers that ran each and their share of the answers that searched, and the rate at which those answers cited an own brand’s domain (annotations and links, not sources merely retrieved), each with n and the 95% Wilson interval. Read from the successful analysed answers of the runs in range.
     */
    get: {
      parameters: {
        query?: {
          runId?: string;
          /** @description Runs created at or after this instant (every answer is dated by the creation of its run) */
          from?: string;
          /** @description Runs created before this instant */
          to?: string;
          providers?: string[] | string;
          modelConfigIds?: string[] | string;
          promptIds?: string[] | string;
          /** @description Prompts carrying any of these tags */
          tags?: string[] | string;
          /** @description Configurations asking from any of these countries (the configuration's location: userLocation, or the locale's region on search pages and apps); configurations without a location are left out */
          locations?: string[] | string;
          /** @description Answers asked in any of these languages: the configuration's locale language, or the prompt's locale language when the configuration sets none */
          languages?: string[] | string;
          /** @description Search queries listed per prompt × configuration, most run first (1–50) */
          top?: number;
          /** @description Prompt × configuration rows at most, by prompt text then provider and configuration (1–500) */
          limit?: number;
          /** @description json (default) or csv, streamed with a header row */
          format?: "json" | "csv";
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description The search-queries report */
        200: {
          content: {
            "application/json": components["schemas"]["SearchQueriesReport"];
            "text/csv": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/reports/share-of-voice": {
    /**
     * Share of voice, average rank, top-1 rate and sentiment per brand
     * @description Presence- and count-based share of voice among every tracked brand (delta-method intervals over answers), mean rank and top-1 rate over the answers mentioning the brand, mean sentiment with counts per label.
     */
    get: {
      parameters: {
        query?: {
          runId?: string;
          /** @description Runs created at or after this instant (every answer is dated by the creation of its run) */
          from?: string;
          /** @description Runs created before this instant */
          to?: string;
          /** @description Brands to show; shares are still computed among every tracked brand */
          brandIds?: string[] | string;
          providers?: string[] | string;
          modelConfigIds?: string[] | string;
          promptIds?: string[] | string;
          /** @description Prompts carrying any of these tags */
          tags?: string[] | string;
          /** @description Configurations asking from any of these countries (the configuration's location: userLocation, or the locale's region on search pages and apps); configurations without a location are left out */
          locations?: string[] | string;
          /** @description Answers asked in any of these languages: the configuration's locale language, or the prompt's locale language when the configuration sets none */
          languages?: string[] | string;
          /** @description Dimensions to group by, comma-separated: brand, provider, config, prompt, tag, location, language, run, day, week. Default: none */
          groupBy?: string[] | string;
          /** @description json (default) or csv, streamed with a header row */
          format?: "json" | "csv";
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description The share-of-voice report */
        200: {
          content: {
            "application/json": components["schemas"]["ShareOfVoiceReport"];
            "text/csv": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/reports/source-category-trends": {
    /**
     * Source-category trends: the split of cited sources by source category per day or week
     * @description Per period of the workspace time zone (answers dated by their run), every source category (docs/analysis-rules.md#source-categories) with its cited sources, its share of every cited source (95% delta-method interval over answers) and the answers citing it over the analysed answers (95% Wilson interval), with n. The same figures as the citations report’s sourceCategories over each period.
     */
    get: {
      parameters: {
        query?: {
          runId?: string;
          /** @description Runs created at or after this instant (every answer is dated by the creation of its run) */
          from?: string;
          /** @description Runs created before this instant */
          to?: string;
          /** @description Brands to show; shares are still computed among every tracked brand */
          brandIds?: string[] | string;
          providers?: string[] | string;
          modelConfigIds?: string[] | string;
          promptIds?: string[] | string;
          /** @description Prompts carrying any of these tags */
          tags?: string[] | string;
          /** @description Configurations asking from any of these countries (the configuration's location: userLocation, or the locale's region on search pages and apps); configurations without a location are left out */
          locations?: string[] | string;
          /** @description Answers asked in any of these languages: the configuration's locale language, or the prompt's locale language when the configuration sets none */
          languages?: string[] | string;
          /** @description Days, or ISO weeks starting on Monday, in the workspace time zone */
          interval?: "day" | "week";
          /** @description json (default) or csv, streamed with a header row */
          format?: "json" | "csv";
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description The source-category-trends report */
        200: {
          content: {
            "application/json": components["schemas"]["SourceCategoryTrendsReport"];
            "text/csv": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/reports/spend": {
    /**
     * Spend: what answers cost in a month, by provider and configuration, and each audit against its budget
     * @description The cost of every answer of the runs created in a calendar month of the workspace time zone (default: the current one), by provider and by model configuration, and for every audit what its runs spent and what is left of its monthly budget, counted as the budget check counts it (calendar month in UTC).
     */
    get: {
      parameters: {
        query?: {
          /** @description The calendar month, in the workspace time zone; default: the current one */
          month?: string;
          /** @description json (default) or csv, streamed with a header row */
          format?: "json" | "csv";
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description The spend report */
        200: {
          content: {
            "application/json": {
              /** @description Every audit of the workspace; budgets are per calendar month in UTC */
              audits: ({
                  /** Format: uuid */
                  auditId: string;
                  budgetPerMonthUsd: number | null;
                  name: string;
                  /** @description Budget left this month (never below 0); null without a budget */
                  remainingUsd: number | null;
                  /** @description What the monthly budget check counts: runs created in the calendar month in UTC, an unfinished run at its estimate until it costs more */
                  spentUsd: number;
                })[];
              byModelConfig: ({
                  answers: number;
                  /** Format: uuid */
                  modelConfigId: string;
                  name: string | null;
                  provider: string;
                  /** @description US dollars, to the micro-dollar */
                  usd: number;
                })[];
              byProvider: {
                  /** @description Answers collected (succeeded calls) */
                  answers: number;
                  provider: string;
                  /** @description US dollars, to the micro-dollar */
                  usd: number;
                }[];
              /**
               * Format: date-time
               * @description Start of the month, as an instant
               */
              from: string;
              month: string;
              /** @description The workspace time zone the month is read in */
              timezone: string;
              /**
               * Format: date-time
               * @description Start of the next month (exclusive)
               */
              to: string;
              /** @description Cost of every answer of the runs created in the month */
              totalUsd: number;
            };
            "text/csv": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/reports/trends": {
    /**
     * Trends: every brand metric per day or week, in the workspace time zone
     * @description Mention rate, share of voice, average rank, top-1 rate, sentiment and citation share per period and brand; answers are dated by their run.
     */
    get: {
      parameters: {
        query?: {
          runId?: string;
          /** @description Runs created at or after this instant (every answer is dated by the creation of its run) */
          from?: string;
          /** @description Runs created before this instant */
          to?: string;
          /** @description Brands to show; shares are still computed among every tracked brand */
          brandIds?: string[] | string;
          providers?: string[] | string;
          modelConfigIds?: string[] | string;
          promptIds?: string[] | string;
          /** @description Prompts carrying any of these tags */
          tags?: string[] | string;
          /** @description Configurations asking from any of these countries (the configuration's location: userLocation, or the locale's region on search pages and apps); configurations without a location are left out */
          locations?: string[] | string;
          /** @description Answers asked in any of these languages: the configuration's locale language, or the prompt's locale language when the configuration sets none */
          languages?: string[] | string;
          /** @description Days, or ISO weeks starting on Monday, in the workspace time zone */
          interval?: "day" | "week";
          /** @description Dimensions to group by, comma-separated: brand, provider, config, prompt, tag, location, language, run. Default: none */
          groupBy?: string[] | string;
          /** @description json (default) or csv, streamed with a header row */
          format?: "json" | "csv";
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description The trends report */
        200: {
          content: {
            "application/json": components["schemas"]["TrendsReport"];
            "text/csv": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/reports/untracked": {
    /**
     * Untracked: names and domains assistants bring up that no tracked brand covers
     * @description Reads the latest answers of the runs in range (at most `sample`) and lists the names they present (list leads, headings, bold text, table cells) that no tracked brand’s name or alias matches, and the cited domains no brand owns, most frequent first: candidates to add as competitors (POST /brands).
     */
    get: {
      parameters: {
        query?: {
          /** @description Runs created at or after this instant */
          from?: string;
          /** @description Runs created before this instant */
          to?: string;
          /** @description Names and domains listed, each (1–100) */
          limit?: number;
          /** @description Leave out what fewer answers bring up */
          minAnswers?: number;
          /** @description Answers read at most, the latest first */
          sample?: number;
          /** @description json (default) or csv, streamed with a header row */
          format?: "json" | "csv";
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description The untracked report */
        200: {
          content: {
            "application/json": {
              /** @description Cited domains no tracked brand owns, most cited first */
              domains: {
                  /** @description Answers citing it */
                  answers: number;
                  /** @description Citations of it (annotations and links) */
                  citations: number;
                  domain: string;
                }[];
              /** @description Answers read (successful answers of the runs in range, latest first, at most `sample`) */
              n: number;
              /** @description Names no tracked brand’s name or alias matches, most frequent first */
              names: {
                  /** @description Answers presenting it as a name (list lead, heading, bold, table cell) */
                  answers: number;
                  /** @description As most answers write it */
                  name: string;
                  /** @description answers / n */
                  share: number;
                }[];
            };
            "text/csv": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/reports/visibility": {
    /**
     * Visibility: mention rate per brand (by provider and configuration unless grouped otherwise)
     * @description Answers mentioning each brand over successful analysed answers, with n and the 95% Wilson interval. Failed answers and answers awaiting analysis are counted apart, never as "not mentioned".
     */
    get: {
      parameters: {
        query?: {
          runId?: string;
          /** @description Runs created at or after this instant (every answer is dated by the creation of its run) */
          from?: string;
          /** @description Runs created before this instant */
          to?: string;
          /** @description Brands to show; shares are still computed among every tracked brand */
          brandIds?: string[] | string;
          providers?: string[] | string;
          modelConfigIds?: string[] | string;
          promptIds?: string[] | string;
          /** @description Prompts carrying any of these tags */
          tags?: string[] | string;
          /** @description Configurations asking from any of these countries (the configuration's location: userLocation, or the locale's region on search pages and apps); configurations without a location are left out */
          locations?: string[] | string;
          /** @description Answers asked in any of these languages: the configuration's locale language, or the prompt's locale language when the configuration sets none */
          languages?: string[] | string;
          /** @description Dimensions to group by, comma-separated: brand, provider, config, prompt, tag, location, language, run, day, week. Default: provider,config */
          groupBy?: string[] | string;
          /** @description json (default) or csv, streamed with a header row */
          format?: "json" | "csv";
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description The visibility report */
        200: {
          content: {
            "application/json": components["schemas"]["VisibilityReport"];
            "text/csv": string;
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/responses": {
    /**
     * List responses, newest first
     * @description Every answer collected, with its exact request parameters, usage, cost, status or error, and the mentions and citations derived from it. Filter by run, prompt, configuration or status; for the report filters use /answers.
     */
    get: {
      parameters: {
        query?: {
          /** @description Only this run’s responses */
          runId?: string;
          /** @description Only answers to this prompt */
          promptId?: string;
          /** @description Only answers under this configuration */
          modelConfigId?: string;
          /** @description Only responses in this status */
          status?: "pending" | "succeeded" | "failed" | "cancelled";
          /** @description Add the provider’s raw payload (the text is always included) */
          includeRaw?: string;
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["ResponsesPage"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/responses/{responseId}": {
    /**
     * Get a response
     * @description One answer with its text, the raw provider payload (unless includeRaw=false), mentions and citations.
     */
    get: {
      parameters: {
        query?: {
          /** @description Include the provider’s raw payload (default true) */
          includeRaw?: string;
        };
        path: {
          workspaceId: string;
          responseId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Response"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/runs": {
    /** List runs, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
          status?: "queued" | "running" | "completed" | "completed_with_errors" | "failed" | "cancelled";
          auditId?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Run"][];
              /** @description Pass as `cursor` to get the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /**
     * Start a run
     * @description Starts a run of an audit, or of an inline selection of prompts × configurations × samples. Refused with 422 when its estimated cost exceeds the budget.
     *
     * **Retrying.** Send an `Idempotency-Key` header (a new UUID per run you mean to start) and retry with the same key and body: if the first attempt started the run, the retry answers that run (`Idempotent-Replayed: true`) and starts nothing. A 4xx answer or a 503 starts nothing and records nothing, and frees the key: correct the request, or send it again. Without a key, a blind retry after no answer at all (a timeout, a dropped connection, a 502 or 504 from a proxy) or a 500 can start a second run, which costs a second time: check first by listing the audit’s runs, newest first (`GET /v1/workspaces/{workspaceId}/runs?auditId=…`), for one created since the first attempt.
     */
    post: {
      parameters: {
        header?: {
          /**
           * @description Makes a retry safe: a unique value per create (a UUID). The same key with the same request within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; with another request it is refused (422 `idempotency_key_reused`); while the first request is still being handled, 409 `idempotency_key_in_use` (retry after `Retry-After` seconds). Keys belong to the API key or person sending them. See docs/integrators.md, "Retrying safely".
           * @example 5b0c1e8e-8d41-4c57-9f3e-2f6a3a7c9d10
           */
          "Idempotency-Key"?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      requestBody: {
        content: {
          /**
           * @example {
           *   "auditId": "0194f0b2-7c1e-7a4e-9d7b-1c2d3e4f5a6b"
           * }
           */
          "application/json": {
            /**
             * Format: uuid
             * @description Run this audit now. Or leave it out and give the selection inline:
             */
            auditId?: string;
            /** @description Cap for this run (defaults to the audit’s per-run budget) */
            budgetUsd?: number;
            modelConfigIds?: string[];
            promptIds?: string[];
            promptTags?: string[];
            samplesPerPair?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            /** @description Present (`true`) when this answer is the replay of an earlier request with the same Idempotency-Key. */
            "Idempotent-Replayed"?: "true";
          };
          content: {
            "application/json": components["schemas"]["Run"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state; or `idempotency_key_in_use`: another request with this Idempotency-Key is being handled (retry after `Retry-After`); or `idempotency_key_interrupted`: the first request with this key stopped before its answer was kept (check whether it created something, then use a new key) */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget; or `idempotency_key_reused`: this Idempotency-Key was first sent with a different request */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/runs/{runId}": {
    /** Get a run with its progress */
    get: {
      parameters: {
        path: {
          workspaceId: string;
          runId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Run"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/runs/{runId}/cancel": {
    /**
     * Cancel a run
     * @description Pending answers are cancelled; answers already collected are kept, and so are those of calls already in flight, which are stored, analysed and counted (cost included) when they return.
     */
    post: {
      parameters: {
        path: {
          workspaceId: string;
          runId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Run"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/runs/{runId}/precision": {
    /**
     * Precision reached per prompt × configuration, and samples saved by adaptive sampling
     * @description For a run of an audit with adaptive sampling (`sampling.mode: "adaptive"`, docs/statistics.md#adaptive-sampling): for each prompt × configuration, the answers asked for and received, the own-brand mention rate with its 95% interval (valid although the cell stopped on its data), its half-width in points and why the cell stopped; then the calls against the fixed design of the same worst-case precision (every pair asked `fixedDesignSamples` times). While the run goes on, cells still sampling show their last look. A run with a fixed number of samples answers the same figures from its answers (Wilson 95% intervals, no stop reason, nothing saved).
     */
    get: {
      parameters: {
        path: {
          workspaceId: string;
          runId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["RunPrecision"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/runs/{runId}/stance-agreement": {
    /**
     * How often the model judge agrees with the rule-based stance labels
     * @description For a run of an audit with a stance judge (`judgeModelConfigId`, docs/sentiment.md#the-model-judge): the brand labels the judge gave in the run’s answers, how many equal the rule-based label (with a 95% Wilson interval and Cohen’s kappa), the confusion table, the labels that failed or were refused for budget, and what the judge cost. A run without a judge answers zeros. A sudden drop of the rate between runs means the answers changed in a way one of the two reads differently: open the answers to see which.
     */
    get: {
      parameters: {
        path: {
          workspaceId: string;
          runId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["StanceAgreement"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/schedule-preview": {
    /**
     * Preview an audit schedule
     * @description Checks a cron expression as an audit’s `schedule` is checked and lists its next due times, as instants and as wall-clock times in the time zone (the workspace’s by default), with the runs it starts in an average month. Stores nothing; read permission is enough.
     */
    post: {
      parameters: {
        path: {
          workspaceId: string;
        };
      };
      requestBody: {
        content: {
          /**
           * @example {
           *   "schedule": "0 6 * * 1",
           *   "timezone": "Europe/Paris",
           *   "count": 3
           * }
           */
          "application/json": {
            /**
             * @description How many next due times to list (1–20)
             * @default 5
             */
            count?: number;
            /** @description Cron expression (5 fields) or @hourly/@daily/@weekly/@monthly/@yearly, as an audit takes it */
            schedule: string;
            /** @description IANA time zone the schedule is read in; default: the workspace’s */
            timezone?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** @description The next due times, as instants */
              next: string[];
              /** @description The same, as wall-clock times in the time zone: YYYY-MM-DD HH:mm */
              nextLocal: string[];
              /** @description Runs the schedule starts in an average month (due times over the next year ÷ 12) */
              runsPerMonth: number;
              schedule: string;
              timezone: string;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/share-links": {
    /**
     * List the workspace's share links with their openings
     * @description Newest first, each with its status (active, expired, revoked), its locks, how many times it was opened and the latest openings (time, client network, what was opened). Tokens are never shown again.
     */
    get: {
      parameters: {
        query?: {
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
          /** @description active: only links that still work */
          status?: "active" | "all";
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["ShareLink"][];
              /** @description Pass as `cursor` to get the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /**
     * Create a share link to the workspace's reports
     * @description Write scope (editors and up). A read-only link, opened without an account, to the visibility, share of voice, trends, citations and competitor gap reports of this workspace, until `expiresAt` (at most 366 days). `from`/`to`, `providers` and `tags` lock what it shows. The answer holds the token and the page URL once: only the token's SHA-256 is stored.
     *
     * Takes no `Idempotency-Key` (400 if sent): the answer holds a secret shown once, which Citewatch does not keep, so it cannot be replayed.
     */
    post: {
      parameters: {
        path: {
          workspaceId: string;
        };
      };
      requestBody: {
        content: {
          /**
           * @example {
           *   "name": "Nimbus, Q4 review",
           *   "expiresAt": "2027-01-31T00:00:00Z",
           *   "from": "2026-10-01T00:00:00Z",
           *   "to": "2027-01-01T00:00:00Z",
           *   "providers": [
           *     "openai"
           *   ]
           * }
           */
          "application/json": {
            /**
             * Format: date-time
             * @description When the link stops working; at most 366 days ahead
             */
            expiresAt: string;
            /**
             * Format: date-time
             * @description Lock: only runs created at or after this instant are shown
             */
            from?: string;
            /** @description What the link is for, as the list shows it (e.g. the client and period) */
            name: string;
            /** @description Lock: only answers of these providers are shown */
            providers?: string[];
            /** @description Lock: only prompts carrying one of these tags are shown */
            tags?: string[];
            /**
             * Format: date-time
             * @description Lock: only runs created before this instant are shown
             */
            to?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": components["schemas"]["ShareLinkCreated"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/share-links/{shareLinkId}": {
    /**
     * Revoke a share link
     * @description Write scope. The link stops working at once; it stays listed, with its openings, as revoked.
     */
    delete: {
      parameters: {
        path: {
          workspaceId: string;
          shareLinkId: string;
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          content: never;
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/source-category-overrides": {
    /** List source category-overrides */
    get: {
      parameters: {
        query?: {
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["SourceCategoryOverride"][];
              /** @description Pass as `cursor` to get the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Create a source category override */
    post: {
      parameters: {
        header?: {
          /**
           * @description Makes a retry safe: a unique value per create (a UUID). The same key with the same request within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; with another request it is refused (422 `idempotency_key_reused`); while the first request is still being handled, 409 `idempotency_key_in_use` (retry after `Retry-After` seconds). Keys belong to the API key or person sending them. See docs/integrators.md, "Retrying safely".
           * @example 5b0c1e8e-8d41-4c57-9f3e-2f6a3a7c9d10
           */
          "Idempotency-Key"?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      requestBody: {
        content: {
          /**
           * @example {
           *   "domain": "crmforum.example.org",
           *   "category": "forum",
           *   "note": "A user community our buyers read"
           * }
           */
          "application/json": {
            /**
             * @description A source category. own and competitor come from the brands’ owned domains and cannot be given by an override.
             * @enum {string}
             */
            category: "forum" | "video" | "social" | "review" | "news" | "reference" | "institutional" | "marketplace" | "other";
            /** @description A domain or host (e.g. crmforum.example.org); its subdomains take the same category */
            domain: string;
            /** @description Why the workspace classifies the domain this way */
            note?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            /** @description Present (`true`) when this answer is the replay of an earlier request with the same Idempotency-Key. */
            "Idempotent-Replayed"?: "true";
          };
          content: {
            "application/json": components["schemas"]["SourceCategoryOverride"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state; or `idempotency_key_in_use`: another request with this Idempotency-Key is being handled (retry after `Retry-After`); or `idempotency_key_interrupted`: the first request with this key stopped before its answer was kept (check whether it created something, then use a new key) */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget; or `idempotency_key_reused`: this Idempotency-Key was first sent with a different request */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/source-category-overrides/{overrideId}": {
    /** Get a source category override */
    get: {
      parameters: {
        path: {
          workspaceId: string;
          overrideId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["SourceCategoryOverride"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Delete a source category override */
    delete: {
      parameters: {
        path: {
          workspaceId: string;
          overrideId: string;
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          content: never;
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Update a source category override */
    patch: {
      parameters: {
        path: {
          workspaceId: string;
          overrideId: string;
        };
      };
      requestBody: {
        content: {
          /**
           * @example {
           *   "category": "review"
           * }
           */
          "application/json": {
            /**
             * @description A source category. own and competitor come from the brands’ owned domains and cannot be given by an override.
             * @enum {string}
             */
            category?: "forum" | "video" | "social" | "review" | "news" | "reference" | "institutional" | "marketplace" | "other";
            domain?: string;
            /** @description Why the workspace classifies the domain this way */
            note?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["SourceCategoryOverride"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/suggestions": {
    /** List suggestion requests, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Suggestion"][];
              /** @description Pass as `cursor` to get the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /**
     * Suggest competitors and prompts
     * @description Suggestions for setting a workspace up. `templates` and `searches` answer at once (status succeeded). `model` asks a model through the provider layer runs use: the call is priced first and refused with 422 budget_exceeded when the estimate is over `budgetUsd`; otherwise it is queued (202, status queued) for a worker — poll GET …/suggestions/{id} until succeeded or failed. Nothing is saved as a brand or prompt: keep what you want with POST …/brands and POST …/prompts.
     */
    post: {
      parameters: {
        header?: {
          /**
           * @description Makes a retry safe: a unique value per create (a UUID). The same key with the same request within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; with another request it is refused (422 `idempotency_key_reused`); while the first request is still being handled, 409 `idempotency_key_in_use` (retry after `Retry-After` seconds). Keys belong to the API key or person sending them. See docs/integrators.md, "Retrying safely".
           * @example 5b0c1e8e-8d41-4c57-9f3e-2f6a3a7c9d10
           */
          "Idempotency-Key"?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description The workspace’s own brand */
            brandName: string;
            /**
             * @description Most this request may cost; refused before any call when the estimate is higher (default 0.50)
             * @default 0.5
             */
            budgetUsd?: number;
            /** @description What the brand sells, in a few words. Templates know: software, ecommerce, finance, travel, health, local-services, generic (anything else gets the generic set) */
            category?: string;
            /** @description Language of the suggested prompts (model source) */
            locale?: string;
            /** @description Source model with provider: the model id */
            model?: string;
            /**
             * Format: uuid
             * @description Source model: the model configuration to ask (its provider, model and parameters)
             */
            modelConfigId?: string;
            /** @description Source model without a saved configuration: one of openai, anthropic, perplexity, gemini, google_ai_overview, assistant_app, openai_compatible, mock, mock_app */
            provider?: string;
            /**
             * @description model: ask a model through the provider layer (a priced job run by a worker); searches: the search queries assistants ran in this workspace’s stored answers, most frequent first; templates: built-in buyer questions for the category
             * @enum {string}
             */
            source: "model" | "searches" | "templates";
            /** @description The own brand’s website (a domain or URL) */
            website?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            /** @description Present (`true`) when this answer is the replay of an earlier request with the same Idempotency-Key. */
            "Idempotent-Replayed"?: "true";
          };
          content: {
            "application/json": components["schemas"]["Suggestion"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state; or `idempotency_key_in_use`: another request with this Idempotency-Key is being handled (retry after `Retry-After`); or `idempotency_key_interrupted`: the first request with this key stopped before its answer was kept (check whether it created something, then use a new key) */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget; or `idempotency_key_reused`: this Idempotency-Key was first sent with a different request */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/suggestions/{suggestionId}": {
    /** Get a suggestion request with its competitors and prompts */
    get: {
      parameters: {
        path: {
          workspaceId: string;
          suggestionId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Suggestion"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/webhooks": {
    /** List webhooks */
    get: {
      parameters: {
        query?: {
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
        };
        path: {
          workspaceId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["Webhook"][];
              /** @description Pass as `cursor` to get the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /**
     * Create a webhook
     * @description Takes no `Idempotency-Key` (400 if sent): the answer holds a secret shown once, which Citewatch does not keep, so it cannot be replayed.
     */
    post: {
      parameters: {
        path: {
          workspaceId: string;
        };
      };
      requestBody: {
        content: {
          /**
           * @example {
           *   "url": "https://hooks.example.com/citewatch",
           *   "events": [
           *     "run.completed",
           *     "visibility.changed"
           *   ],
           *   "description": "Reporting pipeline"
           * }
           */
          "application/json": {
            /**
             * @description Inactive webhooks receive nothing (test pings excepted)
             * @default true
             */
            active?: boolean;
            description?: string;
            /** @description run.completed, run.failed, visibility.changed */
            events: ("run.completed" | "run.failed" | "visibility.changed")[];
            /**
             * Format: uri
             * @description Where events are POSTed; https (plain http only where the deployment allows private hosts)
             */
            url: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": components["schemas"]["Webhook"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/webhooks/{webhookId}": {
    /** Get a webhook */
    get: {
      parameters: {
        path: {
          workspaceId: string;
          webhookId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Webhook"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Delete a webhook */
    delete: {
      parameters: {
        path: {
          workspaceId: string;
          webhookId: string;
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          content: never;
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Update a webhook */
    patch: {
      parameters: {
        path: {
          workspaceId: string;
          webhookId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            active?: boolean;
            description?: string | null;
            events?: ("run.completed" | "run.failed" | "visibility.changed")[];
            /** Format: uri */
            url?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": components["schemas"]["Webhook"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body is larger than BODY_LIMIT bytes */
        413: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request body has a content type this route does not accept */
        415: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries": {
    /**
     * List a webhook’s deliveries, newest first
     * @description The delivery log: each event sent or being sent, its attempts and the receiver's last answer. Each delivery is a POST of the event as JSON with headers Citewatch-Event, Citewatch-Delivery and Citewatch-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>. Answer 2xx within 10 s; anything else is retried with exponential backoff, and 410 Gone disables the webhook.
     */
    get: {
      parameters: {
        query?: {
          /** @description Items per page (1–200) */
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
          status?: "pending" | "succeeded" | "failed";
        };
        path: {
          workspaceId: string;
          webhookId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              data: components["schemas"]["WebhookDelivery"][];
              /** @description Pass as `cursor` to get the next page; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/v1/workspaces/{workspaceId}/webhooks/{webhookId}/test": {
    /**
     * Send a test event
     * @description Queues a `ping` event to the webhook (even an inactive one); its outcome appears in the delivery log. Each delivery is a POST of the event as JSON with headers Citewatch-Event, Citewatch-Delivery and Citewatch-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>. Answer 2xx within 10 s; anything else is retried with exponential backoff, and 410 Gone disables the webhook.
     */
    post: {
      parameters: {
        header?: {
          /**
           * @description Makes a retry safe: a unique value per create (a UUID). The same key with the same request within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; with another request it is refused (422 `idempotency_key_reused`); while the first request is still being handled, 409 `idempotency_key_in_use` (retry after `Retry-After` seconds). Keys belong to the API key or person sending them. See docs/integrators.md, "Retrying safely".
           * @example 5b0c1e8e-8d41-4c57-9f3e-2f6a3a7c9d10
           */
          "Idempotency-Key"?: string;
        };
        path: {
          workspaceId: string;
          webhookId: string;
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            /** @description Present (`true`) when this answer is the replay of an earlier request with the same Idempotency-Key. */
            "Idempotent-Replayed"?: "true";
          };
          content: {
            "application/json": components["schemas"]["WebhookDelivery"];
          };
        };
        /** @description The request is invalid; `errors` lists each field to fix */
        400: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Missing, invalid, revoked or expired API key */
        401: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The API key lacks the scope this route needs */
        403: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description No such resource in your organization */
        404: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description The request conflicts with the current state; or `idempotency_key_in_use`: another request with this Idempotency-Key is being handled (retry after `Retry-After`); or `idempotency_key_interrupted`: the first request with this key stopped before its answer was kept (check whether it created something, then use a new key) */
        409: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Well-formed but refused, e.g. over budget; or `idempotency_key_reused`: this Idempotency-Key was first sent with a different request */
        422: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Rate limit exceeded; see the RateLimit-* headers */
        429: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description Unexpected failure; quote the requestId when reporting it */
        500: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description A dependency (job queue, encryption key) is unavailable; retry shortly */
        503: {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
}

export type webhooks = Record<string, never>;

export interface components {
  schemas: {
    AlertDelivery: {
      attempts: number;
      /** Format: date-time */
      createdAt: string;
      /** @description Unique per rule: the same event is never delivered twice to a rule */
      dedupKey: string;
      deliveredAt: string | null;
      error: string | null;
      eventType: string;
      /** Format: uuid */
      id: string;
      lastAttemptAt: string | null;
      payload: {
        /** @description The figures, one per line */
        lines: string[];
        /** @description The dashboard page: its route, after PUBLIC_BASE_URL/dashboard/# */
        link: string;
        title: string;
        type: string;
        /** Format: uuid */
        workspaceId: string;
        [key: string]: unknown;
      };
      /** Format: uuid */
      ruleId: string;
      /** @enum {string} */
      status: "pending" | "succeeded" | "failed";
    };
    AlertDeliveryInput: {
      attempts: number;
      /** Format: date-time */
      createdAt: string;
      /** @description Unique per rule: the same event is never delivered twice to a rule */
      dedupKey: string;
      deliveredAt: string | null;
      error: string | null;
      eventType: string;
      /** Format: uuid */
      id: string;
      lastAttemptAt: string | null;
      payload: {
        /** @description The figures, one per line */
        lines: string[];
        /** @description The dashboard page: its route, after PUBLIC_BASE_URL/dashboard/# */
        link: string;
        title: string;
        type: string;
        /** Format: uuid */
        workspaceId: string;
        [key: string]: unknown;
      };
      /** Format: uuid */
      ruleId: string;
      /** @enum {string} */
      status: "pending" | "succeeded" | "failed";
    };
    AlertDigest: {
      /** @description How many times it was handed to a worker (above 1: a claim whose job was lost was handed out again) */
      attempts: number;
      /**
       * Format: date-time
       * @description When a worker last took it on
       */
      claimedAt: string;
      /** @description The last failed sending attempt, cleared once the digest is sent */
      error: string | null;
      /** @description The rule’s digest frequency now (null: digests stopped) */
      frequency: ("weekly" | "monthly") | null;
      /** Format: uuid */
      id: string;
      /**
       * Format: date-time
       * @description End of the period (exclusive)
       */
      periodEnd: string;
      /**
       * Format: date-time
       * @description Start of the period summed up (midnight in the workspace time zone)
       */
      periodStart: string;
      /** Format: uuid */
      ruleId: string;
      sentAt: string | null;
      /**
       * @description claimed: being sent (or to be retried); sent; failed: given up
       * @enum {string}
       */
      status: "claimed" | "sent" | "failed";
    };
    AlertDigestInput: {
      /** @description How many times it was handed to a worker (above 1: a claim whose job was lost was handed out again) */
      attempts: number;
      /**
       * Format: date-time
       * @description When a worker last took it on
       */
      claimedAt: string;
      /** @description The last failed sending attempt, cleared once the digest is sent */
      error: string | null;
      /** @description The rule’s digest frequency now (null: digests stopped) */
      frequency: ("weekly" | "monthly") | null;
      /** Format: uuid */
      id: string;
      /**
       * Format: date-time
       * @description End of the period (exclusive)
       */
      periodEnd: string;
      /**
       * Format: date-time
       * @description Start of the period summed up (midnight in the workspace time zone)
       */
      periodStart: string;
      /** Format: uuid */
      ruleId: string;
      sentAt: string | null;
      /**
       * @description claimed: being sent (or to be retried); sent; failed: given up
       * @enum {string}
       */
      status: "claimed" | "sent" | "failed";
    };
    AlertRule: {
      active: boolean;
      /** @enum {string} */
      channel: "email" | "slack";
      /** Format: date-time */
      createdAt: string;
      digest: ("weekly" | "monthly") | null;
      digestPdf: boolean;
      email: string | null;
      events: ("visibility.changed" | "run.failed" | "run.budget_stopped" | "budget.monthly_80" | "domain.new_top" | "app_gap.changed")[];
      /** Format: uuid */
      id: string;
      name: string;
      /** @description The webhook URL with its secret path hidden */
      slackUrl: string | null;
      /** @description When the recipient used the unsubscribe link (the rule is then inactive) */
      unsubscribedAt: string | null;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      workspaceId: string;
    };
    AlertRuleInput: {
      active: boolean;
      /** @enum {string} */
      channel: "email" | "slack";
      /** Format: date-time */
      createdAt: string;
      digest: ("weekly" | "monthly") | null;
      digestPdf: boolean;
      email: string | null;
      events: ("visibility.changed" | "run.failed" | "run.budget_stopped" | "budget.monthly_80" | "domain.new_top" | "app_gap.changed")[];
      /** Format: uuid */
      id: string;
      name: string;
      /** @description The webhook URL with its secret path hidden */
      slackUrl: string | null;
      /** @description When the recipient used the unsubscribe link (the rule is then inactive) */
      unsubscribedAt: string | null;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      workspaceId: string;
    };
    Answer: {
      analyzedAt: string | null;
      citations: ({
          /** @description Brand owning the domain, if any */
          brandId: string | null;
          domain: string;
          position: number;
          /** @enum {string} */
          source: "annotation" | "link" | "search_result";
          title: string | null;
          url: string;
        })[];
      completedAt: string | null;
      /** @description Decimal string */
      costUsd: string | null;
      error: string | null;
      errorCode: string | null;
      /** Format: uuid */
      id: string;
      latencyMs: number | null;
      mentions: ({
          /** Format: uuid */
          brandId: string;
          /** @enum {string} */
          brandKind: "own" | "competitor";
          brandName: string;
          count: number;
          firstOffset: number;
          listPosition: number | null;
          matchedAlias: string;
          rank: number;
          sentiment: number;
          /**
           * @description Stance of the answer toward the brand as a buyer reads it (docs/sentiment.md)
           * @enum {string}
           */
          sentimentLabel: "positive" | "neutral" | "negative";
          /** @description The passage that decided the sentiment label, as [start, end) JavaScript string indices into the answer text; null for answers analysed before analysis version 2 */
          sentimentPassage: {
            end: number;
            start: number;
            /** @description The passage itself: the list item, table row or sentence */
            text: string;
          } | null;
          snippet: string;
          /** @description [start, end) JavaScript string indices into the answer text, for highlighting */
          spans: [number, number][];
        })[];
      model: string;
      /** Format: uuid */
      modelConfigId: string;
      modelConfigName: string;
      modelVersion: string | null;
      /** Format: uuid */
      promptId: string;
      promptText: string;
      provider: string;
      /** @description Provider payload, with includeRaw=true */
      raw?: unknown;
      /** @description When its run was created: the instant reports date this answer by */
      runAt: string;
      /** Format: uuid */
      runId: string;
      sampleIndex: number;
      /** @enum {string} */
      status: "pending" | "succeeded" | "failed" | "cancelled";
      /** @description With includeRaw=true */
      text?: string | null;
    };
    AnswerInput: {
      analyzedAt: string | null;
      citations: ({
          /** @description Brand owning the domain, if any */
          brandId: string | null;
          domain: string;
          position: number;
          /** @enum {string} */
          source: "annotation" | "link" | "search_result";
          title: string | null;
          url: string;
        })[];
      completedAt: string | null;
      /** @description Decimal string */
      costUsd: string | null;
      error: string | null;
      errorCode: string | null;
      /** Format: uuid */
      id: string;
      latencyMs: number | null;
      mentions: ({
          /** Format: uuid */
          brandId: string;
          /** @enum {string} */
          brandKind: "own" | "competitor";
          brandName: string;
          count: number;
          firstOffset: number;
          listPosition: number | null;
          matchedAlias: string;
          rank: number;
          sentiment: number;
          /**
           * @description Stance of the answer toward the brand as a buyer reads it (docs/sentiment.md)
           * @enum {string}
           */
          sentimentLabel: "positive" | "neutral" | "negative";
          /** @description The passage that decided the sentiment label, as [start, end) JavaScript string indices into the answer text; null for answers analysed before analysis version 2 */
          sentimentPassage: {
            end: number;
            start: number;
            /** @description The passage itself: the list item, table row or sentence */
            text: string;
          } | null;
          snippet: string;
          /** @description [start, end) JavaScript string indices into the answer text, for highlighting */
          spans: [number, number][];
        })[];
      model: string;
      /** Format: uuid */
      modelConfigId: string;
      modelConfigName: string;
      modelVersion: string | null;
      /** Format: uuid */
      promptId: string;
      promptText: string;
      provider: string;
      /** @description Provider payload, with includeRaw=true */
      raw?: unknown;
      /** @description When its run was created: the instant reports date this answer by */
      runAt: string;
      /** Format: uuid */
      runId: string;
      sampleIndex: number;
      /** @enum {string} */
      status: "pending" | "succeeded" | "failed" | "cancelled";
      /** @description With includeRaw=true */
      text?: string | null;
    };
    AnswersPage: {
      data: components["schemas"]["Answer"][];
      /** @description Pass as `cursor` to get the next page; null on the last page */
      nextCursor: string | null;
    };
    AnswersPageInput: {
      data: components["schemas"]["AnswerInput"][];
      /** @description Pass as `cursor` to get the next page; null on the last page */
      nextCursor: string | null;
    };
    ApiKey: {
      /** Format: date-time */
      createdAt: string;
      expiresAt: string | null;
      /** Format: uuid */
      id: string;
      /** @description Updated at most once a minute */
      lastUsedAt: string | null;
      name: string;
      /** Format: uuid */
      organizationId: string;
      /** @description Visible start of the key, to tell keys apart */
      prefix: string;
      revokedAt: string | null;
      scopes: ("read" | "write" | "admin")[];
      /** @description The only workspaces the key opens; null: every workspace of the organization */
      workspaceIds: string[] | null;
    };
    ApiKeyCreated: {
      /** Format: date-time */
      createdAt: string;
      expiresAt: string | null;
      /** Format: uuid */
      id: string;
      /** @description The whole key. Shown once: store it now, it cannot be retrieved later. */
      key: string;
      /** @description Updated at most once a minute */
      lastUsedAt: string | null;
      name: string;
      /** Format: uuid */
      organizationId: string;
      /** @description Visible start of the key, to tell keys apart */
      prefix: string;
      revokedAt: string | null;
      scopes: ("read" | "write" | "admin")[];
      /** @description The only workspaces the key opens; null: every workspace of the organization */
      workspaceIds: string[] | null;
    };
    ApiKeyCreatedInput: {
      /** Format: date-time */
      createdAt: string;
      expiresAt: string | null;
      /** Format: uuid */
      id: string;
      /** @description The whole key. Shown once: store it now, it cannot be retrieved later. */
      key: string;
      /** @description Updated at most once a minute */
      lastUsedAt: string | null;
      name: string;
      /** Format: uuid */
      organizationId: string;
      /** @description Visible start of the key, to tell keys apart */
      prefix: string;
      revokedAt: string | null;
      scopes: ("read" | "write" | "admin")[];
      /** @description The only workspaces the key opens; null: every workspace of the organization */
      workspaceIds: string[] | null;
    };
    ApiKeyInput: {
      /** Format: date-time */
      createdAt: string;
      expiresAt: string | null;
      /** Format: uuid */
      id: string;
      /** @description Updated at most once a minute */
      lastUsedAt: string | null;
      name: string;
      /** Format: uuid */
      organizationId: string;
      /** @description Visible start of the key, to tell keys apart */
      prefix: string;
      revokedAt: string | null;
      scopes: ("read" | "write" | "admin")[];
      /** @description The only workspaces the key opens; null: every workspace of the organization */
      workspaceIds: string[] | null;
    };
    AppGapReport: {
      /** @enum {string} */
      adjust: "holm" | "bh" | "none";
      alpha: number;
      /** @description One per assistant with configurations on both surfaces */
      assistants: ({
          api: {
            /** @description Successful analysed answers on the matched prompts */
            answers: number;
            /** @description The surface’s configurations with answers in scope (every paired one when none has, or those given) */
            configs: {
                model: string;
                /** Format: uuid */
                modelConfigId: string;
                modelConfigName: string;
                provider: string;
              }[];
            /** @description Failed answers on the matched prompts, in no denominator */
            failed: number;
          };
          /** @description Prompts answered on the API surface only (left out) */
          apiOnlyPrompts: number;
          app: {
            /** @description Successful analysed answers on the matched prompts */
            answers: number;
            /** @description The surface’s configurations with answers in scope (every paired one when none has, or those given) */
            configs: {
                model: string;
                /** Format: uuid */
                modelConfigId: string;
                modelConfigName: string;
                provider: string;
              }[];
            /** @description Failed answers on the matched prompts, in no denominator */
            failed: number;
          };
          /** @description Prompts answered in the app only (left out) */
          appOnlyPrompts: number;
          /** @description chatgpt, gemini, claude, perplexity… (or the app configurations’ assistant) */
          assistant: string;
          brands: ({
              /** @description Mention rate on the API surface */
              api: components["schemas"]["Proportion"];
              /** @description Mention rate in the app */
              app: components["schemas"]["Proportion"];
              /** Format: uuid */
              brandId: string;
              /** @enum {string} */
              brandKind: "own" | "competitor";
              brandName: string;
              difference: {
                ci95: {
                  high: number;
                  low: number;
                } | null;
                /** @description app − API, in proportion points */
                value: number | null;
              };
              /** @description Two-sided p-value, unadjusted */
              pValue: number | null;
              pValueAdjusted: number | null;
              /** @description pValueAdjusted < alpha */
              significant: boolean;
              /** @description z statistic (z-tests only) */
              statistic: number | null;
              /** @enum {string} */
              test: "z" | "fisher" | "none";
            })[];
          domains: ({
              /** @description The domain’s share of the API surface’s citations (annotations and links) */
              api: components["schemas"]["Share"];
              /** @description The domain’s share of the app’s citations */
              app: components["schemas"]["Share"];
              /** @description Answers citing the domain */
              citingAnswers: {
                api: number;
                app: number;
              };
              difference: {
                ci95: {
                  high: number;
                  low: number;
                } | null;
                /** @description app − API, in proportion points */
                value: number | null;
              };
              domain: string;
              /** @description Two-sided p-value, unadjusted */
              pValue: number | null;
              pValueAdjusted: number | null;
              /** @description pValueAdjusted < alpha */
              significant: boolean;
              /** @description z statistic (z-tests only) */
              statistic: number | null;
              /** @enum {string} */
              test: "z" | "fisher" | "none";
            })[];
          /** @description Prompts with analysed answers on both surfaces; only these count */
          matchedPrompts: number;
          verdict: {
            /** @description The brand or domain with the largest difference, significant ones first */
            largestGap: ({
              difference: number;
              /** @enum {string} */
              kind: "brand" | "domain";
              name: string;
              pValueAdjusted: number | null;
              significant: boolean;
            }) | null;
            /**
             * @description stand_in: no difference of maxGap or more and enough answers; not_stand_in: a significant difference of maxGap or more; inconclusive: otherwise
             * @enum {string}
             */
            status: "stand_in" | "not_stand_in" | "inconclusive";
            /** @description One line saying why */
            summary: string;
          };
        })[];
      definitionVersion: number;
      filters: {
        [key: string]: unknown;
      };
      /** @description Runs read from the answer tables rather than rollups (unfinished or changed since) */
      liveRuns: number;
      maxGap: number;
      minAnswers: number;
      /**
       * @description How configurations were paired
       * @enum {string}
       */
      pairing: "assistant" | "explicit";
      /** @description Workspace time zone used for days and weeks */
      timezone: string;
      top: number;
    };
    AppGapReportInput: {
      /** @enum {string} */
      adjust: "holm" | "bh" | "none";
      alpha: number;
      /** @description One per assistant with configurations on both surfaces */
      assistants: ({
          api: {
            /** @description Successful analysed answers on the matched prompts */
            answers: number;
            /** @description The surface’s configurations with answers in scope (every paired one when none has, or those given) */
            configs: {
                model: string;
                /** Format: uuid */
                modelConfigId: string;
                modelConfigName: string;
                provider: string;
              }[];
            /** @description Failed answers on the matched prompts, in no denominator */
            failed: number;
          };
          /** @description Prompts answered on the API surface only (left out) */
          apiOnlyPrompts: number;
          app: {
            /** @description Successful analysed answers on the matched prompts */
            answers: number;
            /** @description The surface’s configurations with answers in scope (every paired one when none has, or those given) */
            configs: {
                model: string;
                /** Format: uuid */
                modelConfigId: string;
                modelConfigName: string;
                provider: string;
              }[];
            /** @description Failed answers on the matched prompts, in no denominator */
            failed: number;
          };
          /** @description Prompts answered in the app only (left out) */
          appOnlyPrompts: number;
          /** @description chatgpt, gemini, claude, perplexity… (or the app configurations’ assistant) */
          assistant: string;
          brands: ({
              /** @description Mention rate on the API surface */
              api: components["schemas"]["ProportionInput"];
              /** @description Mention rate in the app */
              app: components["schemas"]["ProportionInput"];
              /** Format: uuid */
              brandId: string;
              /** @enum {string} */
              brandKind: "own" | "competitor";
              brandName: string;
              difference: {
                ci95: {
                  high: number;
                  low: number;
                } | null;
                /** @description app − API, in proportion points */
                value: number | null;
              };
              /** @description Two-sided p-value, unadjusted */
              pValue: number | null;
              pValueAdjusted: number | null;
              /** @description pValueAdjusted < alpha */
              significant: boolean;
              /** @description z statistic (z-tests only) */
              statistic: number | null;
              /** @enum {string} */
              test: "z" | "fisher" | "none";
            })[];
          domains: ({
              /** @description The domain’s share of the API surface’s citations (annotations and links) */
              api: components["schemas"]["ShareInput"];
              /** @description The domain’s share of the app’s citations */
              app: components["schemas"]["ShareInput"];
              /** @description Answers citing the domain */
              citingAnswers: {
                api: number;
                app: number;
              };
              difference: {
                ci95: {
                  high: number;
                  low: number;
                } | null;
                /** @description app − API, in proportion points */
                value: number | null;
              };
              domain: string;
              /** @description Two-sided p-value, unadjusted */
              pValue: number | null;
              pValueAdjusted: number | null;
              /** @description pValueAdjusted < alpha */
              significant: boolean;
              /** @description z statistic (z-tests only) */
              statistic: number | null;
              /** @enum {string} */
              test: "z" | "fisher" | "none";
            })[];
          /** @description Prompts with analysed answers on both surfaces; only these count */
          matchedPrompts: number;
          verdict: {
            /** @description The brand or domain with the largest difference, significant ones first */
            largestGap: ({
              difference: number;
              /** @enum {string} */
              kind: "brand" | "domain";
              name: string;
              pValueAdjusted: number | null;
              significant: boolean;
            }) | null;
            /**
             * @description stand_in: no difference of maxGap or more and enough answers; not_stand_in: a significant difference of maxGap or more; inconclusive: otherwise
             * @enum {string}
             */
            status: "stand_in" | "not_stand_in" | "inconclusive";
            /** @description One line saying why */
            summary: string;
          };
        })[];
      definitionVersion: number;
      filters: {
        [key: string]: unknown;
      };
      /** @description Runs read from the answer tables rather than rollups (unfinished or changed since) */
      liveRuns: number;
      maxGap: number;
      minAnswers: number;
      /**
       * @description How configurations were paired
       * @enum {string}
       */
      pairing: "assistant" | "explicit";
      /** @description Workspace time zone used for days and weeks */
      timezone: string;
      top: number;
    };
    Audit: {
      budgetPerMonthUsd: number | null;
      budgetPerRunUsd: number | null;
      /** Format: date-time */
      createdAt: string;
      enabled: boolean;
      /** Format: uuid */
      id: string;
      /** @description The model configuration judging stance beside the rule-based scorer; null: none */
      judgeModelConfigId: string | null;
      modelConfigIds: string[];
      name: string;
      /** @description Next due time of the schedule, if scheduled and enabled */
      nextRunAt: string | null;
      promptIds: string[];
      promptTags: string[];
      /** @description Answers per pair (fixed); for adaptive sampling, its minimum */
      samplesPerPair: number;
      sampling: components["schemas"]["Sampling"];
      schedule: string | null;
      timezone: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      workspaceId: string;
    };
    AuditEvent: {
      /** @description resource.verb: brand.create, api_key.revoke, member.update, session.sign_in… */
      action: string;
      actor: {
        /** @description The person's or key's id; null for the platform operator */
        id: string | null;
        /** @description The person's email or the key's prefix, as they were at the time */
        label: string;
        /** @enum {string} */
        type: "user" | "api_key" | "platform" | "link";
      };
      /** Format: date-time */
      createdAt: string;
      /** @description A short summary of what was sent; secrets (keys, passwords, tokens) appear as "[redacted]" */
      details: {
        [key: string]: unknown;
      };
      /** Format: uuid */
      id: string;
      ip: string | null;
      /** @description The x-request-id of the request, to find it in the logs */
      requestId: string | null;
      /** @description The record acted on, when there is one */
      target: {
        /** @description A record id, or a provider name for provider keys */
        id: string;
        type: string;
      } | null;
      workspaceId: string | null;
    };
    AuditEventInput: {
      /** @description resource.verb: brand.create, api_key.revoke, member.update, session.sign_in… */
      action: string;
      actor: {
        /** @description The person's or key's id; null for the platform operator */
        id: string | null;
        /** @description The person's email or the key's prefix, as they were at the time */
        label: string;
        /** @enum {string} */
        type: "user" | "api_key" | "platform" | "link";
      };
      /** Format: date-time */
      createdAt: string;
      /** @description A short summary of what was sent; secrets (keys, passwords, tokens) appear as "[redacted]" */
      details: {
        [key: string]: unknown;
      };
      /** Format: uuid */
      id: string;
      ip: string | null;
      /** @description The x-request-id of the request, to find it in the logs */
      requestId: string | null;
      /** @description The record acted on, when there is one */
      target: {
        /** @description A record id, or a provider name for provider keys */
        id: string;
        type: string;
      } | null;
      workspaceId: string | null;
    };
    AuditInput: {
      budgetPerMonthUsd: number | null;
      budgetPerRunUsd: number | null;
      /** Format: date-time */
      createdAt: string;
      enabled: boolean;
      /** Format: uuid */
      id: string;
      /** @description The model configuration judging stance beside the rule-based scorer; null: none */
      judgeModelConfigId: string | null;
      modelConfigIds: string[];
      name: string;
      /** @description Next due time of the schedule, if scheduled and enabled */
      nextRunAt: string | null;
      promptIds: string[];
      promptTags: string[];
      /** @description Answers per pair (fixed); for adaptive sampling, its minimum */
      samplesPerPair: number;
      sampling: components["schemas"]["SamplingInput"];
      schedule: string | null;
      timezone: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      workspaceId: string;
    };
    AuthProviders: {
      sso: {
        /** @description The deployment configures an OpenID Connect provider */
        enabled: boolean;
        /** @description The label for the sign-in button (OIDC_NAME); null when disabled */
        name: string | null;
      };
    };
    AuthProvidersInput: {
      sso: {
        /** @description The deployment configures an OpenID Connect provider */
        enabled: boolean;
        /** @description The label for the sign-in button (OIDC_NAME); null when disabled */
        name: string | null;
      };
    };
    Brand: {
      aliases: string[];
      caseSensitive: boolean;
      /** Format: date-time */
      createdAt: string;
      domains: string[];
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: "own" | "competitor";
      name: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      workspaceId: string;
    };
    Branding: {
      accentColor: string | null;
      displayName: string | null;
      emailSenderName: string | null;
      logo: components["schemas"]["BrandingLogo"] | null;
      /** Format: uuid */
      organizationId: string;
      primaryColor: string | null;
    };
    BrandingInput: {
      accentColor: string | null;
      displayName: string | null;
      emailSenderName: string | null;
      logo: components["schemas"]["BrandingLogoInput"] | null;
      /** Format: uuid */
      organizationId: string;
      primaryColor: string | null;
    };
    BrandingLogo: {
      /** @description Size of the stored (re-encoded) image */
      bytes: number;
      /** @enum {string} */
      contentType: "image/png" | "image/jpeg";
      height: number;
      /** Format: date-time */
      updatedAt: string;
      width: number;
    };
    BrandingLogoInput: {
      /** @description Size of the stored (re-encoded) image */
      bytes: number;
      /** @enum {string} */
      contentType: "image/png" | "image/jpeg";
      height: number;
      /** Format: date-time */
      updatedAt: string;
      width: number;
    };
    BrandInput: {
      aliases: string[];
      caseSensitive: boolean;
      /** Format: date-time */
      createdAt: string;
      domains: string[];
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: "own" | "competitor";
      name: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      workspaceId: string;
    };
    ChangeEvent: {
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      /**
       * @description What happened: content_published, site_change, pr_campaign, product_launch or other
       * @enum {string}
       */
      kind: "content_published" | "site_change" | "pr_campaign" | "product_launch" | "other";
      notes: string | null;
      /** Format: date-time */
      occurredAt: string;
      promptIds: string[];
      promptTags: string[];
      title: string | null;
      /** Format: date-time */
      updatedAt: string;
      url: string | null;
      /** Format: uuid */
      workspaceId: string;
    };
    ChangeEventInput: {
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      /**
       * @description What happened: content_published, site_change, pr_campaign, product_launch or other
       * @enum {string}
       */
      kind: "content_published" | "site_change" | "pr_campaign" | "product_launch" | "other";
      notes: string | null;
      /** Format: date-time */
      occurredAt: string;
      promptIds: string[];
      promptTags: string[];
      title: string | null;
      /** Format: date-time */
      updatedAt: string;
      url: string | null;
      /** Format: uuid */
      workspaceId: string;
    };
    CitationsReport: {
      /** @description The split between annotations, links and retrieved sources per provider, whatever the grouping */
      byProvider: {
          cited: number;
          citingAnswers: components["schemas"]["Proportion"];
          /** @description Failed answers in this slice, never counted as "not mentioned" */
          failed: number;
          /** @description Successful analysed answers in this slice: every rate’s denominator */
          n: number;
          /** @description Successful answers whose analysis is not stored yet; in no denominator */
          pendingAnalysis: number;
          provider: string;
          sources: {
            annotation: {
              count: number;
              /** @description Of every source (cited or retrieved); no interval: sources within one answer are not independent */
              share: components["schemas"]["Share"];
            };
            link: {
              count: number;
              /** @description Of every source (cited or retrieved); no interval: sources within one answer are not independent */
              share: components["schemas"]["Share"];
            };
            searchResult: {
              count: number;
              /** @description Of every source (cited or retrieved); no interval: sources within one answer are not independent */
              share: components["schemas"]["Share"];
            };
          };
        }[];
      /** @description Domains cited in answers that name a competitor and in no answer naming an own brand, over the whole filtered range whatever the grouping: sources that speak for competitors only (`top` of them, most citing answers first) */
      competitorOnlySources: ({
          /** @description Answers naming a competitor that cite it */
          answers: number;
          /** @description Citations of it in answers naming a competitor */
          citations: number;
          domain: string;
          /** @description Tracked brands listing this domain */
          ownedBy: ({
              /** Format: uuid */
              brandId: string;
              /** @enum {string} */
              brandKind: "own" | "competitor";
              brandName: string;
            })[];
          /** @description Its most cited URLs in those answers (up to 3) */
          urls: {
              citations: number;
              url: string;
            }[];
        })[];
      definitionVersion: number;
      filters: {
        [key: string]: unknown;
      };
      groupBy: string[];
      groups: ({
          brands: ({
              /** Format: uuid */
              brandId: string;
              /** @enum {string} */
              brandKind: "own" | "competitor";
              brandName: string;
              /** @description Cited sources on the brand’s domains */
              cited: number;
              /** @description Answers citing the brand’s domains / answers */
              citingAnswers: components["schemas"]["Proportion"];
              retrieved: number;
              /** @description Citation share: cited sources on the brand’s domains / every cited source, with a delta-method interval over answers */
              share: components["schemas"]["Share"];
            })[];
          cited: number;
          /** @description Answers with at least one cited source / answers */
          citingAnswers: components["schemas"]["Proportion"];
          domains: ({
              annotations: number;
              /** @description Annotations and links on this registrable domain */
              cited: number;
              /** @description Answers citing the domain / answers */
              citingAnswers: components["schemas"]["Proportion"];
              domain: string;
              links: number;
              /** @description Tracked brands listing this domain */
              ownedBy: ({
                  /** Format: uuid */
                  brandId: string;
                  /** @enum {string} */
                  brandKind: "own" | "competitor";
                  brandName: string;
                })[];
              /** @description Answers that retrieved it without citing it */
              retrievingAnswers: number;
              /** @description Retrieved but not cited */
              searchResults: number;
              /** @description cited / every cited source of the group (no interval, see citingAnswers) */
              share: components["schemas"]["Share"];
            })[];
          /** @description Failed answers in this slice, never counted as "not mentioned" */
          failed: number;
          /** @description The language asked in: the configuration's locale language, else the prompt's */
          language?: string | null;
          /** @description The configuration's country (ISO 3166-1 alpha-2); null groups configurations without a location */
          location?: string | null;
          /** Format: uuid */
          modelConfigId?: string;
          modelConfigName?: string;
          /** @description Successful analysed answers in this slice: every rate’s denominator */
          n: number;
          /** @description Successful answers whose analysis is not stored yet; in no denominator */
          pendingAnalysis: number;
          /** @description Day, or Monday of the ISO week, in the workspace time zone (YYYY-MM-DD) */
          period?: string;
          /** Format: uuid */
          promptId?: string;
          promptText?: string;
          provider?: string;
          /** Format: uuid */
          runId?: string;
          sources: {
            annotation: {
              count: number;
              /** @description Of every source (cited or retrieved); no interval: sources within one answer are not independent */
              share: components["schemas"]["Share"];
            };
            link: {
              count: number;
              /** @description Of every source (cited or retrieved); no interval: sources within one answer are not independent */
              share: components["schemas"]["Share"];
            };
            searchResult: {
              count: number;
              /** @description Of every source (cited or retrieved); no interval: sources within one answer are not independent */
              share: components["schemas"]["Share"];
            };
          };
          /** @description null groups answers whose prompt has no tag */
          tag?: string | null;
          urls: {
              cited: number;
              domain: string;
              retrieved: number;
              /** @description cited / every cited source of the group */
              share: components["schemas"]["Share"];
              url: string;
            }[];
        })[];
      /** @description Runs read from the answer tables rather than rollups (unfinished or changed since) */
      liveRuns: number;
      /** @description Cited sources split by source category (docs/analysis-rules.md#source-categories) over the whole filtered range, whatever the grouping; every category is listed, in a fixed order */
      sourceCategories: {
        categories: ({
            /** @enum {string} */
            category: "own" | "competitor" | "forum" | "video" | "social" | "review" | "news" | "reference" | "institutional" | "marketplace" | "other";
            /** @description Cited sources on domains of this category */
            cited: number;
            /** @description Answers citing at least one domain of this category / answers (Wilson) */
            citingAnswers: components["schemas"]["Proportion"];
            /** @description cited / every cited source, with a delta-method interval over answers (citations in one answer are not independent) */
            share: components["schemas"]["Share"];
          })[];
        /** @description Cited sources (annotations and links) in them */
        cited: number;
        /** @description Version of the domain list the domains were classified with */
        listVersion: number;
        /** @description Analysed answers */
        n: number;
      };
      /** @description Workspace time zone used for days and weeks */
      timezone: string;
      top: number;
    };
    CitationsReportInput: {
      /** @description The split between annotations, links and retrieved sources per provider, whatever the grouping */
      byProvider: {
          cited: number;
          citingAnswers: components["schemas"]["ProportionInput"];
          /** @description Failed answers in this slice, never counted as "not mentioned" */
          failed: number;
          /** @description Successful analysed answers in this slice: every rate’s denominator */
          n: number;
          /** @description Successful answers whose analysis is not stored yet; in no denominator */
          pendingAnalysis: number;
          provider: string;
          sources: {
            annotation: {
              count: number;
              /** @description Of every source (cited or retrieved); no interval: sources within one answer are not independent */
              share: components["schemas"]["ShareInput"];
            };
            link: {
              count: number;
              /** @description Of every source (cited or retrieved); no interval: sources within one answer are not independent */
              share: components["schemas"]["ShareInput"];
            };
            searchResult: {
              count: number;
              /** @description Of every source (cited or retrieved); no interval: sources within one answer are not independent */
              share: components["schemas"]["ShareInput"];
            };
          };
        }[];
      /** @description Domains cited in answers that name a competitor and in no answer naming an own brand, over the whole filtered range whatever the grouping: sources that speak for competitors only (`top` of them, most citing answers first) */
      competitorOnlySources: ({
          /** @description Answers naming a competitor that cite it */
          answers: number;
          /** @description Citations of it in answers naming a competitor */
          citations: number;
          domain: string;
          /** @description Tracked brands listing this domain */
          ownedBy: ({
              /** Format: uuid */
              brandId: string;
              /** @enum {string} */
              brandKind: "own" | "competitor";
              brandName: string;
            })[];
          /** @description Its most cited URLs in those answers (up to 3) */
          urls: {
              citations: number;
              url: string;
            }[];
        })[];
      definitionVersion: number;
      filters: {
        [key: string]: unknown;
      };
      groupBy: string[];
      groups: ({
          brands: ({
              /** Format: uuid */
              brandId: string;
              /** @enum {string} */
              brandKind: "own" | "competitor";
              brandName: string;
              /** @description Cited sources on the brand’s domains */
              cited: number;
              /** @description Answers citing the brand’s domains / answers */
              citingAnswers: components["schemas"]["ProportionInput"];
              retrieved: number;
              /** @description Citation share: cited sources on the brand’s domains / every cited source, with a delta-method interval over answers */
              share: components["schemas"]["ShareInput"];
            })[];
          cited: number;
          /** @description Answers with at least one cited source / answers */
          citingAnswers: components["schemas"]["ProportionInput"];
          domains: ({
              annotations: number;
              /** @description Annotations and links on this registrable domain */
              cited: number;
              /** @description Answers citing the domain / answers */
              citingAnswers: components["schemas"]["ProportionInput"];
              domain: string;
              links: number;
              /** @description Tracked brands listing this domain */
              ownedBy: ({
                  /** Format: uuid */
                  brandId: string;
                  /** @enum {string} */
                  brandKind: "own" | "competitor";
                  brandName: string;
                })[];
              /** @description Answers that retrieved it without citing it */
              retrievingAnswers: number;
              /** @description Retrieved but not cited */
              searchResults: number;
              /** @description cited / every cited source of the group (no interval, see citingAnswers) */
              share: components["schemas"]["ShareInput"];
            })[];
          /** @description Failed answers in this slice, never counted as "not mentioned" */
          failed: number;
          /** @description The language asked in: the configuration's locale language, else the prompt's */
          language?: string | null;
          /** @description The configuration's country (ISO 3166-1 alpha-2); null groups configurations without a location */
          location?: string | null;
          /** Format: uuid */
          modelConfigId?: string;
          modelConfigName?: string;
          /** @description Successful analysed answers in this slice: every rate’s denominator */
          n: number;
          /** @description Successful answers whose analysis is not stored yet; in no denominator */
          pendingAnalysis: number;
          /** @description Day, or Monday of the ISO week, in the workspace time zone (YYYY-MM-DD) */
          period?: string;
          /** Format: uuid */
          promptId?: string;
          promptText?: string;
          provider?: string;
          /** Format: uuid */
          runId?: string;
          sources: {
            annotation: {
              count: number;
              /** @description Of every source (cited or retrieved); no interval: sources within one answer are not independent */
              share: components["schemas"]["ShareInput"];
            };
            link: {
              count: number;
              /** @description Of every source (cited or retrieved); no interval: sources within one answer are not independent */
              share: components["schemas"]["ShareInput"];
            };
            searchResult: {
              count: number;
              /** @description Of every source (cited or retrieved); no interval: sources within one answer are not independent */
              share: components["schemas"]["ShareInput"];
            };
          };
          /** @description null groups answers whose prompt has no tag */
          tag?: string | null;
          urls: {
              cited: number;
              domain: string;
              retrieved: number;
              /** @description cited / every cited source of the group */
              share: components["schemas"]["ShareInput"];
              url: string;
            }[];
        })[];
      /** @description Runs read from the answer tables rather than rollups (unfinished or changed since) */
      liveRuns: number;
      /** @description Cited sources split by source category (docs/analysis-rules.md#source-categories) over the whole filtered range, whatever the grouping; every category is listed, in a fixed order */
      sourceCategories: {
        categories: ({
            /** @enum {string} */
            category: "own" | "competitor" | "forum" | "video" | "social" | "review" | "news" | "reference" | "institutional" | "marketplace" | "other";
            /** @description Cited sources on domains of this category */
            cited: number;
            /** @description Answers citing at least one domain of this category / answers (Wilson) */
            citingAnswers: components["schemas"]["ProportionInput"];
            /** @description cited / every cited source, with a delta-method interval over answers (citations in one answer are not independent) */
            share: components["schemas"]["ShareInput"];
          })[];
        /** @description Cited sources (annotations and links) in them */
        cited: number;
        /** @description Version of the domain list the domains were classified with */
        listVersion: number;
        /** @description Analysed answers */
        n: number;
      };
      /** @description Workspace time zone used for days and weeks */
      timezone: string;
      top: number;
    };
    CompetitorGapReport: {
      definitionVersion: number;
      filters: {
        [key: string]: unknown;
      };
      groupBy: string[];
      /** @description Runs read from the answer tables rather than rollups (unfinished or changed since) */
      liveRuns: number;
      /** @description The own brands whose absence defines the gap */
      ownBrands: ({
          /** Format: uuid */
          brandId: string;
          /** @enum {string} */
          brandKind: "own" | "competitor";
          brandName: string;
        })[];
      rows: ({
          competitor: {
            /** Format: uuid */
            brandId: string;
            /** @enum {string} */
            brandKind: "own" | "competitor";
            brandName: string;
          };
          /** @description Answers naming the competitor / answers */
          competitorMentioned: components["schemas"]["Proportion"];
          examples: ({
              completedAt: string | null;
              /** Format: uuid */
              modelConfigId: string;
              provider: string;
              /** Format: uuid */
              responseId: string;
              /** Format: uuid */
              runId: string;
              /** @description The competitor’s mention in context */
              snippet: string;
              /** @description Where the competitor is named in the answer text (string indices) */
              spans: [number, number][];
            })[];
          /** @description Failed answers in this slice, never counted as "not mentioned" */
          failed: number;
          /** @description Answers naming the competitor and no own brand / answers */
          gap: components["schemas"]["Proportion"];
          /** @description The language asked in: the configuration's locale language, else the prompt's */
          language?: string | null;
          /** @description The configuration's country (ISO 3166-1 alpha-2); null groups configurations without a location */
          location?: string | null;
          /** Format: uuid */
          modelConfigId?: string;
          modelConfigName?: string;
          /** @description Successful analysed answers in this slice: every rate’s denominator */
          n: number;
          /** @description Successful answers whose analysis is not stored yet; in no denominator */
          pendingAnalysis: number;
          /** @description Day, or Monday of the ISO week, in the workspace time zone (YYYY-MM-DD) */
          period?: string;
          /** Format: uuid */
          promptId: string;
          promptText: string;
          provider?: string;
          /** Format: uuid */
          runId?: string;
          /** @description null groups answers whose prompt has no tag */
          tag?: string | null;
        })[];
      /** @description Workspace time zone used for days and weeks */
      timezone: string;
    };
    CompetitorGapReportInput: {
      definitionVersion: number;
      filters: {
        [key: string]: unknown;
      };
      groupBy: string[];
      /** @description Runs read from the answer tables rather than rollups (unfinished or changed since) */
      liveRuns: number;
      /** @description The own brands whose absence defines the gap */
      ownBrands: ({
          /** Format: uuid */
          brandId: string;
          /** @enum {string} */
          brandKind: "own" | "competitor";
          brandName: string;
        })[];
      rows: ({
          competitor: {
            /** Format: uuid */
            brandId: string;
            /** @enum {string} */
            brandKind: "own" | "competitor";
            brandName: string;
          };
          /** @description Answers naming the competitor / answers */
          competitorMentioned: components["schemas"]["ProportionInput"];
          examples: ({
              completedAt: string | null;
              /** Format: uuid */
              modelConfigId: string;
              provider: string;
              /** Format: uuid */
              responseId: string;
              /** Format: uuid */
              runId: string;
              /** @description The competitor’s mention in context */
              snippet: string;
              /** @description Where the competitor is named in the answer text (string indices) */
              spans: [number, number][];
            })[];
          /** @description Failed answers in this slice, never counted as "not mentioned" */
          failed: number;
          /** @description Answers naming the competitor and no own brand / answers */
          gap: components["schemas"]["ProportionInput"];
          /** @description The language asked in: the configuration's locale language, else the prompt's */
          language?: string | null;
          /** @description The configuration's country (ISO 3166-1 alpha-2); null groups configurations without a location */
          location?: string | null;
          /** Format: uuid */
          modelConfigId?: string;
          modelConfigName?: string;
          /** @description Successful analysed answers in this slice: every rate’s denominator */
          n: number;
          /** @description Successful answers whose analysis is not stored yet; in no denominator */
          pendingAnalysis: number;
          /** @description Day, or Monday of the ISO week, in the workspace time zone (YYYY-MM-DD) */
          period?: string;
          /** Format: uuid */
          promptId: string;
          promptText: string;
          provider?: string;
          /** Format: uuid */
          runId?: string;
          /** @description null groups answers whose prompt has no tag */
          tag?: string | null;
        })[];
      /** @description Workspace time zone used for days and weeks */
      timezone: string;
    };
    Done: {
      /** @constant */
      status: true;
    };
    DoneInput: {
      /** @constant */
      status: true;
    };
    ExperimentsReport: {
      /** @enum {string} */
      adjust: "holm" | "bh" | "none";
      alpha: number;
      definitionVersion: number;
      filters: {
        [key: string]: unknown;
      };
      groupBy: string[];
      /** @description Runs read from the answer tables rather than rollups (unfinished or changed since) */
      liveRuns: number;
      minimumDifference: number;
      /** @description Per group (when grouped) and pair; a pair is listed in a group where at least one of its configurations answered */
      pairs: ({
          a: {
            model: string;
            /** Format: uuid */
            modelConfigId: string;
            modelConfigName: string;
            provider: string;
            /** @description Value of the compared parameter in this configuration */
            value: unknown;
          };
          /** @description Successful analysed answers per configuration */
          answers: {
            a: number;
            b: number;
          };
          b: {
            model: string;
            /** Format: uuid */
            modelConfigId: string;
            modelConfigName: string;
            provider: string;
            /** @description Value of the compared parameter in this configuration */
            value: unknown;
          };
          brands: ({
              /** @description Mention rate with configuration A */
              a: components["schemas"]["Proportion"];
              /** @description Mention rate with configuration B */
              b: components["schemas"]["Proportion"];
              /** Format: uuid */
              brandId: string;
              /** @enum {string} */
              brandKind: "own" | "competitor";
              brandName: string;
              difference: {
                /** @description 95% Newcombe hybrid score interval */
                ci95: {
                  high: number;
                  low: number;
                } | null;
                /** @description B − A */
                value: number | null;
              };
              /** @description Two-sided p-value, unadjusted */
              pValue: number | null;
              pValueAdjusted: number | null;
              /** @description Answers per configuration to detect minimumDifference from A’s rate with the given power and alpha */
              samplesPerArmNeeded: number | null;
              /** @description pValueAdjusted < alpha */
              significant: boolean;
              /** @description z statistic (z-test only) */
              statistic: number | null;
              /**
               * @description Pooled two-proportion z-test, or Fisher’s exact test when an expected count is below 5
               * @enum {string}
               */
              test: "z" | "fisher" | "none";
            })[];
          failed: {
            a: number;
            b: number;
          };
          /** @description The language asked in: the configuration's locale language, else the prompt's */
          language?: string | null;
          /** @description The configuration's country (ISO 3166-1 alpha-2); null groups configurations without a location */
          location?: string | null;
          /** Format: uuid */
          modelConfigId?: string;
          modelConfigName?: string;
          /** @description The one setting the two configurations differ in; null when they differ in several (an explicit pair) */
          parameter: string | null;
          /** @description Day, or Monday of the ISO week, in the workspace time zone (YYYY-MM-DD) */
          period?: string;
          /** Format: uuid */
          promptId?: string;
          promptText?: string;
          provider?: string;
          /** Format: uuid */
          runId?: string;
          /** @description null groups answers whose prompt has no tag */
          tag?: string | null;
        })[];
      parameter: string | null;
      power: number;
      /** @description Workspace time zone used for days and weeks */
      timezone: string;
    };
    ExperimentsReportInput: {
      /** @enum {string} */
      adjust: "holm" | "bh" | "none";
      alpha: number;
      definitionVersion: number;
      filters: {
        [key: string]: unknown;
      };
      groupBy: string[];
      /** @description Runs read from the answer tables rather than rollups (unfinished or changed since) */
      liveRuns: number;
      minimumDifference: number;
      /** @description Per group (when grouped) and pair; a pair is listed in a group where at least one of its configurations answered */
      pairs: ({
          a: {
            model: string;
            /** Format: uuid */
            modelConfigId: string;
            modelConfigName: string;
            provider: string;
            /** @description Value of the compared parameter in this configuration */
            value: unknown;
          };
          /** @description Successful analysed answers per configuration */
          answers: {
            a: number;
            b: number;
          };
          b: {
            model: string;
            /** Format: uuid */
            modelConfigId: string;
            modelConfigName: string;
            provider: string;
            /** @description Value of the compared parameter in this configuration */
            value: unknown;
          };
          brands: ({
              /** @description Mention rate with configuration A */
              a: components["schemas"]["ProportionInput"];
              /** @description Mention rate with configuration B */
              b: components["schemas"]["ProportionInput"];
              /** Format: uuid */
              brandId: string;
              /** @enum {string} */
              brandKind: "own" | "competitor";
              brandName: string;
              difference: {
                /** @description 95% Newcombe hybrid score interval */
                ci95: {
                  high: number;
                  low: number;
                } | null;
                /** @description B − A */
                value: number | null;
              };
              /** @description Two-sided p-value, unadjusted */
              pValue: number | null;
              pValueAdjusted: number | null;
              /** @description Answers per configuration to detect minimumDifference from A’s rate with the given power and alpha */
              samplesPerArmNeeded: number | null;
              /** @description pValueAdjusted < alpha */
              significant: boolean;
              /** @description z statistic (z-test only) */
              statistic: number | null;
              /**
               * @description Pooled two-proportion z-test, or Fisher’s exact test when an expected count is below 5
               * @enum {string}
               */
              test: "z" | "fisher" | "none";
            })[];
          failed: {
            a: number;
            b: number;
          };
          /** @description The language asked in: the configuration's locale language, else the prompt's */
          language?: string | null;
          /** @description The configuration's country (ISO 3166-1 alpha-2); null groups configurations without a location */
          location?: string | null;
          /** Format: uuid */
          modelConfigId?: string;
          modelConfigName?: string;
          /** @description The one setting the two configurations differ in; null when they differ in several (an explicit pair) */
          parameter: string | null;
          /** @description Day, or Monday of the ISO week, in the workspace time zone (YYYY-MM-DD) */
          period?: string;
          /** Format: uuid */
          promptId?: string;
          promptText?: string;
          provider?: string;
          /** Format: uuid */
          runId?: string;
          /** @description null groups answers whose prompt has no tag */
          tag?: string | null;
        })[];
      parameter: string | null;
      power: number;
      /** @description Workspace time zone used for days and weeks */
      timezone: string;
    };
    ImpactReport: {
      /** @description The standard error if every answer were independent, for comparison */
      binomialStandardError: number | null;
      /** @description An answer counts as mentioning when it names any of these brands */
      brands: ({
          /** Format: uuid */
          brandId: string;
          /** @enum {string} */
          brandKind: "own" | "competitor";
          brandName: string;
        })[];
      /** @description 95% interval of the estimate (Student t with prompts − 2 degrees of freedom, prompt-clustered) */
      ci95: {
        high: number;
        low: number;
      } | null;
      definitionVersion: number;
      /** @description Degrees of freedom: prompts with answers − 2 */
      df: number | null;
      /** @description (affected after − affected before) − (unaffected after − unaffected before), as a proportion; null when a group has no answer */
      estimate: number | null;
      event: {
        /** Format: uuid */
        id: string;
        /**
         * @description What happened: content_published, site_change, pr_campaign, product_launch or other
         * @enum {string}
         */
        kind: "content_published" | "site_change" | "pr_campaign" | "product_launch" | "other";
        /** Format: date-time */
        occurredAt: string;
        promptIds: string[];
        promptTags: string[];
        title: string | null;
      };
      /** @description The providers and configurations the answers were taken from; empty when every answer counts */
      filters: {
        modelConfigIds?: string[];
        providers?: string[];
      };
      /** @description The four groups of the difference in differences, with their answers (rate.n) */
      groups: {
        affectedAfter: {
          /** @description Prompts with at least one answer in this group */
          prompts: number;
          /** @description Answers mentioning the brand / successful analysed answers, with the 95% Wilson interval */
          rate: components["schemas"]["Proportion"];
        };
        affectedBefore: {
          /** @description Prompts with at least one answer in this group */
          prompts: number;
          /** @description Answers mentioning the brand / successful analysed answers, with the 95% Wilson interval */
          rate: components["schemas"]["Proportion"];
        };
        unaffectedAfter: {
          /** @description Prompts with at least one answer in this group */
          prompts: number;
          /** @description Answers mentioning the brand / successful analysed answers, with the 95% Wilson interval */
          rate: components["schemas"]["Proportion"];
        };
        unaffectedBefore: {
          /** @description Prompts with at least one answer in this group */
          prompts: number;
          /** @description Answers mentioning the brand / successful analysed answers, with the 95% Wilson interval */
          rate: components["schemas"]["Proportion"];
        };
      };
      minEffect: number;
      /** @description The smallest true change this data detects with 80% power, as a proportion */
      minimumDetectableEffect: number | null;
      /** @description Chance that this data detects a true change of minEffect (two-sided, 5% level) */
      power: number | null;
      /** @description Two-sided p-value of "no difference" */
      pValue: number | null;
      /** @description Cluster-robust standard error, prompts as clusters */
      standardError: number | null;
      /** @description The verdict in one plain sentence */
      summary: string;
      /**
       * @description effect: p < 0.05; no-detectable-effect: p ≥ 0.05 and the data had at least 80% power at minEffect; underpowered: neither, or no estimate
       * @enum {string}
       */
      verdict: "effect" | "no-detectable-effect" | "underpowered";
      windowDays: number;
      windows: {
        after: {
          /** Format: date-time */
          from: string;
          /** Format: date-time */
          to: string;
        };
        /** @description false while the after window has not ended: more answers may come */
        afterComplete: boolean;
        before: {
          /** Format: date-time */
          from: string;
          /** Format: date-time */
          to: string;
        };
      };
    };
    ImpactReportInput: {
      /** @description The standard error if every answer were independent, for comparison */
      binomialStandardError: number | null;
      /** @description An answer counts as mentioning when it names any of these brands */
      brands: ({
          /** Format: uuid */
          brandId: string;
          /** @enum {string} */
          brandKind: "own" | "competitor";
          brandName: string;
        })[];
      /** @description 95% interval of the estimate (Student t with prompts − 2 degrees of freedom, prompt-clustered) */
      ci95: {
        high: number;
        low: number;
      } | null;
      definitionVersion: number;
      /** @description Degrees of freedom: prompts with answers − 2 */
      df: number | null;
      /** @description (affected after − affected before) − (unaffected after − unaffected before), as a proportion; null when a group has no answer */
      estimate: number | null;
      event: {
        /** Format: uuid */
        id: string;
        /**
         * @description What happened: content_published, site_change, pr_campaign, product_launch or other
         * @enum {string}
         */
        kind: "content_published" | "site_change" | "pr_campaign" | "product_launch" | "other";
        /** Format: date-time */
        occurredAt: string;
        promptIds: string[];
        promptTags: string[];
        title: string | null;
      };
      /** @description The providers and configurations the answers were taken from; empty when every answer counts */
      filters: {
        modelConfigIds?: string[];
        providers?: string[];
      };
      /** @description The four groups of the difference in differences, with their answers (rate.n) */
      groups: {
        affectedAfter: {
          /** @description Prompts with at least one answer in this group */
          prompts: number;
          /** @description Answers mentioning the brand / successful analysed answers, with the 95% Wilson interval */
          rate: components["schemas"]["ProportionInput"];
        };
        affectedBefore: {
          /** @description Prompts with at least one answer in this group */
          prompts: number;
          /** @description Answers mentioning the brand / successful analysed answers, with the 95% Wilson interval */
          rate: components["schemas"]["ProportionInput"];
        };
        unaffectedAfter: {
          /** @description Prompts with at least one answer in this group */
          prompts: number;
          /** @description Answers mentioning the brand / successful analysed answers, with the 95% Wilson interval */
          rate: components["schemas"]["ProportionInput"];
        };
        unaffectedBefore: {
          /** @description Prompts with at least one answer in this group */
          prompts: number;
          /** @description Answers mentioning the brand / successful analysed answers, with the 95% Wilson interval */
          rate: components["schemas"]["ProportionInput"];
        };
      };
      minEffect: number;
      /** @description The smallest true change this data detects with 80% power, as a proportion */
      minimumDetectableEffect: number | null;
      /** @description Chance that this data detects a true change of minEffect (two-sided, 5% level) */
      power: number | null;
      /** @description Two-sided p-value of "no difference" */
      pValue: number | null;
      /** @description Cluster-robust standard error, prompts as clusters */
      standardError: number | null;
      /** @description The verdict in one plain sentence */
      summary: string;
      /**
       * @description effect: p < 0.05; no-detectable-effect: p ≥ 0.05 and the data had at least 80% power at minEffect; underpowered: neither, or no estimate
       * @enum {string}
       */
      verdict: "effect" | "no-detectable-effect" | "underpowered";
      windowDays: number;
      windows: {
        after: {
          /** Format: date-time */
          from: string;
          /** Format: date-time */
          to: string;
        };
        /** @description false while the after window has not ended: more answers may come */
        afterComplete: boolean;
        before: {
          /** Format: date-time */
          from: string;
          /** Format: date-time */
          to: string;
        };
      };
    };
    Invitation: {
      /** Format: date-time */
      createdAt: string;
      email: string;
      /** Format: date-time */
      expiresAt: string;
      /** Format: uuid */
      id: string;
      /**
       * @description owner: everything, including owners; admin: members, keys and settings; editor: workspace data; viewer: reads; client: reads the workspaces shared with them
       * @enum {string}
       */
      role: "owner" | "admin" | "editor" | "viewer" | "client";
      /**
       * @description pending until accepted, revoked or past expiresAt
       * @enum {string}
       */
      status: "pending" | "accepted" | "revoked" | "expired";
      /** @description For a client: the workspaces to share; null for other roles */
      workspaceIds: string[] | null;
    };
    InvitationAccepted: {
      /** Format: uuid */
      organizationId: string;
      /** Format: uuid */
      userId: string;
    };
    InvitationAcceptedInput: {
      /** Format: uuid */
      organizationId: string;
      /** Format: uuid */
      userId: string;
    };
    InvitationInput: {
      /** Format: date-time */
      createdAt: string;
      email: string;
      /** Format: date-time */
      expiresAt: string;
      /** Format: uuid */
      id: string;
      /**
       * @description owner: everything, including owners; admin: members, keys and settings; editor: workspace data; viewer: reads; client: reads the workspaces shared with them
       * @enum {string}
       */
      role: "owner" | "admin" | "editor" | "viewer" | "client";
      /**
       * @description pending until accepted, revoked or past expiresAt
       * @enum {string}
       */
      status: "pending" | "accepted" | "revoked" | "expired";
      /** @description For a client: the workspaces to share; null for other roles */
      workspaceIds: string[] | null;
    };
    InvitationLookup: {
      /** @description true: sign in as this address, then accept; false: accept with a name and a password */
      accountExists: boolean;
      /** @description The invited address: the account to sign in with, or to create */
      email: string;
      /** Format: date-time */
      expiresAt: string;
      organizationName: string;
      /**
       * @description owner: everything, including owners; admin: members, keys and settings; editor: workspace data; viewer: reads; client: reads the workspaces shared with them
       * @enum {string}
       */
      role: "owner" | "admin" | "editor" | "viewer" | "client";
    };
    InvitationLookupInput: {
      /** @description true: sign in as this address, then accept; false: accept with a name and a password */
      accountExists: boolean;
      /** @description The invited address: the account to sign in with, or to create */
      email: string;
      /** Format: date-time */
      expiresAt: string;
      organizationName: string;
      /**
       * @description owner: everything, including owners; admin: members, keys and settings; editor: workspace data; viewer: reads; client: reads the workspaces shared with them
       * @enum {string}
       */
      role: "owner" | "admin" | "editor" | "viewer" | "client";
    };
    Me: {
      apiKey: ({
        /** Format: uuid */
        id: string;
        /** Format: uuid */
        organizationId: string;
        prefix: string;
        scopes: ("read" | "write" | "admin")[];
        workspaceIds: string[] | null;
      }) | null;
      /** @description Send as x-csrf-token with every signed-in write; null for keys */
      csrfToken: string | null;
      /** @enum {string} */
      kind: "user" | "api_key";
      organizations: ({
          /** Format: uuid */
          id: string;
          name: string;
          /** @enum {string} */
          role: "owner" | "admin" | "editor" | "viewer" | "client";
          /** @description For a client: the workspaces shared with them; null: all */
          workspaceIds: string[] | null;
        })[];
      session: {
        /** Format: date-time */
        createdAt: string;
        /** Format: date-time */
        expiresAt: string;
        /** Format: uuid */
        id: string;
      } | null;
      /** @description The signed-in person; null for an API key */
      user: {
        email: string;
        /** Format: uuid */
        id: string;
        name: string;
      } | null;
    };
    Mean: {
      /** @description 95% Student-t interval; null below 2 values */
      ci95: {
        high: number;
        low: number;
      } | null;
      /** @description Number of values */
      denominator: number;
      n: number;
      /** @description Sum of the values */
      numerator: number;
      sd: number | null;
      value: number | null;
    };
    MeanInput: {
      /** @description 95% Student-t interval; null below 2 values */
      ci95: {
        high: number;
        low: number;
      } | null;
      /** @description Number of values */
      denominator: number;
      n: number;
      /** @description Sum of the values */
      numerator: number;
      sd: number | null;
      value: number | null;
    };
    MeInput: {
      apiKey: ({
        /** Format: uuid */
        id: string;
        /** Format: uuid */
        organizationId: string;
        prefix: string;
        scopes: ("read" | "write" | "admin")[];
        workspaceIds: string[] | null;
      }) | null;
      /** @description Send as x-csrf-token with every signed-in write; null for keys */
      csrfToken: string | null;
      /** @enum {string} */
      kind: "user" | "api_key";
      organizations: ({
          /** Format: uuid */
          id: string;
          name: string;
          /** @enum {string} */
          role: "owner" | "admin" | "editor" | "viewer" | "client";
          /** @description For a client: the workspaces shared with them; null: all */
          workspaceIds: string[] | null;
        })[];
      session: {
        /** Format: date-time */
        createdAt: string;
        /** Format: date-time */
        expiresAt: string;
        /** Format: uuid */
        id: string;
      } | null;
      /** @description The signed-in person; null for an API key */
      user: {
        email: string;
        /** Format: uuid */
        id: string;
        name: string;
      } | null;
    };
    Member: {
      /** Format: date-time */
      createdAt: string;
      email: string;
      /**
       * Format: uuid
       * @description The membership’s id (use it in /v1/members/{memberId})
       */
      id: string;
      name: string;
      /**
       * @description owner: everything, including owners; admin: members, keys and settings; editor: workspace data; viewer: reads; client: reads the workspaces shared with them
       * @enum {string}
       */
      role: "owner" | "admin" | "editor" | "viewer" | "client";
      /** Format: uuid */
      userId: string;
      /** @description For a client: the workspaces shared with them; null for other roles (every workspace) */
      workspaceIds: string[] | null;
    };
    MemberInput: {
      /** Format: date-time */
      createdAt: string;
      email: string;
      /**
       * Format: uuid
       * @description The membership’s id (use it in /v1/members/{memberId})
       */
      id: string;
      name: string;
      /**
       * @description owner: everything, including owners; admin: members, keys and settings; editor: workspace data; viewer: reads; client: reads the workspaces shared with them
       * @enum {string}
       */
      role: "owner" | "admin" | "editor" | "viewer" | "client";
      /** Format: uuid */
      userId: string;
      /** @description For a client: the workspaces shared with them; null for other roles (every workspace) */
      workspaceIds: string[] | null;
    };
    ModelConfig: {
      archived: boolean;
      /** @enum {string} */
      channel: "api" | "serp" | "mock" | "app";
      /** Format: date-time */
      createdAt: string;
      /** @description SHA-256 of provider, model and effective parameters: the configuration’s identity in reports */
      hash: string;
      /** Format: uuid */
      id: string;
      /** @description Read only. The language subtag of params.locale (fr-FR → fr); null when none is set, in which case each prompt's own locale is the language asked in */
      language: string | null;
      /** @description Read only. Where the answers are asked from: params.userLocation, or on search pages and captured apps the region of params.locale (fr-FR → FR); null when the configuration sets neither */
      location: ({
        city: string | null;
        /** @description ISO 3166-1 alpha-2 code, e.g. FR */
        country: string | null;
        region: string | null;
      }) | null;
      model: string;
      name: string;
      /** @description Effective parameters after validation */
      params: {
        [key: string]: unknown;
      };
      /** @description Read only. params.persona: who is asking, sent with the system prompt on API surfaces; null when none */
      persona: string | null;
      provider: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      workspaceId: string;
    };
    ModelConfigInput: {
      archived: boolean;
      /** @enum {string} */
      channel: "api" | "serp" | "mock" | "app";
      /** Format: date-time */
      createdAt: string;
      /** @description SHA-256 of provider, model and effective parameters: the configuration’s identity in reports */
      hash: string;
      /** Format: uuid */
      id: string;
      /** @description Read only. The language subtag of params.locale (fr-FR → fr); null when none is set, in which case each prompt's own locale is the language asked in */
      language: string | null;
      /** @description Read only. Where the answers are asked from: params.userLocation, or on search pages and captured apps the region of params.locale (fr-FR → FR); null when the configuration sets neither */
      location: ({
        city: string | null;
        /** @description ISO 3166-1 alpha-2 code, e.g. FR */
        country: string | null;
        region: string | null;
      }) | null;
      model: string;
      name: string;
      /** @description Effective parameters after validation */
      params: {
        [key: string]: unknown;
      };
      /** @description Read only. params.persona: who is asking, sent with the system prompt on API surfaces; null when none */
      persona: string | null;
      provider: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      workspaceId: string;
    };
    Organization: {
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      name: string;
      /** @description Role given just in time to people of ssoDomain at their first single sign-on; null: invitation needed */
      ssoDefaultRole: ("admin" | "editor" | "viewer") | null;
      /** @description Email domain admitted through single sign-on; null: none */
      ssoDomain: string | null;
      /** Format: date-time */
      updatedAt: string;
    };
    OrganizationCreated: {
      adminKey: components["schemas"]["ApiKeyCreated"];
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      name: string;
      /** @description Role given just in time to people of ssoDomain at their first single sign-on; null: invitation needed */
      ssoDefaultRole: ("admin" | "editor" | "viewer") | null;
      /** @description Email domain admitted through single sign-on; null: none */
      ssoDomain: string | null;
      /** Format: date-time */
      updatedAt: string;
    };
    OrganizationCreatedInput: {
      adminKey: components["schemas"]["ApiKeyCreatedInput"];
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      name: string;
      /** @description Role given just in time to people of ssoDomain at their first single sign-on; null: invitation needed */
      ssoDefaultRole: ("admin" | "editor" | "viewer") | null;
      /** @description Email domain admitted through single sign-on; null: none */
      ssoDomain: string | null;
      /** Format: date-time */
      updatedAt: string;
    };
    OrganizationInput: {
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      name: string;
      /** @description Role given just in time to people of ssoDomain at their first single sign-on; null: invitation needed */
      ssoDefaultRole: ("admin" | "editor" | "viewer") | null;
      /** @description Email domain admitted through single sign-on; null: none */
      ssoDomain: string | null;
      /** Format: date-time */
      updatedAt: string;
    };
    PdfReport: {
      bytes: number | null;
      /** Format: date-time */
      createdAt: string;
      /** @description Why the job failed, or why the email could not be sent (the PDF is still downloadable) */
      error: string | null;
      /** @description Where to download the PDF once completed */
      fileUrl: string | null;
      finishedAt: string | null;
      /** Format: date-time */
      from: string;
      /** Format: uuid */
      id: string;
      pages: number | null;
      requestedBy: string | null;
      sendTo: string[];
      /** @description When every address of sendTo accepted the email */
      sentAt: string | null;
      startedAt: string | null;
      /**
       * @description completed: the PDF is stored and can be downloaded (fileUrl)
       * @enum {string}
       */
      status: "queued" | "running" | "completed" | "failed";
      /** Format: date-time */
      to: string;
      /** Format: uuid */
      workspaceId: string;
    };
    PdfReportInput: {
      bytes: number | null;
      /** Format: date-time */
      createdAt: string;
      /** @description Why the job failed, or why the email could not be sent (the PDF is still downloadable) */
      error: string | null;
      /** @description Where to download the PDF once completed */
      fileUrl: string | null;
      finishedAt: string | null;
      /** Format: date-time */
      from: string;
      /** Format: uuid */
      id: string;
      pages: number | null;
      requestedBy: string | null;
      sendTo: string[];
      /** @description When every address of sendTo accepted the email */
      sentAt: string | null;
      startedAt: string | null;
      /**
       * @description completed: the PDF is stored and can be downloaded (fileUrl)
       * @enum {string}
       */
      status: "queued" | "running" | "completed" | "failed";
      /** Format: date-time */
      to: string;
      /** Format: uuid */
      workspaceId: string;
    };
    Problem: {
      /** @enum {string} */
      code: "bad_request" | "organization_required" | "validation_failed" | "unsupported_parameter" | "unauthorized" | "forbidden" | "csrf_failed" | "not_found" | "method_not_allowed" | "request_timeout" | "conflict" | "idempotency_key_in_use" | "idempotency_key_interrupted" | "payload_too_large" | "unsupported_media_type" | "budget_exceeded" | "idempotency_key_reused" | "rate_limited" | "header_too_large" | "internal" | "unavailable";
      /** @description What went wrong and what to change */
      detail: string;
      errors?: {
          message: string;
          path: string;
        }[];
      requestId: string;
      status: number;
      title: string;
      /** @description URI identifying the problem type */
      type: string;
    };
    ProblemInput: {
      /** @enum {string} */
      code: "bad_request" | "organization_required" | "validation_failed" | "unsupported_parameter" | "unauthorized" | "forbidden" | "csrf_failed" | "not_found" | "method_not_allowed" | "request_timeout" | "conflict" | "idempotency_key_in_use" | "idempotency_key_interrupted" | "payload_too_large" | "unsupported_media_type" | "budget_exceeded" | "idempotency_key_reused" | "rate_limited" | "header_too_large" | "internal" | "unavailable";
      /** @description What went wrong and what to change */
      detail: string;
      errors?: {
          message: string;
          path: string;
        }[];
      requestId: string;
      status: number;
      title: string;
      /** @description URI identifying the problem type */
      type: string;
    };
    Prompt: {
      archived: boolean;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      locale: string;
      tags: string[];
      text: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      workspaceId: string;
    };
    PromptInput: {
      archived: boolean;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      locale: string;
      tags: string[];
      text: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      workspaceId: string;
    };
    Proportion: {
      /** @description 95% Wilson interval */
      ci95: {
        high: number;
        low: number;
      };
      denominator: number;
      /** @description Independent answers behind the estimate */
      n: number;
      numerator: number;
      /** @description numerator / denominator; null when the denominator is 0 */
      value: number | null;
    };
    ProportionInput: {
      /** @description 95% Wilson interval */
      ci95: {
        high: number;
        low: number;
      };
      denominator: number;
      /** @description Independent answers behind the estimate */
      n: number;
      numerator: number;
      /** @description numerator / denominator; null when the denominator is 0 */
      value: number | null;
    };
    ProviderCredential: {
      /** Format: date-time */
      createdAt: string;
      /** @description Last characters of the key, to recognise it; the key itself is never returned */
      hint: string;
      provider: string;
      /** Format: date-time */
      updatedAt: string;
    };
    ProviderCredentialInput: {
      /** Format: date-time */
      createdAt: string;
      /** @description Last characters of the key, to recognise it; the key itself is never returned */
      hint: string;
      provider: string;
      /** Format: date-time */
      updatedAt: string;
    };
    Reanalysis: {
      /** Format: date-time */
      createdAt: string;
      error: string | null;
      finishedAt: string | null;
      from: string | null;
      /** Format: uuid */
      id: string;
      progress: {
        done: number;
        total: number;
      };
      runId: string | null;
      startedAt: string | null;
      /** @enum {string} */
      status: "queued" | "running" | "completed" | "failed";
      to: string | null;
      /** Format: uuid */
      workspaceId: string;
    };
    ReanalysisInput: {
      /** Format: date-time */
      createdAt: string;
      error: string | null;
      finishedAt: string | null;
      from: string | null;
      /** Format: uuid */
      id: string;
      progress: {
        done: number;
        total: number;
      };
      runId: string | null;
      startedAt: string | null;
      /** @enum {string} */
      status: "queued" | "running" | "completed" | "failed";
      to: string | null;
      /** Format: uuid */
      workspaceId: string;
    };
    Response: {
      analysisVersion: number | null;
      analyzedAt: string | null;
      attempts: number;
      /**
       * @description How the answer was collected: official API, SERP capture, consumer-app capture or the mock
       * @enum {string}
       */
      channel: "api" | "serp" | "mock" | "app";
      citations: ({
          /** @description Brand owning the domain, if any */
          brandId: string | null;
          domain: string;
          position: number;
          /** @enum {string} */
          source: "annotation" | "link" | "search_result";
          title: string | null;
          url: string;
        })[];
      completedAt: string | null;
      /** @description Canonical hash of the effective parameters */
      configHash: string;
      /** @description Decimal string */
      costUsd: string | null;
      createdAt: string;
      error: string | null;
      errorCode: string | null;
      finishReason: string | null;
      /** Format: uuid */
      id: string;
      latencyMs: number | null;
      mentions: ({
          /** Format: uuid */
          brandId: string;
          /** @enum {string} */
          brandKind: "own" | "competitor";
          brandName: string;
          count: number;
          firstOffset: number;
          listPosition: number | null;
          matchedAlias: string;
          rank: number;
          sentiment: number;
          /**
           * @description Stance of the answer toward the brand as a buyer reads it (docs/sentiment.md)
           * @enum {string}
           */
          sentimentLabel: "positive" | "neutral" | "negative";
          /** @description The passage that decided the sentiment label, as [start, end) JavaScript string indices into the answer text; null for answers analysed before analysis version 2 */
          sentimentPassage: {
            end: number;
            start: number;
            /** @description The passage itself: the list item, table row or sentence */
            text: string;
          } | null;
          snippet: string;
          /** @description [start, end) JavaScript string indices into the answer text, for highlighting */
          spans: [number, number][];
        })[];
      model: string;
      /** Format: uuid */
      modelConfigId: string;
      modelVersion: string | null;
      /** Format: uuid */
      promptId: string;
      provider: string;
      /** @description Cost the provider reported, when it does (decimal string) */
      providerCostUsd: string | null;
      providerRequestId: string | null;
      /** @description Provider payload, with includeRaw=true */
      raw?: unknown;
      /** @description The exact parameters sent, after provider-specific mapping */
      requestParams: {
        [key: string]: unknown;
      };
      /** Format: uuid */
      runId: string;
      sampleIndex: number;
      searchQueries: string[];
      /** @enum {string} */
      status: "pending" | "succeeded" | "failed" | "cancelled";
      /** @description The answer without reasoning; null until collected or when the call failed */
      text: string | null;
      usage: {
        cachedInputTokens: number | null;
        inputTokens: number | null;
        outputTokens: number | null;
        reasoningTokens: number | null;
        searchCalls: number | null;
      };
    };
    ResponseInput: {
      analysisVersion: number | null;
      analyzedAt: string | null;
      attempts: number;
      /**
       * @description How the answer was collected: official API, SERP capture, consumer-app capture or the mock
       * @enum {string}
       */
      channel: "api" | "serp" | "mock" | "app";
      citations: ({
          /** @description Brand owning the domain, if any */
          brandId: string | null;
          domain: string;
          position: number;
          /** @enum {string} */
          source: "annotation" | "link" | "search_result";
          title: string | null;
          url: string;
        })[];
      completedAt: string | null;
      /** @description Canonical hash of the effective parameters */
      configHash: string;
      /** @description Decimal string */
      costUsd: string | null;
      createdAt: string;
      error: string | null;
      errorCode: string | null;
      finishReason: string | null;
      /** Format: uuid */
      id: string;
      latencyMs: number | null;
      mentions: ({
          /** Format: uuid */
          brandId: string;
          /** @enum {string} */
          brandKind: "own" | "competitor";
          brandName: string;
          count: number;
          firstOffset: number;
          listPosition: number | null;
          matchedAlias: string;
          rank: number;
          sentiment: number;
          /**
           * @description Stance of the answer toward the brand as a buyer reads it (docs/sentiment.md)
           * @enum {string}
           */
          sentimentLabel: "positive" | "neutral" | "negative";
          /** @description The passage that decided the sentiment label, as [start, end) JavaScript string indices into the answer text; null for answers analysed before analysis version 2 */
          sentimentPassage: {
            end: number;
            start: number;
            /** @description The passage itself: the list item, table row or sentence */
            text: string;
          } | null;
          snippet: string;
          /** @description [start, end) JavaScript string indices into the answer text, for highlighting */
          spans: [number, number][];
        })[];
      model: string;
      /** Format: uuid */
      modelConfigId: string;
      modelVersion: string | null;
      /** Format: uuid */
      promptId: string;
      provider: string;
      /** @description Cost the provider reported, when it does (decimal string) */
      providerCostUsd: string | null;
      providerRequestId: string | null;
      /** @description Provider payload, with includeRaw=true */
      raw?: unknown;
      /** @description The exact parameters sent, after provider-specific mapping */
      requestParams: {
        [key: string]: unknown;
      };
      /** Format: uuid */
      runId: string;
      sampleIndex: number;
      searchQueries: string[];
      /** @enum {string} */
      status: "pending" | "succeeded" | "failed" | "cancelled";
      /** @description The answer without reasoning; null until collected or when the call failed */
      text: string | null;
      usage: {
        cachedInputTokens: number | null;
        inputTokens: number | null;
        outputTokens: number | null;
        reasoningTokens: number | null;
        searchCalls: number | null;
      };
    };
    ResponsesPage: {
      data: components["schemas"]["Response"][];
      /** @description Pass as `cursor` to get the next page; null on the last page */
      nextCursor: string | null;
    };
    ResponsesPageInput: {
      data: components["schemas"]["ResponseInput"][];
      /** @description Pass as `cursor` to get the next page; null on the last page */
      nextCursor: string | null;
    };
    Run: {
      actualCostUsd: number;
      auditId: string | null;
      /** @description The run’s cap: the smaller of its own budget and what was left of its audit’s monthly budget when it started (null: no cap) */
      budgetUsd: number | null;
      /** Format: date-time */
      createdAt: string;
      error: string | null;
      estimatedCostUsd: number;
      finishedAt: string | null;
      /** Format: uuid */
      id: string;
      progress: {
        /** @description Succeeded answers whose mentions and citations are stored */
        analyzed: number;
        cancelled: number;
        failed: number;
        pending: number;
        succeeded: number;
        total: number;
      };
      /** @description Answers per pair (fixed); for adaptive sampling, the first wave (minSamples) */
      samplesPerPair: number;
      /** @description How the run samples; adaptive runs report their precision at …/runs/{runId}/precision */
      sampling: components["schemas"]["Sampling"];
      scheduledFor: string | null;
      startedAt: string | null;
      /** @enum {string} */
      status: "queued" | "running" | "completed" | "completed_with_errors" | "failed" | "cancelled";
      /** @enum {string} */
      trigger: "manual" | "schedule" | "api";
      /** Format: uuid */
      workspaceId: string;
    };
    RunInput: {
      actualCostUsd: number;
      auditId: string | null;
      /** @description The run’s cap: the smaller of its own budget and what was left of its audit’s monthly budget when it started (null: no cap) */
      budgetUsd: number | null;
      /** Format: date-time */
      createdAt: string;
      error: string | null;
      estimatedCostUsd: number;
      finishedAt: string | null;
      /** Format: uuid */
      id: string;
      progress: {
        /** @description Succeeded answers whose mentions and citations are stored */
        analyzed: number;
        cancelled: number;
        failed: number;
        pending: number;
        succeeded: number;
        total: number;
      };
      /** @description Answers per pair (fixed); for adaptive sampling, the first wave (minSamples) */
      samplesPerPair: number;
      /** @description How the run samples; adaptive runs report their precision at …/runs/{runId}/precision */
      sampling: components["schemas"]["SamplingInput"];
      scheduledFor: string | null;
      startedAt: string | null;
      /** @enum {string} */
      status: "queued" | "running" | "completed" | "completed_with_errors" | "failed" | "cancelled";
      /** @enum {string} */
      trigger: "manual" | "schedule" | "api";
      /** Format: uuid */
      workspaceId: string;
    };
    RunPrecision: {
      /** @description One per prompt × configuration */
      cells: ({
          /** @description Answers that came back at the cell’s last look (failed calls are not counted); null before its first look */
          answers: number | null;
          /** @description Half the interval’s width, in points */
          halfWidth: number | null;
          /** @description The 95% interval of the mention rate, valid although the cell stopped on its data (docs/statistics.md#adaptive-sampling) */
          interval: {
            high: number;
            low: number;
          } | null;
          /** @description Of those, answers naming an own brand */
          mentioned: number | null;
          /** @description mentioned / answers */
          mentionRate: number | null;
          /** Format: uuid */
          modelConfigId: string;
          modelConfigName: string;
          /** @description Answers asked for so far */
          planned: number;
          /** Format: uuid */
          promptId: string;
          promptText: string;
          /** @description precision: the target was reached; max_samples: it got maxSamples; budget: the run reached its budget; failures: a wave brought no answer back; cancelled: the run was cancelled; null: still sampling */
          stopReason: ("precision" | "max_samples" | "budget" | "failures" | "cancelled") | null;
          /** @description Waves asked so far */
          waves: number;
        })[];
      /** Format: uuid */
      runId: string;
      sampling: components["schemas"]["Sampling"];
      summary: {
        /** @description Answers asked for (planned) over every cell */
        calls: number;
        cells: number;
        /** @description cells × sampling.fixedDesignSamples: what the fixed design of the same worst-case precision asks for */
        fixedDesignCalls: number;
        /** @description fixedDesignCalls / calls */
        ratio: number | null;
        /** @description Cells whose interval is within ±halfWidth; null for a fixed run (no target) */
        reachedTarget: number | null;
        /** @description fixedDesignCalls − calls (negative when adaptive asked for more) */
        samplesSaved: number;
        stopped: number;
        /** @description The widest half-width of any cell, in points */
        worstHalfWidth: number | null;
      };
    };
    RunPrecisionInput: {
      /** @description One per prompt × configuration */
      cells: ({
          /** @description Answers that came back at the cell’s last look (failed calls are not counted); null before its first look */
          answers: number | null;
          /** @description Half the interval’s width, in points */
          halfWidth: number | null;
          /** @description The 95% interval of the mention rate, valid although the cell stopped on its data (docs/statistics.md#adaptive-sampling) */
          interval: {
            high: number;
            low: number;
          } | null;
          /** @description Of those, answers naming an own brand */
          mentioned: number | null;
          /** @description mentioned / answers */
          mentionRate: number | null;
          /** Format: uuid */
          modelConfigId: string;
          modelConfigName: string;
          /** @description Answers asked for so far */
          planned: number;
          /** Format: uuid */
          promptId: string;
          promptText: string;
          /** @description precision: the target was reached; max_samples: it got maxSamples; budget: the run reached its budget; failures: a wave brought no answer back; cancelled: the run was cancelled; null: still sampling */
          stopReason: ("precision" | "max_samples" | "budget" | "failures" | "cancelled") | null;
          /** @description Waves asked so far */
          waves: number;
        })[];
      /** Format: uuid */
      runId: string;
      sampling: components["schemas"]["SamplingInput"];
      summary: {
        /** @description Answers asked for (planned) over every cell */
        calls: number;
        cells: number;
        /** @description cells × sampling.fixedDesignSamples: what the fixed design of the same worst-case precision asks for */
        fixedDesignCalls: number;
        /** @description fixedDesignCalls / calls */
        ratio: number | null;
        /** @description Cells whose interval is within ±halfWidth; null for a fixed run (no target) */
        reachedTarget: number | null;
        /** @description fixedDesignCalls − calls (negative when adaptive asked for more) */
        samplesSaved: number;
        stopped: number;
        /** @description The widest half-width of any cell, in points */
        worstHalfWidth: number | null;
      };
    };
    Sampling: OneOf<[{
      /** @constant */
      mode: "fixed";
      samplesPerPair: number;
    }, {
      /** @description Answers per pair of the fixed design of the same worst-case precision (Wilson 95% at a rate of 0.5), the baseline of samples saved */
      fixedDesignSamples: number;
      /** @description Target half-width of each pair’s 95% interval, in points */
      halfWidth: number;
      maxSamples: number;
      minSamples: number;
      /** @constant */
      mode: "adaptive";
      /** @description Answers added per wave (the default resolved) */
      waveSize: number;
    }]>;
    SamplingInput: OneOf<[{
      /** @constant */
      mode: "fixed";
      samplesPerPair: number;
    }, {
      /** @description Answers per pair of the fixed design of the same worst-case precision (Wilson 95% at a rate of 0.5), the baseline of samples saved */
      fixedDesignSamples: number;
      /** @description Target half-width of each pair’s 95% interval, in points */
      halfWidth: number;
      maxSamples: number;
      minSamples: number;
      /** @constant */
      mode: "adaptive";
      /** @description Answers added per wave (the default resolved) */
      waveSize: number;
    }]>;
    SearchQueriesReport: {
      definitionVersion: number;
      filters: {
        [key: string]: unknown;
      };
      /** @description The brands whose domains count as own */
      ownBrands: ({
          /** Format: uuid */
          brandId: string;
          /** @enum {string} */
          brandKind: "own" | "competitor";
          brandName: string;
        })[];
      /** @description Only prompt × configuration pairs with at least one web search */
      rows: ({
          /** @description Different normalised queries run, including those past `top` */
          distinctQueries: number;
          /** Format: uuid */
          modelConfigId: string;
          modelConfigName: string | null;
          /** @description Successful analysed answers of this prompt × configuration */
          n: number;
          /** @description Answers that ran a web search and cited an own brand’s domain / answers that ran a web search: the baseline for each query’s rate */
          ownCited: components["schemas"]["Proportion"];
          /** Format: uuid */
          promptId: string;
          promptText: string;
          provider: string;
          queries: {
              /** @description Answers that ran this query (at least once) */
              answers: number;
              /** @description Answers that ran this query and cited an own brand’s domain / answers that ran it */
              ownCited: components["schemas"]["Proportion"];
              /** @description The query normalised: trimmed, lower-cased, runs of whitespace made one space */
              query: string;
              /** @description 1 for the query most answers ran; ties by query text */
              rank: number;
              /** @description Answers that ran this query / answers of the row that ran any web search */
              share: components["schemas"]["Proportion"];
            }[];
          /** @description Answers that ran at least one web search / n */
          searched: components["schemas"]["Proportion"];
        })[];
      timezone: string;
      top: number;
    };
    SearchQueriesReportInput: {
      definitionVersion: number;
      filters: {
        [key: string]: unknown;
      };
      /** @description The brands whose domains count as own */
      ownBrands: ({
          /** Format: uuid */
          brandId: string;
          /** @enum {string} */
          brandKind: "own" | "competitor";
          brandName: string;
        })[];
      /** @description Only prompt × configuration pairs with at least one web search */
      rows: ({
          /** @description Different normalised queries run, including those past `top` */
          distinctQueries: number;
          /** Format: uuid */
          modelConfigId: string;
          modelConfigName: string | null;
          /** @description Successful analysed answers of this prompt × configuration */
          n: number;
          /** @description Answers that ran a web search and cited an own brand’s domain / answers that ran a web search: the baseline for each query’s rate */
          ownCited: components["schemas"]["ProportionInput"];
          /** Format: uuid */
          promptId: string;
          promptText: string;
          provider: string;
          queries: {
              /** @description Answers that ran this query (at least once) */
              answers: number;
              /** @description Answers that ran this query and cited an own brand’s domain / answers that ran it */
              ownCited: components["schemas"]["ProportionInput"];
              /** @description The query normalised: trimmed, lower-cased, runs of whitespace made one space */
              query: string;
              /** @description 1 for the query most answers ran; ties by query text */
              rank: number;
              /** @description Answers that ran this query / answers of the row that ran any web search */
              share: components["schemas"]["ProportionInput"];
            }[];
          /** @description Answers that ran at least one web search / n */
          searched: components["schemas"]["ProportionInput"];
        })[];
      timezone: string;
      top: number;
    };
    Session: {
      /** Format: date-time */
      createdAt: string;
      current: boolean;
      /** Format: date-time */
      expiresAt: string;
      /** Format: uuid */
      id: string;
      ipAddress: string | null;
      /** Format: date-time */
      lastActiveAt: string;
      userAgent: string | null;
    };
    SessionInput: {
      /** Format: date-time */
      createdAt: string;
      current: boolean;
      /** Format: date-time */
      expiresAt: string;
      /** Format: uuid */
      id: string;
      ipAddress: string | null;
      /** Format: date-time */
      lastActiveAt: string;
      userAgent: string | null;
    };
    Share: {
      /** @description 95% delta-method interval for a ratio of sums over answers; null below 2 answers */
      ci95: {
        high: number;
        low: number;
      } | null;
      denominator: number;
      /** @description Answers behind the estimate (the independent units) */
      n: number;
      numerator: number;
      value: number | null;
    };
    /** @description The PDF report GET /v1/shared/{token}/pdf serves: the most recently made one within the link's period lock. None through a link locked to some assistants or tags, since a PDF covers them all. */
    SharedPdf: {
      /** @constant */
      available: true;
      /** @description The file name GET /v1/shared/{token}/pdf gives it */
      filename: string;
      /**
       * Format: date-time
       * @description Its period: runs created from this instant…
       */
      from: string;
      /** Format: date-time */
      madeAt: string;
      /**
       * Format: date-time
       * @description …to this one (excluded)
       */
      to: string;
    } | {
      /** @constant */
      available: false;
      /** @description Why the link offers no PDF, and what to ask the agency for */
      reason: string;
    };
    /** @description The PDF report GET /v1/shared/{token}/pdf serves: the most recently made one within the link's period lock. None through a link locked to some assistants or tags, since a PDF covers them all. */
    SharedPdfInput: {
      /** @constant */
      available: true;
      /** @description The file name GET /v1/shared/{token}/pdf gives it */
      filename: string;
      /**
       * Format: date-time
       * @description Its period: runs created from this instant…
       */
      from: string;
      /** Format: date-time */
      madeAt: string;
      /**
       * Format: date-time
       * @description …to this one (excluded)
       */
      to: string;
    } | {
      /** @constant */
      available: false;
      /** @description Why the link offers no PDF, and what to ask the agency for */
      reason: string;
    };
    SharedView: {
      branding: {
        accentColor: string;
        displayName: string;
        /** @description Whether GET /v1/shared/{token}/logo has an image */
        logo: boolean;
        primaryColor: string;
      };
      /** Format: date-time */
      expiresAt: string;
      locks: {
        from: string | null;
        /** @description null: every provider */
        providers: string[] | null;
        /** @description null: every tag */
        tags: string[] | null;
        to: string | null;
      };
      name: string;
      pdf: components["schemas"]["SharedPdf"];
      reports: ("visibility" | "share-of-voice" | "trends" | "citations" | "competitor-gap")[];
      workspace: {
        name: string;
        timezone: string;
      };
    };
    SharedViewInput: {
      branding: {
        accentColor: string;
        displayName: string;
        /** @description Whether GET /v1/shared/{token}/logo has an image */
        logo: boolean;
        primaryColor: string;
      };
      /** Format: date-time */
      expiresAt: string;
      locks: {
        from: string | null;
        /** @description null: every provider */
        providers: string[] | null;
        /** @description null: every tag */
        tags: string[] | null;
        to: string | null;
      };
      name: string;
      pdf: components["schemas"]["SharedPdfInput"];
      reports: ("visibility" | "share-of-voice" | "trends" | "citations" | "competitor-gap")[];
      workspace: {
        name: string;
        timezone: string;
      };
    };
    ShareInput: {
      /** @description 95% delta-method interval for a ratio of sums over answers; null below 2 answers */
      ci95: {
        high: number;
        low: number;
      } | null;
      denominator: number;
      /** @description Answers behind the estimate (the independent units) */
      n: number;
      numerator: number;
      value: number | null;
    };
    ShareLink: {
      /** Format: date-time */
      createdAt: string;
      /** @description "user:<id>" or "key:<id>" */
      createdBy: string;
      /** Format: date-time */
      expiresAt: string;
      /** Format: uuid */
      id: string;
      lastOpenedAt: string | null;
      locks: {
        from: string | null;
        /** @description null: every provider */
        providers: string[] | null;
        /** @description null: every tag */
        tags: string[] | null;
        to: string | null;
      };
      name: string;
      openingCount: number;
      /** @description The latest 10 openings, newest first */
      recentOpenings: {
          /** @description The client network (/24 for IPv4, /48 for IPv6), never the full address */
          addressClass: string;
          /** Format: date-time */
          openedAt: string;
          /** @description "page", the CSV downloaded (e.g. "visibility.csv"), or "pdf" */
          what: string;
        }[];
      revokedAt: string | null;
      /** @enum {string} */
      status: "active" | "expired" | "revoked";
      /** Format: uuid */
      workspaceId: string;
    };
    ShareLinkCreated: {
      /** Format: date-time */
      createdAt: string;
      /** @description "user:<id>" or "key:<id>" */
      createdBy: string;
      /** Format: date-time */
      expiresAt: string;
      /** Format: uuid */
      id: string;
      lastOpenedAt: string | null;
      locks: {
        from: string | null;
        /** @description null: every provider */
        providers: string[] | null;
        /** @description null: every tag */
        tags: string[] | null;
        to: string | null;
      };
      name: string;
      openingCount: number;
      /** @description The latest 10 openings, newest first */
      recentOpenings: {
          /** @description The client network (/24 for IPv4, /48 for IPv6), never the full address */
          addressClass: string;
          /** Format: date-time */
          openedAt: string;
          /** @description "page", the CSV downloaded (e.g. "visibility.csv"), or "pdf" */
          what: string;
        }[];
      revokedAt: string | null;
      /** @enum {string} */
      status: "active" | "expired" | "revoked";
      /** @description Shown once: only its SHA-256 is stored */
      token: string;
      /** @description The shared page on PUBLIC_BASE_URL, with the token */
      url: string;
      /** Format: uuid */
      workspaceId: string;
    };
    ShareLinkCreatedInput: {
      /** Format: date-time */
      createdAt: string;
      /** @description "user:<id>" or "key:<id>" */
      createdBy: string;
      /** Format: date-time */
      expiresAt: string;
      /** Format: uuid */
      id: string;
      lastOpenedAt: string | null;
      locks: {
        from: string | null;
        /** @description null: every provider */
        providers: string[] | null;
        /** @description null: every tag */
        tags: string[] | null;
        to: string | null;
      };
      name: string;
      openingCount: number;
      /** @description The latest 10 openings, newest first */
      recentOpenings: {
          /** @description The client network (/24 for IPv4, /48 for IPv6), never the full address */
          addressClass: string;
          /** Format: date-time */
          openedAt: string;
          /** @description "page", the CSV downloaded (e.g. "visibility.csv"), or "pdf" */
          what: string;
        }[];
      revokedAt: string | null;
      /** @enum {string} */
      status: "active" | "expired" | "revoked";
      /** @description Shown once: only its SHA-256 is stored */
      token: string;
      /** @description The shared page on PUBLIC_BASE_URL, with the token */
      url: string;
      /** Format: uuid */
      workspaceId: string;
    };
    ShareLinkInput: {
      /** Format: date-time */
      createdAt: string;
      /** @description "user:<id>" or "key:<id>" */
      createdBy: string;
      /** Format: date-time */
      expiresAt: string;
      /** Format: uuid */
      id: string;
      lastOpenedAt: string | null;
      locks: {
        from: string | null;
        /** @description null: every provider */
        providers: string[] | null;
        /** @description null: every tag */
        tags: string[] | null;
        to: string | null;
      };
      name: string;
      openingCount: number;
      /** @description The latest 10 openings, newest first */
      recentOpenings: {
          /** @description The client network (/24 for IPv4, /48 for IPv6), never the full address */
          addressClass: string;
          /** Format: date-time */
          openedAt: string;
          /** @description "page", the CSV downloaded (e.g. "visibility.csv"), or "pdf" */
          what: string;
        }[];
      revokedAt: string | null;
      /** @enum {string} */
      status: "active" | "expired" | "revoked";
      /** Format: uuid */
      workspaceId: string;
    };
    ShareOfVoiceReport: {
      definitionVersion: number;
      filters: {
        [key: string]: unknown;
      };
      groupBy: string[];
      /** @description Runs read from the answer tables rather than rollups (unfinished or changed since) */
      liveRuns: number;
      rows: ({
          /** @description Mean rank (1 = first tracked brand named) over the answers mentioning the brand */
          averageRank: components["schemas"]["Mean"];
          /** Format: uuid */
          brandId: string;
          /** @enum {string} */
          brandKind: "own" | "competitor";
          brandName: string;
          /** @description Failed answers in this slice, never counted as "not mentioned" */
          failed: number;
          /** @description The language asked in: the configuration's locale language, else the prompt's */
          language?: string | null;
          /** @description The configuration's country (ISO 3166-1 alpha-2); null groups configurations without a location */
          location?: string | null;
          /** @description Answers mentioning the brand */
          mentioned: number;
          /** @description Occurrences of the brand across those answers */
          mentions: number;
          /** Format: uuid */
          modelConfigId?: string;
          modelConfigName?: string;
          /** @description Successful analysed answers in this slice: every rate’s denominator */
          n: number;
          /** @description Successful answers whose analysis is not stored yet; in no denominator */
          pendingAnalysis: number;
          /** @description Day, or Monday of the ISO week, in the workspace time zone (YYYY-MM-DD) */
          period?: string;
          /** Format: uuid */
          promptId?: string;
          promptText?: string;
          provider?: string;
          /** Format: uuid */
          runId?: string;
          sentiment: {
            /** @description Mean sentiment of the brand’s mentions, in [-1, 1], over the answers mentioning it */
            mean: components["schemas"]["Mean"];
            /** @description Answers mentioning the brand whose stance toward it is negative */
            negative: number;
            /** @description Answers mentioning the brand whose stance toward it is neutral */
            neutral: number;
            /** @description Answers mentioning the brand whose stance toward it is positive */
            positive: number;
            /** @description Share of the answers mentioning the brand per sentiment label (docs/sentiment.md), each with its 95% Wilson interval */
            shares: {
              /** @description Answers negative about the brand / answers mentioning it */
              negative: components["schemas"]["Proportion"];
              /** @description Answers neutral about the brand / answers mentioning it */
              neutral: components["schemas"]["Proportion"];
              /** @description Answers positive about the brand / answers mentioning it */
              positive: components["schemas"]["Proportion"];
            };
          };
          shareOfVoice: {
            /** @description Occurrences of the brand / occurrences of every tracked brand */
            count: components["schemas"]["Share"];
            /** @description Answers mentioning the brand / Σ over tracked brands of answers mentioning each */
            presence: components["schemas"]["Share"];
          };
          /** @description null groups answers whose prompt has no tag */
          tag?: string | null;
          /** @description Answers naming the brand first / answers mentioning it */
          top1Rate: components["schemas"]["Proportion"];
        })[];
      /** @description Workspace time zone used for days and weeks */
      timezone: string;
    };
    ShareOfVoiceReportInput: {
      definitionVersion: number;
      filters: {
        [key: string]: unknown;
      };
      groupBy: string[];
      /** @description Runs read from the answer tables rather than rollups (unfinished or changed since) */
      liveRuns: number;
      rows: ({
          /** @description Mean rank (1 = first tracked brand named) over the answers mentioning the brand */
          averageRank: components["schemas"]["MeanInput"];
          /** Format: uuid */
          brandId: string;
          /** @enum {string} */
          brandKind: "own" | "competitor";
          brandName: string;
          /** @description Failed answers in this slice, never counted as "not mentioned" */
          failed: number;
          /** @description The language asked in: the configuration's locale language, else the prompt's */
          language?: string | null;
          /** @description The configuration's country (ISO 3166-1 alpha-2); null groups configurations without a location */
          location?: string | null;
          /** @description Answers mentioning the brand */
          mentioned: number;
          /** @description Occurrences of the brand across those answers */
          mentions: number;
          /** Format: uuid */
          modelConfigId?: string;
          modelConfigName?: string;
          /** @description Successful analysed answers in this slice: every rate’s denominator */
          n: number;
          /** @description Successful answers whose analysis is not stored yet; in no denominator */
          pendingAnalysis: number;
          /** @description Day, or Monday of the ISO week, in the workspace time zone (YYYY-MM-DD) */
          period?: string;
          /** Format: uuid */
          promptId?: string;
          promptText?: string;
          provider?: string;
          /** Format: uuid */
          runId?: string;
          sentiment: {
            /** @description Mean sentiment of the brand’s mentions, in [-1, 1], over the answers mentioning it */
            mean: components["schemas"]["MeanInput"];
            /** @description Answers mentioning the brand whose stance toward it is negative */
            negative: number;
            /** @description Answers mentioning the brand whose stance toward it is neutral */
            neutral: number;
            /** @description Answers mentioning the brand whose stance toward it is positive */
            positive: number;
            /** @description Share of the answers mentioning the brand per sentiment label (docs/sentiment.md), each with its 95% Wilson interval */
            shares: {
              /** @description Answers negative about the brand / answers mentioning it */
              negative: components["schemas"]["ProportionInput"];
              /** @description Answers neutral about the brand / answers mentioning it */
              neutral: components["schemas"]["ProportionInput"];
              /** @description Answers positive about the brand / answers mentioning it */
              positive: components["schemas"]["ProportionInput"];
            };
          };
          shareOfVoice: {
            /** @description Occurrences of the brand / occurrences of every tracked brand */
            count: components["schemas"]["ShareInput"];
            /** @description Answers mentioning the brand / Σ over tracked brands of answers mentioning each */
            presence: components["schemas"]["ShareInput"];
          };
          /** @description null groups answers whose prompt has no tag */
          tag?: string | null;
          /** @description Answers naming the brand first / answers mentioning it */
          top1Rate: components["schemas"]["ProportionInput"];
        })[];
      /** @description Workspace time zone used for days and weeks */
      timezone: string;
    };
    SignedIn: {
      user: {
        email: string;
        emailVerified: boolean;
        /** Format: uuid */
        id: string;
        name: string;
      };
    };
    SignedInInput: {
      user: {
        email: string;
        emailVerified: boolean;
        /** Format: uuid */
        id: string;
        name: string;
      };
    };
    SourceCategoryOverride: {
      /**
       * @description A source category. own and competitor come from the brands’ owned domains and cannot be given by an override.
       * @enum {string}
       */
      category: "forum" | "video" | "social" | "review" | "news" | "reference" | "institutional" | "marketplace" | "other";
      /** Format: date-time */
      createdAt: string;
      domain: string;
      /** Format: uuid */
      id: string;
      note: string | null;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      workspaceId: string;
    };
    SourceCategoryOverrideInput: {
      /**
       * @description A source category. own and competitor come from the brands’ owned domains and cannot be given by an override.
       * @enum {string}
       */
      category: "forum" | "video" | "social" | "review" | "news" | "reference" | "institutional" | "marketplace" | "other";
      /** Format: date-time */
      createdAt: string;
      domain: string;
      /** Format: uuid */
      id: string;
      note: string | null;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      workspaceId: string;
    };
    SourceCategoryTrendsReport: {
      definitionVersion: number;
      filters: {
        [key: string]: unknown;
      };
      /** @enum {string} */
      interval: "day" | "week";
      /** @description Version of the domain list the domains were classified with */
      listVersion: number;
      /** @description Runs read from the answer tables rather than rollups (unfinished or changed since) */
      liveRuns: number;
      /** @description Periods with at least one settled answer, oldest first; brand filters do not apply */
      periods: ({
          /** @description Every category, in the fixed order of the citations report */
          categories: ({
              /** @enum {string} */
              category: "own" | "competitor" | "forum" | "video" | "social" | "review" | "news" | "reference" | "institutional" | "marketplace" | "other";
              /** @description Cited sources on domains of this category */
              cited: number;
              /** @description Answers citing at least one domain of this category / answers (Wilson) */
              citingAnswers: components["schemas"]["Proportion"];
              /** @description cited / every cited source, with a delta-method interval over answers (citations in one answer are not independent) */
              share: components["schemas"]["Share"];
            })[];
          /** @description Cited sources (annotations and links) in them */
          cited: number;
          /** @description Analysed answers of the period: the denominator of citingAnswers and the unit of the share intervals */
          n: number;
          /** @description First local day of the day or week (YYYY-MM-DD); answers are dated by their run */
          period: string;
        })[];
      /** @description Workspace time zone used for days and weeks */
      timezone: string;
    };
    SourceCategoryTrendsReportInput: {
      definitionVersion: number;
      filters: {
        [key: string]: unknown;
      };
      /** @enum {string} */
      interval: "day" | "week";
      /** @description Version of the domain list the domains were classified with */
      listVersion: number;
      /** @description Runs read from the answer tables rather than rollups (unfinished or changed since) */
      liveRuns: number;
      /** @description Periods with at least one settled answer, oldest first; brand filters do not apply */
      periods: ({
          /** @description Every category, in the fixed order of the citations report */
          categories: ({
              /** @enum {string} */
              category: "own" | "competitor" | "forum" | "video" | "social" | "review" | "news" | "reference" | "institutional" | "marketplace" | "other";
              /** @description Cited sources on domains of this category */
              cited: number;
              /** @description Answers citing at least one domain of this category / answers (Wilson) */
              citingAnswers: components["schemas"]["ProportionInput"];
              /** @description cited / every cited source, with a delta-method interval over answers (citations in one answer are not independent) */
              share: components["schemas"]["ShareInput"];
            })[];
          /** @description Cited sources (annotations and links) in them */
          cited: number;
          /** @description Analysed answers of the period: the denominator of citingAnswers and the unit of the share intervals */
          n: number;
          /** @description First local day of the day or week (YYYY-MM-DD); answers are dated by their run */
          period: string;
        })[];
      /** @description Workspace time zone used for days and weeks */
      timezone: string;
    };
    SsoStart: {
      redirect: boolean;
      /**
       * Format: uri
       * @description Send the browser here: the identity provider’s sign-in page
       */
      url: string;
    };
    SsoStartInput: {
      redirect: boolean;
      /**
       * Format: uri
       * @description Send the browser here: the identity provider’s sign-in page
       */
      url: string;
    };
    StanceAgreement: {
      /** @description Of those, how many equal the rule-based label of the same brand in the same answer */
      agreed: number;
      /** @description agreed / judged; null when nothing was judged */
      agreementRate: number | null;
      /** @description confusion[judge label][rule-based label]: brand labels per pair */
      confusion: {
        negative: {
          negative: number;
          neutral: number;
          positive: number;
        };
        neutral: {
          negative: number;
          neutral: number;
          positive: number;
        };
        positive: {
          negative: number;
          neutral: number;
          positive: number;
        };
      };
      /** @description What the judge’s calls cost in this run (included in the run’s actualCostUsd) */
      costUsd: number;
      /** @description Version of the stance definition the judge was asked under */
      definitionVersion: number;
      /** @description Brand labels the judge could not give (call failed or answer unreadable) */
      failed: number;
      /** @description 95% Wilson interval of agreementRate */
      interval: {
        high: number;
        low: number;
      } | null;
      /** @description Brand labels the model judge gave in this run’s answers */
      judged: number;
      /** @description Cohen’s kappa between the judge and the rule-based scorer (agreement beyond chance) */
      kappa: number | null;
      /** @description Brand labels not asked for because the run’s budget would have been exceeded */
      refused: number;
      /** Format: uuid */
      runId: string;
    };
    StanceAgreementInput: {
      /** @description Of those, how many equal the rule-based label of the same brand in the same answer */
      agreed: number;
      /** @description agreed / judged; null when nothing was judged */
      agreementRate: number | null;
      /** @description confusion[judge label][rule-based label]: brand labels per pair */
      confusion: {
        negative: {
          negative: number;
          neutral: number;
          positive: number;
        };
        neutral: {
          negative: number;
          neutral: number;
          positive: number;
        };
        positive: {
          negative: number;
          neutral: number;
          positive: number;
        };
      };
      /** @description What the judge’s calls cost in this run (included in the run’s actualCostUsd) */
      costUsd: number;
      /** @description Version of the stance definition the judge was asked under */
      definitionVersion: number;
      /** @description Brand labels the judge could not give (call failed or answer unreadable) */
      failed: number;
      /** @description 95% Wilson interval of agreementRate */
      interval: {
        high: number;
        low: number;
      } | null;
      /** @description Brand labels the model judge gave in this run’s answers */
      judged: number;
      /** @description Cohen’s kappa between the judge and the rule-based scorer (agreement beyond chance) */
      kappa: number | null;
      /** @description Brand labels not asked for because the run’s budget would have been exceeded */
      refused: number;
      /** Format: uuid */
      runId: string;
    };
    Suggestion: {
      brandName: string;
      budgetUsd: number | null;
      /** @description As given; for templates, the template set used */
      category: string | null;
      competitors: ({
          domain: string | null;
          name: string;
        })[];
      /** @description What the call cost: the provider-reported cost, else computed from its usage and the price table */
      costUsd: number | null;
      /** Format: date-time */
      createdAt: string;
      /** @description Why a request failed, when it did */
      error: string | null;
      errorCode: string | null;
      /** @description Estimate of the call from the price table (0 without a call) */
      estimatedCostUsd: number;
      finishedAt: string | null;
      /** Format: uuid */
      id: string;
      locale: string;
      model: string | null;
      modelConfigId: string | null;
      prompts: {
          tags: string[];
          text: string;
        }[];
      provider: string | null;
      /** @enum {string} */
      source: "model" | "searches" | "templates";
      startedAt: string | null;
      /**
       * @description templates and searches answer at once (succeeded); model requests are queued for a worker
       * @enum {string}
       */
      status: "queued" | "running" | "succeeded" | "failed";
      website: string | null;
      /** Format: uuid */
      workspaceId: string;
    };
    SuggestionInput: {
      brandName: string;
      budgetUsd: number | null;
      /** @description As given; for templates, the template set used */
      category: string | null;
      competitors: ({
          domain: string | null;
          name: string;
        })[];
      /** @description What the call cost: the provider-reported cost, else computed from its usage and the price table */
      costUsd: number | null;
      /** Format: date-time */
      createdAt: string;
      /** @description Why a request failed, when it did */
      error: string | null;
      errorCode: string | null;
      /** @description Estimate of the call from the price table (0 without a call) */
      estimatedCostUsd: number;
      finishedAt: string | null;
      /** Format: uuid */
      id: string;
      locale: string;
      model: string | null;
      modelConfigId: string | null;
      prompts: {
          tags: string[];
          text: string;
        }[];
      provider: string | null;
      /** @enum {string} */
      source: "model" | "searches" | "templates";
      startedAt: string | null;
      /**
       * @description templates and searches answer at once (succeeded); model requests are queued for a worker
       * @enum {string}
       */
      status: "queued" | "running" | "succeeded" | "failed";
      website: string | null;
      /** Format: uuid */
      workspaceId: string;
    };
    TrendsReport: {
      definitionVersion: number;
      /** @description The workspace’s change events in the report’s range (from/to), oldest first, at most 500: what the chart marks */
      events: ({
          /** Format: uuid */
          id: string;
          /**
           * @description What happened: content_published, site_change, pr_campaign, product_launch or other
           * @enum {string}
           */
          kind: "content_published" | "site_change" | "pr_campaign" | "product_launch" | "other";
          occurredAt: string;
          /** @description The period holding the event, as the rows’ period */
          period: string;
          title: string | null;
        })[];
      filters: {
        [key: string]: unknown;
      };
      groupBy: string[];
      /** @enum {string} */
      interval: "day" | "week";
      /** @description Runs read from the answer tables rather than rollups (unfinished or changed since) */
      liveRuns: number;
      rows: ({
          averageRank: components["schemas"]["Mean"];
          /** Format: uuid */
          brandId: string;
          /** @enum {string} */
          brandKind: "own" | "competitor";
          brandName: string;
          /** @description Cited sources on the brand’s domains / all cited sources */
          citationShare: components["schemas"]["Share"];
          /** @description Failed answers in this slice, never counted as "not mentioned" */
          failed: number;
          /** @description The language asked in: the configuration's locale language, else the prompt's */
          language?: string | null;
          /** @description The configuration's country (ISO 3166-1 alpha-2); null groups configurations without a location */
          location?: string | null;
          mentioned: number;
          mentionRate: components["schemas"]["Proportion"];
          mentions: number;
          /** Format: uuid */
          modelConfigId?: string;
          modelConfigName?: string;
          /** @description Successful analysed answers in this slice: every rate’s denominator */
          n: number;
          /** @description Successful answers whose analysis is not stored yet; in no denominator */
          pendingAnalysis: number;
          period: string;
          /** Format: uuid */
          promptId?: string;
          promptText?: string;
          provider?: string;
          /** Format: uuid */
          runId?: string;
          sentiment: {
            /** @description Mean sentiment of the brand’s mentions, in [-1, 1], over the answers mentioning it */
            mean: components["schemas"]["Mean"];
            /** @description Answers mentioning the brand whose stance toward it is negative */
            negative: number;
            /** @description Answers mentioning the brand whose stance toward it is neutral */
            neutral: number;
            /** @description Answers mentioning the brand whose stance toward it is positive */
            positive: number;
            /** @description Share of the answers mentioning the brand per sentiment label (docs/sentiment.md), each with its 95% Wilson interval */
            shares: {
              /** @description Answers negative about the brand / answers mentioning it */
              negative: components["schemas"]["Proportion"];
              /** @description Answers neutral about the brand / answers mentioning it */
              neutral: components["schemas"]["Proportion"];
              /** @description Answers positive about the brand / answers mentioning it */
              positive: components["schemas"]["Proportion"];
            };
          };
          /** @description Presence- and count-based share of voice, as in the share-of-voice report */
          shareOfVoice: {
            count: components["schemas"]["Share"];
            presence: components["schemas"]["Share"];
          };
          /** @description Every source of the period’s answers (all brands): annotations, links and retrieved but not cited */
          sources: {
            annotation: {
              count: number;
              /** @description Of every source (cited or retrieved); no interval: sources within one answer are not independent */
              share: components["schemas"]["Share"];
            };
            link: {
              count: number;
              /** @description Of every source (cited or retrieved); no interval: sources within one answer are not independent */
              share: components["schemas"]["Share"];
            };
            searchResult: {
              count: number;
              /** @description Of every source (cited or retrieved); no interval: sources within one answer are not independent */
              share: components["schemas"]["Share"];
            };
          };
          /** @description null groups answers whose prompt has no tag */
          tag?: string | null;
          top1Rate: components["schemas"]["Proportion"];
        })[];
      /** @description Workspace time zone used for days and weeks */
      timezone: string;
    };
    TrendsReportInput: {
      definitionVersion: number;
      /** @description The workspace’s change events in the report’s range (from/to), oldest first, at most 500: what the chart marks */
      events: ({
          /** Format: uuid */
          id: string;
          /**
           * @description What happened: content_published, site_change, pr_campaign, product_launch or other
           * @enum {string}
           */
          kind: "content_published" | "site_change" | "pr_campaign" | "product_launch" | "other";
          occurredAt: string;
          /** @description The period holding the event, as the rows’ period */
          period: string;
          title: string | null;
        })[];
      filters: {
        [key: string]: unknown;
      };
      groupBy: string[];
      /** @enum {string} */
      interval: "day" | "week";
      /** @description Runs read from the answer tables rather than rollups (unfinished or changed since) */
      liveRuns: number;
      rows: ({
          averageRank: components["schemas"]["MeanInput"];
          /** Format: uuid */
          brandId: string;
          /** @enum {string} */
          brandKind: "own" | "competitor";
          brandName: string;
          /** @description Cited sources on the brand’s domains / all cited sources */
          citationShare: components["schemas"]["ShareInput"];
          /** @description Failed answers in this slice, never counted as "not mentioned" */
          failed: number;
          /** @description The language asked in: the configuration's locale language, else the prompt's */
          language?: string | null;
          /** @description The configuration's country (ISO 3166-1 alpha-2); null groups configurations without a location */
          location?: string | null;
          mentioned: number;
          mentionRate: components["schemas"]["ProportionInput"];
          mentions: number;
          /** Format: uuid */
          modelConfigId?: string;
          modelConfigName?: string;
          /** @description Successful analysed answers in this slice: every rate’s denominator */
          n: number;
          /** @description Successful answers whose analysis is not stored yet; in no denominator */
          pendingAnalysis: number;
          period: string;
          /** Format: uuid */
          promptId?: string;
          promptText?: string;
          provider?: string;
          /** Format: uuid */
          runId?: string;
          sentiment: {
            /** @description Mean sentiment of the brand’s mentions, in [-1, 1], over the answers mentioning it */
            mean: components["schemas"]["MeanInput"];
            /** @description Answers mentioning the brand whose stance toward it is negative */
            negative: number;
            /** @description Answers mentioning the brand whose stance toward it is neutral */
            neutral: number;
            /** @description Answers mentioning the brand whose stance toward it is positive */
            positive: number;
            /** @description Share of the answers mentioning the brand per sentiment label (docs/sentiment.md), each with its 95% Wilson interval */
            shares: {
              /** @description Answers negative about the brand / answers mentioning it */
              negative: components["schemas"]["ProportionInput"];
              /** @description Answers neutral about the brand / answers mentioning it */
              neutral: components["schemas"]["ProportionInput"];
              /** @description Answers positive about the brand / answers mentioning it */
              positive: components["schemas"]["ProportionInput"];
            };
          };
          /** @description Presence- and count-based share of voice, as in the share-of-voice report */
          shareOfVoice: {
            count: components["schemas"]["ShareInput"];
            presence: components["schemas"]["ShareInput"];
          };
          /** @description Every source of the period’s answers (all brands): annotations, links and retrieved but not cited */
          sources: {
            annotation: {
              count: number;
              /** @description Of every source (cited or retrieved); no interval: sources within one answer are not independent */
              share: components["schemas"]["ShareInput"];
            };
            link: {
              count: number;
              /** @description Of every source (cited or retrieved); no interval: sources within one answer are not independent */
              share: components["schemas"]["ShareInput"];
            };
            searchResult: {
              count: number;
              /** @description Of every source (cited or retrieved); no interval: sources within one answer are not independent */
              share: components["schemas"]["ShareInput"];
            };
          };
          /** @description null groups answers whose prompt has no tag */
          tag?: string | null;
          top1Rate: components["schemas"]["ProportionInput"];
        })[];
      /** @description Workspace time zone used for days and weeks */
      timezone: string;
    };
    UnsubscribeInfo: {
      /** @description The address, partly hidden */
      email: string;
      ruleName: string;
      unsubscribed: boolean;
      workspaceName: string;
    };
    UnsubscribeInfoInput: {
      /** @description The address, partly hidden */
      email: string;
      ruleName: string;
      unsubscribed: boolean;
      workspaceName: string;
    };
    VisibilityReport: {
      definitionVersion: number;
      filters: {
        [key: string]: unknown;
      };
      groupBy: string[];
      /** @description Runs read from the answer tables rather than rollups (unfinished or changed since) */
      liveRuns: number;
      rows: ({
          /** Format: uuid */
          brandId: string;
          /** @enum {string} */
          brandKind: "own" | "competitor";
          brandName: string;
          /** @description Failed answers in this slice, never counted as "not mentioned" */
          failed: number;
          /** @description The language asked in: the configuration's locale language, else the prompt's */
          language?: string | null;
          /** @description The configuration's country (ISO 3166-1 alpha-2); null groups configurations without a location */
          location?: string | null;
          /** @description Answers mentioning the brand / successful analysed answers */
          mentionRate: components["schemas"]["Proportion"];
          /** Format: uuid */
          modelConfigId?: string;
          modelConfigName?: string;
          /** @description Successful analysed answers in this slice: every rate’s denominator */
          n: number;
          /** @description Successful answers whose analysis is not stored yet; in no denominator */
          pendingAnalysis: number;
          /** @description Day, or Monday of the ISO week, in the workspace time zone (YYYY-MM-DD) */
          period?: string;
          /** Format: uuid */
          promptId?: string;
          promptText?: string;
          provider?: string;
          /** Format: uuid */
          runId?: string;
          /** @description null groups answers whose prompt has no tag */
          tag?: string | null;
        })[];
      /** @description Workspace time zone used for days and weeks */
      timezone: string;
    };
    VisibilityReportInput: {
      definitionVersion: number;
      filters: {
        [key: string]: unknown;
      };
      groupBy: string[];
      /** @description Runs read from the answer tables rather than rollups (unfinished or changed since) */
      liveRuns: number;
      rows: ({
          /** Format: uuid */
          brandId: string;
          /** @enum {string} */
          brandKind: "own" | "competitor";
          brandName: string;
          /** @description Failed answers in this slice, never counted as "not mentioned" */
          failed: number;
          /** @description The language asked in: the configuration's locale language, else the prompt's */
          language?: string | null;
          /** @description The configuration's country (ISO 3166-1 alpha-2); null groups configurations without a location */
          location?: string | null;
          /** @description Answers mentioning the brand / successful analysed answers */
          mentionRate: components["schemas"]["ProportionInput"];
          /** Format: uuid */
          modelConfigId?: string;
          modelConfigName?: string;
          /** @description Successful analysed answers in this slice: every rate’s denominator */
          n: number;
          /** @description Successful answers whose analysis is not stored yet; in no denominator */
          pendingAnalysis: number;
          /** @description Day, or Monday of the ISO week, in the workspace time zone (YYYY-MM-DD) */
          period?: string;
          /** Format: uuid */
          promptId?: string;
          promptText?: string;
          provider?: string;
          /** Format: uuid */
          runId?: string;
          /** @description null groups answers whose prompt has no tag */
          tag?: string | null;
        })[];
      /** @description Workspace time zone used for days and weeks */
      timezone: string;
    };
    Webhook: {
      active: boolean;
      /** Format: date-time */
      createdAt: string;
      description: string | null;
      events: ("run.completed" | "run.failed" | "visibility.changed")[];
      /** Format: uuid */
      id: string;
      /** @description Signing secret (whsec_…), returned once by create and never again: store it to verify Citewatch-Signature */
      secret?: string;
      /** Format: date-time */
      updatedAt: string;
      url: string;
      /** Format: uuid */
      workspaceId: string;
    };
    WebhookDelivery: {
      attempts: number;
      /** Format: date-time */
      createdAt: string;
      deliveredAt: string | null;
      /** @description Why the last attempt failed (network error, timeout, non-2xx) */
      error: string | null;
      /** Format: uuid */
      eventId: string;
      eventType: string;
      /**
       * Format: uuid
       * @description Sent as the Citewatch-Delivery header
       */
      id: string;
      lastAttemptAt: string | null;
      payload: components["schemas"]["WebhookEvent"];
      /** @description First 2 KB of the last response body */
      responseBody: string | null;
      /** @description HTTP status of the last attempt */
      responseStatus: number | null;
      /** @enum {string} */
      status: "pending" | "succeeded" | "failed";
      /** Format: uuid */
      webhookId: string;
    };
    WebhookDeliveryInput: {
      attempts: number;
      /** Format: date-time */
      createdAt: string;
      deliveredAt: string | null;
      /** @description Why the last attempt failed (network error, timeout, non-2xx) */
      error: string | null;
      /** Format: uuid */
      eventId: string;
      eventType: string;
      /**
       * Format: uuid
       * @description Sent as the Citewatch-Delivery header
       */
      id: string;
      lastAttemptAt: string | null;
      payload: components["schemas"]["WebhookEventInput"];
      /** @description First 2 KB of the last response body */
      responseBody: string | null;
      /** @description HTTP status of the last attempt */
      responseStatus: number | null;
      /** @enum {string} */
      status: "pending" | "succeeded" | "failed";
      /** Format: uuid */
      webhookId: string;
    };
    WebhookEvent: {
      /** Format: date-time */
      createdAt: string;
      data: {
        [key: string]: unknown;
      };
      /**
       * Format: uuid
       * @description Event id, the same for every webhook receiving it: de-duplicate on it
       */
      id: string;
      /** @enum {string} */
      type: "run.completed" | "run.failed" | "visibility.changed" | "ping";
      /** Format: uuid */
      workspaceId: string;
    };
    WebhookEventInput: {
      /** Format: date-time */
      createdAt: string;
      data: {
        [key: string]: unknown;
      };
      /**
       * Format: uuid
       * @description Event id, the same for every webhook receiving it: de-duplicate on it
       */
      id: string;
      /** @enum {string} */
      type: "run.completed" | "run.failed" | "visibility.changed" | "ping";
      /** Format: uuid */
      workspaceId: string;
    };
    WebhookInput: {
      active: boolean;
      /** Format: date-time */
      createdAt: string;
      description: string | null;
      events: ("run.completed" | "run.failed" | "visibility.changed")[];
      /** Format: uuid */
      id: string;
      /** @description Signing secret (whsec_…), returned once by create and never again: store it to verify Citewatch-Signature */
      secret?: string;
      /** Format: date-time */
      updatedAt: string;
      url: string;
      /** Format: uuid */
      workspaceId: string;
    };
    Workspace: {
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      name: string;
      /** Format: uuid */
      organizationId: string;
      timezone: string;
      /** Format: date-time */
      updatedAt: string;
    };
    WorkspaceInput: {
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      name: string;
      /** Format: uuid */
      organizationId: string;
      timezone: string;
      /** Format: date-time */
      updatedAt: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}

export type $defs = Record<string, never>;

export type external = Record<string, never>;

export type operations = Record<string, never>;
