// swift-tools-version: 6.1
import PackageDescription

/// Settings shared by every Swift target, applied in one place so no target drifts.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "glossary",
    products: [
        .library(name: "GlossaryKit", targets: ["GlossaryKit"]),
        .executable(name: "glossary", targets: ["GlossaryCommand"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // `swift package generate-documentation` builds the DocC catalog of GlossaryKit.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // System ICU behind a header of our own: only <stdint.h> types cross into Swift,
        // because Foundation's bundled ICU makes any import of <unicode/*.h> clash.
        .target(
            name: "CICU",
            linkerSettings: [
                .linkedLibrary("icuuc"),
                .linkedLibrary("icui18n"),
            ]
        ),
        .target(
            name: "GlossaryKit",
            dependencies: [
                "CICU",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings,
            // The language data is compiled in rather than shipped as a resource bundle, so a
            // copied binary, or an app built on the library, needs no files beside it.
            plugins: ["EmbedLanguageDataPlugin"]
        ),
        // Writes Languages/Data/*.yml into a Swift file of GlossaryKit at build time, each both
        // as text and composed (parsed and its scalars resolved), so that a run does not parse YAML.
        .executableTarget(
            name: "EmbedLanguageData",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .plugin(
            name: "EmbedLanguageDataPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedLanguageData"]
        ),
        // The language server behind `glossary lsp`: the protocol, documents and positions;
        // only its Adapter/ calls GlossaryKit.
        .target(
            name: "GlossaryLanguageServer",
            dependencies: ["GlossaryKit"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "GlossaryCommand",
            dependencies: [
                "GlossaryKit",
                "GlossaryLanguageServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // The scratch folder both test targets put their temporary files in.
        .target(
            name: "TestScratch",
            path: "Tests/TestScratch",
            swiftSettings: swiftSettings
        ),
        // Where both test targets find their material: the checkout, and ../shared beside it.
        .target(
            name: "TestLocations",
            path: "Tests/TestLocations",
            swiftSettings: swiftSettings
        ),
        // The deterministic random numbers of both test targets' randomised tests.
        .target(
            name: "TestRandom",
            path: "Tests/TestRandom",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GlossaryKitTests",
            // CICU directly too: the tokenizer's memory tests drive its allocation hooks.
            dependencies: ["CICU", "GlossaryKit", "TestLocations", "TestRandom", "TestScratch"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GlossaryLanguageServerTests",
            dependencies: ["GlossaryLanguageServer", "TestLocations", "TestRandom", "TestScratch"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GlossaryCommandTests",
            // Depending on the executable makes `swift test` build it; the tests run the binary.
            dependencies: ["GlossaryKit", "GlossaryCommand", "TestLocations", "TestScratch"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
