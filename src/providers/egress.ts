/**
 * Where configurations may send requests. OpenAI-compatible configurations name their own base
 * URL, so without rules a user could (a) collect the deployment's OPENAI_COMPATIBLE_API_KEY by
 * pointing a configuration at their own server, or (b) make workers call internal addresses.
 * - The deployment key is sent only to hosts listed in OPENAI_COMPATIBLE_KEY_HOSTS.
 * - Private, loopback and link-local addresses are refused, both when a configuration is saved
 *   (a clear 400) and when a connection is opened (so a public name resolving to a private
 *   address is refused too), unless OPENAI_COMPATIBLE_ALLOW_PRIVATE_HOSTS=true (a local Ollama).
 */
import { lookup } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import type { Env } from '../config/env.js';

export interface EgressPolicy {
  allowPrivateHosts: boolean;
  keyHosts: string[];
}

export function egressPolicy(env: Env): EgressPolicy {
  return {
    allowPrivateHosts: env.OPENAI_COMPATIBLE_ALLOW_PRIVATE_HOSTS,
    keyHosts: env.OPENAI_COMPATIBLE_KEY_HOSTS.split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  };
}

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    return mapped ? PRIVATE.check(mapped[1] as string, 'ipv4') : PRIVATE.check(address, 'ipv6');
  }
  return false;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return null;
  }
}

/** Why a base URL is refused under the policy, or null when it is acceptable. */
export function baseUrlProblem(url: string, policy: EgressPolicy): string | null {
  const host = hostOf(url);
  if (!host) return 'must be an http or https URL';
  if (policy.allowPrivateHosts) return null;
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal') || isPrivateAddress(host)) {
    return `points to a private or local address (${host}); allow it with OPENAI_COMPATIBLE_ALLOW_PRIVATE_HOSTS=true, e.g. for a local Ollama`;
  }
  return null;
}

/** Whether the deployment's own key may travel to this base URL. */
export function mayReceiveDeploymentKey(url: string, policy: EgressPolicy): boolean {
  const host = hostOf(url);
  return host !== null && policy.keyHosts.includes(host);
}

/** A fetch that refuses to connect to private addresses, checked on the resolved address. */
export function guardedFetch(): typeof fetch {
  const agent = new Agent({
    connect: {
      lookup(hostname, options, callback) {
        lookup(hostname, { ...options, all: true }, (err, addresses) => {
          if (err) return callback(err, '', 0);
          const list = addresses as Array<{ address: string; family: number }>;
          const bad = list.find((a) => isPrivateAddress(a.address));
          if (bad)
            return callback(
              Object.assign(new Error(`refused: ${hostname} resolves to a private address (${bad.address})`), {
                code: 'EPRIVATEADDRESS',
              }),
              '',
              0,
            );
          if ((options as { all?: boolean }).all)
            return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
          const first = list[0] as { address: string; family: number };
          return callback(null, first.address, first.family);
        });
      },
    },
  });
  return (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    // An address written in the URL is never looked up, so it is checked here.
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const host = hostOf(url);
    if (host && isIP(host) && isPrivateAddress(host))
      throw Object.assign(new TypeError(`refused: ${host} is a private address`), { code: 'EPRIVATEADDRESS' });
    return undiciFetch(
      input as Parameters<typeof undiciFetch>[0],
      { ...(init as object), dispatcher: agent } as Parameters<typeof undiciFetch>[1],
    );
  }) as unknown as typeof fetch;
}
