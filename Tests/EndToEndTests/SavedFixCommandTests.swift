// The saved fixes (scripts/fixes/*.dv) as staff run them, with the built binary on a copy of
// the demo database: `danvan run FIX --dry-run` changes nothing (every table, the change log
// too), `danvan run FIX` saves one change set, and `danvan undo 1` puts every table of the
// data back exactly. (Which rows each fix changes is checked in-process, in
// Tests/DanVanDomainTests/FixScriptTests.swift.)
import Foundation
import Testing

@Suite struct SavedFixCommandTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/fixes")

    static let fixes: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".dv") }.sorted()
    }()

    static let logTables = ["change_rows", "change_steps", "changes"]

    @Test func thereAreFixes() {
        #expect(Self.fixes.count >= 6)
    }

    @Test(arguments: fixes)
    func dryRunThenRunThenUndo(_ fix: String) throws {
        let copy = try DemoCopy()
        defer { copy.scratch.remove() }
        let pristine = try KillDuringFixTests.copy(copy.path, to: copy.scratch.path + "/pristine.db")
        let script = Self.directory.appendingPathComponent(fix).path

        let dry = try copy.danvan(["run", script, "--dry-run"])
        #expect(dry.status == 0, "\(fix) --dry-run: \(dry.stderr)")
        #expect(dry.stdout.contains("Dry run: nothing was changed. For real, this would have:\n"), "\(dry.stdout)")
        #expect(try SameData.differences(copy.path, pristine).isEmpty, "\(fix) --dry-run changed the file")

        let real = try copy.danvan(["run", script])
        #expect(real.status == 0, "\(fix): \(real.stderr)")
        #expect(real.stderr.hasPrefix("saved change set #1: "), "\(real.stderr)")
        let changed = try SameData.differences(copy.path, pristine)
        #expect(changed.contains { !Self.logTables.contains($0) }, "\(fix) changed no table")

        let undone = try copy.danvan(["undo", "1"])
        #expect(undone.status == 0, "\(fix) undo: \(undone.stderr)")
        #expect(try SameData.differences(copy.path, pristine) == Self.logTables, "undo of \(fix) left the data changed")
    }
}
