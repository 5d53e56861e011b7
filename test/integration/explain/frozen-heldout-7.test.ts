// The seventh held-out set (issue 11, test/fixtures/responses/frozen-7/): real refusals and ordinary responses
// from public sources that neither the corpus nor frozen/ to frozen-6/ cite, collected and scored blind once the
// sixth set had been tuned past. About one refusal in six names a layer the registry lacked; those count as
// producer misses and the report lists them. The test reports accuracy and fails only on a crash, an invalid
// explanation, a false alarm, a set under 85 refusals / 15 ordinary, a source cited twice (here or by another
// fixture) or a file of this folder reaching the tuning corpus. Never tune rules on these files or edit their
// expectations to match explain().
import { loadFrozen, loadFrozen2, loadFrozen3, loadFrozen4, loadFrozen5, loadFrozen6, loadFrozen7 } from '../../unit/shared/explain/corpus';
import { heldOutSuite } from '../../support/held-out-suite';

heldOutSuite({
  ordinal: 'seventh',
  folder: 'frozen-7',
  load: loadFrozen7,
  earlier: [loadFrozen, loadFrozen2, loadFrozen3, loadFrozen4, loadFrozen5, loadFrozen6],
});
