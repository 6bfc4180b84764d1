// `danvan demo`: makes the deterministic demo data set (issue #2).
import ArgumentParser
import DanVanStore
import Foundation

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the demo data set (a fictional city, 2009-2025)."
    )

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let store = try options.openStore()
        print("units:", try store.count("units"))
    }
}
