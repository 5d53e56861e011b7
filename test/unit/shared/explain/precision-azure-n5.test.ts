// Precision (issue 11, round 5, tuner N — Azure edge and gateway layers): the Azure AI front door's
// bearer-token sentence names Azure AI services; APIM's own validate-jwt answer and other audience
// wordings stay theirs.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';

const producerOf = (status: number, body: string, ct = 'application/json') =>
  explain({ status, headers: { 'Content-Type': ct }, body }).producer?.id ?? null;

describe('explain: Azure AI services token refusal (round 5, tuner N)', () => {
  it('APIM\'s validate-jwt message in its envelope still names API Management', () => {
    // an expired token refused by an APIM-fronted Azure API (Azure-Sentinel #11922)
    const apim = '{\n    "statusCode": 401,\n    "message": "Unauthorized. Access token is missing or invalid."\n}';
    expect(producerOf(401, apim)).toBe('azure-api-management');
  });

  it('the AI front door\'s sentence in the same envelope names Azure AI services, not APIM', () => {
    const ai = '{ "statusCode": 401, "message": "Unauthorized. Access token is missing, invalid, audience is incorrect (https://ai.azure.com), or have expired." }';
    expect(producerOf(401, ai)).toBe('azure-ai-services');
  });

  it('other issuers\' audience wordings name nobody from Azure AI services', () => {
    expect(producerOf(401, 'Bearer error="invalid_token", error_description="The audience \'empty\' is invalid"', 'text/plain')).not.toBe('azure-ai-services');
    expect(producerOf(401, '{"error":"invalid_token","error_description":"Access token is missing or invalid, or the audience is incorrect."}')).not.toBe('azure-ai-services');
  });
});
