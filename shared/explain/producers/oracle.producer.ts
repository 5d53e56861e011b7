import { all, any, body, bodyGroup, hdr } from '../match';
import type { Matcher } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * An OCI error code where its envelope or an SDK's line carries it: "code": "X" (JSON, or the
 * Python SDK's dict), the Go SDK's "Service error:X.", Terraform's "404-X", the Java SDK's "(401, X, false)".
 */
const ociCode = (codes: string): Matcher => bodyGroup(new RegExp(`(?:"code"\\s*:\\s*"|Service error:|\\b\\d{3}-|\\(\\d{3}, )(${codes})\\b`), 1);
/** The codes OCI's API-errors table lists for refusals (docs.oracle.com/iaas/Content/API/References/apierrors.htm). */
const OCI_REFUSALS = 'NotAuthorizedOrNotFound|RelatedResourceNotAuthorizedOrNotFound|NotAuthorizedOrResourceAlreadyExists|NamespaceNotFound|NotAuthenticated|NotAuthorized|SignUpRequired';
/** OCI's words for its throttling answer (per user or per tenancy). */
const OCI_THROTTLED = /Too many requests for the (user|tenant)\b|User-rate limit exceeded\./;
/** The same codes that name OCI on their own: a bare "NotAuthorized" is anyone's code. */
const OCI_OWN_CODES = OCI_REFUSALS.replace('|NotAuthorized|', '|');

export const oracleOci = defineProducer({
  id: 'oracle-oci', kind: 'saas-api', name: 'Oracle Cloud Infrastructure API', family: 'oracle',
  own: [hdr('opc-request-id')],
  // pasted without headers: the refusal codes in OCI's envelope or SDK lines, its request id as the SDKs print it
  bodyOnly: [ociCode(OCI_OWN_CODES), body(/\b(opc-request-id|Opc request id|OPC request ID)\b["']?\s*[:=]\s*["']?[\w:-]{8,}/), body(/docs\.oracle\.com\/(en-us\/)?iaas\/Content\/API\/References\/apierrors\.htm/),
    // its throttling code is anyone's: with OCI's own sentences for it, it is OCI's
    all(ociCode('TooManyRequests'), body(OCI_THROTTLED)),
    // NotAuthorizedOrNotFound's own sentence, as its SDKs and CLI print the message (github.com/oracle/oci-go-sdk/issues/321,
    // github.com/oracle/oci-cli/issues/485, github.com/hitrov/oci-arm-host-capacity/issues/72)
    body(/\bAuthorization failed or requested resource not found\b/)],
  causes: [
    rule('rate-limited', 0.93, any(ociCode('TooManyRequests'), body(OCI_THROTTLED)), {
      blocks: true, why: 'OCI throttled the caller: too many requests to this service for the user or the whole tenancy in a short time (429 TooManyRequests)',
      fix: 'Retry with exponential back-off (the SDKs\' retry strategies), spread list calls over time, or ask Oracle to raise the service\'s request limit for the tenancy.',
    }),
    rule('insufficient-permissions', 0.72, ociCode('NotAuthorizedOrNotFound|RelatedResourceNotAuthorizedOrNotFound|NamespaceNotFound|NotAuthorizedOrResourceAlreadyExists'), {
      blocks: true,
      why: 'OCI answers "not authorized or not found" for both a missing IAM policy and a wrong OCID; a missing policy statement for this compartment is the usual cause',
      fix: 'Check the IAM policy grants this user/group the verb on the resource type in its compartment (e.g. "Allow group X to manage instance-family in compartment Y"), then check the OCID and region.',
    }),
    rule('method-or-path-blocked', 0.35, ociCode('NotAuthorizedOrNotFound'), { why: 'the OCID, compartment or region in the URL may be wrong: OCI does not say which' }),
    rule('invalid-credentials', 0.88, ociCode('NotAuthenticated'), {
      why: 'OCI could not verify the request signature: the API key\'s fingerprint, the tenancy/user OCID, the private key or the clock does not match',
      fix: 'Check ~/.oci/config (user, tenancy, fingerprint, key_file, region) against the API key uploaded to the user in the Console.',
    }),
    rule('insufficient-permissions', 0.85, ociCode('NotAuthorized'), { why: 'the caller may not update one or more of the fields in this request' }),
    rule('account-or-plan-restriction', 0.85, ociCode('SignUpRequired'), { why: 'this operation needs an opt-in (sign-up) for the tenancy first' }),
  ],
  checklist: {
    auth: 'Check the API key in ~/.oci/config (fingerprint, user and tenancy OCIDs) or the instance/resource principal.',
    server: 'Check the IAM policy statements for the group in the target compartment, and that the OCID is in this region.',
    logging: 'Quote the opc-request-id to Oracle support; the Audit service shows the denied call.',
  },
});


/** Object Storage's own codes and sentence ("Either the bucket named … does not exist in the namespace … or you are not authorized to access it"). */
const OS_CODES = 'BucketNotFound|NamespaceNotFound|ObjectNotFound';
const OS_SENTENCE = /does not exist in the namespace '[^']*'( or you are not authorized to access it)?/;

export const ociObjectStorage = defineProducer({
  id: 'oci-object-storage', kind: 'cloud-storage', name: 'OCI Object Storage', family: 'oracle', overrides: ['oracle-oci'],
  // the service of OCI that wrote it: its codes, its namespace sentence, its (Swift) endpoint host
  bodyOnly: [ociCode(OS_CODES), body(OS_SENTENCE), body(/\b(swift)?objectstorage\.[a-z0-9-]+\.oraclecloud\.com\b/)],
  presence: [hdr('opc-request-id'), hdr('opc-client-request-id')],
  causes: [
    rule('insufficient-permissions', 0.7, any(ociCode(OS_CODES), body(OS_SENTENCE)), {
      blocks: true,
      why: 'Object Storage answers 404 both for a bucket, object or namespace that does not exist and for one the caller\'s policies do not cover; a missing policy (or another tenancy\'s namespace) is the usual cause',
      fix: 'Check the namespace is this tenancy\'s (oci os ns get), the bucket name and region, then an IAM policy such as "Allow group X to read objects in compartment Y" (for a dynamic group or instance principal too).',
    }),
    rule('method-or-path-blocked', 0.4, any(ociCode(OS_CODES), body(OS_SENTENCE)), { why: 'the bucket, object or namespace in the URL may simply be wrong: Object Storage does not say which' }),
  ],
  checklist: { server: 'Compare the namespace and bucket in the URL with oci os ns get and oci os bucket list, then the policies for the caller in the bucket\'s compartment.' },
});
