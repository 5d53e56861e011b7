// A view in its own chunk: loaded the first time it is rendered, with its own Suspense boundary so a
// caller renders it like any component. Keeps the first paint's JavaScript to what the window shows.
import { lazy, Suspense, type ComponentType } from 'react';

export function ViewLoading({ label = 'Loading…' }: { label?: string }) {
  return <div className="view-loading" role="status">{label}</div>;
}

/**
 * `load` returns the component (e.g. `() => import('./runner-view').then((m) => m.RunnerView)`);
 * `loading` is shown while it loads (none for small parts that appear inside another view).
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>, loading?: string): ComponentType<P> {
  const Inner = lazy(async () => ({ default: await load() }));
  function LazyView(props: P) {
    return <Suspense fallback={loading ? <ViewLoading label={loading} /> : null}><Inner {...props} /></Suspense>;
  }
  return LazyView;
}
