// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Canon",
    products: [
        .executable(name: "canon", targets: ["canon"]),
        .library(name: "Normalize", targets: ["Normalize"]),
        .library(name: "GlossaryFiles", targets: ["GlossaryFiles"]),
        .library(name: "Pipeline", targets: ["Pipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // System ICU (Debian's libicu-dev). The module map links icuuc and icui18n:
        // transliteration and the spoof checker live in i18n.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // Owns every ICU handle. Imports CICU implementation-only and uses FoundationEssentials,
        // never Foundation (the two carry clashing ICU headers; see docs/ARCHITECTURE.md).
        .target(name: "Normalize", dependencies: ["CICU"]),
        // Reads and writes glossary files (YAML). Separate from Normalize because Yams imports
        // Foundation, which cannot share a module with the system ICU headers.
        .target(name: "GlossaryFiles", dependencies: ["Normalize", .product(name: "Yams", package: "Yams")]),
        // CLD2 language identification (Debian's libcld2-dev, C++) behind one extern "C" function.
        .target(name: "CCLD2", linkerSettings: [.linkedLibrary("cld2")]),
        // zlib, for gzip-compressed input.
        .target(name: "CZlib", linkerSettings: [.linkedLibrary("z")]),
        .target(name: "Pipeline", dependencies: ["Normalize", "GlossaryFiles", "CCLD2", "CZlib",
                                                 .product(name: "Yams", package: "Yams")]),
        .executableTarget(
            name: "canon",
            dependencies: [
                "Normalize",
                "Pipeline",
                "GlossaryFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What several test targets share (a seeded random generator).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "NormalizeTests",
            dependencies: ["Normalize", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "GlossaryFilesTests", dependencies: ["GlossaryFiles"], exclude: ["Fixtures"]),
        .testTarget(
            name: "MatchingTests",
            dependencies: ["GlossaryFiles", "Pipeline", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "GlossaryFiles", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["canon"]),
    ]
)
