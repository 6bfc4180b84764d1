// swift-tools-version: 6.1
// The DanVan package. Targets follow the data (docs/architecture.md):
// VietText ← DanVanLang (language core, no SQLite/terminal/domain)
// VietText ← DanVanStore (GRDB) ← DanVanDemo, DanVanCSV
// VietText ← DanVanOutput (tables, CSV, JSON, markdown, line: how results are written)
// DanVanLang + DanVanStore + DanVanOutput ← DanVanDomain (binds the domain into the language)
// DanVanDomain + DanVanOutput + ZIPFoundation ← DanVanReport (documents: Markdown, HTML, CSV, XLSX)
// CLibEdit ← LineEditor; DanVanDomain ← DanVanREPL
// DanVanREPL + DanVanReport + DanVanDemo ← DanVanLessons (guided lessons on practice data)
// VietText ← DanVanFiles (every output file: temporary + rename, devices in place) ← CSV,
//   Report, LineEditor, REPL, Lessons, danvan
// everything ← danvan (thin CLI)
import PackageDescription

let package = Package(
    name: "danvan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "danvan", targets: ["danvan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(name: "VietText", exclude: ["README.md"]),
        .target(name: "DanVanLang", dependencies: ["VietText"], exclude: ["README.md"]),
        // How every output file and standard output are written (issue 12): a unique temporary
        // file, the old mode, fsync, rename; devices and FIFOs in place; links followed.
        .target(name: "DanVanFiles", dependencies: ["VietText"], exclude: ["README.md"]),
        // The golden format: `# expect` comments in code, and what the code did compared with
        // them; shared by the test suite's golden runner and `danvan learn --check`.
        .target(name: "DanVanGolden", dependencies: ["DanVanLang", "VietText"], exclude: ["README.md"]),
        .target(name: "DanVanStore", dependencies: [
            "VietText",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["README.md"]),
        .target(name: "DanVanDemo", dependencies: [
            "DanVanStore", "VietText",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["README.md"]),
        // Every way a result is written out (table, CSV, JSON, markdown, line), shared by the
        // REPL, `run`/`eval`, piped input and reports.
        .target(name: "DanVanOutput", dependencies: ["VietText"], exclude: ["README.md"]),
        .target(name: "DanVanCSV", dependencies: ["DanVanFiles", "DanVanOutput", "DanVanStore", "VietText"],
                exclude: ["README.md"]),
        .target(name: "DanVanDomain", dependencies: [
            "DanVanLang", "DanVanOutput", "DanVanStore", "VietText",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["README.md"]),
        // Report documents (Markdown, HTML with SVG charts, CSV, XLSX) and the host functions
        // that build them from a script.
        .target(name: "DanVanReport", dependencies: [
            "DanVanDomain", "DanVanFiles", "DanVanLang", "DanVanOutput", "VietText",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["README.md"]),
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "LineEditor", dependencies: ["CLibEdit", "DanVanFiles", "VietText"], exclude: ["README.md"]),
        .target(name: "DanVanREPL", dependencies: ["DanVanDomain", "DanVanFiles", "DanVanLang", "DanVanOutput", "DanVanStore",
                                                 "VietText"],
                exclude: ["README.md"]),
        // The guided lessons (issue 10): lesson files, their checks, the practice copies of
        // the demo data, progress, and the lesson session over the REPL engine.
        .target(name: "DanVanLessons", dependencies: [
            "DanVanDemo", "DanVanDomain", "DanVanFiles", "DanVanGolden", "DanVanLang", "DanVanOutput", "DanVanREPL", "DanVanReport",
            "DanVanStore", "VietText",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["README.md"], resources: [.copy("Lessons")]),
        .executableTarget(name: "danvan", dependencies: [
            "DanVanStore", "DanVanDemo", "DanVanCSV", "DanVanDomain", "DanVanFiles", "DanVanLang",
            "DanVanLessons", "DanVanOutput", "DanVanREPL", "DanVanReport", "LineEditor", "VietText",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [
            // The Swift runtime and Foundation linked into the binary (issue 11): the dynamic
            // linker's symbol lookups in a dozen Swift libraries were a quarter of a one-shot
            // command's start-up. The objects were compiled against the shared Foundation,
            // whose module does not name the static archives Foundation needs, so they are
            // named here (a group: they refer to each other). sqlite, libedit and zlib stay
            // shared system libraries. Release builds only: the sanitizers' allocators do not
            // own what the static runtime allocates, and ThreadSanitizer stopped every debug
            // `danvan` at `ProcessInfo.environment` (scripts/sanitize builds debug).
            .unsafeFlags(["-static-stdlib",
                          "-Xlinker", "--start-group",
                          "-lFoundation", "-lFoundationInternationalization", "-lCoreFoundation",
                          "-l_FoundationICU", "-lFoundationEssentials", "-l_FoundationCShims",
                          "-l_FoundationCollections",
                          "-Xlinker", "--end-group"], .when(platforms: [.linux], configuration: .release)),
        ]),
        // libFuzzer targets (issue 12): language, CSV reader, lesson files. `scripts/fuzz` builds
        // it with the fuzzer; a plain build replays input files (a crash found by fuzzing).
        .executableTarget(name: "danvan-fuzz", dependencies: ["DanVanCSV", "DanVanLang", "DanVanLessons"]),
        .testTarget(name: "VietTextTests", dependencies: ["VietText"]),
        .testTarget(name: "DanVanFilesTests", dependencies: ["DanVanFiles"]),
        .testTarget(name: "DanVanLangTests", dependencies: ["DanVanGolden", "DanVanLang", "VietText"],
                    resources: [.copy("Golden")]),
        .testTarget(name: "DanVanOutputTests", dependencies: ["DanVanOutput", "VietText"]),
        // What the store, CSV and demo tests share: temporary folders, the demo database made once.
        .target(name: "DanVanTestSupport", dependencies: [
            "DanVanDemo", "DanVanStore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], path: "Tests/DanVanTestSupport"),
        .testTarget(name: "DanVanStoreTests", dependencies: [
            "DanVanStore", "DanVanTestSupport", "VietText",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "DanVanCSVTests", dependencies: [
            "DanVanCSV", "DanVanDemo", "DanVanStore", "DanVanTestSupport", "VietText",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "DanVanDemoTests", dependencies: [
            "DanVanDemo", "DanVanStore", "DanVanTestSupport", "VietText",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "DanVanDomainTests", dependencies: [
            "DanVanDomain", "DanVanLang", "DanVanOutput", "DanVanStore", "DanVanDemo", "DanVanREPL", "DanVanReport",
            "VietText",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["Pipelines"]),
        .testTarget(name: "DanVanREPLTests", dependencies: [
            "DanVanREPL", "DanVanDomain", "DanVanLang", "DanVanOutput", "DanVanStore", "LineEditor", "VietText",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "DanVanLessonsTests", dependencies: [
            "DanVanGolden", "DanVanLessons", "DanVanLang", "DanVanREPL", "DanVanStore", "VietText",
        ]),
        .testTarget(name: "DanVanReportTests", dependencies: [
            "DanVanReport", "DanVanDomain", "DanVanLang", "DanVanOutput", "VietText",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["Snapshots"]),
        // GRDB only to read a database after the binary is killed (integrity, every table).
        .testTarget(name: "EndToEndTests", dependencies: ["DanVanGolden", "DanVanLang", "VietText",
                                                          .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["FuzzFindings"]),
    ],
    swiftLanguageModes: [.v6]
)
