// Precision (issue 11): words anyone writes name no vendor; a vendor's own words, alone, still do.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';

const producerOf = (status: number, body: string): string | null => explain({ status, headers: {}, body }).producer?.id ?? null;

describe('explain: generic codes name no producer', () => {
  it('an ERR_ code of a browser, of Node or of axios is not a Squid page', () => {
    expect(producerOf(403, "AxiosError: Request failed with status code 403\n  code: 'ERR_BAD_REQUEST'")).toBeNull();
    expect(producerOf(403, 'Failed to load resource: net::ERR_ACCESS_DENIED')).toBeNull();
    expect(producerOf(500, 'TypeError [ERR_INVALID_URL]: Invalid URL')).toBeNull();
    // Squid's own page names: its template comment, its header line as a client printed it
    expect(producerOf(403, '<p>Access Denied.</p>\n<!-- ERR_ACCESS_DENIED -->')).toBe('squid');
    expect(producerOf(403, 'X-Squid-Error: ERR_ACCESS_DENIED 0')).toBe('squid');
  });

  it('"unauthorized" or "access_denied" as a code is anyone\'s; Backblaze B2\'s own codes name it', () => {
    expect(producerOf(401, '{"code":"unauthorized","message":"Invalid token"}')).toBeNull();
    expect(producerOf(403, '{"code":"access_denied","message":"You do not have access"}')).toBeNull();
    expect(producerOf(401, '{"code": "bad_auth_token", "message": "Invalid authorization token", "status": 401}')).toBe('backblaze-b2');
  });

  it('Kong\'s generic sentences need its headers; its own sentences do not', () => {
    expect(producerOf(429, '{"message":"API rate limit exceeded"}')).toBeNull();
    expect(producerOf(401, '{"message":"Invalid authentication credentials"}')).toBeNull();
    expect(producerOf(403, '{"message":"You cannot consume this service"}')).toBe('kong');
    // Supabase's gateway is Kong: its hint names Supabase
    expect(producerOf(401, '{"message":"No API key found in request","hint":"No `apikey` request header or url param was found."}')).toBe('supabase-postgrest');
  });

  it('API Gateway\'s upper-case Message or another service\'s exception is not its route envelope', () => {
    expect(producerOf(403, '{"message":"Missing Authentication Token"}')).toBe('aws-api-gateway');
    expect(producerOf(403, '{"message":"Missing Authentication Token","documentation":"see our docs"}')).toBeNull();
  });
});
