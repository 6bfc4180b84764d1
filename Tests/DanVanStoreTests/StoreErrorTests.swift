// Opening a database that cannot be opened ends in a StoreError with a bilingual message,
// never in a raw Foundation or SQLite error.
import DanVanTestSupport
import Foundation
import Testing
@testable import DanVanStore

@Test func aFolderThatCannotBeMadeIsAStoreError() {
    #expect {
        _ = try Store(path: "/proc/danvan-no-such-dir/x.db")
    } throws: { error in
        guard let error = error as? StoreError, case .cannotCreateDirectory = error else { return false }
        return error.message(.vi).contains("không tạo được thư mục") && error.message(.en).contains("cannot create")
    }
}

@Test func aFileThatIsNotADatabaseIsAStoreError() throws {
    try withTemporaryDirectory { dir in
        let path = dir + "/notes.txt"
        try Data("ghi chú, not SQLite".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try Store(path: path)
        } throws: { error in
            guard let error = error as? StoreError, case .cannotOpen = error else { return false }
            return error.message(.en).contains(path)
        }
    }
}
