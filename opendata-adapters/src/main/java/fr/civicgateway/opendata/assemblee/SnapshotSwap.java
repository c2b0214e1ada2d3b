package fr.civicgateway.opendata.assemblee;

/**
 * What {@link AssembleeRefresh} hands a new, validated snapshot to: the owner of everything derived from the data
 * (the index answered from, the NLU's gazetteers, the topic search, the caches).
 *
 * <p>Two steps, so that nothing is replaced before everything is ready: {@link #prepare} builds what derives from
 * the snapshot; it may throw, and then the new archives are refused and nothing changes. The action it returns makes
 * the snapshot current; it runs after the archives are stored on disk and must not fail. Called by the refreshing
 * thread, one snapshot at a time.
 *
 * <pre>{@code
 * SnapshotSwap swap = next -> {
 *     Index index = Index.build(next);     // may throw: nothing has changed yet
 *     return () -> current.set(index);     // cannot fail
 * };
 * }</pre>
 */
@FunctionalInterface
public interface SnapshotSwap {

    Runnable prepare(AssembleeSnapshot next);
}
