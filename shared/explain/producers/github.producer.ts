import type { Matcher } from '../match';
import { all, any, body, header, hdr, not, status } from '../match';
import { rule } from '../rule';
import { defineProducer } from './define';

/** x-accepted-oauth-scopes names a scope the token (x-oauth-scopes) lacks. */
const missingScope: Matcher = (ctx) => {
  const accepted = header(ctx, 'x-accepted-oauth-scopes');
  const granted = header(ctx, 'x-oauth-scopes');
  if (accepted === undefined || granted === undefined || !accepted.trim()) return null;
  const have = new Set(granted.split(',').map((s) => s.trim()).filter(Boolean));
  // a parent scope (repo) covers its children (repo:status); admin:org covers write:org/read:org
  const covered = (s: string): boolean => have.has(s) || [...have].some((h) => s.startsWith(`${h}:`) || (h.startsWith('admin:') && s.endsWith(`:${h.slice(6)}`)) || (h.startsWith('write:') && s === `read:${h.slice(6)}`));
  const wanted = accepted.split(',').map((s) => s.trim()).filter(Boolean);
  if (wanted.some(covered)) return null;
  return [{ where: 'header', name: 'x-accepted-oauth-scopes', text: accepted }, { where: 'header', name: 'x-oauth-scopes', text: granted }];
};

/** GitHub's refusal of a token not authorised for an organisation that enforces SAML SSO (REST 403, GraphQL 200). */
const GITHUB_SAML = /Resource protected by organization SAML enforcement\. You must grant your (personal|OAuth|Personal Access|0Auth) token access/i;

/** An organisation's policy on programmatic access: OAuth App access restrictions, or a cap on fine-grained token lifetime. */
const GITHUB_ORG_ACCESS_POLICY = /organization has enabled OAuth App access restrictions|organization forbids access via a fine-grained personal\s+access tokens if the token's lifetime is greater than/;

/** GitHub's pre-receive refusal of a push to a protected branch (git over HTTPS or SSH, and GitHub Enterprise). */
const GITHUB_PROTECTED_BRANCH = /\bGH006: Protected branch update failed for refs\//;

