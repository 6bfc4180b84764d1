// `--sandbox`'s copy: the same data as the real file, in a private folder; writes to the copy
// never reach the real file (byte for byte); discarding removes the folder; errors name the
// file the person gave, never the copy.
@testable import DanVanStore
import DanVanTestSupport
import Foundation
import GRDB
import Synchronization
import Testing

@Suite struct SandboxTests {
    @Test func theCopyHoldsTheSameDataAndWritesNeverReachTheRealFile() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/real.db"
            let real = try Store(path: path)
            try real.pool.write { db in
                try db.execute(sql: "INSERT INTO fields (id, code, name, short_name) VALUES (1, 'KT', 'Kinh tế', 'KT')")
            }
            try real.pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))

            let sandbox = try Sandbox(copying: path, temporaryDirectory: directory)
            #expect(sandbox.directory.hasPrefix(directory + "/danvan-sandbox-"))
            let mode = try FileManager.default.attributesOfItem(atPath: sandbox.directory)[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o700)
            #expect(try scalar(sandbox.store, "SELECT name FROM fields WHERE id = 1") == "Kinh tế")
            try sandbox.store.pool.write { db in
                try db.execute(sql: "UPDATE fields SET name = 'Đổi' WHERE id = 1")
                try db.execute(sql: "INSERT INTO fields (id, code, name, short_name) VALUES (2, 'VH', 'Văn hóa', 'VH')")
            }
            #expect(try scalar(sandbox.store, "SELECT count(*) FROM fields") == 2)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
            #expect(try scalar(real, "SELECT name FROM fields WHERE id = 1") == "Kinh tế")

            #expect(sandbox.paths.last == sandbox.directory)
            sandbox.discard()
            #expect(!FileManager.default.fileExists(atPath: sandbox.directory))
            sandbox.discard()
        }
    }

    @Test func errorsNameTheRealFile() throws {
        try withTemporaryDirectory { directory in
            #expect(throws: StoreError.missingFile(path: directory + "/none.db", suggestion: nil)) {
                try Sandbox(copying: directory + "/none.db", temporaryDirectory: directory)
            }
            let other = directory + "/other.db"
            let queue = try DatabaseQueue(path: other)
            try queue.write { db in try db.execute(sql: "CREATE TABLE t (x)") }
            try queue.close()
            #expect(throws: StoreError.notDanVan(path: other, empty: false)) {
                try Sandbox(copying: other, temporaryDirectory: directory)
            }
            // Nothing is left behind by a copy that failed.
            let left = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("danvan-sandbox-") }
            #expect(left.isEmpty)
        }
    }

    /// Sandboxes are made on several threads at once (lessons' practice copies): each gets a
    /// slot of its own in the table the signal handler reads. ThreadSanitizer once saw two
    /// threads take the same slot, so that one sandbox would have been left behind by a kill.
    @Test func sandboxesMadeAtOnceTakeSlotsOfTheirOwn() {
        let threads = 8, each = 4
        let taken = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for round in 0..<each {
                let paths = (0..<LiveSandboxes.pathsPerSlot).map { "/nonexistent/\(thread)-\(round)-\($0)" }
                if let slot = LiveSandboxes.register(paths) { taken.withLock { $0.append(slot) } }
            }
        }
        let slots = taken.withLock { $0 }
        // Other tests of this process may hold a few slots; these 32 fit in the other 32.
        #expect(slots.count == threads * each)
        #expect(Set(slots).count == slots.count, "\(slots.sorted())")
        for slot in slots { LiveSandboxes.unregister(slot) }
    }
}
