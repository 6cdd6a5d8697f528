import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrlProblem, guardedFetch, isPrivateAddress, mayReceiveDeploymentKey } from '../../src/providers/egress.js';

const strict = { allowPrivateHosts: false, keyHosts: ['api.mistral.ai'] };

describe('egress policy for user-chosen endpoints', () => {
  it('knows private, loopback, link-local and mapped addresses', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.5',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    for (const ip of ['8.8.8.8', '172.32.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])
      expect(isPrivateAddress(ip), ip).toBe(false);
  });

  it('refuses private base URLs unless allowed', () => {
    expect(baseUrlProblem('http://localhost:11434/v1', strict)).toMatch(/private or local address \(localhost\)/);
    expect(baseUrlProblem('http://169.254.169.254/latest', strict)).toMatch(/private/);
    expect(baseUrlProblem('http://[::1]:8080/v1', strict)).toMatch(/private/);
    expect(baseUrlProblem('https://api.mistral.ai/v1', strict)).toBeNull();
    expect(baseUrlProblem('http://localhost:11434/v1', { ...strict, allowPrivateHosts: true })).toBeNull();
  });

  it('sends the deployment key only to listed hosts', () => {
    expect(mayReceiveDeploymentKey('https://api.mistral.ai/v1', strict)).toBe(true);
    expect(mayReceiveDeploymentKey('https://api.mistral.ai.evil.example/v1', strict)).toBe(false);
    expect(mayReceiveDeploymentKey('https://collector.example/v1', strict)).toBe(false);
  });

  describe('at connection time', () => {
    let url = '';
    const server = createServer((_, res) => res.end('reached'));
    beforeAll(async () => {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('refuses an address written in the URL', async () => {
      await expect(guardedFetch()(`http://${url}/`)).rejects.toThrow(/127\.0\.0\.1 is a private address/);
    });

    it('refuses a name that resolves to a private address', async () => {
      const port = url.split(':')[1];
      await expect(guardedFetch()(`http://localhost:${port}/`)).rejects.toMatchObject({
        cause: { code: 'EPRIVATEADDRESS' },
      });
      // The same server is reachable without the guard, so the refusal is the guard's doing.
      expect(await (await fetch(`http://localhost:${port}/`)).text()).toBe('reached');
    });
  });
});