/** GitHub's refusal of a push that adds or changes a workflow file, by a credential without the workflow scope or permission. */
const GITHUB_WORKFLOW_SCOPE = /refusing to allow (?:a Personal Access Token|an OAuth App|a GitHub App) to create or update workflow `?[^`\s)]+`? without `?workflows?`? (?:scope|permission)/;
/** Its ruleset refusal of a push (GH013); with secret scanning's push protection when the push holds a secret. */
const GITHUB_RULESET = /\bGH013: Repository rule violations found for refs\//;
const GITHUB_PUSH_PROTECTION = /\bGITHUB PUSH PROTECTION\b[\s\S]{0,400}?Push cannot contain secrets/;

/** GitHub's git refusal of a push by the Actions token (its GITHUB_TOKEN acts as github-actions[bot]). */
/**
 * GitHub's refusal sentences as a fragment carries them: the primary rate limit's (per IP, user or installation), the
 * organization IP allow list's, SAML enforcement's first sentence, git's push refusals without the remote URL.
 * Sources: docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api, docs.github.com/en/enterprise-cloud@latest/
 * organizations/keeping-your-organization-secure/managing-security-settings-for-your-organization/managing-allowed-ip-addresses-for-your-organization,
 * corpus test/fixtures/responses/github-api/.
 */
const GITHUB_SENTENCES = /\bAPI rate limit exceeded for ([\d.]{7,15}|[\da-f:]{3,39}|user ID \d+|installation ID \d+)\. \(But here's the good news|\bAPI rate limit exceeded for (user ID|installation ID) \d+\b|organization has an IP allow list enabled, and your IP address is not permitted|Resource protected by organization SAML enforcement\.|remote: Write access to repository not granted\.|refusing to allow (?:a Personal Access Token|an OAuth App|a GitHub App) to create or update workflow\b|\bMust have admin rights to Repository\./;
const GITHUB_ACTIONS_BOT_DENIED = /remote: Permission to \S+ denied to github-actions\[bot\]/;

/** GitHub's git-over-HTTPS refusal of an account password. */
const GITHUB_GIT_PASSWORD = /remote: Support for password authentication was removed on August 13, 2021/;

export const githubApi = defineProducer({
  id: 'github-api', kind: 'saas-api', name: 'GitHub API', family: 'github',
  own: [hdr('x-github-request-id'), hdr('x-github-sso'), body(/["']documentation_url["']\s*:\s*u?["']https?:\/\/(docs|developer|help)\.github\.com/)],
  // GitHub's errors as clients print them: its saml_failure extension, its token-permission and SAML sentences
  bodyOnly: [body(/"saml_failure"\s*:\s*(true|false)/), body(/Resource not accessible by (integration|personal access token)/), body(GITHUB_SAML), body(/You have exceeded a secondary rate limit/),
    // git over HTTPS: its remote: lines for a password sign-in and for a token without push rights
    body(GITHUB_GIT_PASSWORD), all(body(/remote: (Permission to \S+ denied to \S+|Write access to repository not granted)/), body(/https:\/\/github\.com\//)), body(GITHUB_PROTECTED_BRANCH), body(GITHUB_ORG_ACCESS_POLICY),
    body(GITHUB_WORKFLOW_SCOPE), body(GITHUB_RULESET), body(GITHUB_ACTIONS_BOT_DENIED), body(GITHUB_SENTENCES)],
  presence: [hdr('server', /^GitHub\.com$/i), hdr('x-github-media-type'), hdr('x-github-api-version-selected')],
  causes: [
    rule('account-or-plan-restriction', 0.95, any(hdr('x-github-sso', /required/i), body(GITHUB_SAML)), {
      blocks: true,
      why: 'the organisation enforces SAML SSO and this token is not authorised for it (x-github-sso: required)',
      fix: 'Authorise the token for the organisation (Settings > Developer settings > tokens > Configure SSO), or open the URL in the x-github-sso header.',
    }),
    rule('insufficient-permissions', 0.92, missingScope, {
      why: 'the endpoint accepts the scopes in X-Accepted-OAuth-Scopes but the token only has those in X-OAuth-Scopes',
      fix: 'Create a token with one of the accepted scopes (gh auth refresh -s <scope>) and retry.',
    }),
    rule('resource-policy-deny', 0.93, body(GITHUB_PROTECTED_BRANCH), {
      blocks: true, why: 'a branch protection rule (or ruleset) refused the push whatever the pusher\'s write access: changes must come through a pull request, force pushes are off, required status checks have not passed, or only listed people and apps may push',
      fix: 'Push to a new branch and open a pull request, or have an admin add the pusher (e.g. a GitHub App for Actions) to the rule\'s bypass or push allowances.',
    }),
    rule('resource-policy-deny', 0.95, body(GITHUB_PUSH_PROTECTION), {
      blocks: true, why: 'secret scanning\'s push protection found a secret (a token or API key it recognises) in the pushed commits and refused the whole push, whatever the pusher\'s rights; nothing reached the repository',
      fix: 'Remove the secret from every pushed commit (amend or rewrite them, then rotate the secret), or, for a false positive or a test credential, use the unblock URL GitHub printed to allow that one secret.',
    }),
    rule('resource-policy-deny', 0.93, body(GITHUB_RULESET), {
      blocks: true, why: 'a repository or organisation ruleset refused the push (GH013): the branch must change through a pull request, or the push breaks another rule the lines below it name (signed commits, linear history, restricted file paths, required checks)',
      fix: 'Push to another branch and open a pull request, or satisfy the rule the message names; an admin can add the pushing app or team to the ruleset\'s bypass list (Settings → Rules → Rulesets).',
    }),
    rule('insufficient-permissions', 0.94, body(GITHUB_ACTIONS_BOT_DENIED), {
      blocks: true, why: 'the workflow pushed with its GITHUB_TOKEN (github-actions[bot]), whose permissions are read-only: the repository\'s default workflow permissions are "Read repository contents", and the workflow does not ask for contents: write (a pull request from a fork never gets it)',
      fix: 'Add permissions: contents: write to the workflow or job, or set Settings → Actions → General → Workflow permissions to "Read and write permissions"; for a fork\'s pull request, push with a PAT or App token instead.',
    }),
    rule('insufficient-permissions', 0.93, body(GITHUB_WORKFLOW_SCOPE), {
      blocks: true, why: 'the push adds or changes a file under .github/workflows, and GitHub lets only credentials holding the workflow scope (classic PAT, OAuth App) or the Workflows write permission (GitHub App, fine-grained token) do that; a GITHUB_TOKEN never can',
      fix: 'Use a token with the workflow scope (gh auth refresh -s workflow, or a new PAT), grant the App the Workflows permission, or push over SSH; otherwise leave workflow files out of the pushed commits.',
    }),
    rule('ip-or-geo-blocked', 0.95, body(/has an IP allow list enabled, and your IP address is not permitted/i), { why: 'the organisation\'s IP allow list does not include your IP' }),
    rule('resource-policy-deny', 0.88, body(/has enabled OAuth App access restrictions|has not approved/i), { why: 'the organisation restricts third-party OAuth App access and has not approved this app' }),
    rule('resource-policy-deny', 0.9, body(/forbids access via a fine-grained personal\s+access tokens if the token's lifetime is greater than/), {
      blocks: true, why: 'the token authenticated, but the organisation\'s personal access token policy refuses fine-grained tokens whose lifetime exceeds its maximum (one without an expiry date always does)',
      fix: 'Create (or regenerate) the fine-grained token with an expiration within the organisation\'s limit, at the settings URL the message gives.',
    }),
    rule('rate-limited', 0.96, body(/You have exceeded a secondary rate limit|secondary rate limit/i), {
      why: 'GitHub\'s secondary rate limit (too many concurrent/fast requests, or content creation) — returned as 403 or 429',
      fix: 'Wait for Retry-After (or at least a minute), serialise requests and slow down content-creating calls.',
    }),
    rule('rate-limited', 0.96, any(body(/API rate limit exceeded for/i), all(status(403, 429), hdr('x-ratelimit-remaining', /^0$/))), { why: 'the primary rate limit is exhausted (x-ratelimit-remaining: 0); reset at x-ratelimit-reset' }),
    rule('invalid-credentials', 0.95, body(/"message"\s*:\s*"Bad credentials"/), { why: 'GitHub does not accept this token (revoked, expired, mistyped or for another host)' }),
    rule('invalid-credentials', 0.93, body(GITHUB_GIT_PASSWORD), {
      blocks: true, why: 'git sent an account password (or a token in the user-name field) over HTTPS; GitHub takes only a personal access token or an app token as the password since August 2021',
      fix: 'Use a personal access token as the password (or gh auth login / Git Credential Manager), or switch the remote to SSH.',
    }),
    rule('missing-credentials', 0.93, body(/"message"\s*:\s*"Requires authentication"/), { why: 'no token reached GitHub for an endpoint that requires one' }),
    rule('insufficient-permissions', 0.92, body(/Resource not accessible by (integration|personal access token)|Must have (admin|push) (rights|access)|Write access to repository not granted|You need admin access|Permission to [\w./-]+ denied to/i), {
      why: 'the token is valid but its permissions (fine-grained/App permissions, repository access or role) do not allow this',
      fix: 'Give the token/App the repository permission the endpoint lists (or include the repository in the fine-grained token\'s access).',
    }),
    rule('account-or-plan-restriction', 0.8, body(/Repository access blocked|account (was|has been) suspended|This feature is not available for (this|your) (plan|account)|upgrade to GitHub (Pro|Team)/i), { why: 'the repository/account is blocked or the plan lacks this feature' }),
  ],
  checklist: {
    auth: 'Compare X-OAuth-Scopes with X-Accepted-OAuth-Scopes; for fine-grained tokens check repository access and permissions; authorise SSO.',
    gateway: 'Check organisation policies: SAML SSO, IP allow list, OAuth App access restrictions, token policies.',
    logging: 'Quote x-github-request-id to GitHub Support / org audit log.',
  },
});

/** GitLab's refusal of git's Basic credentials over HTTPS, as git prints it (remote: …). */
const GITLAB_GIT_BASIC = /remote: HTTP Basic: Access denied\b/;
/** GitLab's pre-receive refusal of a push (or force push) to a protected branch, as git prints it (remote: GitLab: …). */
const GITLAB_PROTECTED_PUSH = /\bGitLab: You are not allowed to (?:force )?push code to (?:a )?protected branch(?:es)? on this project\b/;
/** Its refusal of any push by a user whose role may not push (Guest, Reporter) or who reached it anonymously. */
const GITLAB_NO_PUSH = /\b(?:GitLab|remote): You are not allowed to push code to this project\b/;

export const gitlabApi = defineProducer({
  id: 'gitlab-api', kind: 'saas-api', name: 'GitLab API', family: 'gitlab', overrides: ['authlib'],
  own: [hdr('x-gitlab-meta'), body(/"message"\s*:\s*"(401 Unauthorized|403 Forbidden[^"]*|404 [\w ]+ Not Found)"/)],
  // without headers: Doorkeeper's insufficient_scope envelope naming a GitLab token scope, or python-gitlab's error line
  bodyOnly: [
    body(/"error"\s*:\s*"insufficient_scope"[^}]{0,200}"scope"\s*:\s*"(api|read_api|read_user|read_repository|write_repository|read_registry|write_registry|sudo|admin_mode|ai_features|create_runner|manage_runner|k8s_proxy)\b/),
    body(/\bgitlab\.exceptions\.Gitlab\w*Error: \d{3}\b/),
    // git over HTTPS: GitLab's remote: line (Rails' basic-auth refusal relayed by git; newer ones add the 2FA hint)
    body(GITLAB_GIT_BASIC), body(GITLAB_PROTECTED_PUSH), body(GITLAB_NO_PUSH),
  ],
  presence: [hdr('ratelimit-observed'), hdr('gitlab-lb'), hdr('gitlab-sv'), hdr('x-runtime')],
  causes: [
    rule('insufficient-permissions', 0.93, body(/"error"\s*:\s*"insufficient_scope"|GitlabHttpError: 403: insufficient_scope|requires higher privileges than provided by the access token/), { why: 'the token lacks the scope (api, read_api, write_repository…) this endpoint needs' }),
    rule('invalid-credentials', 0.93, body(/Token is expired|Token was revoked|"error"\s*:\s*"invalid_token"/), { why: 'the GitLab token is expired or revoked' }),
    rule('resource-policy-deny', 0.92, body(GITLAB_PROTECTED_PUSH), {
      blocks: true, why: 'the branch is protected and its rule does not let this user push (or force push) to it, whatever the user\'s role elsewhere in the project: only the roles or people in "Allowed to push and merge" may, and force pushes are off unless the rule allows them',
      fix: 'Push to a new branch and open a merge request, or have a Maintainer add your role or account to the branch\'s "Allowed to push and merge" (Settings → Repository → Protected branches), or allow force push there.',
    }),
    rule('insufficient-permissions', 0.9, body(GITLAB_NO_PUSH), {
      blocks: true, why: 'GitLab let the clone or fetch through but refuses any push: the user\'s role in the project is below Developer (Guest, Reporter), or the deploy key or token used may only read',
      fix: 'Ask a Maintainer for the Developer role (or higher), use a deploy key or token with write access (write_repository), and check git pushes as the account you think (git remote -v, the credential helper\'s stored user).',
    }),
    rule('missing-credentials', 0.5, body(GITLAB_NO_PUSH), { blocks: true, why: 'the push may have reached GitLab without your account (a remote URL without the user name, a credential helper that sent nothing)' }),
    rule('invalid-credentials', 0.9, body(GITLAB_GIT_BASIC), {
      blocks: true, why: 'GitLab did not accept git\'s credentials: a wrong or expired token, or an account password where 2FA (or SSO) requires a personal access token',
      fix: 'Use a personal access token (read_repository / write_repository) as the password, and clear the credential helper\'s stored login for the host.',
    }),
    rule('invalid-credentials', 0.6, body(/"message"\s*:\s*"401 Unauthorized"/), { why: 'GitLab did not accept the credential (or none was sent in PRIVATE-TOKEN / Authorization)' }),
    rule('missing-credentials', 0.5, body(/"message"\s*:\s*"401 Unauthorized"/)),
    rule('account-or-plan-restriction', 0.88, body(/Your account has been blocked|account is (blocked|locked)|requires a (Premium|Ultimate) (license|subscription)/i), { why: 'the GitLab account is blocked or the tier lacks this feature' }),
    rule('insufficient-permissions', 0.55, body(/"message"\s*:\s*"403 Forbidden/), { why: 'the user\'s role in the project/group is too low for this action (or the feature is disabled for the project)' }),
    rule('rate-limited', 0.9, all(status(429), body(/Retry later/)), { why: 'GitLab rate limits (Rack::Attack) refused the request' }),
  ],
  checklist: { auth: 'Check the token scopes and the user\'s role (Reporter/Developer/Maintainer) in the project.' },
});

/** GitHub Packages' container registry answers DENIED with its own permission_denied: <reason> message. */
const GHCR_DENIED = /permission_denied: (write_package|read_package|delete_package|The token provided does not match expected scopes)/;

const OTHER_GITHUB_PACKAGES = /\b(npm|maven|nuget|rubygems)\.pkg\.github\.com\b/;

export const githubContainerRegistry = defineProducer({
  id: 'github-container-registry', kind: 'saas-api', name: 'GitHub Container Registry (ghcr.io)', family: 'github',
  overrides: ['docker-registry'],
  // GitHub Packages' npm, Maven, NuGet and RubyGems registries word it the same: those are not ghcr.io
  bodyOnly: [all(body(GHCR_DENIED), not(body(OTHER_GITHUB_PACKAGES)))],
  causes: [
    rule('insufficient-permissions', 0.92, all(body(GHCR_DENIED), not(body(OTHER_GITHUB_PACKAGES))), {
      blocks: true, why: 'ghcr.io knows the token but it may not do this to the package: a PAT without write:packages/read:packages, or a GITHUB_TOKEN whose workflow lacks packages: write or whose repository is not in the package\'s Manage Actions access list',
      fix: 'Give the workflow permissions: packages: write and add the repository under the package\'s Manage Actions access, or use a PAT with write:packages.',
    }),
  ],
  checklist: { auth: 'Check the token\'s package scopes and the package settings (Manage Actions access, inherited repository permissions).' },
});
