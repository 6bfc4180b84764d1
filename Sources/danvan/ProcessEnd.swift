// The end of a one-shot command (`eval`, `run`, piped input). Releasing a run's objects one by
// one — every cached row, value and compiled closure — is work the kernel does at once when the
// process ends, and it cost up to a tenth of a short run (issue 11). So the objects are kept
// here until `exit`, which never frees them. The database connection is closed first, as its
// deinit would have, so SQLite finishes with the file (checkpoints and removes the `-wal`) as
// it always does; when it cannot close (a statement still open), nothing is kept and the
// objects are released the ordinary way, which closes it.
import DanVanStore

enum ProcessEnd {
    /// Objects kept alive until the process ends. Written once, on the main thread, after the run.
    nonisolated(unsafe) private static var kept: [AnyObject] = []

    /// Closes `store`'s connection and keeps `objects` (and the store) until the process ends.
    static func keepUntilExit(_ store: Store, _ objects: [AnyObject]) {
        do {
            try store.pool.close()
        } catch {
            return
        }
        kept += objects
        kept.append(store)
    }
}
