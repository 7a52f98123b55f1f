// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "UnionStar",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "unionstar", targets: ["unionstar"]),
        .library(name: "UnionStarCore", targets: ["UnionStarCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.0"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.0"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // Pure domain: rules, scoring, tiers, calendar, access, audit. Foundation plus two format
        // libraries (YAML, CSV); never Vapor or a database.
        .target(
            name: "UnionStarCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "App",
            dependencies: [
                "UnionStarCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                // The OpenAPI document is kept as YAML and served as JSON too.
                .product(name: "Yams", package: "Yams"),
                "CQRencode",
            ],
            swiftSettings: strict
        ),
        // QR codes for the public notice page: Debian's libqrencode (apt: libqrencode-dev).
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .executableTarget(name: "unionstar", dependencies: ["App"], swiftSettings: strict),
        // Release-build engine benchmark; depends on the core only so it builds in seconds.
        .executableTarget(name: "unionstar-bench", dependencies: ["UnionStarCore"], swiftSettings: strict),
        .testTarget(name: "UnionStarCoreTests", dependencies: ["UnionStarCore"], swiftSettings: strict),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
