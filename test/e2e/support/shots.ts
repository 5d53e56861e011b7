// Where specs write screenshots: test-results/ by default, so a test run never rewrites tracked
// files; `npm run screenshots` points it at docs/screenshots to refresh the README's pictures.
export const SHOTS = process.env.CLEARANCE_SHOTS ?? 'test-results/screenshots';
