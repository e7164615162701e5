// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Recall",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "recall", targets: ["recall"]),
    .library(name: "RecallKit", targets: ["RecallKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(name: "LineEditing", dependencies: ["CLibEdit"]),
    // Anki packages: collections are SQLite; current ones are zstd-compressed inside the ZIP.
    .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
    .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
    .target(
      name: "RecallKit",
      dependencies: [
        "Yams", "CSQLite", "CZstd", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .target(
      name: "RecallCLI",
      dependencies: [
        "RecallKit",
        "LineEditing",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "recall", dependencies: ["RecallCLI"]),
    // Made-up decks and collections of any size, for the benchmarks and the tests; not shipped.
    .target(name: "RecallSynthetic", dependencies: ["RecallKit"]),
    .executableTarget(name: "recall-bench", dependencies: ["RecallKit", "RecallSynthetic"]),
    // libFuzzer targets; scripts/fuzz builds them with -sanitize=fuzzer.
    .executableTarget(name: "recall-fuzz", dependencies: ["RecallKit"]),
    // For the test targets only (it imports Testing): repository paths, expectSnapshot,
    // MarkedText. Fixtures and snapshots are read from the checkout, not copied as resources.
    .target(name: "RecallTestSupport"),
    .testTarget(
      name: "RecallKitTests", dependencies: ["RecallKit", "RecallSynthetic", "RecallTestSupport"],
      exclude: ["Fixtures", "Snapshots"]),
    .testTarget(name: "LineEditingTests", dependencies: ["LineEditing"]),
    .testTarget(
      name: "RecallCLITests", dependencies: ["RecallCLI", "RecallKit", "RecallTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
