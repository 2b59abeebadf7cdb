// swift-tools-version: 6.1
// Canon's benchmarks, a package of their own so that the product and its CI do not build
// package-benchmark. Run from this folder: `swift package benchmark` (see README.md here).
import PackageDescription

let package = Package(
    name: "CanonBenchmarks",
    dependencies: [
        // The repository root. Named, so that products resolve whatever the checkout folder is called.
        .package(name: "Canon", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "CanonBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Normalize", package: "Canon"),
                .product(name: "GlossaryFiles", package: "Canon"),
                .product(name: "Pipeline", package: "Canon"),
            ],
            path: "Benchmarks/CanonBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
