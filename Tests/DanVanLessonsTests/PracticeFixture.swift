// One practice cache for the whole test run (the demo data, about two seconds to make), in a
// scratch folder removed when the test process exits; and a world to try answers in.
import DanVanLang
@testable import DanVanLessons
import Foundation
import VietText

enum Practice {
    static let made: Result<PracticeData, Error> = Result {
        let folder = NSTemporaryDirectory() + "danvan-lessons-test-\(getpid())"
        scratchToRemove = folder
        atexit { if let folder = scratchToRemove { try? FileManager.default.removeItem(atPath: folder) } }
        return try PracticeData(version: "test", environment: ["XDG_CACHE_HOME": folder])
    }

    static func data() throws -> PracticeData { try made.get() }

    /// A quiet world on a fresh copy, as the lessons' own are.
    static func world(_ lang: Lang = .en) throws -> PracticeWorld {
        try PracticeWorld(practice: try data(), settings: PracticeSettings.quiet(lang),
                          environment: PracticeSettings.quietEnvironment())
    }
}

/// Set once, by `Practice.made`, before the exit handler that reads it is registered.
nonisolated(unsafe) private var scratchToRemove: String?
